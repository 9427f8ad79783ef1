"""Translated words and number formats the wallboard shows.

Kept in one QObject so ``lupdate`` finds every string under one context and
the models, delegate and window format figures the same way.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject

from app.wallboard.alerts import Alert, AlertKind
from app.wallboard.wallboard_state import AgentPresence, FlaggedCall
from core.dispositions import OutcomeClass
from core.order_status import OrderStatus
from core.wire.orders import EscalationReason
from ui.formatting import format_duration, left_to_right


class WallboardTexts(QObject):
    """Labels for presences, statuses, outcome classes and alerts."""

    def presence(self, presence: AgentPresence) -> str:
        labels = {
            AgentPresence.AVAILABLE: self.tr("Available"),
            AgentPresence.RINGING: self.tr("Ringing"),
            AgentPresence.IN_CALL: self.tr("In call"),
            AgentPresence.WRAP_UP: self.tr("Wrap-up"),
            AgentPresence.PAUSED: self.tr("Paused"),
            AgentPresence.OFFLINE: self.tr("Offline"),
        }
        return labels[presence]

    def status(self, status: OrderStatus) -> str:
        labels = {
            OrderStatus.UNASSIGNED: self.tr("Unassigned"),
            OrderStatus.ASSIGNED: self.tr("Assigned"),
            OrderStatus.IN_PROGRESS: self.tr("In progress"),
            OrderStatus.CONFIRMED: self.tr("Confirmed"),
            OrderStatus.CANCELLED: self.tr("Cancelled"),
            OrderStatus.DUPLICATE: self.tr("Duplicate"),
            OrderStatus.ERRONEOUS: self.tr("Erroneous"),
            OrderStatus.RETURNED: self.tr("Returned from preparation"),
            OrderStatus.CALLBACK: self.tr("Call back"),
            OrderStatus.UNREACHABLE: self.tr("Unreachable"),
        }
        return labels[status]

    def outcome(self, outcome: OutcomeClass) -> str:
        labels = {
            OutcomeClass.POSITIVE: self.tr("Positive"),
            OutcomeClass.NEGATIVE: self.tr("Negative"),
            OutcomeClass.PARTIAL: self.tr("Partial"),
            OutcomeClass.UNCLASSIFIED: self.tr("Unclassified"),
        }
        return labels[outcome]

    def flag(self, flag: str) -> str:
        """Why a stored attempt changed nothing on its order (core.rulebook.EntryFlag)."""
        labels = {
            "not_holder": self.tr("without holding the order"),
            "attempt_cap_reached": self.tr("past the attempt limit"),
            "call_gap": self.tr("too soon after the previous call"),
        }
        return labels.get(flag, flag)

    def flagged_call(self, call: FlaggedCall) -> str:
        """One flagged attempt: when, who, which order, why."""
        return (
            self.tr("%1 %2 on %3, %4")
            .replace("%1", call.started_at.astimezone().strftime("%H:%M"))
            .replace("%2", left_to_right(call.agent_name))
            .replace("%3", left_to_right(call.order_reference))
            .replace("%4", self.flag(call.flag))
        )

    def flagged_calls(self, calls: list[FlaggedCall], shown: int = 3) -> str:
        """The lead's panel line: how many attempts were flagged today, the latest first."""
        head = self.tr("%n attempt(s) flagged today", "", len(calls))
        lines = [self.flagged_call(call) for call in calls[:shown]]
        if len(calls) > shown:
            lines.append(self.tr("and %1 more").replace("%1", str(len(calls) - shown)))
        return head + ": " + " • ".join(lines)

    def alert(self, alert: Alert) -> str:
        elapsed = duration(alert.elapsed)
        if alert.kind is AlertKind.LONG_CALL:
            return self.tr("{name}: call for {elapsed}").format(name=alert.subject, elapsed=elapsed)
        if alert.kind is AlertKind.LONG_PAUSE:
            return self.tr("{name}: paused for {elapsed}").format(
                name=alert.subject, elapsed=elapsed
            )
        if alert.kind is AlertKind.LONG_ESCALATION:
            return self.tr("Order {ref} waits for the lead for {elapsed}").format(
                ref=alert.subject, elapsed=elapsed
            )
        return self.tr("Order {ref} unconfirmed for {elapsed}").format(
            ref=alert.subject, elapsed=elapsed
        )

    def escalation_reason(self, reason: EscalationReason) -> str:
        labels = {
            EscalationReason.COMPLEX_CASE: self.tr("Complex case"),
            EscalationReason.COMPLAINT: self.tr("Complaint"),
            EscalationReason.SPECIAL_AUTHORISATION: self.tr("Special authorisation"),
        }
        return labels[reason]

    def action_error(self, code: str, message: str) -> str:
        """A refused lead action in words: known codes get our sentence, others the
        server's own message."""
        known = {
            "forbidden": self.tr("Only the lead of this order's team or an admin may do this."),
            "not_escalated": self.tr(
                "This escalation was already answered or taken over by someone else."
            ),
            "not_found": self.tr("This order no longer exists or is not visible to you."),
            "order_not_found": self.tr("This order no longer exists or is not visible to you."),
            "order_closed": self.tr("This order is closed."),
            "server_unreachable": self.tr("The server cannot be reached; try again in a moment."),
            "server_timeout": self.tr("The server did not answer in time; try again."),
            "server_error": self.tr("The server failed; try again in a moment."),
            "login_required": self.tr("Your session has expired; sign in again."),
        }
        return known.get(code) or message or code

    def conversion(self, value: float | None) -> str:
        # Isolated, so "83 %" does not read "% 83" in a right-to-left tile.
        return "—" if value is None else left_to_right(f"{round(value * 100)} %")


def duration(value: timedelta | None) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` above; an em dash when unknown."""
    return "—" if value is None else format_duration(value.total_seconds())


def talk_time(seconds: int) -> str:
    """A day's talk time: ``17 min`` under an hour, ``1 h 05`` above (no seconds)."""
    minutes = max(0, seconds) // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def talk_minutes(seconds: float) -> str:
    """Whole minutes of talk, for a tile whose caption says the unit."""
    return str(int(max(0, seconds)) // 60)
