"""Alerts a lead sees from across the room, and the thresholds that trigger them.

Pure functions of the wallboard state and the clock, so the window can
re-evaluate them every second without asking the server anything.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from app.wallboard.wallboard_state import AgentPresence, WallboardState


class AlertKind(StrEnum):
    """What went over its threshold."""

    LONG_CALL = "long_call"
    LONG_PAUSE = "long_pause"
    OLD_UNCONFIRMED = "old_unconfirmed"
    LONG_ESCALATION = "long_escalation"


@dataclass(frozen=True)
class AlertThresholds:
    """Limits the lead sets, in minutes."""

    long_call_minutes: int = 10
    long_pause_minutes: int = 15
    unconfirmed_target_minutes: int = 120
    escalation_wait_minutes: int = 10

    def long_call(self) -> timedelta:
        return timedelta(minutes=self.long_call_minutes)

    def long_pause(self) -> timedelta:
        return timedelta(minutes=self.long_pause_minutes)

    def unconfirmed_target(self) -> timedelta:
        return timedelta(minutes=self.unconfirmed_target_minutes)

    def escalation_wait(self) -> timedelta:
        return timedelta(minutes=self.escalation_wait_minutes)


@dataclass(frozen=True)
class Alert:
    """One alert: what, about whom (agent id or order reference), and by how long."""

    kind: AlertKind
    subject: str
    elapsed: timedelta
    user_id: int | None = None


def current_alerts(
    state: WallboardState, thresholds: AlertThresholds, now: datetime
) -> list[Alert]:
    """Alerts at ``now``: longest first within each kind; calls, pauses, escalations
    waiting for the lead, then the oldest order."""
    calls: list[Alert] = []
    pauses: list[Alert] = []
    for tile in state.agents.values():
        elapsed = tile.time_in_state(now)
        if elapsed is None:
            continue
        if tile.presence is AgentPresence.IN_CALL and elapsed > thresholds.long_call():
            calls.append(Alert(AlertKind.LONG_CALL, tile.display_name, elapsed, tile.user_id))
        elif tile.presence is AgentPresence.PAUSED and elapsed > thresholds.long_pause():
            pauses.append(Alert(AlertKind.LONG_PAUSE, tile.display_name, elapsed, tile.user_id))
    alerts = sorted(calls, key=lambda a: -a.elapsed) + sorted(pauses, key=lambda a: -a.elapsed)
    for waiting in state.escalations_sorted():
        elapsed = waiting.waiting(now)
        if elapsed > thresholds.escalation_wait():
            alerts.append(Alert(AlertKind.LONG_ESCALATION, waiting.order_reference, elapsed))
    if state.oldest_unconfirmed_at is not None:
        age = now - state.oldest_unconfirmed_at
        if age > thresholds.unconfirmed_target():
            subject = state.oldest_unconfirmed_reference or ""
            alerts.append(Alert(AlertKind.OLD_UNCONFIRMED, subject, age))
    return alerts


class ThresholdsFile:
    """The lead's thresholds in a small JSON file of the user's config folder.

    A missing or unreadable file gives the defaults: a broken preference must
    never keep the wallboard from opening.
    """

    def __init__(self, path: Path) -> None:
        self._path = path

    def load(self) -> AlertThresholds:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
            defaults = asdict(AlertThresholds())
            values = {k: max(1, int(raw.get(k, v))) for k, v in defaults.items()}
            return AlertThresholds(**values)
        except (OSError, ValueError, TypeError, AttributeError):
            return AlertThresholds()

    def save(self, thresholds: AlertThresholds) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(thresholds), indent=2), encoding="utf-8")
        tmp.replace(self._path)
