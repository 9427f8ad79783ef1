"""How values read on screen: money, times, durations, statuses, outcomes.

Labels go through translation here, once, so every window says the same
words for the same status.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, Qt

from core.order_status import OrderStatus
from core.phone_numbers import InvalidPhoneNumber, display_national

#: How dates with times read everywhere, including the date-time fields.
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
#: How dates read everywhere, including the date fields.
DATE_FORMAT = "dd/MM/yyyy"

_STATUS_LABELS: dict[str, str] = {
    "unassigned": str(QT_TRANSLATE_NOOP("Status", "Unassigned")),
    "assigned": str(QT_TRANSLATE_NOOP("Status", "Assigned")),
    "in_progress": str(QT_TRANSLATE_NOOP("Status", "Being confirmed")),
    "confirmed": str(QT_TRANSLATE_NOOP("Status", "Confirmed")),
    "cancelled": str(QT_TRANSLATE_NOOP("Status", "Cancelled")),
    "duplicate": str(QT_TRANSLATE_NOOP("Status", "Duplicate")),
    "erroneous": str(QT_TRANSLATE_NOOP("Status", "Erroneous")),
    "returned": str(QT_TRANSLATE_NOOP("Status", "Returned from preparation")),
    "callback": str(QT_TRANSLATE_NOOP("Status", "Call back")),
    "unreachable": str(QT_TRANSLATE_NOOP("Status", "Unreachable")),
}

_OUTCOME_LABELS: dict[str, str] = {
    "answered": str(QT_TRANSLATE_NOOP("Outcome", "Answered")),
    "no_answer": str(QT_TRANSLATE_NOOP("Outcome", "No answer")),
    "busy": str(QT_TRANSLATE_NOOP("Outcome", "Busy")),
    "declined": str(QT_TRANSLATE_NOOP("Outcome", "Declined")),
    "not_found": str(QT_TRANSLATE_NOOP("Outcome", "Invalid number")),
    "failed": str(QT_TRANSLATE_NOOP("Outcome", "Failed")),
    "cancelled": str(QT_TRANSLATE_NOOP("Outcome", "Cancelled by agent")),
    "message_sent": str(QT_TRANSLATE_NOOP("Outcome", "Message sent")),
}

_CHANNEL_LABELS: dict[str, str] = {
    "call": str(QT_TRANSLATE_NOOP("Channel", "Call")),
    "whatsapp": str(QT_TRANSLATE_NOOP("Channel", "WhatsApp")),
    "sms": str(QT_TRANSLATE_NOOP("Channel", "SMS")),
}


def status_label(status: OrderStatus | str) -> str:
    key = str(status)
    return QCoreApplication.translate("Status", _STATUS_LABELS.get(key, key))


def outcome_label(outcome: str) -> str:
    return QCoreApplication.translate("Outcome", _OUTCOME_LABELS.get(outcome, outcome))


def channel_label(channel: str) -> str:
    return QCoreApplication.translate("Channel", _CHANNEL_LABELS.get(channel, channel))


def format_money(value: Decimal) -> str:
    """``1 234,50 MAD`` in French, following the UI language's separators."""
    text = _reading_order(QLocale().toString(float(value), "f", 2))
    return QCoreApplication.translate("Money", "%1 MAD").replace("%1", text)


def _local(value: datetime) -> QDateTime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def format_datetime(value: datetime) -> str:
    return _reading_order(QLocale().toString(_local(value), DATETIME_FORMAT))


def format_time(value: datetime) -> str:
    return _reading_order(QLocale().toString(_local(value), "HH:mm"))


def _reading_order(text: str) -> str:
    """In a right-to-left language, keep ``1 265,00`` or ``07/12/2026 14:00`` in
    reading order: without the isolate the bidi algorithm reorders their runs."""
    if QLocale().textDirection() == Qt.LayoutDirection.RightToLeft:
        return left_to_right(text)
    return text


def format_duration(seconds: float) -> str:
    """``m:ss`` below an hour, ``h:mm:ss`` above."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def left_to_right(text: str) -> str:
    """Keep a phone number or reference in reading order inside right-to-left text."""
    return "\u2066" + text + "\u2069" if text else text


def phone_text(e164: str) -> str:
    """A phone number as agents write it (``06 12 34 56 78``), safe in RTL."""
    try:
        national = display_national(e164)
    except (InvalidPhoneNumber, ValueError):
        national = e164
    return left_to_right(national)


def reading_order_locale() -> QLocale:
    """The UI locale for left-to-right date fields: in Arabic, a date-time field
    built on the Arabic locale lays its sections out backwards ("00:14 2026/12/07");
    on Morocco's French locale it reads as the lists do ("07/12/2026 14:00")."""
    locale = QLocale()
    if locale.textDirection() == Qt.LayoutDirection.RightToLeft:
        return QLocale(QLocale.Language.French, locale.territory())
    return locale
