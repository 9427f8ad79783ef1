"""The leaks of issue 13, each reproduced against the real server process: journal
entries from a non-holder, closing without a lease, the attempt cap and call gap,
team walls in imports, reassigns and heartbeats, lease hygiene, and one queue order
on both databases."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from core.order_status import OrderStatus
from core.queue_priority import queue_sort_key
from tests.server.desk_journal import MISSING_ORDER_ID, admin_view, push_journal
from tests.server.desk_ops import claim, line, push_op
from tests.server.shop import Shop, ShopBuilder, random_phone

HEADER_FR = "N° Commande;Date Création;Client;Téléphone;Adresse;Ville;Produit;Prix;Opérateur;Statut"


def _journal(client: httpx.Client, order_id: int) -> list[dict[str, Any]]:
    answer = client.get(f"/orders/{order_id}/journal")
    assert answer.status_code == 200, answer.text
    entries: list[dict[str, Any]] = answer.json()
    return entries


def _cursor(shop: Shop) -> int:
    """The change log's head now (changes after it are this test's)."""
    return int(shop.admin.client.get("/orders", params={"limit": 1}).json()["cursor"])


def _pulled_journal(shop: Shop, cursor: int, order_id: int) -> list[dict[str, Any]]:
    """The order's journal entries as the change log carries them to desks and leads."""
    entries: dict[str, dict[str, Any]] = {}
    while True:
        page = shop.admin.client.get("/sync/pull", params={"cursor": cursor}).json()
        for change in page["changes"]:
            if change["entity"] == "journal" and change["payload"]["order_id"] == order_id:
                entries[change["entity_id"]] = change["payload"]
        cursor = int(page["next_cursor"])
        if not page["has_more"]:
            return sorted(entries.values(), key=lambda entry: entry["started_at"])


def _settings(shop: Shop) -> dict[str, Any]:
    body: dict[str, Any] = shop.admin.client.get("/settings").json()
    return body


def test_journal_from_a_non_holder_does_not_make_it_owner_and_the_holder_can_still_confirm(
    shop: Shop,
) -> None:
    intruder, holder = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    cursor = _cursor(shop)
    epoch = claim(holder.client, order_id)

    stored = push_journal(intruder.client, order_id, outcome="answered")
    assert stored["status"] == "applied"  # the call happened: the entry is kept
    after = admin_view(shop, order_id)
    assert after["owner_id"] != intruder.id
    assert after["attempt_count"] == 0 and after["contact_count"] == 0
    assert after["lease"]["holder_id"] == holder.id

    assert push_journal(holder.client, order_id, outcome="answered")["status"] == "applied"
    confirmed = push_op(holder.client, "confirm", order_id, {}, epoch=epoch)
    assert confirmed["status"] == "applied", confirmed
    final = admin_view(shop, order_id)
    assert final["status"] == OrderStatus.CONFIRMED.value
    assert final["owner_id"] == holder.id
    flags = {e["agent_id"]: e.get("flag") for e in _pulled_journal(shop, cursor, order_id)}
    assert flags == {intruder.id: "not_holder", holder.id: None}


def test_four_journal_entries_of_a_non_holder_leave_the_holders_cap_untouched_and_are_flagged(
    shop: Shop,
) -> None:
    intruder, holder = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    cursor = _cursor(shop)
    claim(holder.client, order_id)
    start = datetime.now(UTC) - timedelta(hours=5)
    for index in range(4):
        result = push_journal(intruder.client, order_id, started_at=start + timedelta(hours=index))
        assert result["status"] == "applied"

    after = admin_view(shop, order_id)
    assert after["attempt_count"] == 0 and after["owner_id"] is None
    check = holder.client.post(f"/orders/{order_id}/attempts/check", json={"channel": "call"})
    assert check.status_code == 200, check.text
    entries = _pulled_journal(shop, cursor, order_id)
    assert len(entries) == 4
    assert {entry.get("flag") for entry in entries} == {"not_holder"}


def test_closing_an_unleased_unowned_order_is_refused(shop: Shop) -> None:
    agent = shop.agents[0]
    payloads: dict[str, dict[str, Any]] = {
        "cancel": {"reason": "Le client a changé d'avis"},
        "duplicate": {},
        "erroneous": {},
        "confirm": {},
        "unreachable": {},
    }
    for order_id, (kind, payload) in zip(shop.order_ids, payloads.items(), strict=True):
        version = admin_view(shop, order_id)["version"]
        result = push_op(agent.client, kind, order_id, payload, version=version)
        assert (result["status"], result["code"]) == ("conflict", "not_lease_holder"), (
            kind,
            result,
        )
        after = admin_view(shop, order_id)
        assert after["status"] == OrderStatus.UNASSIGNED.value and after["owner_id"] is None


