"""``core.queue_priority`` written as SQL, once, for the server and the desk.

Both databases sort the queue with the same terms: the priority group, the
caller's own orders first, callbacks by time (NULLs last, explicitly, since
SQLite and PostgreSQL place them differently by default), higher value, older,
reference. Each side passes its own columns (the desk keeps times as ISO text,
the server as timestamps) and ``now`` in the columns' own form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, null

from core.order_status import OPEN_STATUSES, OrderStatus
from core.queue_priority import QueueGroup

_OPEN = sorted(status.value for status in OPEN_STATUSES)


@dataclass(frozen=True)
class QueueColumns:
    """The SQL expressions the queue order reads; ``owner_id`` may be absent."""

    status: SQLColumnExpression[Any]
    callback_at: SQLColumnExpression[Any]
    attempt_count: SQLColumnExpression[Any]
    total: SQLColumnExpression[Any]
    created_at: SQLColumnExpression[Any]
    reference: SQLColumnExpression[Any]
    owner_id: SQLColumnExpression[Any] | None = None


def queue_group_sql(columns: QueueColumns, now: Any) -> ColumnElement[Any]:
    """``queue_priority.queue_group`` as a CASE expression."""
    status = columns.status
    has_callback = and_(
        status == OrderStatus.CALLBACK.value, columns.callback_at.is_not(None)
    )
    return case(
        (status.not_in(_OPEN), int(QueueGroup.CLOSED)),
        (and_(has_callback, columns.callback_at <= now), int(QueueGroup.CALLBACK_DUE)),
        (has_callback, int(QueueGroup.CALLBACK_LATER)),
        (columns.attempt_count == 0, int(QueueGroup.NEVER_CONTACTED)),
        (status == OrderStatus.RETURNED.value, int(QueueGroup.RETURNED)),
        else_=int(QueueGroup.OTHER_OPEN),
    )


def queue_order_by(
    columns: QueueColumns, now: Any, me: int | None = None
) -> list[ColumnElement[Any]]:
    """ORDER BY terms equal to ``queue_priority.queue_sort_key`` (best first)."""
    status = columns.status
    has_callback = and_(
        status == OrderStatus.CALLBACK.value, columns.callback_at.is_not(None)
    )
    terms = [queue_group_sql(columns, now)]
    if columns.owner_id is not None and me is not None:
        terms.append(case((columns.owner_id == me, 0), else_=1))
    callback_rank = case((has_callback, columns.callback_at), else_=null())
    return [
        *terms,
        callback_rank.asc().nulls_last(),
        columns.total.desc(),
        columns.created_at.asc(),
        columns.reference.asc(),
    ]
