"""Profile: who I am, and changing my own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services.desktop_services import AgentIdentity
from app.services.operations import OperationRunner
from app.services.session_service import SessionService, SignedIn, SignInError


class ProfileDialog(QDialog):
    """Shows the identity and changes the password on the server."""

    MIN_LENGTH = 8

    def __init__(
        self,
        identity: AgentIdentity,
        sessions: SessionService,
        session: SignedIn,
        runner: OperationRunner,
        parent: QWidget | None = None,
        *,
        can_change_password: bool = True,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._session = session
        self._runner = runner
        self.setWindowTitle(self.tr("My profile"))
        self.old = QLineEdit(self)
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.new = QLineEdit(self)
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("profileMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), QLabel(identity.display_name, self))
        form.addRow(self.tr("Username"), QLabel(identity.username, self))
        form.addRow(self.tr("Team"), QLabel(identity.team_name or "—", self))
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        form.addRow(self.message)
        form.addRow(buttons)
        if not can_change_password:
            for field in (self.old, self.new, self.repeat):
                field.setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.message.setText(self.tr("Not available on this server yet."))

    def submit(self) -> None:
        if len(self.new.text()) < self.MIN_LENGTH:
            self.message.setText(
                self.tr("The new password needs at least %1 characters.").replace(
                    "%1", str(self.MIN_LENGTH)
                )
            )
            return
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        old, new = self.old.text(), self.new.text()
        self._runner.run(
            lambda: self._sessions.change_password(self._session, old, new),
            lambda _r: self.message.setText(self.tr("Password changed.")),
            self._on_failed,
        )

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, SignInError) and exc.code == "bad_credentials":
            self.message.setText(self.tr("The current password is wrong."))
        else:
            self.message.setText(str(exc))
