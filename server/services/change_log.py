"""The change log and its cursor, safe against late commits.

Writers insert a change row without a public sequence number; its ``id`` is
taken at insert time and may commit in any order. Readers first run
``assign_sequence``: under a lock (``pg_advisory_xact_lock`` on PostgreSQL,
``BEGIN IMMEDIATE`` on SQLite) it gives the next ``seq`` values to every
*committed* row still without one. A row whose transaction is still open is
invisible, so it gets its ``seq`` later — higher than any cursor a reader
already holds. Cursors therefore never skip a row, whatever the commit order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from core.wire.changes import ChangeEntity, ChangeEvent, PullPage
from server.auth.principal import Principal
from server.db.models_sync import ChangeLogState, ChangeRow
from server.db.session import CHANGES_PENDING, Database
from server.services.db_clock import db_now

NOTIFY_CHANNEL = "hatif_changes"
_ADVISORY_LOCK_KEY = 7_310_451
_ASSIGN_BATCH = 5000


def append_change(
    session: Session,
    *,
    entity: ChangeEntity,
    entity_id: object,
    payload: dict[str, Any],
    at: datetime,
    team_id: int | None = None,
    user_id: int | None = None,
    op: str = "upsert",
) -> None:
    """Record a change in the caller's transaction (sequenced after commit)."""
    session.add(
        ChangeRow(
            entity=entity.value,
            entity_id=str(entity_id),
            op=op,
            team_id=team_id,
            user_id=user_id,
            at=at,
            payload=payload,
        )
    )
    session.info[CHANGES_PENDING] = True
    if session.get_bind().dialect.name == "postgresql":
        # Delivered at commit; identical notifications of one transaction fold into one.
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": NOTIFY_CHANNEL})


def assign_sequence(db: Database) -> int:
    """Give ``seq`` to committed, unsequenced rows; return the highest ``seq``."""
    with db.read() as reader:
        pending = reader.execute(
            select(ChangeRow.id).where(ChangeRow.seq.is_(None)).limit(1)
        ).first()
        if pending is None:
            return int(reader.execute(select(ChangeLogState.last_seq)).scalar_one())
    with db.write() as session:
        if db.is_postgres:
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK_KEY})
        last = int(session.execute(select(ChangeLogState.last_seq)).scalar_one())
        while True:
            ids = list(
                session.execute(
                    select(ChangeRow.id)
                    .where(ChangeRow.seq.is_(None))
                    .order_by(ChangeRow.id)
                    .limit(_ASSIGN_BATCH)
                ).scalars()
            )
            if not ids:
                break
            session.execute(
                update(ChangeRow),
                [{"id": row_id, "seq": last + index} for index, row_id in enumerate(ids, 1)],
            )
            last += len(ids)
        session.execute(update(ChangeLogState).values(last_seq=last))
        return last


def last_sequence(session: Session) -> int:
    return int(session.execute(select(ChangeLogState.last_seq)).scalar_one())


def change_visible_to(principal: Principal, team_id: int | None) -> bool:
    """Team-scoped changes go to that team (and admins); the rest to everybody."""
    return principal.sees_team(team_id)


def can_see_change(principal: Principal, row: ChangeRow) -> bool:
    return change_visible_to(principal, row.team_id)


def to_event(row: ChangeRow) -> ChangeEvent:
    assert row.seq is not None
    return ChangeEvent(
        seq=row.seq,
        entity=ChangeEntity(row.entity),
        entity_id=row.entity_id,
        op=row.op,
        team_id=row.team_id,
        at=row.at,
        payload=row.payload,
    )


def read_changes(
    session: Session,
    *,
    cursor: int,
    limit: int,
    visible: Callable[[ChangeRow], bool],
) -> PullPage:
    """Changes after ``cursor`` the caller may see, at most ``limit`` rows scanned."""
    state = session.execute(select(ChangeLogState)).scalar_one()
    # A cursor from the future (database replaced) or older than what is kept.
    if cursor > state.last_seq or (state.pruned_before > 0 and cursor < state.pruned_before - 1):
        return PullPage(changes=[], next_cursor=state.last_seq, reset_required=True)
    rows = list(
        session.execute(
            select(ChangeRow)
            .where(ChangeRow.seq > cursor, ChangeRow.seq <= state.last_seq)
            .order_by(ChangeRow.seq)
            .limit(limit)
        ).scalars()
    )
    next_cursor = rows[-1].seq if rows else cursor
    assert next_cursor is not None
    return PullPage(
        changes=[to_event(row) for row in rows if visible(row)],
        next_cursor=next_cursor,
        has_more=next_cursor < state.last_seq,
    )


def prune_changes(db: Database, *, keep_after: int) -> int:
    """Drop sequenced changes up to ``keep_after``; older cursors must reset."""
    with db.write() as session:
        deleted = session.query(ChangeRow).filter(ChangeRow.seq <= keep_after).delete()
        session.execute(update(ChangeLogState).values(pruned_before=keep_after + 1))
        return int(deleted)


def prune_changes_older_than(db: Database, age: timedelta) -> int:
    """Drop changes recorded more than ``age`` ago (desks offline longer resync)."""
    assign_sequence(db)
    with db.read() as session:
        cutoff = db_now(session) - age
        keep_after = session.execute(
            select(func.max(ChangeRow.seq)).where(ChangeRow.at < cutoff)
        ).scalar()
    if keep_after is None:
        return 0
    return prune_changes(db, keep_after=int(keep_after))
