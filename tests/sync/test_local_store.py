"""The local store: migrations keep the outbox, actions are atomic, queue queries are SQL."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

import pytest
from pydantic import ValidationError
from sqlalchemy import inspect

from app.local_store import schema
from app.local_store.local_store import LocalStore
from app.local_store.order_rows import order_row
from app.local_store.queue_repository import QueueFilter, QueueSort
from app.local_store.store_database import current_revision, migrate, open_store_database
from core.order_status import OrderStatus
from core.queue_priority import queue_sort_key
from core.wire.changes import ChangeEvent
from core.wire.orders import LeaseInfo
from core.wire.sync_ops import CancelPayload, JournalEntryIn, NotePayload, OpKind
from sync.sync_store import OpOutcome, RefusalNotice
from tests.sync.order_factory import BASE_TIME, order_event, order_json

HEAD_REVISION = "0005_order_extras"


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    opened = LocalStore.open(tmp_path / "agent.sqlite3")
    opened.sync.set_current_user(7, "agent1", "Amina")
    yield opened
    opened.close()


def _seed(store: LocalStore, count: int) -> None:
    events = [order_event(i, order_json(i)) for i in range(1, count + 1)]
    store.sync.apply_changes(events, count)


def test_store_file_is_wal_and_at_latest_revision(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = LocalStore.open(path)
    store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    database = open_store_database(path)
    assert current_revision(database.writer) == HEAD_REVISION
    database.dispose()


def test_upgrade_from_first_schema_keeps_queued_ops(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_store_database(path, revision="0001_initial")
    assert current_revision(old.writer) == "0001_initial"
    store = LocalStore(old)
    # Today's code writes today's columns: the old file gets the order the old way.
    with old.writer.begin() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("orders")}
        row = {k: v for k, v in order_row(order_json(1)).items() if k in columns}
        connection.execute(schema.orders.insert().values(row))
    recorded = store.record_action(OpKind.ADD_NOTE, 1, NotePayload(text="rappeler après 18h"))
    old.dispose()

    upgraded = LocalStore.open(path)
    assert current_revision(upgraded.database.writer) == HEAD_REVISION
    pending = upgraded.sync.pending_ops(10)
    assert [op.op_id for op in pending] == [recorded.op_id]
    assert pending[0].payload == {"text": "rappeler après 18h"}
    # The migration is idempotent: running it again changes nothing.
    migrate(upgraded.database.writer)
    assert upgraded.sync.pending_count() == 1
    upgraded.close()


def test_record_action_writes_local_change_and_outbox_together(store: LocalStore) -> None:
    _seed(store, 3)
    store.sync.record_claim(
        order_json(2, version=2, lease_epoch=5),
        LeaseInfo(
            order_id=2,
            holder_id=7,
            holder_name="Amina",
            epoch=5,
            expires_at=datetime.now(UTC) + timedelta(minutes=2),
        ),
    )
    first = store.record_action(OpKind.CANCEL, 2, CancelPayload(reason="Client a changé d'avis"))
    second = store.record_action(
        OpKind.JOURNAL,
        2,
        JournalEntryIn(
            id=uuid4(),
            order_id=2,
            channel="call",
            number="+212600000002",
            started_at=BASE_TIME,
            outcome="answered",
            talk_seconds=42,
        ),
    )
    assert second.client_seq == first.client_seq + 1
    ops = store.sync.pending_ops(10)
    assert [op.kind for op in ops] == ["cancel", "journal"]
    assert ops[0].lease_epoch == 5 and ops[0].expected_version is None
    row = store.queue.rows_by_ids([2])[0]
    assert row.status == "cancelled" and row.server_status == "unassigned" and row.pending
    timeline = store.orders.timeline(2)
    assert [entry.kind for entry in timeline] == ["call"]
    assert timeline[0].state == 1

    # A bad payload writes nothing at all.
    with pytest.raises(ValidationError):
        store.record_action(OpKind.CALLBACK, 2, {"note": "no time given"})
    assert store.sync.pending_count() == 2


def test_refused_op_is_kept_in_words_and_local_status_reverts(store: LocalStore) -> None:
    _seed(store, 1)
    recorded = store.record_action(OpKind.CANCEL, 1, CancelPayload(reason="Trop cher"))
    notice = RefusalNotice(
        op_id=recorded.op_id,
        client_seq=recorded.client_seq,
        order_id=1,
        kind="cancel",
        status="conflict",
        code="stale_epoch",
        params={"holder_name": "Samira"},
        message="Your cancellation on order CMD-000001 was not applied: this order is now "
        "held by Samira.",
        created_at=datetime.now(UTC).isoformat(),
    )
    store.sync.complete_ops(
        [
            OpOutcome(
                op_id=recorded.op_id,
                client_seq=recorded.client_seq,
                status="conflict",
                code="stale_epoch",
                params={"holder_name": "Samira"},
            )
        ],
        [notice],
    )
    assert store.sync.pending_count() == 0
    kept = store.refusals.refusals()
    assert len(kept) == 1 and "Samira" in kept[0].message and kept[0].code == "stale_epoch"
    assert json.loads(json.dumps(store.refusals.op_payload(kept[0].id or 0)))["reason"] == (
        "Trop cher"
    )
    row = store.queue.rows_by_ids([1])[0]
    assert row.status == "unassigned" and not row.pending
    store.refusals.acknowledge(kept[0].id or 0)
    assert store.refusals.unacknowledged_count() == 0
    assert [e.kind for e in store.orders.timeline(1)] == ["refusal"]


def test_applied_status_waits_for_the_servers_version(store: LocalStore) -> None:
    _seed(store, 1)
    recorded = store.record_action(OpKind.CONFIRM, 1, {})
    store.sync.complete_ops(
        [OpOutcome(op_id=recorded.op_id, client_seq=1, status="applied", order_version=2)], []
    )
    assert store.queue.rows_by_ids([1])[0].status == "confirmed"
    store.sync.apply_changes([order_event(2, order_json(1, status="confirmed", version=2))], 2)
    row = store.queue.rows_by_ids([1])[0]
    assert row.status == "confirmed" and not row.pending


def test_changes_at_or_below_the_cursor_are_not_applied_twice(store: LocalStore) -> None:
    _seed(store, 2)
    assert store.sync.cursor() == 2
    older = order_event(2, order_json(2, customer={"name": "Should not apply", "phones": []}))
    result = store.sync.apply_changes([older], 2)
    assert result.applied == 0
    assert store.queue.rows_by_ids([2])[0].customer_name == "Client 2"
    # An older version never overwrites a newer one, whatever its sequence.
    store.sync.apply_changes([order_event(3, order_json(2, version=5, status="callback"))], 3)
    store.sync.apply_changes([order_event(4, order_json(2, version=4, status="cancelled"))], 4)
    assert store.queue.rows_by_ids([2])[0].status == "callback"


def test_lease_taken_by_someone_else_is_reported(store: LocalStore) -> None:
    _seed(store, 1)
    store.sync.record_claim(
        order_json(1, lease_epoch=3),
        LeaseInfo(
            order_id=1, holder_id=7, holder_name="Amina", epoch=3, expires_at=datetime.now(UTC)
        ),
    )
    taken = order_json(
        1,
        version=3,
        lease_epoch=4,
        lease={
            "order_id": 1,
            "holder_id": 9,
            "holder_name": "Samira",
            "epoch": 4,
            "expires_at": datetime.now(UTC).isoformat(),
        },
    )
    at = datetime(2026, 11, 20, 10, 42, tzinfo=UTC)
    result = store.sync.apply_changes([order_event(5, taken, at=at)], 5)
    assert len(result.lost_leases) == 1
    notice = result.lost_leases[0]
    local_time = at.astimezone().strftime("%H:%M")
    assert notice.message == (
        f"You no longer hold order CMD-000001: it was reassigned to Samira at {local_time}."
    )
    assert store.sync.held_leases() == []


def test_queue_search_sort_filter_and_paging(store: LocalStore) -> None:
    _seed(store, 300)
    now = BASE_TIME + timedelta(days=1)
    due = order_json(
        250,
        status="callback",
        callback_at=(now - timedelta(hours=1)).isoformat(),
        attempt_count=1,
        version=2,
    )
    returned = order_json(251, status="returned", attempt_count=2, version=2)
    closed = order_json(252, status="confirmed", attempt_count=1, version=2)
    store.sync.apply_changes(
        [order_event(301, due), order_event(302, returned), order_event(303, closed)], 303
    )
    everything = QueueFilter()
    assert store.queue.count(everything, now=now) == 300
    first = store.queue.ids(everything, QueueSort.PRIORITY, limit=3, now=now)
    assert first[0] == 250  # the callback that is due comes first
    assert store.queue.ids(everything, QueueSort.PRIORITY, offset=299, limit=5, now=now) == [252]
    never_contacted = store.queue.ids(everything, offset=1, limit=2, now=now)
    assert [r.total for r in store.queue.rows_by_ids(never_contacted)] == sorted(
        [r.total for r in store.queue.rows_by_ids(never_contacted)], reverse=True
    )
    assert store.queue.count(QueueFilter(open_only=True), now=now) == 299
    assert store.queue.count(QueueFilter(city="Fès"), now=now) == 150
    assert store.queue.ids(QueueFilter(text="cmd-000123")) == [123]
    assert store.queue.ids(QueueFilter(text="fes client 124")) == [124]
    assert store.queue.ids(QueueFilter(text="0600000077")) == [77]
    by_total = store.queue.ids(everything, QueueSort.TOTAL, descending=True, limit=300)
    totals = [row.total for row in store.queue.rows_by_ids(by_total)]
    assert totals == sorted(totals, reverse=True)
    window = store.queue.ids(everything, QueueSort.REFERENCE, offset=100, limit=50)
    assert window == list(range(101, 151))
    assert [row.id for row in store.queue.rows_by_ids([5, 3, 999, 4])] == [5, 3, 4]
    history = store.orders.customer_history("+212600000010")
    assert [row.id for row in history] == [10]


def test_full_resync_drops_orders_the_server_no_longer_shows(store: LocalStore) -> None:
    _seed(store, 5)
    generation = store.sync.begin_full_resync()
    store.sync.store_resync_orders(generation, [order_json(2), order_json(4), order_json(9)])
    result = store.sync.finish_full_resync(generation, 77)
    assert result.full_refresh and store.sync.cursor() == 77
    assert sorted(store.queue.ids(QueueFilter(), QueueSort.REFERENCE)) == [2, 4, 9]


def test_renumbering_keeps_order_and_continues_the_counter(store: LocalStore) -> None:
    _seed(store, 1)
    for text in ("a", "b", "c"):
        store.record_action(OpKind.ADD_NOTE, 1, NotePayload(text=text))
    store.sync.renumber_outbox(10)
    ops = store.sync.pending_ops(10)
    assert [(op.client_seq, op.payload["text"]) for op in ops] == [(10, "a"), (11, "b"), (12, "c")]
    assert store.record_action(OpKind.ADD_NOTE, 1, NotePayload(text="d")).client_seq == 13
    store.sync.queue_presence("paused", "Pause déjeuner", None)
    presence = store.sync.pending_ops(10)[-1]
    assert (presence.client_seq, presence.kind, presence.order_id) == (14, "presence", None)
    assert presence.to_wire()["payload"] == {"state": "paused", "reason": "Pause déjeuner"}


def test_catalogue_entities_land_in_their_tables(store: LocalStore) -> None:
    events = [
        ChangeEvent(
            seq=1,
            entity="article",
            entity_id="SAC-01",
            at=BASE_TIME,
            payload={"ref": "SAC-01", "name": "Sac cabas", "normal_price": "249.00"},
        ),
        ChangeEvent(
            seq=2,
            entity="city",
            entity_id="Rabat",
            at=BASE_TIME,
            payload={"name": "Rabat", "region": "Rabat-Salé", "delivery_fee": "35.00"},
        ),
        ChangeEvent(
            seq=3,
            entity="settings",
            entity_id="1",
            at=BASE_TIME,
            payload={"attempt_cap": 5, "call_gap_minutes": 15, "lease_seconds": 90},
        ),
        ChangeEvent(
            seq=4,
            entity="template",
            entity_id="confirm:fr",
            at=BASE_TIME,
            payload={
                "code": "confirm",
                "language": "fr",
                "title": "Confirmation",
                "body": "Bonjour {customer_name}",
            },
        ),
        ChangeEvent(
            seq=5,
            entity="predefined_note",
            entity_id="no_answer",
            at=BASE_TIME,
            payload={"code": "no_answer", "title": "Pas de réponse", "text": "..."},
        ),
    ]
    store.sync.apply_changes(events, 5)
    assert [a.ref for a in store.catalogue.articles()] == ["SAC-01"]
    assert store.catalogue.cities()[0].delivery_fee == 35
    assert store.catalogue.settings().attempt_cap == 5
    assert store.catalogue.templates("fr")[0].body == "Bonjour {customer_name}"
    assert store.catalogue.predefined_notes()[0].code == "no_answer"


def test_priority_order_is_core_queue_sort_key(store: LocalStore) -> None:
    """The desk's SQL sorts the queue exactly as ``core.queue_priority`` does: groups,
    the agent's own orders first, callbacks by time, value, age, reference."""
    rng = random.Random(13)
    now = BASE_TIME + timedelta(days=1)
    statuses = ["unassigned", "assigned", "in_progress", "callback", "returned",
                "unreachable", "confirmed", "cancelled"]
    orders = []
    for order_id in range(1, 121):
        status = rng.choice(statuses)
        callback_at = None
        if status == "callback" and rng.random() < 0.8:
            callback_at = (now + timedelta(minutes=rng.randint(-300, 300))).isoformat()
        orders.append(
            order_json(
                order_id,
                status=status,
                callback_at=callback_at,
                attempt_count=rng.choice([0, 0, 1, 3]),
                total=f"{rng.choice([150, 200, 250])}.00",
                created_at=(BASE_TIME + timedelta(minutes=rng.randint(0, 50))).isoformat(),
                owner_id=rng.choice([None, None, 7, 8]),
            )
        )
    store.sync.apply_changes([order_event(o["id"], o) for o in orders], len(orders))

    def key(order: dict[str, object]) -> object:
        callback = order["callback_at"]
        return queue_sort_key(
            reference=str(order["reference"]),
            status=OrderStatus(str(order["status"])),
            callback_at=datetime.fromisoformat(str(callback)) if callback else None,
            attempt_count=int(str(order["attempt_count"])),
            total=Decimal(str(order["total"])),
            created_at=datetime.fromisoformat(str(order["created_at"])),
            now=now,
            owned_by_me=order["owner_id"] == 7,
        )

    expected = [o["id"] for o in sorted(orders, key=key)]
    assert store.queue.ids(QueueFilter(), QueueSort.PRIORITY, limit=500, now=now) == expected
