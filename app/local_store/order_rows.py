"""From the server's order JSON (``OrderWire``) to a row of the local ``orders`` table."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from core.text_folding import fold_text


def iso_utc(value: Any) -> str | None:
    """A timestamp as uniform UTC ISO text (sorts as time), None if absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def cents(value: Any) -> int:
    """Money text such as ``"249.00"`` as integer centimes (for sorting)."""
    try:
        return int((Decimal(str(value)) * 100).to_integral_value())
    except (InvalidOperation, ValueError):
        return 0


def tags_text(tags: list[str]) -> str:
    """``",a,b,"`` so ``LIKE '%,a,%'`` finds one tag exactly."""
    return "," + ",".join(tags) + "," if tags else ""


def search_text(order: dict[str, Any]) -> str:
    """Folded text the queue's search matches: reference, customer, city, address, and
    each phone as bare digits in international and national form."""
    customer = order.get("customer") or {}
    words = fold_text(
        " ".join(
            str(part)
            for part in (
                order.get("reference", ""),
                customer.get("name", ""),
                customer.get("city", ""),
                customer.get("address", ""),
            )
        )
    )
    digits: list[str] = []
    for phone in customer.get("phones") or []:
        bare = "".join(ch for ch in str(phone) if ch.isdigit())
        digits.append(bare)
        if bare.startswith("212"):
            digits.append("0" + bare[3:])
    return " ".join([words, *digits])


#: Columns the agent's own pending edits write before the server echoes them; they keep
#: the local value until the server's order reaches the version those edits produce.
LOCAL_EDIT_COLUMNS = (
    "customer_name",
    "phone",
    "phones",
    "city",
    "address",
    "order_discount_pct",
    "delivery_date",
)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def order_row(order: dict[str, Any], *, generation: int = 0) -> dict[str, Any]:
    """The column values of ``orders`` for one ``OrderWire`` JSON object."""
    customer = order.get("customer") or {}
    phones: list[str] = list(customer.get("phones") or [])
    lease = order.get("lease") or None
    tags: list[str] = list(order.get("tags") or [])
    escalation = order.get("escalation") or None
    return {
        "id": int(order["id"]),
        "reference": str(order["reference"]),
        "status": str(order["status"]),
        "version": int(order.get("version", 0)),
        "created_at": iso_utc(order.get("created_at")) or "",
        "updated_at": iso_utc(order.get("updated_at")) or "",
        "customer_name": str(customer.get("name", "")),
        "phone": phones[0] if phones else "",
        "phones": ",".join(phones),
        "city": str(customer.get("city", "")),
        "address": str(customer.get("address", "")),
        "total_cents": cents(order.get("total", "0")),
        "lease_holder_id": lease.get("holder_id") if lease else None,
        "lease_holder_name": lease.get("holder_name") if lease else None,
        "lease_epoch": int(order.get("lease_epoch") or 0),
        "lease_expires_at": iso_utc(lease.get("expires_at")) if lease else None,
        "owner_id": order.get("owner_id"),
        "owner_name": order.get("owner_name"),
        "team_id": order.get("team_id"),
        "tags": tags_text(tags),
        "attempt_count": int(order.get("attempt_count", 0)),
        "contact_count": int(order.get("contact_count", 0)),
        "callback_at": iso_utc(order.get("callback_at")),
        "last_call_at": iso_utc(order.get("last_call_at")),
        "possible_duplicate_of": order.get("possible_duplicate_of"),
        "order_discount_pct": _text_or_none(order.get("order_discount_pct")),
        "delivery_date": _text_or_none(order.get("delivery_date")),
        "escalated_at": iso_utc(escalation.get("at")) if escalation else None,
        "escalation_reason": escalation.get("reason") if escalation else None,
        "search_text": search_text(order),
        "resync_generation": generation,
        "payload": json.dumps(order, separators=(",", ":"), default=str),
    }
