"""Sign-in: server URL (from provisioning, editable when none), user, password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services.operations import OperationRunner
from app.services.session_service import SessionService, SignedIn, SignInError
from ui.icons import icon


class LoginDialog(QDialog):
    """Signs in off the GUI thread; ``session`` is set when accepted."""

    def __init__(
        self,
        sessions: SessionService,
        runner: OperationRunner,
        *,
        server_url: str,
        url_locked: bool,
        username: str = "",
        keyring_available: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._runner = runner
        self.session: SignedIn | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in to Hatif"))
        self.setWindowIcon(icon("hatif"))
        self.server_url = QLineEdit(server_url, self)
        self.server_url.setObjectName("serverUrl")
        self.server_url.setReadOnly(url_locked and bool(server_url))
        self.server_url.setPlaceholderText("https://hatif.example.ma")
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.stay = QCheckBox(self.tr("Stay signed in on this computer"), self)
        self.stay.setObjectName("staySignedIn")
        self.stay.setChecked(keyring_available)
        self.stay.setEnabled(keyring_available)
        if not keyring_available:
            self.stay.setToolTip(self.tr("No secure keyring on this computer."))
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        title = QLabel("<h2>Hatif</h2>", self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(title)
        form.addRow(self.tr("Server"), self.server_url)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.stay)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        url = self.server_url.text().strip()
        user = self.username.text().strip()
        password = self.password.text()
        if not url or not user or not password:
            self.error.setText(self.tr("Fill in the server, your username and your password."))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Signing in…"))
        stay = self.stay.isChecked()
        self._runner.run(
            lambda: self._sessions.sign_in(url, user, password, stay_signed_in=stay),
            self._on_signed_in,
            self.show_failure,
        )

    def _on_signed_in(self, session: SignedIn) -> None:
        self.session = session
        self.password.clear()
        self.accept()

    def show_failure(self, exc: Exception) -> None:
        """Why signing in failed, in the agent's language; the password is selected
        to be typed again."""
        self.buttons.setEnabled(True)
        self.password.selectAll()
        if isinstance(exc, SignInError):
            texts = {
                "bad_credentials": self.tr("Wrong username or password."),
                "server_unreachable": self.tr(
                    "The server cannot be reached. Check the address and the network."
                ),
                "server_timeout": self.tr(
                    "The server did not answer in time. Check the network and try again."
                ),
                "tls_untrusted": self.tr(
                    "This computer does not trust the server's certificate: {cause} "
                    "Ask IT to set server.ca_file to the certificate of the company's CA."
                ).format(cause=self._tls_cause(exc.reason)),
                "tls_ca_file_missing": self.tr(
                    "The CA certificate file set for this computer (server.ca_file) cannot "
                    "be read. Ask IT to check it."
                ),
                "tls_failed": self.tr(
                    "The secure connection to the server failed. Check the address "
                    "(https:// or http://) with IT."
                ),
                "too_many_attempts": self.tr(
                    "Too many wrong passwords for this account from this computer: "
                    "wait %1 s, then try again."
                ).replace("%1", str(exc.retry_after or 60)),
                "server_busy": self.tr(
                    "The server is busy signing other colleagues in: try again in %1 s."
                ).replace("%1", str(exc.retry_after or 5)),
            }
            self.error.setText(texts.get(exc.code, exc.message))
        else:
            self.error.setText(str(exc))

    def _tls_cause(self, reason: str) -> str:
        """Why the certificate is not trusted, in the agent's language."""
        causes = {
            "self_signed": self.tr("it is self-signed or signed by an unknown CA."),
            "unknown_issuer": self.tr("it is signed by a CA this computer does not know."),
            "expired": self.tr("it has expired or is not valid yet."),
            "hostname_mismatch": self.tr("it was issued for another server name."),
        }
        return causes.get(reason, self.tr("it could not be verified."))
