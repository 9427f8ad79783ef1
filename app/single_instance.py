"""One Hatif window per user: a second launch asks the first to come forward, then exits.

The first instance listens on a QLocalServer (a Unix socket / Windows named
pipe) whose name is derived from the user and their data directory; a later
launch connects, sends ``activate`` and waits for ``ok``. The running window
reacts to :attr:`SingleInstance.activation_requested` (raise, activate).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
ACKNOWLEDGED = b"ok\n"

_log = logging.getLogger(__name__)


def server_name_for(data_dir: Path) -> str:
    """Stable per user and per data directory (two test profiles never collide)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:20]
    return f"hatif-{digest}"


class SingleInstance(QObject):
    """The single-instance guard of one user's Hatif."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def ask_running_instance(self, timeout_ms: int = 2000) -> bool:
        """True when another instance is running and acknowledged the activation."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        while ACKNOWLEDGED not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return ACKNOWLEDGED in answer

    def listen(self) -> bool:
        """Become the running instance; a stale socket left by a crash is removed first."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered ask_running_instance, so the name is a leftover of a crash.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                _log.warning("Single-instance guard unavailable: %s", server.errorString())
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        _log.info("Single-instance guard listening on %s", server.fullServerName())
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def on_ready_read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if ACTIVATE in buffer:
                    buffer.clear()
                    socket.write(ACKNOWLEDGED)
                    socket.flush()
                    socket.disconnectFromServer()
                    _log.info("Another launch asked this window to come forward")
                    self.activation_requested.emit()

            socket.readyRead.connect(on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                on_ready_read()
