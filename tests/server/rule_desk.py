"""What the rulebook tests share: acting on an order over HTTP as a desk would, and
reading back the facts ``core.rulebook`` needs from the server's own answers.

Each act is sent the way the desk sends it (a holder fences with its lease epoch,
anybody else with the order's version); the answer is reduced to ``"applied"`` or
the refusal's code, so it compares directly with ``core.rulebook.refusal``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from core.order_status import OrderStatus
from core.order_transitions import Role
from core.rulebook import Act, OrderFacts, ShopRules, Situation, Standing
from tests.server.desk_journal import push_ops
from tests.server.desk_ops import line
from tests.server.shop import Shop, ShopUser

APPLIED = "applied"

#: Op kinds of the push protocol and the rulebook act each one is.
OP_ACTS: dict[str, Act] = {
    "start": Act.START,
    "confirm": Act.CONFIRM,
    "cancel": Act.CANCEL,
    "callback": Act.CALLBACK,
    "unreachable": Act.UNREACHABLE,
    "duplicate": Act.DUPLICATE,
    "erroneous": Act.ERRONEOUS,
    "edit_lines": Act.EDIT,
    "edit_customer": Act.EDIT,
    "set_delivery_date": Act.EDIT,
    "add_note": Act.ADD_NOTE,
    "reopen": Act.REOPEN,
    "return_from_preparation": Act.RETURN_FROM_PREPARATION,
}
#: Acts that are endpoints of their own rather than pushed ops.
ENDPOINT_ACTS: dict[str, Act] = {
    "call": Act.CALL,
    "whatsapp": Act.WHATSAPP,
    "sms": Act.SMS,
    "claim": Act.CLAIM,
    "escalate": Act.ESCALATE,
    "reassign": Act.REASSIGN,
    "grant": Act.GRANT_ATTEMPT,
}
ALL_KINDS: dict[str, Act] = {**OP_ACTS, **ENDPOINT_ACTS}


def payload_for(kind: str, shop: Shop) -> dict[str, Any]:
    """A valid payload of each op kind (so only the rules can refuse it)."""
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    payloads: dict[str, dict[str, Any]] = {
        "cancel": {"reason": "Le client a changé d'avis"},
        "callback": {"callback_at": tomorrow.isoformat()},
        "edit_lines": {"lines": [line(shop.article_ref)]},
        "edit_customer": {"address": f"14 Rue Zerktouni {uuid.uuid4().hex[:4]}"},
        "set_delivery_date": {"delivery_date": (date.today() + timedelta(days=2)).isoformat()},
        "add_note": {"text": "Le client rappellera après 18h."},
    }
    return payloads.get(kind, {})


def fence_for(wire: dict[str, Any], actor: ShopUser) -> dict[str, int]:
    """The fence a desk sends: its lease epoch when it holds the order, else the version."""
    lease = wire.get("lease")
    if lease is not None and lease["holder_id"] == actor.id:
        return {"epoch": int(lease["epoch"])}
    return {"version": int(wire["version"])}


def answer_code(answer: httpx.Response) -> str:
    """``applied`` for a 2xx answer, else the error body's code (a 500 fails the test)."""
    assert answer.status_code < 500, answer.text
    if answer.status_code < 300:
        return APPLIED
    code: str = answer.json().get("code", f"http_{answer.status_code}")
    return code


def op_code(result: dict[str, Any]) -> str:
    """``applied`` for an applied op, else its refusal code."""
    if result["status"] == APPLIED:
        return APPLIED
    return str(result.get("code"))


def op_for(
    kind: str, actor: ShopUser, order_id: int, wire: dict[str, Any] | None, shop: Shop
) -> dict[str, Any]:
    """The op of ``kind`` as ``actor``'s desk would push it (see ``fence_for``)."""
    fence = fence_for(wire, actor) if wire is not None else {"version": 1}
    op: dict[str, Any] = {"kind": kind, "order_id": order_id, "payload": payload_for(kind, shop)}
    if "epoch" in fence:
        op["lease_epoch"] = fence["epoch"]
    else:
        op["expected_version"] = fence["version"]
    return op


