"""Journal entries and reads as a desk sends and an admin sees them (shared by the
rulebook tests; no dependency on the rulebook itself)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.server.desk_ops import push_op
from tests.server.shop import Shop

#: An order (or user) id no shop has: the answer for it is what "not visible" looks like.
MISSING_ORDER_ID = 2_000_000_000


def journal_entry(
    order_id: int,
    *,
    outcome: str = "no_answer",
    channel: str = "call",
    started_at: datetime | None = None,
    number: str = "+212612345678",
) -> dict[str, Any]:
    """A journal entry as the desk records it (outbound; talk time when answered)."""
    return {
        "id": str(uuid.uuid4()),
        "order_id": order_id,
        "channel": channel,
        "kind": "call" if channel == "call" else "message",
        "number": number,
        "started_at": (started_at or datetime.now(UTC)).isoformat(),
        "ring_seconds": 3.0,
        "talk_seconds": 20.0 if outcome == "answered" else 0.0,
        "outcome": outcome if channel == "call" or outcome == "answered" else "message_sent",
        "sip_code": 200 if channel == "call" else None,
    }


def push_journal(client: httpx.Client, order_id: int, **entry: Any) -> dict[str, Any]:
    """Push one journal entry from a device of its own; the op's result."""
    return push_op(client, "journal", order_id, journal_entry(order_id, **entry))


def admin_view(shop: Shop, order_id: int) -> dict[str, Any]:
    """The order as the shop's admin reads it (admins see every team)."""
    answer = shop.admin.client.get(f"/orders/{order_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def push_ops(client: httpx.Client, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Push several ops (``kind``, ``order_id``, ``payload``, optional ``lease_epoch`` /
    ``expected_version``) in one batch from a device of its own; their results."""
    device = f"desk-{uuid.uuid4().hex[:8]}"
    batch = [
        {"op_id": str(uuid.uuid4()), "client_seq": seq, **op} for seq, op in enumerate(ops, start=1)
    ]
    answer = client.post(
        "/sync/push",
        json={"device_id": device, "ops": batch},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def journal_op(order_id: int, **entry: Any) -> dict[str, Any]:
    """A journal op for ``push_ops``."""
    return {"kind": "journal", "order_id": order_id, "payload": journal_entry(order_id, **entry)}
