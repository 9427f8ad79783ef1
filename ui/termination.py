"""SIGTERM and SIGINT end Hatif from any state, as Quit does, dialogs open included.

Logout scripts and deployment tools stop the desk with SIGTERM; a terminal's
Ctrl+C sends SIGINT. Both close every open dialog (the sign-in dialog and the
crash notice run before the main event loop, where ``QCoreApplication.quit()``
does nothing) and leave every running event loop; the window's shutdown then
runs as usual (outbox kept in the local store, demo server and line stopped).
SIGINT no longer raises KeyboardInterrupt inside a Qt slot, which wrote a crash
report and made the next start say Hatif had crashed.
"""

from __future__ import annotations

import logging
import signal
from types import FrameType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

_log = logging.getLogger(__name__)

_PROPERTY = "hatifTerminationRequested"
# Python runs signal handlers only between its own bytecodes and Qt's event loop
# runs none: a timer wakes the interpreter this often (ms).
_WAKE_INTERVAL_MS = 250


def termination_requested() -> bool:
    """True once SIGTERM or SIGINT arrived: nothing new should start."""
    app = QCoreApplication.instance()
    return bool(app is not None and app.property(_PROPERTY))


def _terminate(signum: int) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    _log.info("%s received: closing Hatif", signal.Signals(signum).name)
    app.setProperty(_PROPERTY, True)
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
    # Leaves app.exec() and every nested loop (a dialog's exec inside it).
    QCoreApplication.exit(0)


def install_termination(app: QCoreApplication) -> QTimer:
    """Route SIGTERM and SIGINT to an orderly exit; keep the returned timer alive."""

    def handle(signum: int, _frame: FrameType | None) -> None:
        # Leave the signal handler first: Qt is called from the event loop, not from
        # whatever bytecode the signal interrupted.
        QTimer.singleShot(0, lambda: _terminate(signum))

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(_WAKE_INTERVAL_MS)
    return wake
