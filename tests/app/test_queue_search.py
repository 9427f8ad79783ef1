"""Queue search on a real local store: the trigram index finds orders by name,
phone (as agents type it), e-mail and reference, follows every write, survives
the upgrade of an existing store, and answers like the LIKE fallback."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.order_rows import order_row
from app.local_store.queue_repository import (
    QueueFilter,
    QueueRepository,
    QueueSort,
    is_search_effective,
    search_terms,
)
from app.local_store.store_database import StoreDatabase, migrate, open_store_database
from core.text_folding import fold_text
from tests.sync.order_factory import order_event, order_json

FIRST = ["Khadija", "Youssef", "Fatima", "Hamza", "Salma", "Omar", "Imane", "Anas"]
LAST = ["Benali", "El Amrani", "Tazi", "Berrada", "Alaoui", "Kettani", "Bennani"]
CITIES = ["Casablanca", "Rabat", "Fès", "Salé", "Tanger"]


def _customer(name: str, phone: str, city: str, email: str | None) -> dict[str, Any]:
    return {
        "name": name,
        "phones": [phone],
        "email": email,
        "address": "12 rue Ibn Battouta",
        "city": city,
    }


# Orders an agent will look for; the others are noise around them.
KNOWN = {
    1: _customer("Khadija Benali", "+212612345678", "Casablanca", "Khadija.Benali@Example.ma"),
    2: _customer("Youssef El Amrani", "+212661234500", "Rabat", None),
    3: _customer("Salma Tazi", "+212700112233", "Fès", "s.tazi@mail.com"),
}


def _orders(count: int) -> list[dict[str, Any]]:
    rng = random.Random(11)
    orders = []
    for order_id in range(1, count + 1):
        customer = KNOWN.get(order_id) or _customer(
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            f"+2126{rng.randint(10_000_000, 99_999_999)}",
            rng.choice(CITIES),
            f"client{order_id}@shop.ma" if order_id % 3 == 0 else None,
        )
        orders.append(order_json(order_id, customer=customer))
    return orders


@pytest.fixture
def database(tmp_path: Path) -> Iterator[StoreDatabase]:
    db = open_store_database(tmp_path / "store.sqlite")
    sync = LocalSyncStore(db)
    generation = sync.begin_full_resync()
    sync.store_resync_orders(generation, _orders(400))
    sync.finish_full_resync(generation, 0)
    yield db
    db.dispose()


@pytest.fixture
def queue(database: StoreDatabase) -> QueueRepository:
    repository = QueueRepository(database)
    assert repository.has_search_index  # Python 3.11's SQLite on Debian has trigram
    return repository


def _found(queue: QueueRepository, typed: str) -> list[int]:
    return queue.ids(QueueFilter(text=typed), QueueSort.REFERENCE, limit=1_000)


@pytest.mark.parametrize(
    "typed", ["0612345678", "+212 612 34 56 78", "612 34", "0612-34-56-78", "00212612345678"]
)
def test_phone_found_however_it_is_typed(queue: QueueRepository, typed: str) -> None:
    assert 1 in _found(queue, typed)


@pytest.mark.parametrize(
    ("typed", "order_id"),
    [
        ("khadija.benali@example.ma", 1),
        ("KHADIJA.BENALI@EXAMPLE", 1),
        ("benali@example", 1),
        ("s.tazi@mail.com", 3),
    ],
)
def test_email_finds_the_customer(queue: QueueRepository, typed: str, order_id: int) -> None:
    assert _found(queue, typed) == [order_id]


def test_name_fragment_reference_and_accents(queue: QueueRepository) -> None:
    assert _found(queue, "CMD-000002") == [2]
    assert _found(queue, "cmd-000002 youssef") == [2]
    amrani = _found(queue, "amra")
    assert 2 in amrani
    assert all(
        "amra" in row.customer_name.lower() or "amra" in row.city.lower()
        for row in queue.rows_by_ids(amrani)
    )
    # "Fès", "FES" and "fes" are one city for the agent.
    assert 3 in _found(queue, "FES tazi")
    assert _found(queue, "Salma Tazi Fès") == _found(queue, "salma tazi fes")


def test_short_words_refine_but_never_filter_alone(queue: QueueRepository) -> None:
    everything = queue.count(QueueFilter())
    assert not is_search_effective("Kh") and is_search_effective("Kha")
    assert queue.count(QueueFilter(text="Kh")) == everything
    assert queue.count(QueueFilter(text="99")) == everything
    # "el" narrows "amrani": only orders holding both words.
    both = _found(queue, "el amrani")
    assert 2 in both
    assert set(both) <= set(_found(queue, "amrani"))
    assert all("el" in row.customer_name.lower() for row in queue.rows_by_ids(both))


def test_search_keeps_filters_and_sort(queue: QueueRepository) -> None:
    text_only = set(queue.ids(QueueFilter(text="benali"), limit=1_000))
    in_rabat = queue.ids(
        QueueFilter(text="benali", city="Rabat"), QueueSort.TOTAL, descending=True, limit=1_000
    )
    assert in_rabat and set(in_rabat) < text_only
    assert queue.count(QueueFilter(text="benali", city="Rabat")) == len(in_rabat)
    assert queue.count(QueueFilter(text="benali")) == len(text_only)
    rows = queue.rows_by_ids(in_rabat)
    assert {row.city for row in rows} == {"Rabat"}
    totals = [row.total for row in rows]
    assert totals == sorted(totals, reverse=True)


def _reference_search(database: StoreDatabase, typed: str) -> set[int]:
    """What the search must find, computed in Python over every row."""
    terms = search_terms(typed)
    found = set()
    with database.reader.connect() as connection:
        for order_id, search, payload in connection.execute(
            text("SELECT id, search_text, payload FROM orders")
        ):
            email = json.loads(payload)["customer"].get("email") or ""
            haystack = search + " " + fold_text(email)
            if all(term in haystack for term in terms):
                found.add(order_id)
    return found


SEARCHES = ["benali", "0661", "+2126", "shop ma", "el amrani", "cmd 0001", "sale", "ettan"]


def test_index_and_like_fallback_answer_the_same(database: StoreDatabase) -> None:
    indexed = QueueRepository(database)
    answers = {typed: set(_found(indexed, typed)) for typed in SEARCHES}
    for typed in SEARCHES:
        assert answers[typed] == _reference_search(database, typed), typed
        # A search alone is counted from the index itself: the same number.
        assert indexed.count(QueueFilter(text=typed)) == len(answers[typed]), typed
    # Where SQLite has no trigram tokenizer the migration creates no index.
    with database.writer.begin() as connection:
        for trigger in ("insert", "update", "delete"):
            connection.execute(text(f"DROP TRIGGER orders_search_{trigger}"))
        connection.execute(text("DROP TABLE orders_search"))
    fallback = QueueRepository(database)
    assert not fallback.has_search_index
    for typed in SEARCHES:
        assert set(_found(fallback, typed)) == answers[typed], typed
        assert fallback.count(QueueFilter(text=typed)) == len(answers[typed]), typed


def test_index_follows_updates_and_deletions(database: StoreDatabase) -> None:
    queue = QueueRepository(database)
    sync = LocalSyncStore(database)
    renamed = order_json(
        1, version=2, customer=_customer("Nadia Chraibi", "+212699887766", "Oujda", None)
    )
    sync.apply_changes([order_event(1, renamed)], 1)
    assert 1 not in _found(queue, "khadija benali")
    assert _found(queue, "benali@example") == []
    assert _found(queue, "nadia chraibi") == [1]
    assert _found(queue, "0699 88 77 66") == [1]
    # A full resync that no longer lists order 3 removes it from the search too.
    generation = sync.begin_full_resync()
    sync.store_resync_orders(generation, [o for o in _orders(400) if o["id"] != 3])
    sync.finish_full_resync(generation, 2)
    assert _found(queue, "s.tazi@mail.com") == []
    with database.reader.connect() as connection:
        indexed = connection.execute(text("SELECT count(*) FROM orders_search")).scalar()
    assert indexed == queue.count(QueueFilter()) == 399


def test_upgrade_from_0003_makes_existing_orders_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = open_store_database(path, revision="0003_ops_without_order")
    with old.writer.begin() as connection:
        columns = [
            row[1] for row in connection.execute(text("PRAGMA table_info(orders)")).fetchall()
        ]
        rows = [order_row(order) for order in _orders(50)]
        names = ", ".join(columns)
        values = ", ".join(f":{column}" for column in columns)
        connection.execute(
            text(f"INSERT INTO orders ({names}) VALUES ({values})"),
            [{column: row.get(column) for column in columns} for row in rows],
        )
    old.dispose()

    upgraded = open_store_database(path)  # migrates to head
    try:
        queue = QueueRepository(upgraded)
        assert queue.has_search_index
        assert queue.count(QueueFilter()) == 50
        assert _found(queue, "khadija.benali@example.ma") == [1]
        assert _found(queue, "0612 345") == [1]
        assert _found(queue, "CMD-000003") == [3]
        migrate(upgraded.writer)  # nothing left to do: the index is not filled twice
        with upgraded.reader.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM orders_search")).scalar() == 50
    finally:
        upgraded.dispose()
