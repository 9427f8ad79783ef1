"""Apply an action to an ``Order``: status, reason, callback time, version.

``order_transitions.next_status`` decides whether a move is legal; this
module writes its consequences on the order so the server and the desktop's
local store update the same fields the same way:
- CANCEL stores the reason, CALLBACK stores the time;
- leaving "À rappeler" clears the callback time, reopening clears the cancel
  reason (the order is no longer cancelled);
- CONFIRM records ``confirmed_at``; leaving "Confirmée" clears it;
- every applied action bumps ``version`` and sets ``updated_at``.
The order given is not modified; a new one is returned.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.order_model import Order
from core.order_status import OrderStatus
from core.order_transitions import OrderAction, Role, next_status


def apply_action(
    order: Order,
    action: OrderAction,
    *,
    role: Role,
    now: datetime,
    cancel_reason: str | None = None,
    callback_at: datetime | None = None,
) -> Order:
    """The order after ``action``; raises ``TransitionError`` when refused.

    The attempt guard uses ``order.attempt_count`` (attempts on every channel).
    """
    status = next_status(
        order.status,
        action,
        role=role,
        contact_attempts=order.attempt_count,
        cancel_reason=cancel_reason,
        callback_at=callback_at,
        now=now,
        has_owner=order.owner is not None,
    )
    new_callback = order.callback_at
    new_reason = order.cancel_reason
    if action == OrderAction.CALLBACK:
        new_callback = callback_at
    elif status != OrderStatus.CALLBACK:
        new_callback = None
    if action == OrderAction.CANCEL:
        new_reason = cancel_reason.strip() if cancel_reason else None
    elif status != OrderStatus.CANCELLED:
        new_reason = None
    confirmed_at = now if action == OrderAction.CONFIRM else order.confirmed_at
    if status != OrderStatus.CONFIRMED:
        confirmed_at = None
    return replace(
        order,
        confirmed_at=confirmed_at,
        status=status,
        callback_at=new_callback,
        cancel_reason=new_reason,
        version=order.version + 1,
        updated_at=now,
        tags=set(order.tags),
        lines=list(order.lines),
    )
