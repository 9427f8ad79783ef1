"""Applying actions to an order writes the fields that go with the status."""

from datetime import UTC, datetime, timedelta

import pytest

from core.order_status import OrderStatus
from core.order_transitions import OrderAction, Role, TransitionError
from core.order_workflow import apply_action
from tests.core.test_order_model import make_order

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_callback_then_confirm_clears_the_callback_time() -> None:
    order = make_order(attempt_count=1, status=OrderStatus.IN_PROGRESS)
    later = NOW + timedelta(hours=3)
    called_back = apply_action(
        order, OrderAction.CALLBACK, role=Role.AGENT, now=NOW, callback_at=later
    )
    assert called_back.status == OrderStatus.CALLBACK
    assert called_back.callback_at == later
    assert called_back.version == order.version + 1
    assert called_back.updated_at == NOW
    assert order.status == OrderStatus.IN_PROGRESS  # the original is untouched
    confirmed = apply_action(called_back, OrderAction.CONFIRM, role=Role.AGENT, now=NOW)
    assert confirmed.status == OrderStatus.CONFIRMED
    assert confirmed.callback_at is None
    assert confirmed.confirmed_at == NOW
    later_now = NOW + timedelta(days=1)
    back = apply_action(
        confirmed, OrderAction.RETURN_FROM_PREPARATION, role=Role.LEAD, now=later_now
    )
    assert back.status == OrderStatus.RETURNED and back.confirmed_at is None
    note = apply_action(confirmed, OrderAction.ADD_NOTE, role=Role.ADMIN, now=later_now)
    assert note.confirmed_at == NOW
    assert confirmed.version == order.version + 2


def test_cancel_stores_reason_and_reopen_clears_it() -> None:
    order = make_order(owner="nadia")
    cancelled = apply_action(
        order, OrderAction.CANCEL, role=Role.AGENT, now=NOW, cancel_reason=" too_expensive "
    )
    assert cancelled.cancel_reason == "too_expensive"
    reopened = apply_action(cancelled, OrderAction.REOPEN, role=Role.LEAD, now=NOW)
    assert reopened.status == OrderStatus.ASSIGNED  # it keeps its owner
    assert reopened.cancel_reason is None


def test_attempt_count_guards_confirmation() -> None:
    with pytest.raises(TransitionError) as info:
        apply_action(make_order(), OrderAction.CONFIRM, role=Role.AGENT, now=NOW)
    assert info.value.code == "confirm_needs_contact_attempt"


def test_notes_keep_status_but_bump_version() -> None:
    order = make_order(status=OrderStatus.CALLBACK, callback_at=NOW + timedelta(hours=1))
    noted = apply_action(order, OrderAction.ADD_NOTE, role=Role.AGENT, now=NOW)
    assert noted.status == OrderStatus.CALLBACK
    assert noted.callback_at == order.callback_at
    assert noted.version == order.version + 1