def send_ops(
    kinds: list[str], actor: ShopUser, order_id: int, wire: dict[str, Any] | None, shop: Shop
) -> list[str]:
    """Push several op kinds in one batch (each in its own savepoint on the server);
    ``applied`` or the refusal code of each."""
    results = push_ops(actor.client, [op_for(k, actor, order_id, wire, shop) for k in kinds])
    return [op_code(result) for result in results]


def send(
    kind: str,
    actor: ShopUser,
    order_id: int,
    wire: dict[str, Any] | None,
    shop: Shop,
    *,
    reassign_to: int | None = None,
) -> tuple[str, int | None]:
    """Do ``kind`` to the order as ``actor``; (``applied`` or refusal code, HTTP status).

    ``wire`` is the order as the server shows it now (for the fence); ``None`` for an
    order the actor cannot see (it then fences with version 1, as a guess would)."""
    client = actor.client
    if kind in OP_ACTS:
        return send_ops([kind], actor, order_id, wire, shop)[0], None
    if kind in ("call", "whatsapp", "sms"):
        answer = client.post(f"/orders/{order_id}/attempts/check", json={"channel": kind})
    elif kind == "claim":
        answer = client.post(f"/orders/{order_id}/claim")
    elif kind == "escalate":
        answer = client.post(
            f"/orders/{order_id}/escalate",
            json={"reason": "complex_case", "text": "Le client veut parler au responsable."},
        )
    elif kind == "reassign":
        answer = client.post(
            f"/orders/{order_id}/reassign", json={"owner_id": reassign_to, "release_lease": True}
        )
    elif kind == "grant":
        answer = client.post(f"/orders/{order_id}/attempts/grant", json={})
    else:  # pragma: no cover - a kind this table does not know
        raise AssertionError(kind)
    return answer_code(answer), answer.status_code


def sees_team(role: Role, actor_team: int | None, order_team: int | None) -> bool:
    """What the server lets the actor see: admins everything, others their team's
    orders (and orders of no team)."""
    return role == Role.ADMIN or order_team is None or order_team == actor_team


def order_facts(wire: dict[str, Any]) -> OrderFacts:
    last_call = wire.get("last_call_at")
    return OrderFacts(
        status=OrderStatus(wire["status"]),
        attempts=int(wire["attempt_count"]),
        contacts=int(wire["contact_count"]),
        last_call_at=datetime.fromisoformat(last_call) if last_call else None,
        escalated=wire.get("escalation") is not None,
        extra_attempts=int(wire.get("extra_attempts") or 0),
        has_lines=bool(wire["lines"]),
    )


def lease_valid(wire: dict[str, Any], now: datetime) -> bool:
    lease = wire.get("lease")
    return lease is not None and datetime.fromisoformat(lease["expires_at"]) > now


def situation(
    wire: dict[str, Any],
    actor: ShopUser,
    actor_team: int | None,
    *,
    leases_held: int = 0,
    rules: ShopRules | None = None,
    now: datetime | None = None,
) -> Situation:
    """The rulebook's view of the order (as the server shows it) for ``actor``."""
    now = now or datetime.now(UTC)
    lease = wire.get("lease")
    holder = lease["holder_id"] if lease is not None else None
    owner = wire.get("owner_id")
    standing = Standing(
        role=actor.role,
        same_team=sees_team(actor.role, actor_team, wire.get("team_id")),
        holds_lease=holder == actor.id,
        held_by_other=lease_valid(wire, now) and holder != actor.id,
        owns=owner == actor.id,
        owned_by_other=owner is not None and owner != actor.id,
        leases_held=leases_held,
    )
    return Situation(order_facts(wire), standing, rules or ShopRules(), now)


def leases_held_by(actor: ShopUser) -> int:
    """Valid leases ``actor`` holds now, as its own order list shows them."""
    now = datetime.now(UTC)
    page = actor.client.get("/orders", params={"mine": "true", "limit": 500}).json()
    return sum(
        1
        for item in page["items"]
        if item.get("lease") is not None
        and item["lease"]["holder_id"] == actor.id
        and datetime.fromisoformat(item["lease"]["expires_at"]) > now
    )
