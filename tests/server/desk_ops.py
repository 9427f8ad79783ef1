"""Small helpers to act like a desk over HTTP: claim, push one op, read an order."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

_seq: dict[str, int] = {}


def claim(client: httpx.Client, order_id: int) -> int:
    """Claim the order; the lease epoch."""
    answer = client.post(f"/orders/{order_id}/claim")
    assert answer.status_code == 200, answer.text
    return int(answer.json()["lease"]["epoch"])


def push_op(
    client: httpx.Client,
    kind: str,
    order_id: int,
    payload: dict[str, Any],
    *,
    epoch: int | None = None,
    version: int | None = None,
) -> dict[str, Any]:
    """Push one op from a device of its own; the op's result."""
    device = f"desk-{uuid.uuid4().hex[:8]}"
    op: dict[str, Any] = {
        "op_id": str(uuid.uuid4()),
        "client_seq": 1,
        "kind": kind,
        "order_id": order_id,
        "payload": payload,
    }
    if epoch is not None:
        op["lease_epoch"] = epoch
    if version is not None:
        op["expected_version"] = version
    answer = client.post(
        "/sync/push",
        json={"device_id": device, "ops": [op]},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["results"][0]
    return result


def order(client: httpx.Client, order_id: int) -> dict[str, Any]:
    answer = client.get(f"/orders/{order_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def line(ref: str, quantity: int = 1, discount: str = "0", **variant: str) -> dict[str, Any]:
    return {
        "article_ref": ref,
        "quantity": quantity,
        "color": variant.get("color", "Noir"),
        "size": variant.get("size", "40"),
        "discount_pct": discount,
    }
