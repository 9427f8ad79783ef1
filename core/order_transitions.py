"""The order state machine: which action may move which status, and guards.

The graph is explicit (``_TARGETS``); the guards check what the action's own
parameters need (a reason to cancel, a future time for a callback). Who may
act (role, lease, owner, attempts, escalation) is ``core.rulebook``'s answer,
which reads the graph from here.

Meaning of the open statuses:
- "Non affectée": in the pool, nobody owns it. ASSIGN (a claim by an agent,
  or a lead's assignment) makes it "Affectée"; on an order already being
  worked, ASSIGN only changes the owner and keeps the status.
- "Affectée": an agent owns it but has not started. START (opening it to
  work, dialling) makes it "En cours de confirmation" from any open status.
- "Retour Confirmation": a confirmed order sent back from preparation by a
  lead (wrong address, stock...); it is worked again like any open order.
- From any open status the outcome actions close it (confirm, cancel,
  duplicate, erroneous) or park it (callback, unreachable).
Closed statuses (confirmed, cancelled, duplicate, erroneous) only move by
REOPEN (lead/admin, back to "Affectée" if it has an owner, else to the pool)
or, for a confirmed order, RETURN_FROM_PREPARATION (lead/admin).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from core.domain_error import DomainError
from core.order_status import OPEN_STATUSES, OrderStatus


class OrderAction(StrEnum):
    """What a person (or the importer) does to an order."""

    ASSIGN = "assign"
    START = "start"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    CALLBACK = "callback"
    UNREACHABLE = "unreachable"
    DUPLICATE = "duplicate"
    ERRONEOUS = "erroneous"
    RETURN_FROM_PREPARATION = "return_from_preparation"
    EDIT = "edit"
    ADD_NOTE = "add_note"
    REOPEN = "reopen"


class Role(StrEnum):
    """Who acts: an agent on its orders, a team lead, an admin."""

    AGENT = "agent"
    LEAD = "lead"
    ADMIN = "admin"


SUPERVISOR_ROLES: frozenset[Role] = frozenset({Role.LEAD, Role.ADMIN})


class TransitionError(DomainError):
    """An action is not allowed on an order in its current state."""


_S = OrderStatus
_A = OrderAction

# Status reached by each outcome action from any open status.
_OUTCOME_TARGETS: dict[OrderAction, OrderStatus] = {
    _A.START: _S.IN_PROGRESS,
    _A.CONFIRM: _S.CONFIRMED,
    _A.CANCEL: _S.CANCELLED,
    _A.CALLBACK: _S.CALLBACK,
    _A.UNREACHABLE: _S.UNREACHABLE,
    _A.DUPLICATE: _S.DUPLICATE,
    _A.ERRONEOUS: _S.ERRONEOUS,
}

# Actions that never change the status (they change owner, lines or notes).
STATUS_KEEPING_ACTIONS: frozenset[OrderAction] = frozenset({_A.EDIT, _A.ADD_NOTE})



def _build_graph() -> dict[tuple[OrderStatus, OrderAction], frozenset[OrderStatus]]:
    """Every (status, action) pair that is legal, with its possible targets.

    REOPEN has two targets: back to "Affectée" when the order keeps an owner,
    "Non affectée" when it returns to the pool. ASSIGN on an already assigned
    or worked order keeps its status (only the owner changes).
    """
    graph: dict[tuple[OrderStatus, OrderAction], frozenset[OrderStatus]] = {}
    for status in OPEN_STATUSES:
        for action, target in _OUTCOME_TARGETS.items():
            graph[(status, action)] = frozenset({target})
        assigned = _S.ASSIGNED if status == _S.UNASSIGNED else status
        graph[(status, _A.ASSIGN)] = frozenset({assigned})
        for action in STATUS_KEEPING_ACTIONS:
            graph[(status, action)] = frozenset({status})
    for status in frozenset(OrderStatus) - OPEN_STATUSES:
        graph[(status, _A.REOPEN)] = frozenset({_S.ASSIGNED, _S.UNASSIGNED})
        for action in STATUS_KEEPING_ACTIONS:
            graph[(status, action)] = frozenset({status})
    graph[(_S.CONFIRMED, _A.RETURN_FROM_PREPARATION)] = frozenset({_S.RETURNED})
    return graph


TRANSITION_GRAPH: dict[tuple[OrderStatus, OrderAction], frozenset[OrderStatus]] = _build_graph()


def _error(code: str, message: str, **params: Any) -> TransitionError:
    return TransitionError(code, message, params)


def transition_refusal(current: OrderStatus, action: OrderAction) -> TransitionError | None:
    """Why the graph has no ``action`` from ``current`` (``None`` when it has one).

    Who may act, and with which lease or attempts, is ``core.rulebook``'s question;
    this one is about the state alone.
    """
    if (current, action) in TRANSITION_GRAPH:
        return None
    if action == _A.REOPEN:
        return _error(
            "order_not_closed",
            f"This order is still open ({current.label_fr}); there is nothing to reopen.",
            status=current.value,
        )
    if action == _A.RETURN_FROM_PREPARATION:
        return _error(
            "order_not_confirmed",
            f"Only a confirmed order can come back from preparation; this one is "
            f"{current.label_fr}.",
            status=current.value,
        )
    if current not in OPEN_STATUSES:
        return _error(
            "order_closed",
            f"This order is closed ({current.label_fr}).",
            status=current.value,
            action=action.value,
        )
    return _error(
        "transition_not_allowed",
        f"An order that is {current.label_fr} cannot be changed this way ({action.value}).",
        status=current.value,
        action=action.value,
    )


def _check_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise _error(
            "naive_datetime",
            f"The {name} time has no time zone; times must be timezone-aware.",
            field=name,
        )


def _check_parameters(
    action: OrderAction,
    *,
    cancel_reason: str | None,
    callback_at: datetime | None,
    now: datetime,
) -> None:
    if action == _A.CANCEL and not (cancel_reason and cancel_reason.strip()):
        raise _error("cancel_needs_reason", "Choose or type a reason to cancel the order.")
    if action == _A.CALLBACK:
        if callback_at is None:
            raise _error("callback_needs_time", "Choose when to call the customer back.")
        _check_aware(callback_at, "callback")
        if callback_at <= now:
            raise _error(
                "callback_time_in_past",
                "The callback time has already passed; choose a time in the future.",
                callback_at=callback_at.isoformat(),
                now=now.isoformat(),
            )


def next_status(
    current: OrderStatus,
    action: OrderAction,
    *,
    cancel_reason: str | None = None,
    callback_at: datetime | None = None,
    now: datetime,
    has_owner: bool = False,
) -> OrderStatus:
    """Status after ``action``, or ``TransitionError`` saying why not.

    Checks the state graph and the action's own parameters (a cancel reason, a
    callback time in the future). Whether this caller may act at all (role, lease,
    attempts) is ``core.rulebook.refusal``, which the caller asks first.
    ``has_owner`` only matters for REOPEN: an order with an owner goes back to
    that agent ("Affectée"), else to the pool.
    """
    _check_aware(now, "current")
    refused = transition_refusal(current, action)
    if refused is not None:
        raise refused
    _check_parameters(action, cancel_reason=cancel_reason, callback_at=callback_at, now=now)
    if action == _A.REOPEN:
        return _S.ASSIGNED if has_owner else _S.UNASSIGNED
    (target,) = TRANSITION_GRAPH[(current, action)]
    return target
