"""What this copy of Hatif is: version, frozen bundle or source, library versions."""

from __future__ import annotations

import platform
import sys
from importlib.metadata import PackageNotFoundError, version

from PySide6 import QtCore
from PySide6.QtCore import QCollator, QLocale

from core.version import VERSION


def app_version() -> str:
    """Hatif's version (core.version: the same in a source install and the bundle)."""
    return VERSION


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def bundle_details() -> dict[str, object]:
    return {
        "version": app_version(),
        "frozen": is_frozen(),
        "executable": sys.executable,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "qt": QtCore.qVersion(),
        "pyside6": _package_version("PySide6") or _package_version("PySide6_Essentials"),
        "pjsua2": _package_version("pjsua2-python"),
        "collation": french_collation_works(),
    }


def french_collation_works() -> bool:
    """True when Qt's ICU data has French collation (é sorts before f): the bundle
    ships ICU trimmed to fr/ar/en, and a broken trim would show here."""
    return QCollator(QLocale("fr_FR")).compare("é", "f") < 0
