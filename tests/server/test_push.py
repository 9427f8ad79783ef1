"""Push applies each op once (replays, concurrent replays, duplicates), refuses
gaps and stale versions with a readable reason, and enforces core's rules."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.server.shop import Shop, ShopBuilder


def op(kind: str, order_id: int, seq: int, payload: dict[str, Any], **fence: Any) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "client_seq": seq,
        "kind": kind,
        "order_id": order_id,
        "payload": payload,
        **fence,
    }


def journal(
    order_id: int, seq: int, outcome: str = "answered", channel: str = "call"
) -> dict[str, Any]:
    entry = {
        "id": str(uuid.uuid4()),
        "order_id": order_id,
        "channel": channel,
        "number": "+212612345678",
        "started_at": datetime.now(UTC).isoformat(),
        "ring_seconds": 4.5,
        "talk_seconds": 62 if outcome == "answered" else 0,
        "outcome": outcome,
        "sip_code": 200,
    }
    return op("journal", order_id, seq, entry)


def push(
    client: httpx.Client, ops: list[dict[str, Any]], key: str | None = None, device: str = "desk-1"
) -> httpx.Response:
    return client.post(
        "/sync/push",
        json={"device_id": device, "ops": ops},
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
    )


def notes(client: httpx.Client, order_id: int) -> list[dict[str, Any]]:
    return client.get(f"/orders/{order_id}/notes").json()


def test_replayed_batch_applies_once_and_answers_the_same(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[0]
    epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
    batch = [op("add_note", order_id, 1, {"text": "Client joint, rappeler"}, lease_epoch=epoch)]
    key = str(uuid.uuid4())
    audit_before = shop.audit_count()
    answers = [push(agent.client, batch, key) for _ in range(5)]
    assert {a.status_code for a in answers} == {200}
    assert all(a.json() == answers[0].json() for a in answers)
    assert answers[0].json()["results"][0]["status"] == "applied"
    assert [a.headers.get("Idempotent-Replayed") for a in answers[1:]] == ["true"] * 4
    assert len(notes(agent.client, order_id)) == 1
    assert shop.audit_count() - audit_before == 1

    other_body = [op("add_note", order_id, 2, {"text": "Autre"}, lease_epoch=epoch)]
    reused = push(agent.client, other_body, key)
    assert reused.status_code == 422
    assert reused.json()["code"] == "idempotency_key_reused"
    assert len(notes(agent.client, order_id)) == 1


def test_six_concurrent_sends_of_one_batch_apply_once(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[1]
    epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
    batch = [
        op("add_note", order_id, 1, {"text": "Note unique"}, lease_epoch=epoch),
        journal(order_id, 2),
    ]
    key = str(uuid.uuid4())
    barrier = threading.Barrier(6)
    clients = [
        httpx.Client(
            base_url=shop.api, headers={"Authorization": f"Bearer {agent.token}"}, timeout=60
        )
        for _ in range(6)
    ]

    def send(index: int) -> httpx.Response:
        barrier.wait(timeout=30)
        return push(clients[index], batch, key, device="desk-6")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(send, range(6)))
    for client in clients:
        client.close()
    assert {a.status_code for a in answers} == {200}
    assert all(a.json() == answers[0].json() for a in answers)
    assert [r["status"] for r in answers[0].json()["results"]] == ["applied", "applied"]
    assert len(notes(agent.client, order_id)) == 1
    order = agent.client.get(f"/orders/{order_id}").json()
    assert order["attempt_count"] == 1 and order["contact_count"] == 1


def test_same_op_in_a_new_batch_is_a_duplicate_and_gaps_are_refused(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[2]
    epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
    first = op("add_note", order_id, 1, {"text": "Première"}, lease_epoch=epoch)
    assert push(agent.client, [first]).json()["results"][0]["status"] == "applied"
    again = push(agent.client, [first]).json()["results"][0]
    assert again["status"] == "duplicate"

    gap = push(agent.client, [op("add_note", order_id, 3, {"text": "Trop tôt"}, lease_epoch=epoch)])
    result = gap.json()["results"][0]
    assert result["status"] == "rejected" and result["code"] == "sequence_gap"
    assert result["params"]["expected_seq"] == 2
    fill = push(
        agent.client, [op("add_note", order_id, 2, {"text": "Deuxième"}, lease_epoch=epoch)]
    )
    assert fill.json()["results"][0]["status"] == "applied"
    assert [n["text"] for n in notes(agent.client, order_id)] == ["Première", "Deuxième"]


def test_two_edits_on_the_same_version_one_applies_one_conflicts(shop: Shop) -> None:
    order_id = shop.order_ids[3]
    version = shop.lead.client.get(f"/orders/{order_id}").json()["version"]
    edit_a = op("edit_customer", order_id, 1, {"address": "5 Rue A"}, expected_version=version)
    edit_b = op("edit_customer", order_id, 1, {"address": "9 Rue B"}, expected_version=version)
    first = push(shop.lead.client, [edit_a]).json()["results"][0]
    second = push(shop.admin.client, [edit_b]).json()["results"][0]
    assert first["status"] == "applied"
    assert second["status"] == "conflict" and second["code"] == "version_conflict"
    assert second["params"]["current_version"] == version + 1
    assert shop.lead.client.get(f"/orders/{order_id}").json()["customer"]["address"] == "5 Rue A"
    single = shop.admin.client.post(
        f"/orders/{order_id}/ops",
        json=op("edit_customer", order_id, 1, {"address": "x"}, expected_version=version),
    )
    assert single.status_code == 412 and single.json()["code"] == "version_conflict"


def test_confirm_needs_contact_recomputes_totals_and_takes_stock(
    builder: ShopBuilder, server: Any
) -> None:
    shop = builder.new_shop(server.api, agents=1, orders=2, stock=1)
    agent = shop.agents[0]
    first, second = shop.order_ids
    epochs = {
        oid: agent.client.post(f"/orders/{oid}/claim").json()["lease"]["epoch"]
        for oid in (first, second)
    }
    too_early = push(agent.client, [op("confirm", first, 1, {}, lease_epoch=epochs[first])])
    assert too_early.json()["results"][0]["code"] == "confirm_needs_contact_attempt"

    lines = {
        "lines": [
            {"article_ref": shop.article_ref, "quantity": 1, "color": "Noir", "size": "40"},
            {"article_ref": shop.article_ref, "quantity": 1, "color": "Camel", "size": "41"},
        ]
    }
    edited = push(
        agent.client,
        [
            op("edit_lines", first, 2, lines, lease_epoch=epochs[first]),
            journal(first, 3),
            journal(second, 4),
        ],
    )
    assert [r["status"] for r in edited.json()["results"]] == ["applied"] * 3
    order = agent.client.get(f"/orders/{first}").json()
    # Two upsell units: counter 1 -> tier 1 price 229 each, plus 30 delivery.
    assert order["upsell_tier"] == 1
    assert order["total"] == "488.00"
    assert order["owner_id"] == agent.id

    confirmed = push(
        agent.client,
        [
            op("confirm", first, 5, {}, lease_epoch=epochs[first]),
            op("confirm", second, 6, {}, lease_epoch=epochs[second]),
        ],
    )
    first_result, second_result = confirmed.json()["results"]
    assert first_result["status"] == "applied"
    assert second_result["status"] == "rejected" and second_result["code"] == "out_of_stock"
    articles = {a["ref"]: a for a in agent.client.get("/articles").json()}
    assert {v["color"]: v["stock"] for v in articles[shop.article_ref]["variants"]} == {
        "Noir": 0,
        "Camel": 0,
    }
    assert agent.client.get(f"/orders/{second}").json()["status"] != "confirmed"
    after = push(agent.client, [op("add_note", first, 7, {"text": "x"}, lease_epoch=epochs[first])])
    assert after.json()["results"][0]["status"] in ("conflict", "rejected")
    shop.close()


def test_rules_of_core_are_enforced_with_readable_reasons(shop: Shop) -> None:
    agent = shop.agents[0]
    order_id = shop.order_ids[4]
    epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
    results = push(
        agent.client,
        [
            op("cancel", order_id, 1, {"reason": ""}, lease_epoch=epoch),
            op("callback", order_id, 2, {"callback_at": "2001-01-01T10:00:00Z"}, lease_epoch=epoch),
            op("reopen", order_id, 3, {}, lease_epoch=epoch),
            op("start", order_id, 4, {}),
        ],
    ).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert results[0]["code"] == "invalid_payload"
    assert results[1]["code"] == "callback_time_in_past"
    assert results[2]["code"] == "role_not_allowed"
    assert results[3]["code"] == "fence_required"
    assert all(r["message"] for r in results)


def test_attempt_cap_and_call_gap_are_checked_but_journal_is_always_accepted(shop: Shop) -> None:
    agent = shop.agents[1]
    order_id = shop.order_ids[0]
    unclaimed = agent.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "call"})
    assert unclaimed.status_code == 409 and unclaimed.json()["code"] == "not_lease_holder"
    assert agent.client.post(f"/orders/{order_id}/claim").status_code == 200
    check = agent.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "call"})
    assert check.status_code == 200 and check.json()["remaining"] == 4
    results = push(agent.client, [journal(order_id, 1, "no_answer")], device="desk-gap")
    assert results.json()["results"][0]["status"] == "applied"
    too_soon = agent.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "call"})
    assert too_soon.status_code == 409 and too_soon.json()["code"] == "call_gap"
    message = agent.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "whatsapp"})
    assert message.status_code == 200 and message.json()["remaining"] == 3
    more = [journal(order_id, seq, "no_answer", channel="sms") for seq in range(2, 6)]
    assert [r["status"] for r in push(agent.client, more, device="desk-gap").json()["results"]] == [
        "applied"
    ] * 4
    capped = agent.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "sms"})
    assert capped.status_code == 409 and capped.json()["code"] == "attempt_cap_reached"
    # The fifth attempt (made anyway, e.g. offline) is stored, not counted, and flagged.
    assert agent.client.get(f"/orders/{order_id}").json()["attempt_count"] == 4
    entries = agent.client.get(f"/orders/{order_id}/journal").json()
    assert sorted(str(e.get("flag")) for e in entries) == ["None"] * 4 + ["attempt_cap_reached"]
