"""An agent hands an order to the team lead; agents cannot take it meanwhile; the
lead answers (the order goes back to the agent with the answer as a note) or takes
it over; the wallboard and the change log show it live. Run on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.fixtures.server_process import RunningServer
from tests.server.desk_ops import claim, order, push_op
from tests.server.shop import Shop, ShopBuilder


@pytest.fixture
def small_shop(builder: ShopBuilder, server: RunningServer) -> Iterator[Shop]:
    """One order only, so claim-next has nothing else to hand out."""
    built = builder.new_shop(server.api, agents=2, orders=1)
    yield built
    built.close()


def escalate(client: Any, order_id: int, text: str = "Client mécontent, veut un geste") -> Any:
    return client.post(f"/orders/{order_id}/escalate", json={"reason": "complaint", "text": text})


def test_escalated_order_waits_for_the_lead_then_goes_back_to_the_agent(
    small_shop: Shop,
) -> None:
    shop = small_shop
    agent, other, lead = shop.agents[0], shop.agents[1], shop.lead
    order_id = shop.order_ids[0]
    start = lead.client.get("/wallboard").json()["last_change_seq"]
    claim(agent.client, order_id)

    answer = escalate(agent.client, order_id)
    assert answer.status_code == 200, answer.text
    escalated = answer.json()
    assert escalated["escalation"]["reason"] == "complaint"
    assert escalated["escalation"]["by_id"] == agent.id
    assert escalated["escalation"]["lead_id"] == lead.id
    assert escalated["lease"] is None and escalated["owner_id"] == agent.id
    assert escalate(agent.client, order_id).json()["code"] == "already_escalated"

    for client in (agent.client, other.client):
        refused = client.post(f"/orders/{order_id}/claim")
        assert refused.status_code == 409 and refused.json()["code"] == "escalated"
        assert client.post("/orders/claim-next", json={}).json()["order"] is None

    rows = lead.client.get("/wallboard").json()["escalations"]
    assert [(r["order_id"], r["agent_id"], r["reason"]) for r in rows] == [
        (order_id, agent.id, "complaint")
    ]
    assert rows[0]["text"] == "Client mécontent, veut un geste"
    changes = agent.client.get("/sync/pull", params={"cursor": start}).json()["changes"]
    published = [c["payload"] for c in changes if c["entity"] == "order"]
    assert published[-1]["escalation"]["reason"] == "complaint"

    answered = lead.client.post(
        f"/orders/{order_id}/escalation/answer", json={"text": "Accordez 10 % et livrez lundi"}
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["escalation"] is None
    assert answered.json()["owner_id"] == agent.id
    assert lead.client.get("/wallboard").json()["escalations"] == []
    notes = agent.client.get(f"/orders/{order_id}/notes").json()
    assert (notes[-1]["author_id"], notes[-1]["text"]) == (lead.id, "Accordez 10 % et livrez lundi")
    # Back in the agent's hands: it claims and works on it again; the other agent cannot.
    epoch = claim(agent.client, order_id)
    assert push_op(agent.client, "start", order_id, {}, epoch=epoch)["status"] == "applied"
    assert other.client.post(f"/orders/{order_id}/claim").json()["code"] == "lease_held"


def test_lead_takes_the_order_over(shop: Shop) -> None:
    agent, lead = shop.agents[0], shop.lead
    order_id = shop.order_ids[0]
    claim(agent.client, order_id)
    assert escalate(agent.client, order_id).status_code == 200
    # The agent cannot close it behind the lead's back (its desk still knows the version).
    version = order(agent.client, order_id)["version"]
    closing = push_op(agent.client, "cancel", order_id, {"reason": "refus"}, version=version)
    assert closing["code"] == "escalated"

    taken = lead.client.post(f"/orders/{order_id}/escalation/take")
    assert taken.status_code == 200, taken.text
    body = taken.json()
    assert body["escalation"] is None and body["owner_id"] == lead.id
    assert body["lease"]["holder_id"] == lead.id
    epoch = body["lease"]["epoch"]
    assert push_op(lead.client, "add_note", order_id, {"text": "Je gère"}, epoch=epoch)[
        "status"
    ] == "applied"
    again = lead.client.post(f"/orders/{order_id}/escalation/take")
    assert again.status_code == 409 and again.json()["code"] == "not_escalated"


def test_only_the_leads_of_the_team_answer(
    shop: Shop, builder: ShopBuilder, server: RunningServer
) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[1]
    claim(agent.client, order_id)
    assert escalate(agent.client, order_id).status_code == 200
    other_team = builder.new_shop(server.api, agents=1, orders=0)
    try:
        foreign = other_team.lead.client.post(
            f"/orders/{order_id}/escalation/answer", json={"text": "Pas mon équipe"}
        )
        # Another team's order answers exactly like a missing one.
        missing = other_team.lead.client.post(
            "/orders/999999999/escalation/answer", json={"text": "Pas mon équipe"}
        )
        assert foreign.status_code == missing.status_code == 404
        assert foreign.json()["code"] == missing.json()["code"] == "not_found"
        assert other_team.lead.client.post(f"/orders/{order_id}/escalation/take").status_code == 404
        assert other_team.lead.client.get("/wallboard").json()["escalations"] == []
    finally:
        other_team.close()
    by_agent = shop.agents[1].client.post(f"/orders/{order_id}/escalation/take")
    assert by_agent.status_code == 403
    admin = shop.admin.client.post(
        f"/orders/{order_id}/escalation/answer", json={"text": "Réponse de l'admin"}
    )
    assert admin.status_code == 200 and admin.json()["owner_id"] == agent.id


def test_escalation_needs_the_order_in_hand(shop: Shop) -> None:
    stranger = shop.agents[1]
    order_id = shop.order_ids[2]
    refused = escalate(stranger.client, order_id)
    assert refused.status_code == 409 and refused.json()["code"] == "not_lease_holder"
    epoch = claim(stranger.client, order_id)
    assert push_op(stranger.client, "erroneous", order_id, {}, epoch=epoch)["status"] == "applied"
    closed = escalate(stranger.client, order_id)
    assert closed.status_code == 409 and closed.json()["code"] == "order_closed"


def test_reassigning_an_escalated_order_answers_the_escalation(shop: Shop) -> None:
    agent, other, lead = shop.agents[0], shop.agents[1], shop.lead
    order_id = shop.order_ids[3]
    claim(agent.client, order_id)
    assert escalate(agent.client, order_id).status_code == 200
    moved = lead.client.post(f"/orders/{order_id}/reassign", json={"owner_id": other.id})
    assert moved.status_code == 204
    assert order(other.client, order_id)["escalation"] is None
    assert claim(other.client, order_id) >= 1
    assert lead.client.get("/wallboard").json()["escalations"] == []


def test_escalated_orders_come_first_in_the_leads_queue(shop: Shop) -> None:
    agent, lead = shop.agents[0], shop.lead
    later, first = shop.order_ids[4], shop.order_ids[2]
    for order_id in (first, later):
        claim(agent.client, order_id)
        assert escalate(agent.client, order_id).status_code == 200
    queue = lead.client.get("/orders", params={"sort": "queue", "limit": 3}).json()["items"]
    assert [item["id"] for item in queue[:2]] == [first, later]
    taken = lead.client.post("/orders/claim-next", json={}).json()
    assert taken["order"]["id"] == first
    # The agent's next order is one it may work on, not the one waiting for the lead.
    next_for_agent = agent.client.post("/orders/claim-next", json={}).json()["order"]
    assert next_for_agent is not None and next_for_agent["id"] not in (first, later)
