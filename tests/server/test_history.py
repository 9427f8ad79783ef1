"""An order's history (who moved it from which status to which, what was edited)
and a user's own history (calls with their outcome, dispositions, notes), read from
the server's audit trail and journal."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.desk_ops import claim, line, push_op
from tests.server.shop import Shop


def call(order_id: int, started: datetime, outcome: str = "answered") -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "order_id": order_id,
        "channel": "call",
        "number": "+212612345678",
        "started_at": started.isoformat(),
        "ring_seconds": 5,
        "talk_seconds": 48 if outcome == "answered" else 0,
        "outcome": outcome,
    }


def test_order_history_tells_who_moved_it_where(shop: Shop) -> None:
    agent, lead = shop.agents[0], shop.lead
    order_id = shop.order_ids[0]
    epoch = claim(agent.client, order_id)
    assert push_op(agent.client, "start", order_id, {}, epoch=epoch)["status"] == "applied"
    edit = {"lines": [line(shop.article_ref, 1, "5")], "order_discount_pct": "0"}
    assert push_op(agent.client, "edit_lines", order_id, edit, epoch=epoch)["status"] == "applied"
    escalated = agent.client.post(
        f"/orders/{order_id}/escalate", json={"reason": "special_authorisation", "text": "20 %?"}
    )
    assert escalated.status_code == 200
    assert lead.client.post(
        f"/orders/{order_id}/escalation/answer", json={"text": "Non, 5 % maximum"}
    ).status_code == 200
    epoch = claim(agent.client, order_id)
    journal = call(order_id, datetime.now(UTC) - timedelta(minutes=1))
    assert push_op(agent.client, "journal", order_id, journal)["status"] == "applied"
    assert push_op(agent.client, "confirm", order_id, {}, epoch=epoch)["status"] == "applied"

    history = agent.client.get(f"/orders/{order_id}/history")
    assert history.status_code == 200, history.text
    entries = history.json()
    moves = [
        (e["action"], e["actor_id"], e["from_status"], e["to_status"])
        for e in entries
        if e["action"] not in ("claim", "release")
    ]
    assert moves == [
        ("import_created", None, None, "unassigned"),
        ("start", agent.id, "unassigned", "in_progress"),
        ("edit_lines", agent.id, "in_progress", "in_progress"),
        ("escalate", agent.id, "in_progress", "in_progress"),
        ("escalation_answer", lead.id, "in_progress", "in_progress"),
        ("journal", agent.id, "in_progress", "in_progress"),
        ("confirm", agent.id, "in_progress", "confirmed"),
    ]
    by_action = {e["action"]: e for e in entries}
    assert by_action["escalate"]["detail"]["reason"] == "special_authorisation"
    assert by_action["edit_lines"]["detail"]["total"] == "266.55"
    # The line's rescue discount is in the history too, not only the order's.
    assert by_action["edit_lines"]["detail"]["line_discounts"] == f"{shop.article_ref}=5"
    assert by_action["confirm"]["actor_name"] == agent.username
    # Compared as instants: the wire leaves out a zero fraction of a second.
    times = [datetime.fromisoformat(e["at"]) for e in entries]
    assert times == sorted(times)

    other_team = shop.builder.new_shop(shop.api, agents=1, orders=0) if shop.builder else None
    assert other_team is not None
    try:
        assert other_team.agents[0].client.get(f"/orders/{order_id}/history").status_code == 404
    finally:
        other_team.close()


def test_own_history_lists_calls_and_actions_newest_first(shop: Shop) -> None:
    agent = shop.agents[1]
    first, second = shop.order_ids[1], shop.order_ids[2]
    epoch = claim(agent.client, first)
    early = datetime.now(UTC) - timedelta(minutes=30)
    assert push_op(agent.client, "journal", first, call(first, early, "no_answer"))[
        "status"
    ] == "applied"
    assert push_op(agent.client, "add_note", first, {"text": "Messagerie"}, epoch=epoch)[
        "status"
    ] == "applied"
    epoch2 = claim(agent.client, second)
    late = datetime.now(UTC) - timedelta(minutes=5)
    assert push_op(agent.client, "journal", second, call(second, late))["status"] == "applied"
    cancel = {"reason": "Prix trop élevé"}
    assert push_op(agent.client, "cancel", second, cancel, epoch=epoch2)["status"] == "applied"
    # Someone else's work is not in this agent's history.
    other_epoch = claim(shop.agents[0].client, shop.order_ids[3])
    push_op(shop.agents[0].client, "add_note", shop.order_ids[3], {"text": "x"}, epoch=other_epoch)

    answer = agent.client.get("/me/history")
    assert answer.status_code == 200, answer.text
    entries = answer.json()
    summary = [(e["action"], e["order_id"], e["outcome"], e["channel"]) for e in entries]
    assert summary == [
        ("cancel", second, None, None),
        ("add_note", first, None, None),
        ("attempt", second, "answered", "call"),
        ("attempt", first, "no_answer", "call"),
    ]
    assert entries[0]["detail"]["cancel_reason"] == "Prix trop élevé"
    assert entries[0]["detail"]["to_status"] == "cancelled"
    assert entries[1]["detail"]["note"] == "Messagerie"
    assert entries[2]["talk_seconds"] == 48
    assert entries[0]["order_reference"] == f"{shop.prefix}-0002"

    page = agent.client.get("/me/history", params={"limit": 2}).json()
    assert [e["action"] for e in page] == ["cancel", "add_note"]
    older = agent.client.get(
        "/me/history", params={"limit": 2, "before": page[-1]["at"]}
    ).json()
    assert [e["action"] for e in older] == ["attempt", "attempt"]
    assert agent.client.get("/me/history", params={"limit": 0}).status_code == 422
    odd = agent.client.get("/me/history", params={"before": "0001-01-01T00:00:00+05:00"})
    assert odd.status_code == 422 and odd.json()["params"]["field"] == "before"
