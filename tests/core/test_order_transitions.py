"""The state machine's guards and role rules, one rule per test."""

from datetime import UTC, datetime, timedelta

import pytest

from core.order_status import OPEN_STATUSES, OrderStatus
from core.order_transitions import (
    OrderAction,
    Role,
    TransitionError,
    allowed_actions,
    check_editable,
    next_status,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
S = OrderStatus
A = OrderAction


def move(
    current: OrderStatus,
    action: OrderAction,
    role: Role = Role.AGENT,
    attempts: int = 1,
    reason: str | None = None,
    callback_at: datetime | None = None,
    has_owner: bool = False,
) -> OrderStatus:
    return next_status(
        current,
        action,
        role=role,
        contact_attempts=attempts,
        cancel_reason=reason,
        callback_at=callback_at,
        now=NOW,
        has_owner=has_owner,
    )


def refused(code: str, *args: object, **kwargs: object) -> TransitionError:
    with pytest.raises(TransitionError) as info:
        move(*args, **kwargs)  # type: ignore[arg-type]
    assert info.value.code == code, info.value
    assert info.value.message.endswith(".")
    return info.value


def test_happy_path_new_to_confirmed() -> None:
    status = move(S.UNASSIGNED, A.ASSIGN, attempts=0)
    assert status == S.ASSIGNED
    status = move(status, A.START, attempts=0)
    assert status == S.IN_PROGRESS
    assert move(status, A.CONFIRM, attempts=1) == S.CONFIRMED


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_confirm_needs_a_contact_attempt(status: OrderStatus) -> None:
    error = refused("confirm_needs_contact_attempt", status, A.CONFIRM, attempts=0)
    assert "before confirming" in error.message
    assert move(status, A.CONFIRM, attempts=1) == S.CONFIRMED


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_cancel_needs_a_reason(reason: str | None) -> None:
    refused("cancel_needs_reason", S.IN_PROGRESS, A.CANCEL, reason=reason)


def test_cancel_with_reason() -> None:
    assert move(S.IN_PROGRESS, A.CANCEL, reason="too_expensive") == S.CANCELLED
    # Cancelling does not need an attempt: a customer may call the shop.
    assert move(S.ASSIGNED, A.CANCEL, attempts=0, reason="not_ordered") == S.CANCELLED


def test_callback_needs_a_time() -> None:
    refused("callback_needs_time", S.IN_PROGRESS, A.CALLBACK)


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(seconds=-1), timedelta(days=-2)])
def test_callback_time_must_be_in_the_future(offset: timedelta) -> None:
    error = refused("callback_time_in_past", S.IN_PROGRESS, A.CALLBACK, callback_at=NOW + offset)
    assert error.params["now"] == NOW.isoformat()


def test_callback_in_the_future_and_rescheduling() -> None:
    later = NOW + timedelta(hours=2)
    assert move(S.IN_PROGRESS, A.CALLBACK, callback_at=later) == S.CALLBACK
    assert move(S.CALLBACK, A.CALLBACK, callback_at=later) == S.CALLBACK


def test_naive_times_are_refused() -> None:
    refused("naive_datetime", S.IN_PROGRESS, A.CALLBACK, callback_at=datetime(2030, 1, 1))
    with pytest.raises(TransitionError) as info:
        next_status(
            S.IN_PROGRESS, A.START, role=Role.AGENT, contact_attempts=0, now=datetime(2030, 1, 1)
        )
    assert info.value.code == "naive_datetime"


def test_unreachable_needs_an_attempt() -> None:
    refused("unreachable_needs_attempt", S.ASSIGNED, A.UNREACHABLE, attempts=0)
    assert move(S.ASSIGNED, A.UNREACHABLE, attempts=4) == S.UNREACHABLE


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
@pytest.mark.parametrize(
    ("action", "target"), [(A.DUPLICATE, S.DUPLICATE), (A.ERRONEOUS, S.ERRONEOUS)]
)
def test_duplicate_and_erroneous_from_every_open_state(
    status: OrderStatus, action: OrderAction, target: OrderStatus
) -> None:
    assert move(status, action, attempts=0) == target


