"""The state machine's guards and the rulebook's role rules, one rule per test.

``move`` asks what the server asks: the rulebook (for the lease holder) first,
then the state machine with the action's parameters."""

from datetime import UTC, datetime, timedelta

import pytest

from core.domain_error import DomainError
from core.order_status import OPEN_STATUSES, OrderStatus
from core.order_transitions import OrderAction, Role, next_status
from core.rulebook import Act, OrderFacts, ShopRules, Situation, Standing, refusal, verdicts

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
    act = _ACT.get(action)
    if act is not None:
        found = refusal(holder(current, role, attempts), act)
        if found is not None:
            raise found
    return next_status(
        current,
        action,
        cancel_reason=reason,
        callback_at=callback_at,
        now=NOW,
        has_owner=has_owner,
    )


_ACT = {a: Act(a.value) for a in OrderAction if a.value in {x.value for x in Act}}


def holder(status: OrderStatus, role: Role = Role.AGENT, attempts: int = 1) -> Situation:
    """The lease holder's situation on an order in ``status``."""
    return Situation(
        OrderFacts(status=status, attempts=attempts),
        Standing(role=role, holds_lease=True, owns=True),
        ShopRules(),
        NOW,
    )


def refused(code: str, *args: object, **kwargs: object) -> DomainError:
    with pytest.raises(DomainError) as info:
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
    with pytest.raises(DomainError) as info:
        next_status(S.IN_PROGRESS, A.START, now=datetime(2030, 1, 1))
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
    with pytest.raises(DomainError) as info:
        move(
            S.CONFIRMED,
            action,
            reason="x",
            callback_at=NOW + timedelta(hours=1),
            attempts=3,
        )
    assert info.value.code in {"order_confirmed_read_only", "role_not_allowed", "order_closed"}


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


def test_editing_a_confirmed_order() -> None:
    assert refusal(holder(S.IN_PROGRESS), Act.EDIT) is None
    assert refusal(holder(S.CONFIRMED, Role.ADMIN), Act.EDIT) is None
    found = refusal(holder(S.CONFIRMED), Act.EDIT)
    assert found is not None and found.code == "order_confirmed_read_only"
    assert "confirmed" in str(found)


def test_verdicts_for_buttons() -> None:
    def allowed(status: OrderStatus, role: Role) -> set[Act]:
        return {act for act, why in verdicts(holder(status, role)).items() if why is None}

    agent_open = allowed(S.IN_PROGRESS, Role.AGENT)
    assert Act.CONFIRM in agent_open and Act.CANCEL in agent_open
    assert Act.REOPEN not in agent_open
    assert allowed(S.CONFIRMED, Role.AGENT) == set()
    assert allowed(S.CONFIRMED, Role.LEAD) == {
        Act.REOPEN,
        Act.RETURN_FROM_PREPARATION,
        Act.EDIT,
        Act.ADD_NOTE,
        Act.REASSIGN,
    }


def test_error_carries_code_params_and_message() -> None:
    error = refused("cancel_needs_reason", S.IN_PROGRESS, A.CANCEL)
    assert error.as_dict()["code"] == "cancel_needs_reason"
    assert "reason" in str(error)