def test_attempt_check_refuses_inside_the_gap_past_the_cap_and_to_a_non_holder(
    shop: Shop,
) -> None:
    holder, other = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    claim(holder.client, order_id)
    assert push_journal(holder.client, order_id)["status"] == "applied"

    def check(user: Any, channel: str) -> httpx.Response:
        return user.client.post(f"/orders/{order_id}/attempts/check", json={"channel": channel})

    gap = check(holder, "call")
    assert gap.status_code == 409 and gap.json()["code"] == "call_gap", gap.text
    assert gap.json()["params"]["wait_seconds"] > 0
    assert check(holder, "whatsapp").status_code == 200  # messages have no gap
    refused = check(other, "whatsapp")
    assert refused.status_code == 409 and refused.json()["code"] == "lease_held", refused.text

    for _ in range(3):
        assert push_journal(holder.client, order_id, channel="whatsapp")["status"] == "applied"
    assert admin_view(shop, order_id)["attempt_count"] == 4
    for channel in ("sms", "whatsapp", "call"):
        capped = check(holder, channel)
        assert capped.status_code == 409, capped.text
        assert capped.json()["code"] == "attempt_cap_reached"


def test_a_fifth_call_past_the_cap_is_stored_flagged_and_not_counted(shop: Shop) -> None:
    holder = shop.agents[0]
    order_id = shop.order_ids[0]
    cursor = _cursor(shop)
    claim(holder.client, order_id)
    start = datetime.now(UTC) - timedelta(hours=6)
    for index in range(5):
        result = push_journal(holder.client, order_id, started_at=start + timedelta(hours=index))
        assert result["status"] == "applied"
    after = admin_view(shop, order_id)
    assert after["attempt_count"] == 4
    entries = _pulled_journal(shop, cursor, order_id)
    assert [entry.get("flag") for entry in entries] == [None] * 4 + ["attempt_cap_reached"]


def test_the_orders_journal_shows_the_flag_of_an_entry_that_changed_nothing(shop: Shop) -> None:
    intruder, holder = shop.agents[0], shop.agents[1]
    order_id = shop.order_ids[0]
    claim(holder.client, order_id)
    assert push_journal(intruder.client, order_id)["status"] == "applied"
    entries = _journal(shop.lead.client, order_id)
    assert [(entry["agent_id"], entry.get("flag")) for entry in entries] == [
        (intruder.id, "not_holder")
    ]


def test_csv_import_of_another_teams_reference_is_a_row_error_that_touches_nothing(
    shop: Shop, builder: ShopBuilder
) -> None:
    other = builder.new_shop(shop.api, agents=1, orders=1)
    try:
        target = other.order_ids[0]
        epoch = claim(other.agents[0].client, target)
        push_op(other.agents[0].client, "add_note", target, {"text": "Vu"}, epoch=epoch)
        before = admin_view(other, target)
        reference = before["reference"]
        phone = random_phone()
        sheet = "\r\n".join(
            [
                HEADER_FR,
                f"{reference};23/11/2026;Pirate Voleur;{phone};Rue X;Casablanca;;249;"
                f"{shop.agents[0].username};Affectée",
            ]
        ).encode("utf-8")
        answer = shop.lead.client.post(
            "/import/orders", content=sheet, headers={"Content-Type": "text/csv"}
        )
        assert answer.status_code == 200, answer.text
        report = answer.json()
        assert report["created"] == 0 and report["updated"] == 0, report
        assert len(report["errors"]) == 1, report
        text = str(report["errors"][0])
        for secret in (before["customer"]["name"], *before["customer"]["phones"]):
            assert secret not in text
        assert str(other.team_id) not in text.replace(reference, "")

        after = admin_view(other, target)
        for key in ("customer", "owner_id", "team_id", "status", "version"):
            assert after[key] == before[key], key
        listed = shop.lead.client.get("/orders", params={"q": reference}).json()
        assert listed["items"] == []
    finally:
        other.close()


def test_reassign_to_a_teamless_user_or_another_teams_user_is_refused_as_unknown(
    shop: Shop, builder: ShopBuilder
) -> None:
    other = builder.new_shop(shop.api, agents=1, orders=0)
    try:
        order_id = shop.order_ids[0]
        before = admin_view(shop, order_id)

        def reassign(owner_id: int) -> httpx.Response:
            return shop.lead.client.post(
                f"/orders/{order_id}/reassign", json={"owner_id": owner_id, "release_lease": True}
            )

        missing = reassign(MISSING_ORDER_ID)
        assert missing.status_code in (404, 422), missing.text
        for stranger in (shop.admin.id, other.agents[0].id, other.lead.id):
            answer = reassign(stranger)
            assert answer.status_code == missing.status_code, answer.text
            assert answer.json()["code"] == missing.json()["code"]
            assert answer.json()["message"] == missing.json()["message"].replace(
                str(MISSING_ORDER_ID), str(stranger)
            )
        after = admin_view(shop, order_id)
        assert (after["owner_id"], after["team_id"]) == (before["owner_id"], before["team_id"])
        assert after["team_id"] == shop.team_id
    finally:
        other.close()