@pytest.mark.parametrize("action", [a for a in OrderAction])
def test_agents_change_nothing_after_confirmation(action: OrderAction) -> None:
    with pytest.raises(TransitionError) as info:
        move(
            S.CONFIRMED,
            action,
            reason="x",
            callback_at=NOW + timedelta(hours=1),
            attempts=3,
        )
    assert info.value.code in {"order_confirmed_read_only", "role_not_allowed"}


@pytest.mark.parametrize("status", [S.CANCELLED, S.DUPLICATE, S.ERRONEOUS])
def test_agents_cannot_touch_closed_orders(status: OrderStatus) -> None:
    error = refused("order_closed", status, A.START)
    assert status.label_fr in error.message
    refused("order_closed", status, A.ADD_NOTE)


def test_leads_reopen_closed_orders() -> None:
    for status in (S.CONFIRMED, S.CANCELLED, S.DUPLICATE, S.ERRONEOUS):
        assert move(status, A.REOPEN, role=Role.LEAD) == S.UNASSIGNED
        assert move(status, A.REOPEN, role=Role.ADMIN, has_owner=True) == S.ASSIGNED
        refused("role_not_allowed", status, A.REOPEN, role=Role.AGENT)


def test_reopen_of_an_open_order_is_refused() -> None:
    refused("order_not_closed", S.IN_PROGRESS, A.REOPEN, role=Role.LEAD)


def test_return_from_preparation_then_work_again() -> None:
    status = move(S.CONFIRMED, A.RETURN_FROM_PREPARATION, role=Role.LEAD)
    assert status == S.RETURNED
    assert move(status, A.START) == S.IN_PROGRESS
    refused("role_not_allowed", S.CONFIRMED, A.RETURN_FROM_PREPARATION)
    refused("order_not_confirmed", S.CANCELLED, A.RETURN_FROM_PREPARATION, role=Role.ADMIN)


def test_leads_must_reopen_before_changing_outcome() -> None:
    refused("order_closed", S.CONFIRMED, A.CANCEL, role=Role.LEAD, reason="x")


def test_assign_keeps_worked_status() -> None:
    assert move(S.UNASSIGNED, A.ASSIGN, role=Role.LEAD) == S.ASSIGNED
    assert move(S.CALLBACK, A.ASSIGN, role=Role.LEAD) == S.CALLBACK
    refused("order_closed", S.CONFIRMED, A.ASSIGN, role=Role.LEAD)


def test_edit_and_notes_keep_status() -> None:
    assert move(S.IN_PROGRESS, A.EDIT) == S.IN_PROGRESS
    assert move(S.CALLBACK, A.ADD_NOTE) == S.CALLBACK
    assert move(S.CONFIRMED, A.EDIT, role=Role.LEAD) == S.CONFIRMED


def test_check_editable() -> None:
    check_editable(S.IN_PROGRESS, Role.AGENT)
    check_editable(S.CONFIRMED, Role.ADMIN)
    with pytest.raises(TransitionError) as info:
        check_editable(S.CONFIRMED, Role.AGENT)
    assert info.value.code == "order_confirmed_read_only"
    assert "confirmed" in str(info.value)


def test_allowed_actions_for_buttons() -> None:
    agent_open = allowed_actions(S.IN_PROGRESS, Role.AGENT)
    assert A.CONFIRM in agent_open and A.CANCEL in agent_open
    assert A.REOPEN not in agent_open
    assert allowed_actions(S.CONFIRMED, Role.AGENT) == frozenset()
    assert allowed_actions(S.CONFIRMED, Role.LEAD) == {
        A.REOPEN,
        A.RETURN_FROM_PREPARATION,
        A.EDIT,
        A.ADD_NOTE,
    }


def test_error_carries_code_params_and_message() -> None:
    error = refused("cancel_needs_reason", S.IN_PROGRESS, A.CANCEL)
    assert error.as_dict()["code"] == "cancel_needs_reason"
    assert "reason" in str(error)
