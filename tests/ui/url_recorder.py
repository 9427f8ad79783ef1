"""Records the URLs the desk asks the OS to open (WhatsApp and SMS links), through
Qt's own URL-handler hook instead of a browser or an SMS application."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot


class UrlRecorder(QObject):
    """Stands in for the OS's URL handler through Qt's own hook."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