def test_heartbeat_of_another_teams_order_answers_as_for_a_missing_one(
    shop: Shop, builder: ShopBuilder
) -> None:
    other = builder.new_shop(shop.api, agents=1, orders=1)
    try:
        target = other.order_ids[0]
        epoch = claim(other.agents[0].client, target)
        answer = shop.agents[0].client.post(
            "/leases/heartbeat",
            json={
                "leases": [
                    {"order_id": target, "epoch": epoch},
                    {"order_id": MISSING_ORDER_ID, "epoch": epoch},
                ]
            },
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["renewed"] == []
        foreign, missing = body["lost"]
        assert {**foreign, "order_id": None} == {**missing, "order_id": None}
        assert foreign["holder_name"] is None and foreign["code"] == "not_found"
    finally:
        other.close()


def test_claims_beyond_the_lease_cap_are_refused_and_claim_next_hands_out_nothing(
    shop: Shop,
) -> None:
    cap = int(_settings(shop).get("max_leases_per_agent", 3))
    agent = shop.agents[0]
    shop.add_orders(max(0, cap + 1 - len(shop.order_ids)))
    ids = shop.order_ids[: cap + 1]
    for order_id in ids[:cap]:
        claim(agent.client, order_id)
    refused = agent.client.post(f"/orders/{ids[cap]}/claim")
    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "lease_cap_reached"
    assert refused.json()["params"]["cap"] == cap
    assert admin_view(shop, ids[cap])["lease"] is None
    # claim-next hands out nothing: an empty answer or the same refusal, never an order.
    nothing = agent.client.post("/orders/claim-next", json={})
    if nothing.status_code == 200:
        assert nothing.json()["order"] is None, nothing.text
    else:
        assert nothing.status_code == 409, nothing.text
        assert nothing.json()["code"] == "lease_cap_reached"
    held = [admin_view(shop, order_id)["lease"] for order_id in shop.order_ids]
    assert sum(1 for lease in held if lease and lease["holder_id"] == agent.id) == cap
    # Giving one back lets the agent take the next one.
    released = agent.client.post(f"/orders/{ids[0]}/release", json={})
    assert released.status_code == 200 and released.json()["released"], released.text
    assert agent.client.post(f"/orders/{ids[cap]}/claim").status_code == 200


def test_the_clients_lease_seconds_is_ignored(shop: Shop) -> None:
    lease_seconds = int(_settings(shop)["lease_seconds"])
    agent = shop.agents[0]
    order_id = shop.order_ids[0]

    def assert_server_length(expires_at: str) -> None:
        left = datetime.fromisoformat(expires_at) - datetime.now(UTC)
        assert left <= timedelta(seconds=lease_seconds + 30), left

    answer = agent.client.post(f"/orders/{order_id}/claim", json={"lease_seconds": 3600})
    assert answer.status_code == 200, answer.text
    lease = answer.json()["lease"]
    assert_server_length(lease["expires_at"])
    beat = agent.client.post(
        "/leases/heartbeat",
        json={"leases": [{"order_id": order_id, "epoch": lease["epoch"]}], "lease_seconds": 3600},
    )
    assert beat.status_code == 200, beat.text
    assert_server_length(beat.json()["renewed"][0]["expires_at"])
    second = shop.agents[1].client.post(
        "/orders/claim-next", json={"lease_seconds": 3600, "exclude_order_ids": [order_id]}
    )
    assert second.status_code == 200 and second.json()["lease"] is not None, second.text
    assert_server_length(second.json()["lease"]["expires_at"])
    shop.agents[1].client.post(f"/orders/{second.json()['order']['id']}/release", json={})


def _queue_shop(shop: Shop) -> dict[str, int]:
    """Orders in every queue group: due callbacks, callbacks later and without time,
    never contacted, returned, unreachable with and without a stale callback time,
    own and others', different values."""
    agent, lead = shop.agents[0], shop.lead
    names = ["fresh_cheap", "fresh_dear", "due", "later", "unreach_cb", "unreach", "returned"]
    extra = shop.add_orders(len(names) - len(shop.order_ids) + 3)
    ids = dict(zip(names, [*shop.order_ids, *extra], strict=False))
    quantities = {"fresh_dear": 3, "unreach": 4, "unreach_cb": 1, "returned": 2, "later": 2}
    soon = datetime.now(UTC)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    for name, order_id in ids.items():
        epoch = claim(lead.client, order_id)
        if name in quantities:
            push_op(
                lead.client,
                "edit_lines",
                order_id,
                {"lines": [line(shop.article_ref, quantities[name])]},
                epoch=epoch,
            )
        if name.startswith("fresh"):
            lead.client.post(f"/orders/{order_id}/release", json={})
            continue
        push_journal(lead.client, order_id, outcome="answered", started_at=datetime.now(UTC))
        if name == "due":
            # Due in two seconds: the API takes only future callback times.
            soon = datetime.now(UTC) + timedelta(seconds=2)
            push_op(
                lead.client, "callback", order_id, {"callback_at": soon.isoformat()}, epoch=epoch
            )
        elif name == "later":
            push_op(
                lead.client,
                "callback",
                order_id,
                {"callback_at": tomorrow.isoformat()},
                epoch=epoch,
            )
        elif name == "unreach_cb":
            push_op(
                lead.client,
                "callback",
                order_id,
                {"callback_at": tomorrow.isoformat()},
                epoch=epoch,
            )
            epoch = claim(lead.client, order_id)
            push_op(lead.client, "unreachable", order_id, {}, epoch=epoch)
        elif name == "unreach":
            push_op(lead.client, "unreachable", order_id, {}, epoch=epoch)
        elif name == "returned":
            push_op(lead.client, "confirm", order_id, {}, epoch=epoch)
            push_op(
                lead.client,
                "return_from_preparation",
                order_id,
                {},
                version=admin_view(shop, order_id)["version"],
            )
        owner = agent.id if name in ("unreach", "later") else None
        answer = lead.client.post(
            f"/orders/{order_id}/reassign", json={"owner_id": owner, "release_lease": True}
        )
        assert answer.status_code == 204, answer.text
    # A callback without a time, as the shops' sheets bring them.
    sheet = "\r\n".join(
        [
            HEADER_FR,
            f"{shop.prefix}-NT;23/11/2026;Sans Heure;{random_phone()};Rue Y;Casablanca;;249;;"
            "Reportée",
        ]
    ).encode("utf-8")
    report = lead.client.post(
        "/import/orders", content=sheet, headers={"Content-Type": "text/csv"}
    ).json()
    assert report["created"] == 1, report
    time.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.5)
    return ids


