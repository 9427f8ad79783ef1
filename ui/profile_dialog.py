"""Profile: who I am, changing my own password, and my own recent history.

Both the password change and the history pages go through the
``OperationRunner``: the dialog never waits on the network. Every refusal is
said in words; a history that cannot be read (offline) says so instead of
showing an empty table.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.desktop_services import AgentIdentity
from app.services.operations import OperationRunner
from app.services.own_history_service import HistoryPage, HistoryUnavailable, OwnHistoryService
from app.services.session_service import SessionService, SignedIn, SignInError
from core.password_policy import MIN_LENGTH, PasswordProblem, password_problem
from ui.own_history_model import OwnHistoryModel

#: Codes meaning "the server is not there right now".
_OFFLINE_CODES = frozenset({"server_unreachable", "server_timeout", "server_error"})


class ProfileDialog(QDialog):
    """Shows the identity, changes the password on the server, lists my history."""

    MIN_LENGTH = MIN_LENGTH

    #: A password change finished: True when the server accepted it.
    passwordChangeFinished = Signal(bool)
    #: A history page was shown, or its failure was (tests wait on it).
    historyFinished = Signal()

    def __init__(
        self,
        identity: AgentIdentity,
        sessions: SessionService,
        session: SignedIn,
        runner: OperationRunner,
        parent: QWidget | None = None,
        *,
        can_change_password: bool = True,
        history: OwnHistoryService | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._session = session
        self._runner = runner
        self._history = history
        self._next_before: datetime | None = None
        self._history_started = False
        self._history_loading = False
        self.setWindowTitle(self.tr("My profile"))
        self.resize(760, 520)

        identity_form = QFormLayout()
        identity_form.addRow(self.tr("Name"), QLabel(identity.display_name, self))
        identity_form.addRow(self.tr("Username"), QLabel(identity.username, self))
        identity_form.addRow(self.tr("Team"), QLabel(identity.team_name or "—", self))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._password_page(can_change_password), self.tr("Password"))
        self.history_page = self._history_page()
        self.tabs.addTab(self.history_page, self.tr("My history"))
        self.tabs.currentChanged.connect(self._tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(identity_form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    # -- password --------------------------------------------------------

    def _password_page(self, can_change_password: bool) -> QWidget:
        page = QWidget(self)
        self.old = QLineEdit(page)
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.new = QLineEdit(page)
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setPlaceholderText(
            self.tr("At least %1 characters").replace("%1", str(self.MIN_LENGTH))
        )
        self.repeat = QLineEdit(page)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(page)
        self.message.setObjectName("profileMessage")
        self.message.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change password"), page)
        self.change_button.clicked.connect(self.submit)
        self.repeat.returnPressed.connect(self.submit)
        form = QFormLayout(page)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.change_button)
        form.addRow(row)
        form.addRow(self.message)
        if not can_change_password:
            for field in (self.old, self.new, self.repeat):
                field.setEnabled(False)
            self.change_button.setEnabled(False)
            self.message.setText(self.tr("Not available on this server yet."))
        return page

    @Slot()
    def submit(self) -> None:
        old, new = self.old.text(), self.new.text()
        if not old:
            self.message.setText(self.tr("Type your current password first."))
            return
        if len(new) < self.MIN_LENGTH:
            self.message.setText(
                self.tr("The new password needs at least %1 characters.").replace(
                    "%1", str(self.MIN_LENGTH)
                )
            )
            return
        if new != self.repeat.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        # The server's own policy (core), checked here first to say it without a round trip.
        if password_problem(new, self._session.identity.username) not in (
            None,
            PasswordProblem.TOO_SHORT,
        ):
            self.message.setText(self._weak_text())
            return
        if new == old:
            self.message.setText(self.tr("The new password must differ from the current one."))
            return
        self.change_button.setEnabled(False)
        self.message.setText(self.tr("Changing the password…"))
        self._runner.run(
            lambda: self._sessions.change_password(self._session, old, new),
            self._on_changed,
            self._on_failed,
        )

    def _on_changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        for field in (self.old, self.new, self.repeat):
            field.clear()
        self.message.setText(
            self.tr("Password changed. Your other sessions were signed out; this one stays open.")
        )
        self.passwordChangeFinished.emit(True)

    def _on_failed(self, exc: Exception) -> None:
        self.change_button.setEnabled(True)
        code = exc.code if isinstance(exc, SignInError) else type(exc).__name__
        self.message.setText(self.password_refusal(code, str(getattr(exc, "message", exc))))
        self.passwordChangeFinished.emit(False)

    def password_refusal(self, code: str, message: str) -> str:
        """A refused password change in words (the server's message for unknown codes)."""
        if code in _OFFLINE_CODES:
            return self.tr("The server cannot be reached; your password was not changed.")
        known = {
            "wrong_password": self.tr("The current password is wrong."),
            "bad_credentials": self.tr("The current password is wrong."),
            "password_unchanged": self.tr("The new password must differ from the current one."),
            "too_many_attempts": self.tr(
                "Too many wrong passwords: wait a few minutes, then try again."
            ),
            "validation_error": self.tr("The new password needs at least %1 characters.").replace(
                "%1", str(self.MIN_LENGTH)
            ),
            "login_required": self.tr("Your session has expired; sign in again."),
            "weak_password": self._weak_text(),
        }
        return known.get(code) or message or code

    def _weak_text(self) -> str:
        return self.tr(
            "This password is too easy to guess: avoid common words, repeated characters "
            "and your user name."
        )

    # -- history ---------------------------------------------------------

    def _history_page(self) -> QWidget:
        page = QWidget(self)
        self.history_model = OwnHistoryModel(page)
        self.history_view = QTableView(page)
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the action, in words
        self.history_status = QLabel(page)
        self.history_status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), page)
        self.refresh_button.clicked.connect(self.load_history)
        self.older_button = QPushButton(self.tr("Older entries"), page)
        self.older_button.setEnabled(False)
        self.older_button.clicked.connect(self.load_older)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.older_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_view, 1)
        layout.addLayout(buttons)
        if self._history is None:
            self.refresh_button.setEnabled(False)
            self.history_status.setText(self.tr("Your history is not available here."))
        return page

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.history_page and not self._history_started:
            self.load_history()

    @Slot()
    def load_history(self) -> None:
        """Read the newest page again (replaces what is shown)."""
        self._fetch(None)

    @Slot()
    def load_older(self) -> None:
        """Append the page older than the last entry shown."""
        if self._next_before is not None:
            self._fetch(self._next_before)

    def _fetch(self, before: datetime | None) -> None:
        history = self._history
        if history is None or self._history_loading:
            return
        self._history_started = True
        self._history_loading = True
        self.refresh_button.setEnabled(False)
        self.older_button.setEnabled(False)
        self.history_status.setText(self.tr("Loading…"))
        self._runner.run(
            lambda: history.page(before),
            lambda page: self._history_shown(page, replace=before is None),
            self._history_failed,
        )

    def _history_shown(self, page: HistoryPage, *, replace: bool) -> None:
        self._history_loading = False
        if replace:
            self.history_model.clear()
        self.history_model.append(page.entries)
        self._next_before = page.next_before
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(page.next_before is not None)
        if self.history_model.rowCount() == 0:
            self.history_status.setText(self.tr("Nothing yet: your actions will show here."))
        else:
            self.history_status.setText(
                self.tr("%1 entries, newest first.").replace(
                    "%1", str(self.history_model.rowCount())
                )
            )
        self.historyFinished.emit()

    def _history_failed(self, exc: Exception) -> None:
        self._history_loading = False
        self.refresh_button.setEnabled(True)
        self.older_button.setEnabled(self._next_before is not None)
        code = exc.code if isinstance(exc, HistoryUnavailable) else type(exc).__name__
        if code in _OFFLINE_CODES:
            text = self.tr(
                "You are offline: your history can be read once the server is reachable again."
            )
        elif code == "login_required":
            text = self.tr("Your session has expired; sign in again to read your history.")
        else:
            text = self.tr("Your history is not available: %1").replace(
                "%1", str(getattr(exc, "message", exc))
            )
        self.history_status.setText(text)
        self.historyFinished.emit()
