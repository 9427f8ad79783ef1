"""The demo shop tells the truth: its counters are its journal, its orders hold
only what customers can buy, its agents call in the shop's working hours.

Seeded into a real migrated SQLite database, "now" at 04:00 in Casablanca: a
seed that spreads calls over the clock would have agents calling in the night.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core.attempt_policy import CallOutcome, Channel
from core.pricing import ArticlePhase
from core.rulebook import JournalEntryFacts, is_attempt, is_contact
from core.wire.changes import ChangeEntity
from server.db.migrate import upgrade_database
from server.db.models_orders import JournalRow, OrderLineRow, OrderRow
from server.db.models_sync import ChangeRow
from server.db.session import Database, open_database
from server.services.demo_seed import ARTICLES, WORK_END_HOUR, WORK_START_HOUR, seed_demo

CASABLANCA = ZoneInfo("Africa/Casablanca")
NOW = datetime(2026, 12, 7, 4, 0, tzinfo=CASABLANCA).astimezone(UTC)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    upgrade_database(url)
    db = open_database(url)
    with db.write() as session:
        seed_demo(session, NOW, password="demo", orders=150, demo=True)
    yield db
    db.dispose()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _facts(row: JournalRow) -> JournalEntryFacts:
    return JournalEntryFacts(
        channel=Channel(row.channel),
        outcome=CallOutcome(row.outcome),
        inbound=row.direction == "inbound",
        started_at=_utc(row.started_at),
    )


def test_every_orders_counters_are_its_journal(demo_db: Database) -> None:
    with demo_db.read() as session:
        orders = list(session.execute(select(OrderRow)).scalars())
        entries = list(session.execute(select(JournalRow)).scalars())
        published = {
            row.entity_id
            for row in session.execute(
                select(ChangeRow).where(ChangeRow.entity == ChangeEntity.JOURNAL.value)
            ).scalars()
        }
    attempts = Counter(e.order_id for e in entries if is_attempt(_facts(e)))
    contacts = Counter(e.order_id for e in entries if is_contact(_facts(e)))
    worked = [o for o in orders if o.attempt_count]
    assert len(worked) > 20
    wrong = [
        (o.reference, o.attempt_count, attempts[o.id])
        for o in orders
        if o.attempt_count != attempts[o.id] or o.contact_count != contacts[o.id]
    ]
    assert wrong == []
    # Desks learn of attempts through the change log: every one is in it.
    assert {str(e.id) for e in entries} <= published
    # "All attempts used" only where the journal shows them all.
    unreachable = [o for o in orders if o.status == "unreachable"]
    assert all(o.attempt_count == 4 for o in unreachable)


def test_no_customer_orders_the_test_article(demo_db: Database) -> None:
    test_refs = {a.ref for a in ARTICLES if a.phase == ArticlePhase.TEST.value}
    assert test_refs  # the catalogue still shows a test article to the shop
    with demo_db.read() as session:
        ordered = set(session.execute(select(OrderLineRow.article_ref)).scalars())
    assert ordered and not ordered & test_refs


def test_agents_work_in_the_shops_working_hours(demo_db: Database) -> None:
    with demo_db.read() as session:
        calls = [_utc(m) for m in session.execute(select(JournalRow.started_at)).scalars()]
        closed = [
            _utc(m)
            for m in session.execute(
                select(OrderRow.closed_at).where(OrderRow.closed_at.is_not(None))
            ).scalars()
        ]
    assert calls and closed
    hours = Counter(m.astimezone(CASABLANCA).hour for m in calls + closed)
    assert set(hours) <= set(range(WORK_START_HOUR, WORK_END_HOUR + 1)), sorted(hours)
    assert max(calls + closed) <= NOW


@pytest.mark.parametrize("hour", [4, 14, 23])
def test_some_call_backs_are_due_whatever_the_hour_the_demo_starts(
    tmp_path_factory: pytest.TempPathFactory, hour: int
) -> None:
    """The reminder and the queue's "due" call-backs show in a demo started at night
    too (before, every due call-back moved to the next morning after 20:00)."""
    now = datetime(2026, 12, 7, hour, 45, tzinfo=CASABLANCA).astimezone(UTC)
    url = f"sqlite:///{tmp_path_factory.mktemp('demo-hour') / 'demo.sqlite'}"
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.write() as session:
            seed_demo(session, now, password="demo", orders=150, demo=True)
        with db.read() as session:
            callbacks = list(
                session.execute(select(OrderRow).where(OrderRow.status == "callback")).scalars()
            )
    finally:
        db.dispose()
    due = [
        order for order in callbacks
        if order.callback_at is not None and order.callback_at.replace(tzinfo=UTC) <= now
    ]
    assert due, f"no call-back due at {hour}:45"
    for order in due:
        assert order.callback_at is not None and order.last_call_at is not None
        assert order.callback_at >= order.last_call_at  # set by the call before it
