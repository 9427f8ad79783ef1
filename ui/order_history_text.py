"""The order's history in words: audited actions and what each one set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.dispositions import cancel_reason_label
from ui.escalation_banner import escalation_reason_label
from ui.formatting import format_datetime, format_money

_ACTION_LABELS: dict[str, str] = {
    "create": str(QT_TRANSLATE_NOOP("OrderHistory", "Created")),
    "import": str(QT_TRANSLATE_NOOP("OrderHistory", "Imported")),
    "claim": str(QT_TRANSLATE_NOOP("OrderHistory", "Reserved")),
    "release": str(QT_TRANSLATE_NOOP("OrderHistory", "Released")),
    "reassign": str(QT_TRANSLATE_NOOP("OrderHistory", "Reassigned")),
    "start": str(QT_TRANSLATE_NOOP("OrderHistory", "Confirmation started")),
    "confirm": str(QT_TRANSLATE_NOOP("OrderHistory", "Confirmed")),
    "cancel": str(QT_TRANSLATE_NOOP("OrderHistory", "Cancelled")),
    "callback": str(QT_TRANSLATE_NOOP("OrderHistory", "Call back planned")),
    "unreachable": str(QT_TRANSLATE_NOOP("OrderHistory", "Unreachable")),
    "duplicate": str(QT_TRANSLATE_NOOP("OrderHistory", "Marked duplicate")),
    "erroneous": str(QT_TRANSLATE_NOOP("OrderHistory", "Marked erroneous")),
    "reopen": str(QT_TRANSLATE_NOOP("OrderHistory", "Reopened")),
    "edit_lines": str(QT_TRANSLATE_NOOP("OrderHistory", "Articles changed")),
    "edit_customer": str(QT_TRANSLATE_NOOP("OrderHistory", "Customer changed")),
    "set_delivery_date": str(QT_TRANSLATE_NOOP("OrderHistory", "Delivery date set")),
    "add_note": str(QT_TRANSLATE_NOOP("OrderHistory", "Note")),
    "escalate": str(QT_TRANSLATE_NOOP("OrderHistory", "Escalated")),
    "escalation_answer": str(QT_TRANSLATE_NOOP("OrderHistory", "Escalation answered")),
    "escalation_take": str(QT_TRANSLATE_NOOP("OrderHistory", "Taken over by the lead")),
    "journal": str(QT_TRANSLATE_NOOP("OrderHistory", "Contact attempt")),
    "journal_flagged": str(
        QT_TRANSLATE_NOOP("OrderHistory", "Attempt flagged to the lead (changed nothing)")
    ),
    "attempt_grant": str(QT_TRANSLATE_NOOP("OrderHistory", "One more attempt granted")),
}


def action_label(action: str) -> str:
    """An audited action of the order's history in the user's language."""
    key = action.removeprefix("order.").replace(".", "_")  # audit names: "order.claim"
    return QCoreApplication.translate("OrderHistory", _ACTION_LABELS.get(key, action))


def _tr(text: object) -> str:
    """Translate a text marked with ``QT_TRANSLATE_NOOP("OrderHistory", ...)``."""
    return QCoreApplication.translate("OrderHistory", str(text))


def _one_detail(key: str, value: str) -> str | None:
    """What one detail of an audit row tells the agent; None for bookkeeping
    (versions, epochs, ids, statuses already shown in their own column)."""
    try:
        if key == "order_discount_pct" and Decimal(value):
            pct = f"{Decimal(value).normalize():f}"
            return _tr(QT_TRANSLATE_NOOP("OrderHistory", "order discount %1 %")).replace("%1", pct)
        if key == "total":
            return _tr(QT_TRANSLATE_NOOP("OrderHistory", "total %1")).replace(
                "%1", format_money(Decimal(value))
            )
        if key == "delivery_date":
            day = date.fromisoformat(value)
            return _tr(QT_TRANSLATE_NOOP("OrderHistory", "delivery on %1")).replace(
                "%1", day.strftime("%d/%m/%Y")
            )
        if key == "callback_at":
            at = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return _tr(QT_TRANSLATE_NOOP("OrderHistory", "call back at %1")).replace(
                "%1", format_datetime(at)
            )
    except (InvalidOperation, ValueError):
        return None
    if key == "free_delivery" and value == "True":
        return _tr(QT_TRANSLATE_NOOP("OrderHistory", "free delivery"))
    if key == "cancel_reason":
        return cancel_reason_label(value)
    if key == "reason":
        return escalation_reason_label(value)
    if key in ("note", "text"):
        return f"« {value} »"
    return None


def history_detail_text(detail: Sequence[tuple[str, str]]) -> str:
    """The details of one audit row that mean something to the agent, in words."""
    parts = (_one_detail(key, value) for key, value in detail)
    return " · ".join(part for part in parts if part)
