"""Agents act only on what is theirs, tokens can be revoked, and every mutation
leaves exactly one audit row (login throttling: test_login_throttling)."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import select

from server.db.models_sync import AuditRow
from tests.fixtures.server_process import RunningServer
from tests.server.shop import PASSWORD, Shop, ShopBuilder
from tests.server.test_push import op, push


def test_agent_cannot_act_on_an_order_another_agent_holds(shop: Shop) -> None:
    holder, intruder = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    holder.client.post(f"/orders/{order_id}/claim")
    version = intruder.client.get(f"/orders/{order_id}").json()["version"]
    refused = push(
        intruder.client,
        [op("cancel", order_id, 1, {"reason": "changed_mind"}, expected_version=version)],
    ).json()["results"][0]
    assert refused["status"] == "conflict" and refused["code"] == "lease_held"
    assert refused["params"]["holder_name"] == holder.username
    assert intruder.client.post(f"/orders/{order_id}/release").json()["released"] is False
    assert intruder.client.get(f"/orders/{order_id}").json()["status"] == "unassigned"


def test_agent_cannot_read_or_claim_another_teams_orders(
    shop: Shop, builder: ShopBuilder, server: RunningServer
) -> None:
    other = builder.new_shop(server.api, agents=1, orders=1)
    foreign = other.order_ids[0]
    agent = shop.agents[0]
    assert agent.client.get(f"/orders/{foreign}").status_code == 404
    assert agent.client.post(f"/orders/{foreign}/claim").status_code == 404
    listed = agent.client.get("/orders", params={"limit": 500}).json()["items"]
    assert foreign not in {o["id"] for o in listed}
    assert set(shop.order_ids) <= {o["id"] for o in listed}
    pushed = push(agent.client, [op("add_note", foreign, 1, {"text": "x"}, expected_version=1)])
    assert pushed.json()["results"][0]["code"] == "not_found"
    assert shop.lead.client.get(f"/orders/{foreign}").status_code == 404
    assert shop.admin.client.get(f"/orders/{foreign}").status_code == 200
    other.close()


def test_roles_guard_supervisor_and_admin_endpoints(shop: Shop) -> None:
    agent = shop.agents[0]
    assert agent.client.get("/wallboard").status_code == 403
    assert agent.client.put("/settings", json={"attempt_cap": 9}).status_code == 403
    assert shop.lead.client.put("/settings", json={"attempt_cap": 9}).status_code == 403
    assert agent.client.post("/import/orders", content=b"a,b\n").status_code == 403
    assert shop.lead.client.get("/wallboard").status_code == 200


def test_login_hands_out_a_long_random_token_and_revoked_tokens_get_401(
    shop: Shop, server: RunningServer
) -> None:
    username = shop.agents[2].username
    login = httpx.post(
        f"{server.api}/auth/login",
        json={"username": username, "password": PASSWORD, "device_id": "desk-9"},
    )
    assert login.status_code == 200, login.text
    token = login.json()["token"]
    assert len(token) >= 22  # urlsafe base64 of >= 16 random bytes
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{server.api}/auth/me", headers=headers).json()["username"] == username
    assert httpx.post(f"{server.api}/auth/logout", headers=headers).status_code == 204
    again = httpx.get(f"{server.api}/auth/me", headers=headers)
    assert again.status_code == 401 and again.json()["code"] == "unauthenticated"
    assert (
        httpx.get(f"{server.api}/orders", headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert httpx.get(f"{server.api}/orders").status_code == 401


def test_audit_rows_equal_mutations(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[3]
    before = shop.audit_count()
    mutations = 0
    epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
    mutations += 1
    results = push(
        agent.client,
        [
            op("add_note", order_id, 1, {"text": "Adresse vérifiée"}, lease_epoch=epoch),
            op("start", order_id, 2, {}, lease_epoch=epoch),
            op("cancel", order_id, 3, {"reason": ""}, lease_epoch=epoch),  # refused: no mutation
        ],
    ).json()["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    mutations += 2
    agent.client.post(
        "/leases/heartbeat", json={"leases": [{"order_id": order_id, "epoch": epoch}]}
    )
    mutations += 1
    agent.client.put("/presence", json={"state": "paused", "reason": "Pause déjeuner"})
    mutations += 1
    presence_op = {
        "op_id": str(uuid.uuid4()),
        "client_seq": 4,
        "kind": "presence",
        "payload": {"state": "available"},
    }
    assert push(agent.client, [presence_op]).json()["results"][0]["status"] == "applied"
    mutations += 1
    agent.client.post(f"/orders/{order_id}/release", json={"epoch": epoch})
    mutations += 1
    agent.client.post(f"/orders/{order_id}/release", json={"epoch": epoch})  # nothing to release
    assert shop.audit_count() - before == mutations
    with shop.db.read() as session:
        rows = list(
            session.execute(
                select(AuditRow).order_by(AuditRow.id.desc()).limit(mutations)
            ).scalars()
        )
    assert {row.user_id for row in rows} == {agent.id}
    assert sum(1 for row in rows if row.op_id) == 3
    assert all(row.device_id for row in rows)
    assert uuid.UUID(next(row.op_id for row in rows if row.op_id))
