"""What the server refused, in the agent's language (from code and params)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.formatting import format_time

_HOLDER_KEYS = ("holder_name", "owner_name", "by_name", "agent_name")
_TIME_KEYS = ("at", "since", "claimed_at", "reassigned_at", "changed_at", "updated_at")


def _holder(params: Mapping[str, Any]) -> str | None:
    for key in _HOLDER_KEYS:
        if params.get(key):
            return str(params[key])
    return None


def _when(params: Mapping[str, Any]) -> str | None:
    for key in _TIME_KEYS:
        value = params.get(key)
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
        if isinstance(value, datetime):
            return format_time(value)
    return None


def reason_text(code: str, params: Mapping[str, Any] | None, fallback: str) -> str:
    """Why an action was refused or a lease lost; ``fallback`` is the English sentence."""
    params = params or {}
    holder, when = _holder(params), _when(params)
    if code in ("lease_held", "stale_epoch", "lease_lost", "not_lease_holder"):
        if holder and when:
            return (
                QCoreApplication.translate("RefusalText", "this order was taken over by %1 at %2.")
                .replace("%1", holder)
                .replace("%2", when)
            )
        if holder:
            return QCoreApplication.translate(
                "RefusalText", "this order is now held by %1."
            ).replace("%1", holder)
        return QCoreApplication.translate("RefusalText", "your reservation of this order expired.")
    if code == "version_conflict":
        return QCoreApplication.translate(
            "RefusalText", "the order was changed by someone else in the meantime."
        )
    if code == "out_of_stock":
        article = str(params.get("article_ref") or params.get("ref") or "")
        return QCoreApplication.translate(
            "RefusalText", "there is not enough stock for %1."
        ).replace("%1", article)
    if code in ("attempt_cap_reached", "too_many_attempts"):
        return QCoreApplication.translate("RefusalText", "the attempt limit is reached.")
    sentence = _rescue_or_request_text(code, params)
    if sentence is not None:
        return sentence
    if code == "offline":
        return QCoreApplication.translate("RefusalText", "the server cannot be reached right now.")
    return fallback


def _tr(text: object) -> str:
    """Translate a text marked with ``QT_TRANSLATE_NOOP("RefusalText", ...)``."""
    return QCoreApplication.translate("RefusalText", str(text))


def _rescue_or_request_text(code: str, params: Mapping[str, Any]) -> str | None:
    """Refusals of the rescue limits, escalations, new orders and password changes."""
    if code == "discount_over_limit":
        limit = str(params.get("limit_pct", ""))
        if params.get("field") == "order":
            return _tr(
                QT_TRANSLATE_NOOP(
                    "RefusalText", "the discount on the order may not exceed %1 % for you."
                )
            ).replace("%1", limit)
        return _tr(
            QT_TRANSLATE_NOOP("RefusalText", "the discount on a line may not exceed %1 % for you.")
        ).replace("%1", limit)
    if code == "delivery_date_over_limit":
        return _tr(
            QT_TRANSLATE_NOOP("RefusalText", "the delivery may be put off by %1 days at most.")
        ).replace("%1", str(params.get("max_days", "")))
    if code == "invalid_phone":
        typed = params.get("text") or params.get("phone")
        if typed:
            return _tr(
                QT_TRANSLATE_NOOP("RefusalText", "the phone number %1 is not valid.")
            ).replace("%1", str(typed))
        return _tr(QT_TRANSLATE_NOOP("RefusalText", "the phone number is not valid."))
    if code == "unknown_article":
        article = str(params.get("article_ref") or params.get("ref") or "")
        return _tr(
            QT_TRANSLATE_NOOP("RefusalText", "the article %1 is not in the catalogue.")
        ).replace("%1", article)
    fixed = {
        "free_delivery_not_allowed": QT_TRANSLATE_NOOP(
            "RefusalText", "you may not grant free delivery."
        ),
        "delivery_date_in_past": QT_TRANSLATE_NOOP(
            "RefusalText", "the delivery date is in the past."
        ),
        "escalated": QT_TRANSLATE_NOOP(
            "RefusalText", "the order waits for the team lead's answer."
        ),
        "already_escalated": QT_TRANSLATE_NOOP(
            "RefusalText", "the order is already with the team lead."
        ),
        "not_escalated": QT_TRANSLATE_NOOP("RefusalText", "the order is not escalated any more."),
        "wrong_password": QT_TRANSLATE_NOOP("RefusalText", "the current password is wrong."),
        "password_unchanged": QT_TRANSLATE_NOOP(
            "RefusalText", "the new password must differ from the current one."
        ),
        "forbidden": QT_TRANSLATE_NOOP("RefusalText", "you are not allowed to do this."),
        "password_change_required": QT_TRANSLATE_NOOP(
            "RefusalText",
            "an administrator reset your password: choose a new one in your profile first.",
        ),
        "weak_password": QT_TRANSLATE_NOOP(
            "RefusalText", "this password is too easy to guess; choose a longer one."
        ),
    }
    if code in fixed:
        return _tr(fixed[code])
    return None


def lost_lease_text(reference: str, code: str, params: Mapping[str, Any] | None) -> str:
    """The sentence shown when a claim the agent held is gone."""
    return (
        QCoreApplication.translate("RefusalText", "You no longer hold order %1: %2")
        .replace("%1", reference)
        .replace("%2", reason_text(code, params, ""))
    )
