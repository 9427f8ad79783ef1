"""Status bar: server online/offline and waiting actions, SIP, agent state."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar, QToolButton, QWidget

from app.services.connection_status import ConnectionView
from app.services.presence_service import AgentState, PauseReason, PresenceView
from app.services.softphone_views import RegistrationView
from ui.formatting import format_duration, format_time
from ui.icons import icon


class WorkspaceStatusBar(QStatusBar):
    """Three permanent indicators; the agent state is a one-click menu."""

    available_requested = Signal()
    pause_requested = Signal(object)  # PauseReason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = QLabel(self)
        self.server.setObjectName("serverStatus")
        self.sip = QLabel(self)
        self.sip.setObjectName("sipStatus")
        self.agent_state = QToolButton(self)
        self.agent_state.setObjectName("agentState")
        self.agent_state.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.agent_state)
        menu.addAction(icon("online"), self.tr("Available"), self.available_requested.emit)
        menu.addSeparator()
        for reason, text in self._pause_texts().items():
            menu.addAction(
                icon("pause"),
                self.tr("Pause: %1").replace("%1", text),
                lambda r=reason: self.pause_requested.emit(r),
            )
        self.agent_state.setMenu(menu)
        self.addPermanentWidget(self.server)
        self.addPermanentWidget(self.sip)
        self.addPermanentWidget(self.agent_state)
        self._presence: PresenceView | None = None
        self._connection: ConnectionView | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._refresh_times)
        self._timer.start()

    def _pause_texts(self) -> dict[PauseReason, str]:
        return {
            PauseReason.BREAK: self.tr("break"),
            PauseReason.LUNCH: self.tr("lunch"),
            PauseReason.TRAINING: self.tr("training"),
            PauseReason.MEETING: self.tr("meeting"),
            PauseReason.HEADSET: self.tr("headset unplugged"),
        }

    def show_connection(self, view: ConnectionView) -> None:
        self._connection = view
        if view.online:
            text = self.tr("Server online")
        elif view.since is not None:
            text = self.tr("Server offline since %1").replace("%1", format_time(view.since))
        else:
            text = self.tr("Server offline")
        if view.pending:
            text += " — " + self.tr("%n action(s) waiting", "", view.pending)
        self.server.setText(text)
        self.server.setProperty("online", view.online)
        self.server.setToolTip(view.last_error)
        self.server.style().unpolish(self.server)
        self.server.style().polish(self.server)

    def show_registration(self, view: RegistrationView) -> None:
        texts = {
            "registered": self.tr("Phone ready"),
            "direct": self.tr("Phone ready (direct)"),
            "registering": self.tr("Phone connecting…"),
            "failed": self.tr("Phone not registered"),
            "unregistered": self.tr("Phone off"),
        }
        self.sip.setText(texts.get(view.status, view.status))
        self.sip.setToolTip(view.detail)
        self.sip.setProperty("online", view.usable)
        self.sip.style().unpolish(self.sip)
        self.sip.style().polish(self.sip)

    def show_presence(self, view: PresenceView) -> None:
        self._presence = view
        self._refresh_times()

    def _state_text(self, view: PresenceView) -> str:
        elapsed = format_duration((datetime.now(UTC) - view.since).total_seconds())
        if view.state == AgentState.AVAILABLE:
            return self.tr("Available")
        if view.state == AgentState.RINGING:
            return self.tr("Ringing")
        if view.state == AgentState.IN_CALL:
            return self.tr("In call %1").replace("%1", elapsed)
        if view.state == AgentState.WRAP_UP:
            return self.tr("Wrap-up %1").replace("%1", elapsed)
        reason = self._pause_texts().get(view.reason, "") if view.reason else ""
        return self.tr("Paused (%1) %2").replace("%1", reason).replace("%2", elapsed)

    def _refresh_times(self) -> None:
        if self._presence is not None:
            self.agent_state.setText(self._state_text(self._presence))
            self.agent_state.setProperty("state", str(self._presence.state))
            self.agent_state.style().unpolish(self.agent_state)
            self.agent_state.style().polish(self.agent_state)
