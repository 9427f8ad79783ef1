"""English sentences for ops the server refused, built from its code and params.

The server already sends an English ``message``; the desk rebuilds the
sentence from ``code`` + ``params`` so it can name the action the agent took
("your cancellation of order 1042 was not applied") and so the UI can
translate from the same code and params. Unknown codes fall back on the
server's message, never on silence.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

#: What the agent did, as a noun phrase, by op kind (core.wire.sync_ops.OpKind values).
ACTION_PHRASES: dict[str, str] = {
    "start": "starting the confirmation",
    "confirm": "confirmation",
    "cancel": "cancellation",
    "callback": "call-back",
    "unreachable": '"unreachable" disposition',
    "duplicate": '"duplicate" disposition',
    "erroneous": '"erroneous" disposition',
    "return_from_preparation": "return from preparation",
    "reopen": "reopening",
    "edit_lines": "change of the articles",
    "edit_customer": "change of the customer's details",
    "set_delivery_date": "delivery date",
    "add_note": "note",
    "journal": "contact attempt",
    "presence": "status change",
}


def clock_time(value: Any) -> str | None:
    """``HH:MM`` (local time of the desk) of an ISO timestamp, None if unreadable."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%H:%M")


def _holder(params: dict[str, Any]) -> str | None:
    for key in ("holder_name", "owner_name", "by_name", "agent_name"):
        value = params.get(key)
        if value:
            return str(value)
    return None


def _when(params: dict[str, Any]) -> str | None:
    for key in ("at", "since", "claimed_at", "reassigned_at", "changed_at", "updated_at"):
        text = clock_time(params.get(key))
        if text:
            return text
    return None


def describe_refusal(
    code: str,
    params: dict[str, Any],
    *,
    kind: str,
    order_label: str,
    server_message: str | None = None,
) -> str:
    """One English sentence telling the agent what was not applied and why.

    ``order_label`` is how the agent knows the order (its reference, or its id).
    """
    action = ACTION_PHRASES.get(kind, "change")
    holder = _holder(params)
    when = _when(params)
    if order_label:
        not_applied = f"Your {action} on order {order_label} was not applied"
    else:
        not_applied = f"Your {action} was not applied"
    if code in ("lease_held", "stale_epoch", "lease_lost", "not_lease_holder"):
        if holder and when:
            return f"{not_applied}: this order was reassigned to {holder} at {when}."
        if holder:
            return f"{not_applied}: this order is now held by {holder}."
        return f"{not_applied}: your reservation of this order expired."
    if code == "version_conflict":
        who = f" by {holder}" if holder else ""
        at = f" at {when}" if when else ""
        return f"{not_applied}: the order was changed{who}{at} in the meantime."
    if code == "out_of_stock":
        article = params.get("article_ref") or params.get("ref")
        what = f" for {article}" if article else ""
        return f"{not_applied}: there is not enough stock{what}."
    if code == "discount_over_limit":
        limit = params.get("limit_pct")
        where = "an order" if params.get("field") == "order" else "a line"
        if limit is not None:
            return f"{not_applied}: the discount on {where} may not exceed {limit} % for you."
        return f"{not_applied}: the discount on {where} is over your limit."
    if code == "free_delivery_not_allowed":
        return f"{not_applied}: you may not grant free delivery."
    if code == "delivery_date_in_past":
        return f"{not_applied}: the delivery date is in the past."
    if code == "delivery_date_over_limit":
        days = params.get("max_days")
        if days is not None:
            return f"{not_applied}: the delivery may be put off by {days} days at most."
        return f"{not_applied}: the delivery date is too far away."
    if code == "escalated":
        return f"{not_applied}: the order waits for the team lead's answer."
    if code == "attempt_cap_reached":
        cap = params.get("cap")
        return f"{not_applied}: the limit of {cap or 'contact'} attempts is reached."
    if server_message:
        return f"{not_applied}: {server_message.rstrip('.')}."
    return f"{not_applied} ({code})."


def describe_lost_lease(
    code: str,
    *,
    order_label: str,
    holder_name: str | None,
    server_message: str | None = None,
    at: str | None = None,
) -> str:
    """The sentence announcing a claim this desk lost (``at`` is ``HH:MM``)."""
    if holder_name and at:
        return (
            f"You no longer hold order {order_label}: it was reassigned to {holder_name} at {at}."
        )
    if holder_name:
        return f"You no longer hold order {order_label}: it is now held by {holder_name}."
    if code in ("lease_lost", "stale_epoch", "lease_expired"):
        return f"You no longer hold order {order_label}: your reservation expired."
    if server_message:
        return f"You no longer hold order {order_label}: {server_message.rstrip('.')}."
    return f"You no longer hold order {order_label}."
