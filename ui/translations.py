"""Loads the interface language: our .qm catalogue, Qt's own, and the direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from ui.icons import resources_dir

SUPPORTED = ("fr", "ar", "en")


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language``; sets RTL for Arabic.

    Returns the translators (keep them alive as long as the application).
    """
    language = language if language in SUPPORTED else "fr"
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"hatif_{language}.qm")):
        QCoreApplication.installTranslator(ours)
        translators.append(ours)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt_base)
        translators.append(qt_base)
    locale = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}[language]
    QLocale.setDefault(QLocale(locale))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    return translators


def remove_language(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
