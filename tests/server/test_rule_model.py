"""A model-based test of the rulebook against the real server process: agents and
leads of two teams claim, release, journal (also offline replays of old ops),
write notes and dispositions, escalate, reassign and import at random; after every
step the server is read back and the invariants of issue 13 are checked:

- a claim never succeeds while somebody else holds a valid lease;
- ownership changes only by the holder's first note / journal entry (or an
  escalation by the holder), a reassign, a take-over or a lead's import;
- no op of a non-holder changes the order's status;
- attempts past the cap always carry a flag (unflagged attempts = the order's count
  and never more than its cap);
- nothing of another team is ever visible (list, read, history, pull).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.fixtures.server_process import RunningServer
from tests.server.desk_journal import admin_view, journal_entry, push_ops
from tests.server.rule_desk import fence_for, payload_for
from tests.server.shop import Shop, ShopBuilder, ShopUser, random_phone

HEADER_FR = "N° Commande;Date Création;Client;Téléphone;Adresse;Ville;Produit;Prix;Opérateur;Statut"
DISPOSITIONS = ("start", "confirm", "cancel", "callback", "unreachable")
#: Steps a lead takes for the team: they may move owner and status.
LEAD_TOOLS = frozenset({"reassign", "take", "answer", "import"})


class TwoTeams(RuleBasedStateMachine):
    """Two shops (teams) on one server; the model keeps what each desk believes."""

    builder: ClassVar[ShopBuilder]
    api: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self.a = self.builder.new_shop(self.api, agents=3, orders=4)
        self.b = self.builder.new_shop(self.api, agents=1, orders=2)
        self.actors: list[ShopUser] = [*self.a.agents, self.a.lead, *self.b.agents, self.b.lead]
        self.team_of = {user.id: self.a for user in [*self.a.agents, self.a.lead]}
        self.team_of.update({user.id: self.b for user in [*self.b.agents, self.b.lead]})
        self.orders: list[tuple[Shop, int]] = [(self.a, i) for i in self.a.order_ids]
        self.orders += [(self.b, i) for i in self.b.order_ids]
        self.epochs: dict[tuple[int, int], int] = {}
        # Ops a desk recorded while it held a lease, pushed later (offline replay).
        self.outbox: list[tuple[ShopUser, dict[str, Any]]] = []
        self.start_cursor = self._head_cursor()
        self.cap = int(self.a.admin.client.get("/settings").json()["attempt_cap"])
        self.checked_actor = 0

    def teardown(self) -> None:
        self.a.close()
        self.b.close()

    # -- helpers ---------------------------------------------------------------

    def _head_cursor(self) -> int:
        cursor = 0
        while True:
            page = self.a.admin.client.get("/sync/pull", params={"cursor": cursor}).json()
            cursor = int(page["next_cursor"])
            if not page["has_more"]:
                return cursor

    def _views(self) -> list[dict[str, Any]]:
        """Every tracked order as the admin lists it (one read per team)."""
        by_id: dict[int, dict[str, Any]] = {}
        for shop in (self.a, self.b):
            page = shop.admin.client.get("/orders", params={"q": shop.prefix, "limit": 100})
            by_id.update({item["id"]: item for item in page.json()["items"]})
        return [by_id[order_id] for _shop, order_id in self.orders]

    def _act(
        self, actor: ShopUser, index: int, kind: str, do: Any, *, may_own: bool = False
    ) -> Any:
        """Do one step on one order and check what it may have changed."""
        before = self._views()
        result = do()
        after = self._views()
        for i, (old, new) in enumerate(zip(before, after, strict=True)):
            label = f"{kind} by {actor.username} on order {old['id']}"
            if i == index and self.team_of[actor.id] is not self.orders[index][0]:
                # Another team's order: nothing of it may change (it "does not exist").
                assert new == old, f"{label}: another team's order changed"
                continue
            if i != index or kind in LEAD_TOOLS:
                if i != index and kind != "import":
                    assert new["owner_id"] == old["owner_id"], f"{label}: other order's owner"
                    assert new["status"] == old["status"], f"{label}: other order's status"
                continue
            holder = old["lease"]["holder_id"] if old.get("lease") else None
            if kind in ("claim", "release"):
                assert new["owner_id"] == old["owner_id"], f"{label}: owner changed"
                continue
            if holder != actor.id:
                assert new["status"] == old["status"], f"{label}: a non-holder moved the status"
            if new["owner_id"] != old["owner_id"]:
                first_of_holder = holder == actor.id and old["owner_id"] is None
                assert first_of_holder and may_own, (
                    f"{label}: owner {old['owner_id']} -> {new['owner_id']} "
                    f"(holder before: {holder})"
                )
        return result

    def _op(
        self, actor: ShopUser, index: int, kind: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        shop, order_id = self.orders[index]
        wire = admin_view(shop, order_id)
        op: dict[str, Any] = {"kind": kind, "order_id": order_id, "payload": payload}
        fence = fence_for(wire, actor)
        if "epoch" in fence:
            op["lease_epoch"] = fence["epoch"]
        else:
            op["expected_version"] = fence["version"]
        return op

    # -- rules -----------------------------------------------------------------

    actor_ix = st.integers(0, 5)
    order_ix = st.integers(0, 5)

    @rule(who=actor_ix, index=order_ix)
    def claim(self, who: int, index: int) -> None:
        actor = self.actors[who]
        shop, order_id = self.orders[index]
        before = admin_view(shop, order_id)
        answer = self._act(
            actor, index, "claim", lambda: actor.client.post(f"/orders/{order_id}/claim")
        )
        assert answer.status_code < 500, answer.text
        if answer.status_code == 200:
            self.epochs[(actor.id, order_id)] = int(answer.json()["lease"]["epoch"])
            lease = before.get("lease")
            if lease is not None and lease["holder_id"] != actor.id:
                expires = datetime.fromisoformat(lease["expires_at"])
                assert expires <= datetime.now(UTC), (
                    f"{actor.username} claimed order {order_id} held by {lease['holder_id']}"
                )

    @rule(who=actor_ix, index=order_ix)
    def release(self, who: int, index: int) -> None:
        actor = self.actors[who]
        _shop, order_id = self.orders[index]
        epoch = self.epochs.get((actor.id, order_id))
        answer = self._act(
            actor,
            index,
            "release",
            lambda: actor.client.post(f"/orders/{order_id}/release", json={"epoch": epoch}),
        )
        assert answer.status_code < 500, answer.text

    @rule(
        who=actor_ix,
        index=order_ix,
        channel=st.sampled_from(["call", "whatsapp", "sms"]),
        minutes_ago=st.sampled_from([0, 5, 15, 60, 600]),
        answered=st.booleans(),
    )
    def journal(self, who: int, index: int, channel: str, minutes_ago: int, answered: bool) -> None:
        actor = self.actors[who]
        _shop, order_id = self.orders[index]
        entry = journal_entry(
            order_id,
            channel=channel,
            outcome="answered" if answered else "no_answer",
            started_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
        )
        op = {"kind": "journal", "order_id": order_id, "payload": entry}
        (result,) = self._act(
            actor, index, "journal", lambda: push_ops(actor.client, [op]), may_own=True
        )
        # A journal entry is a fact: always stored, from anybody who sees the order.
        if self.team_of[actor.id] is self.orders[index][0]:
            assert result["status"] == "applied", result
        else:
            assert result.get("code") == "not_found", result

    @rule(who=actor_ix, index=order_ix, kind=st.sampled_from(["add_note", *DISPOSITIONS]))
    def op(self, who: int, index: int, kind: str) -> None:
        actor = self.actors[who]
        shop, _order_id = self.orders[index]
        op = self._op(actor, index, kind, payload_for(kind, shop))
        (result,) = self._act(
            actor, index, kind, lambda: push_ops(actor.client, [op]), may_own=True
        )
        assert result["status"] != "applied" or self.team_of[actor.id] is shop, result

    @rule(who=actor_ix, index=order_ix, kind=st.sampled_from(["add_note", *DISPOSITIONS]))
    def record_offline(self, who: int, index: int, kind: str) -> None:
        """The desk records an op now and pushes it later (it went offline)."""
        actor = self.actors[who]
        shop, order_id = self.orders[index]
        op = self._op(actor, index, kind, payload_for(kind, shop))
        if kind == "callback":
            op["payload"]["callback_at"] = (datetime.now(UTC) + timedelta(days=2)).isoformat()
        self.outbox.append((actor, op))
        self.outbox.append(
            (
                actor,
                {
                    "kind": "journal",
                    "order_id": order_id,
                    "payload": journal_entry(order_id, started_at=datetime.now(UTC)),
                },
            )
        )

    @rule(data=st.data())
    def replay_offline(self, data: st.DataObject) -> None:
        if not self.outbox:
            return
        actor, op = self.outbox.pop(data.draw(st.integers(0, len(self.outbox) - 1)))
        index = next(i for i, (_s, o) in enumerate(self.orders) if o == op["order_id"])
        self._act(
            actor,
            index,
            f"replayed {op['kind']}",
            lambda: push_ops(actor.client, [op]),
            may_own=True,
        )

    @rule(who=actor_ix, index=order_ix)
    def escalate(self, who: int, index: int) -> None:
        actor = self.actors[who]
        _shop, order_id = self.orders[index]
        answer = self._act(
            actor,
            index,
            "escalate",
            lambda: actor.client.post(
                f"/orders/{order_id}/escalate", json={"reason": "complaint", "text": "Litige"}
            ),
            may_own=True,
        )
        assert answer.status_code < 500, answer.text

    @rule(lead=st.sampled_from([3, 5]), index=order_ix, to=st.integers(0, 6))
    def reassign(self, lead: int, index: int, to: int) -> None:
        actor = self.actors[lead]
        shop, order_id = self.orders[index]
        candidates = [*self.a.agents, self.a.admin, *self.b.agents, self.b.lead]
        owner = candidates[to].id if to < len(candidates) else None
        answer = self._act(
            actor,
            index,
            "reassign",
            lambda: actor.client.post(
                f"/orders/{order_id}/reassign", json={"owner_id": owner, "release_lease": True}
            ),
        )
        assert answer.status_code < 500, answer.text
        wire = admin_view(shop, order_id)
        assert wire["team_id"] == shop.team_id, "a reassign moved the order to another team"
        if answer.status_code == 204 and owner is not None:
            assert self.team_of.get(owner) is shop, f"order {order_id} given to {owner}"

    @rule(lead=st.sampled_from([3, 5]), index=order_ix, take=st.booleans())
    def lead_answers(self, lead: int, index: int, take: bool) -> None:
        actor = self.actors[lead]
        _shop, order_id = self.orders[index]
        path = "escalation/take" if take else "escalation/answer"
        body = None if take else {"text": "Proposez la livraison gratuite."}
        answer = self._act(
            actor,
            index,
            "take" if take else "answer",
            lambda: actor.client.post(f"/orders/{order_id}/{path}", json=body),
        )
        assert answer.status_code < 500, answer.text

    @rule(lead=st.sampled_from([3, 5]), index=order_ix, name=st.sampled_from(["Nadia", "Omar"]))
    def import_sheet(self, lead: int, index: int, name: str) -> None:
        actor = self.actors[lead]
        shop, order_id = self.orders[index]
        before = admin_view(shop, order_id)
        sheet = "\r\n".join(
            [
                HEADER_FR,
                f"{before['reference']};23/11/2026;{name} {uuid.uuid4().hex[:4]};{random_phone()};"
                "Rue Z;Casablanca;;249;;",
            ]
        ).encode("utf-8")
        answer = self._act(
            actor,
            index,
            "import",
            lambda: actor.client.post(
                "/import/orders", content=sheet, headers={"Content-Type": "text/csv"}
            ),
        )
        assert answer.status_code == 200, answer.text
        if self.team_of[actor.id] is not shop:
            after = admin_view(shop, order_id)
            assert after["version"] == before["version"], "an import changed another team's order"
            assert after["customer"] == before["customer"]

    # -- invariants ------------------------------------------------------------

    @invariant()
    def attempts_past_the_cap_are_flagged(self) -> None:
        pulled: list[dict[str, Any]] = []
        cursor = self.start_cursor
        while True:
            page = self.a.admin.client.get("/sync/pull", params={"cursor": cursor}).json()
            pulled += page["changes"]
            cursor = int(page["next_cursor"])
            if not page["has_more"]:
                break
        entries: dict[str, dict[str, Any]] = {}
        for change in pulled:
            if change["entity"] == "journal":
                entries[change["entity_id"]] = change["payload"]
        for wire in self._views():
            order_id = wire["id"]
            counted = [
                e
                for e in entries.values()
                if e["order_id"] == order_id
                and e["direction"] == "outbound"
                and e["outcome"] != "failed"
                and not e.get("flag")
            ]
            cap = self.cap + int(wire.get("extra_attempts") or 0)
            assert len(counted) == wire["attempt_count"], (order_id, len(counted), wire)
            assert wire["attempt_count"] <= cap, (order_id, wire["attempt_count"], cap)

    @invariant()
    def nothing_of_another_team_is_visible(self) -> None:
        # One member of one team per step, in turn.
        self.checked_actor += 1
        teams = (
            (self.a, self.b, [*self.a.agents, self.a.lead]),
            (self.b, self.a, [*self.b.agents, self.b.lead]),
        )
        for team, other, members in teams[self.checked_actor % 2 :][:1]:
            viewer = members[self.checked_actor % len(members)]
            foreign = set(other.order_ids)
            listed = viewer.client.get("/orders", params={"limit": 500}).json()["items"]
            assert not [o["id"] for o in listed if o["team_id"] == other.team_id]
            order_id = other.order_ids[self.checked_actor % len(other.order_ids)]
            for path in (f"/orders/{order_id}", f"/orders/{order_id}/history"):
                answer = viewer.client.get(path)
                assert answer.status_code == 404, (path, answer.text)
            page = viewer.client.get(
                "/sync/pull", params={"cursor": self.start_cursor, "limit": 1000}
            ).json()
            for change in page["changes"]:
                payload = change["payload"]
                assert change["team_id"] in (None, team.team_id), change
                assert payload.get("order_id") not in foreign, change
                if change["entity"] == "order":
                    assert payload["team_id"] != other.team_id, change


@pytest.mark.timeout(900)
def test_rules_hold_whatever_agents_and_leads_of_two_teams_do(
    builder: ShopBuilder, server: RunningServer, backend: Any
) -> None:
    if backend.name != "sqlite":
        # 3 minutes on PostgreSQL (it passes there too); the matrix covers that database.
        pytest.skip("the model runs on SQLite in the suite")
    TwoTeams.builder = builder
    TwoTeams.api = server.api
    run_state_machine_as_test(
        TwoTeams,
        settings=settings(
            max_examples=10,
            stateful_step_count=20,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
