"""The order's history in words: audited actions and what each one set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.dispositions import cancel_reason_label
from ui.escalation_banner import escalation_reason_label
from ui.formatting import channel_label, format_datetime, format_money, outcome_label

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
    "import_created": str(QT_TRANSLATE_NOOP("OrderHistory", "Imported from the shop")),
    "import_updated": str(QT_TRANSLATE_NOOP("OrderHistory", "Updated by the shop's import")),
    "import_unchanged": str(QT_TRANSLATE_NOOP("OrderHistory", "Imported again, unchanged")),
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
    if key == "line_discounts":
        return _line_discounts(value)
    if key == "outcome":
        return outcome_label(value)
    if key == "channel":
        return channel_label(value)
    if key == "free_delivery" and value == "True":
        return _tr(QT_TRANSLATE_NOOP("OrderHistory", "free delivery"))
    if key == "cancel_reason":
        return cancel_reason_label(value)
    if key == "reason":
        return escalation_reason_label(value)
    if key in ("note", "text"):
        return f"« {value} »"
    return None


def _line_discounts(value: str) -> str | None:
    """``SAC-01=10.00;BSK-02=5`` → ``discount 10 % on SAC-01 · discount 5 % on BSK-02``."""
    parts = []
    for item in value.split(";"):
        ref, _sep, pct = item.partition("=")
        try:
            shown = f"{Decimal(pct).normalize():f}"
        except InvalidOperation:
            continue
        parts.append(
            _tr(QT_TRANSLATE_NOOP("OrderHistory", "discount %1 % on %2"))
            .replace("%1", shown)
            .replace("%2", ref)
        )
    return " · ".join(parts) or None


def history_detail_text(detail: Sequence[tuple[str, str]]) -> str:
    """The details of one audit row that mean something to the agent, in words."""
    parts = (_one_detail(key, value) for key, value in detail)
    return " · ".join(part for part in parts if part)
