"""Why something is refused, in the agent's language, from a code and its params.

The one table of the desk: refusals the server answers and the rulebook's own
answers (``core.rulebook``) read the same. ``reason_text`` gives a clause that
follows "... refused: "; ``refusal_sentence`` the same as a sentence for a
tooltip or a status line.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.formatting import format_time, status_label

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
    if code == "not_lease_holder" and not holder:
        return QCoreApplication.translate(
            "RefusalText",
            "only the agent who holds the order can contact the customer or record an outcome: "
            "open it first.",
        )
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
        if params.get("cap") is not None:
            return (
                QCoreApplication.translate(
                    "RefusalText",
                    "the order already had %1 contact attempts (the limit is %2): mark it "
                    "unreachable or ask your team lead.",
                )
                .replace("%1", str(params.get("attempts", params["cap"])))
                .replace("%2", str(params["cap"]))
            )
        return QCoreApplication.translate("RefusalText", "the attempt limit is reached.")
    sentence = _rule_text(code, params) or _rescue_or_request_text(code, params)
    if sentence is not None:
        return sentence
    if code == "offline":
        return QCoreApplication.translate("RefusalText", "the server cannot be reached right now.")
    return fallback


def _tr(text: object) -> str:
    """Translate a text marked with ``QT_TRANSLATE_NOOP("RefusalText", ...)``."""
    return QCoreApplication.translate("RefusalText", str(text))


def _at(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return format_time(value) if isinstance(value, datetime) else ""


def _rule_text(code: str, params: Mapping[str, Any]) -> str | None:
    """The rulebook's codes (core.rulebook) and the journal's time bounds."""
    if code == "call_gap":
        return (
            _tr(
                QT_TRANSLATE_NOOP(
                    "RefusalText",
                    "this customer was called less than %1 minutes ago: the next call is "
                    "possible from %2.",
                )
            )
            .replace("%1", str(params.get("gap_minutes", "")))
            .replace("%2", _at(params.get("allowed_at")))
        )
    if code == "owned_by_other":
        owner = params.get("owner_name")
        if owner:
            return _tr(QT_TRANSLATE_NOOP("RefusalText", "this order belongs to %1.")).replace(
                "%1", str(owner)
            )
        return _tr(QT_TRANSLATE_NOOP("RefusalText", "this order belongs to another agent."))
    if code == "lease_cap_reached":
        return (
            _tr(
                QT_TRANSLATE_NOOP(
                    "RefusalText",
                    "you already hold %1 orders (the limit is %2): finish or give one back first.",
                )
            )
            .replace("%1", str(params.get("held", "")))
            .replace("%2", str(params.get("cap", "")))
        )
    if code == "order_closed":
        status = params.get("status")
        if status:
            return _tr(QT_TRANSLATE_NOOP("RefusalText", "this order is closed (%1).")).replace(
                "%1", status_label(str(status))
            )
    if code == "entry_too_old":
        return _tr(
            QT_TRANSLATE_NOOP(
                "RefusalText",
                "this attempt is older than %1 hours, longer than a desk may stay offline.",
            )
        ).replace("%1", str(params.get("max_hours", "")))
    fixed = {
        "not_found": QT_TRANSLATE_NOOP("RefusalText", "there is no such order."),
        "role_not_allowed": QT_TRANSLATE_NOOP(
            "RefusalText", "only a team lead or an admin can do this."
        ),
        "order_closed": QT_TRANSLATE_NOOP("RefusalText", "this order is closed."),
        "order_confirmed_read_only": QT_TRANSLATE_NOOP(
            "RefusalText",
            "this order is confirmed and can no longer be changed: ask your team lead.",
        ),
        "confirm_needs_contact_attempt": QT_TRANSLATE_NOOP(
            "RefusalText",
            "contact the customer (call, WhatsApp or SMS) before confirming the order.",
        ),
        "no_lines": QT_TRANSLATE_NOOP("RefusalText", "the order has no article."),
        "unreachable_needs_attempt": QT_TRANSLATE_NOOP(
            "RefusalText",
            "try to reach the customer at least once before marking the order unreachable.",
        ),
        "order_not_closed": QT_TRANSLATE_NOOP("RefusalText", "the order is not closed."),
        "order_not_confirmed": QT_TRANSLATE_NOOP("RefusalText", "the order is not confirmed."),
        "transition_not_allowed": QT_TRANSLATE_NOOP(
            "RefusalText", "this cannot be done in the order's current state."
        ),
        "entry_in_future": QT_TRANSLATE_NOOP(
            "RefusalText", "this attempt is dated in the future: check the desk's clock."
        ),
        "entry_longer_than_elapsed": QT_TRANSLATE_NOOP(
            "RefusalText", "this attempt lasted longer than the time since it started."
        ),
    }
    if code in fixed:
        return _tr(fixed[code])
    return None


def refusal_sentence(code: str, params: Mapping[str, Any] | None, fallback: str) -> str:
    """``reason_text`` as a sentence of its own (tooltips, status lines)."""
    text = reason_text(code, params, fallback)
    return text[:1].upper() + text[1:]


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
