"""The agent's state: available, in call, wrap-up, paused with a reason.

The state follows the calls by itself (a call starts: in call; it ends: wrap
up until a disposition is recorded) and the agent changes it in one click.
Every change is handed to the sync engine's presence publisher (latest state
wins, sent as soon as the server is reachable) so the wallboard sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

PresencePublisher = Callable[[str, str | None, int | None], None]


class AgentState(StrEnum):
    """Where the agent is in the working day (same values as the wire)."""

    AVAILABLE = "available"
    RINGING = "ringing"
    IN_CALL = "in_call"
    WRAP_UP = "wrap_up"
    PAUSED = "paused"


class PauseReason(StrEnum):
    """Why the agent paused (the wallboard shows it)."""

    BREAK = "break"
    LUNCH = "lunch"
    TRAINING = "training"
    MEETING = "meeting"
    HEADSET = "headset"


@dataclass(frozen=True)
class PresenceView:
    """State, its reason when paused, and since when."""

    state: AgentState
    reason: PauseReason | None
    since: datetime
    order_id: int | None = None


class PresenceService(QObject):
    """Holds the agent's state and records every change."""

    state_changed = Signal(object)  # PresenceView

    def __init__(self, publish: PresencePublisher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._publish = publish
        self._view = PresenceView(AgentState.AVAILABLE, None, datetime.now(UTC))

    @property
    def view(self) -> PresenceView:
        return self._view

    def set_available(self) -> None:
        self._change(AgentState.AVAILABLE, None, None)

    def pause(self, reason: PauseReason) -> None:
        self._change(AgentState.PAUSED, reason, None)

    def call_started(self, order_id: int | None) -> None:
        self._change(AgentState.IN_CALL, None, order_id)

    def call_ringing(self, order_id: int | None) -> None:
        self._change(AgentState.RINGING, None, order_id)

    def call_ended(self, order_id: int | None) -> None:
        if self._view.state == AgentState.PAUSED:
            return
        self._change(AgentState.WRAP_UP, None, order_id)

    def wrap_up_done(self) -> None:
        if self._view.state == AgentState.WRAP_UP:
            self.set_available()

    def _change(self, state: AgentState, reason: PauseReason | None, order_id: int | None) -> None:
        if (state, reason, order_id) == (self._view.state, self._view.reason, self._view.order_id):
            return
        self._view = PresenceView(state, reason, datetime.now(UTC), order_id)
        self._publish(str(state), str(reason) if reason is not None else None, order_id)
        self.state_changed.emit(self._view)
