"""An agent types a new order at the desk: the server normalises the phone, prices
it, flags a duplicate phone, and hands the order to its creator (owned and leased)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server.db.models_sync import AuditRow
from tests.server.desk_ops import claim, order, push_op
from tests.server.shop import Shop


def new_order(shop: Shop, phone: str = "06 61 23 45 67", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "customer": {
            "name": "Salma Berrada",
            "phones": [phone],
            "address": "5 Rue Tarik",
            "city": "Casablanca",
        },
        "lines": [{"article_ref": shop.article_ref, "quantity": 2, "color": "Camel", "size": "41"}],
        "note": "Cliente a appelé pour une deuxième paire",
        **extra,
    }
    return body


def test_new_order_is_priced_owned_and_leased_by_its_creator(shop: Shop) -> None:
    agent = shop.agents[0]
    answer = agent.client.post("/orders", json=new_order(shop))
    assert answer.status_code == 201, answer.text
    created = answer.json()
    order_wire = created["order"]
    assert created["id"] == order_wire["id"]
    assert order_wire["customer"]["phones"] == ["+212661234567"]
    assert order_wire["source"] == "agent"
    assert order_wire["status"] == "in_progress"
    assert order_wire["team_id"] == shop.team_id
    assert order_wire["owner_id"] == agent.id
    assert created["lease"]["holder_id"] == agent.id
    # Two units of an upsell article: tier 1 price (229) each, plus 30 delivery.
    assert order_wire["subtotal"] == "458.00" and order_wire["total"] == "488.00"
    notes = agent.client.get(f"/orders/{created['id']}/notes").json()
    assert [note["text"] for note in notes] == ["Cliente a appelé pour une deuxième paire"]

    # The creator goes on with its lease; another agent cannot take the order.
    epoch = created["lease"]["epoch"]
    assert push_op(
        agent.client, "add_note", created["id"], {"text": "Adresse vérifiée"}, epoch=epoch
    )["status"] == "applied"
    taken = shop.agents[1].client.post(f"/orders/{created['id']}/claim")
    assert taken.status_code == 409 and taken.json()["code"] == "lease_held"
    # The admin sees it like any order of the team.
    assert shop.admin.client.get(f"/orders/{created['id']}").status_code == 200
    with shop.db.read() as session:
        audit = session.execute(
            select(AuditRow).where(
                AuditRow.entity_id == str(created["id"]), AuditRow.action == "order.create"
            )
        ).scalar_one()
    assert audit.user_id == agent.id and audit.detail["source"] == "agent"


def test_second_order_of_a_phone_is_flagged_as_possible_duplicate(shop: Shop) -> None:
    existing = order(shop.agents[0].client, shop.order_ids[0])
    phone = existing["customer"]["phones"][0]
    answer = shop.agents[1].client.post("/orders", json=new_order(shop, phone=phone))
    assert answer.status_code == 201, answer.text
    flagged = answer.json()["order"]
    assert flagged["possible_duplicate_of"] == existing["reference"]
    assert "doublon-possible" in flagged["tags"]


def test_bad_input_is_refused_with_a_reason(shop: Shop) -> None:
    client = shop.agents[0].client
    bad_phone = client.post("/orders", json=new_order(shop, phone="06 12"))
    assert bad_phone.status_code == 422
    assert bad_phone.json()["code"] == "invalid_phone"
    assert bad_phone.json()["params"]["reason"] == "too_short"

    unknown = new_order(shop)
    unknown["lines"] = [{"article_ref": "NOPE-404", "quantity": 1}]
    refused = client.post("/orders", json=unknown)
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_article"

    no_lines = new_order(shop)
    no_lines["lines"] = []
    assert client.post("/orders", json=no_lines).status_code == 422

    long_name = new_order(shop)
    long_name["customer"]["name"] = "x" * 300
    too_long = client.post("/orders", json=long_name)
    assert too_long.status_code == 422 and too_long.json()["params"]["field"] == "name"


def test_agent_claims_its_own_new_order_again_after_release(shop: Shop) -> None:
    agent = shop.agents[2].client
    created = agent.post("/orders", json=new_order(shop)).json()
    assert agent.post(f"/orders/{created['id']}/release", json={}).status_code == 200
    assert claim(agent, created["id"]) > created["lease"]["epoch"]
    other = shop.agents[0].client.post(f"/orders/{created['id']}/claim")
    assert other.status_code == 409 and other.json()["code"] == "lease_held"