def _expected_queue(items: list[dict[str, Any]], me: int) -> list[int]:
    now = datetime.now(UTC)

    def key(item: dict[str, Any]) -> Any:
        callback = item.get("callback_at")
        return queue_sort_key(
            reference=item["reference"],
            status=OrderStatus(item["status"]),
            callback_at=datetime.fromisoformat(callback) if callback else None,
            attempt_count=int(item["attempt_count"]),
            total=Decimal(item["total"]),
            created_at=datetime.fromisoformat(item["created_at"]),
            now=now,
            owned_by_me=item.get("owner_id") == me,
        )

    return [item["id"] for item in sorted(items, key=key)]


def test_the_servers_queue_order_is_core_queue_sort_key(shop: Shop) -> None:
    _queue_shop(shop)
    agent = shop.agents[0]
    listed = agent.client.get(
        "/orders", params={"sort": "queue", "q": shop.prefix, "limit": 100}
    ).json()["items"]
    mine = [item for item in listed if item["reference"].startswith(shop.prefix)]
    assert len(mine) >= 8
    assert any(item["status"] == "callback" and item["callback_at"] is None for item in mine)
    assert [item["id"] for item in mine] == _expected_queue(mine, agent.id)

    # claim-next hands out the claimable ones in that same order.
    claimable = [
        item["id"]
        for item in mine
        if OrderStatus(item["status"]).is_open
        and item.get("owner_id") in (None, agent.id)
        and not (
            item["status"] == "callback"
            and item["callback_at"] is not None
            and datetime.fromisoformat(item["callback_at"]) > datetime.now(UTC)
        )
    ]
    handed: list[int] = []
    seen: list[int] = []
    while len(handed) < len(claimable):
        answer = agent.client.post("/orders/claim-next", json={"exclude_order_ids": seen}).json()
        if answer["order"] is None:
            break
        order_id = answer["order"]["id"]
        seen.append(order_id)
        agent.client.post(f"/orders/{order_id}/release", json={"epoch": answer["lease"]["epoch"]})
        if answer["order"]["reference"].startswith(shop.prefix):
            handed.append(order_id)
    assert handed == [
        order_id for order_id in _expected_queue(mine, agent.id) if order_id in claimable
    ]
