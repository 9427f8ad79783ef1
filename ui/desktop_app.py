"""Opens the desktop window for ``hatif`` (placeholder until the workspace window lands).

Contract with app.main: ``run_desktop(context) -> int`` is called with a
QApplication already created; it shows the window, brings it forward when a
second launch asks (``context.single_instance.activation_requested``) and
returns ``app.exec()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from app.app_context import AppContext

_log = logging.getLogger(__name__)


def run_desktop(context: AppContext) -> int:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    window = QMainWindow()
    window.setWindowTitle(QCoreApplication.translate("DesktopApp", "Hatif"))

    def bring_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        _log.info("Window brought forward")

    if context.single_instance is not None:
        context.single_instance.activation_requested.connect(bring_forward)
    window.resize(1024, 700)
    window.show()
    return application.exec()
