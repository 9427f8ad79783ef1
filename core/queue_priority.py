"""Which order an agent should work first ("best first" queue order).

Groups, in this order:
1. callbacks that are due (callback time reached), most overdue first;
2. orders never contacted (no attempt on any channel yet);
3. orders returned from preparation;
4. every other open order (unreachable, callbacks without a time...);
5. callbacks not due yet, soonest first;
6. closed orders (normally not in a queue at all; last if they are).
Inside a group: the caller's own orders first, then callbacks by time, higher
value, older, and reference so the order is total and stable.

The key is a pure function of the fields; ``core.queue_priority_sql`` writes
the same order as SQL for the server's and the desk's databases.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import IntEnum

from core.order_model import Order
from core.order_status import OrderStatus, is_open


class QueueGroup(IntEnum):
    """Priority group, lowest first."""

    CALLBACK_DUE = 0
    NEVER_CONTACTED = 1
    RETURNED = 2
    OTHER_OPEN = 3
    CALLBACK_LATER = 4
    CLOSED = 5


QueueKey = tuple[int, int, float, Decimal, float, str]


def queue_group(
    *,
    status: OrderStatus,
    callback_at: datetime | None,
    attempt_count: int,
    now: datetime,
) -> QueueGroup:
    """The priority group of an order."""
    if not is_open(status):
        return QueueGroup.CLOSED
    if status == OrderStatus.CALLBACK and callback_at is not None:
        return QueueGroup.CALLBACK_DUE if callback_at <= now else QueueGroup.CALLBACK_LATER
    if attempt_count == 0:
        return QueueGroup.NEVER_CONTACTED
    if status == OrderStatus.RETURNED:
        return QueueGroup.RETURNED
    return QueueGroup.OTHER_OPEN


def queue_sort_key(
    *,
    reference: str,
    status: OrderStatus,
    callback_at: datetime | None,
    attempt_count: int,
    total: Decimal,
    created_at: datetime,
    now: datetime,
    owned_by_me: bool = False,
) -> QueueKey:
    """Sort key: ``sorted(orders, key=...)`` puts the best order first."""
    group = queue_group(
        status=status, callback_at=callback_at, attempt_count=attempt_count, now=now
    )
    callback_rank = 0.0
    if group in (QueueGroup.CALLBACK_DUE, QueueGroup.CALLBACK_LATER) and callback_at:
        callback_rank = callback_at.timestamp()
    mine = 0 if owned_by_me else 1
    return (int(group), mine, callback_rank, -total, created_at.timestamp(), reference)


def order_queue_key(order: Order, now: datetime) -> QueueKey:
    """``queue_sort_key`` of an ``Order``."""
    return queue_sort_key(
        reference=order.reference,
        status=order.status,
        callback_at=order.callback_at,
        attempt_count=order.attempt_count,
        total=order.total,
        created_at=order.created_at,
        now=now,
    )
