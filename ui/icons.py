"""Icons and stylesheets shipped in ``resources/`` (found next to the code or in
a PyInstaller bundle)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def stylesheet(name: str = "workspace") -> str:
    path = resources_dir() / "styles" / f"{name}.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""
