"""Attempt cap across channels, gap between calls, what counts as contact."""

from datetime import UTC, datetime, timedelta

import pytest

from core.attempt_policy import (
    AttemptPolicy,
    AttemptRefused,
    CallOutcome,
    Channel,
    counts_as_attempt,
    counts_as_contact,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_default_policy_is_four_attempts_ten_minutes() -> None:
    policy = AttemptPolicy()
    assert policy.cap == 4
    assert policy.call_gap == timedelta(minutes=10)


@pytest.mark.parametrize("channel", list(Channel))
def test_cap_counts_every_channel(channel: Channel) -> None:
    policy = AttemptPolicy()
    policy.check_can_attempt(channel, 3, None, NOW)
    with pytest.raises(AttemptRefused) as info:
        policy.check_can_attempt(channel, 4, None, NOW)
    assert info.value.code == "attempt_cap_reached"
    assert info.value.params == {"attempts": 4, "cap": 4}
    assert "limit is 4" in info.value.message


def test_second_call_within_the_gap_is_refused() -> None:
    policy = AttemptPolicy()
    last = NOW - timedelta(minutes=7, seconds=30)
    with pytest.raises(AttemptRefused) as info:
        policy.check_can_attempt(Channel.CALL, 1, last, NOW)
    assert info.value.code == "call_gap"
    assert info.value.params["wait_seconds"] == 150
    assert info.value.params["allowed_at"] == (last + timedelta(minutes=10)).isoformat()
    assert "Wait 3 more minutes" in info.value.message


def test_call_allowed_exactly_at_the_gap_and_messages_never_wait() -> None:
    policy = AttemptPolicy()
    last = NOW - timedelta(minutes=10)
    policy.check_can_attempt(Channel.CALL, 1, last, NOW)
    just_now = NOW - timedelta(seconds=5)
    policy.check_can_attempt(Channel.WHATSAPP, 1, just_now, NOW)
    policy.check_can_attempt(Channel.SMS, 1, just_now, NOW)


def test_cap_is_checked_before_the_gap() -> None:
    with pytest.raises(AttemptRefused) as info:
        AttemptPolicy(cap=2).check_can_attempt(Channel.CALL, 2, NOW, NOW)
    assert info.value.code == "attempt_cap_reached"


def test_next_call_allowed_at_and_remaining() -> None:
    policy = AttemptPolicy(cap=3, call_gap=timedelta(minutes=15))
    assert policy.next_call_allowed_at(None) is None
    assert policy.next_call_allowed_at(NOW) == NOW + timedelta(minutes=15)
    assert [policy.remaining_attempts(n) for n in (0, 2, 3, 9)] == [3, 1, 0, 0]
    assert policy.cap_reached(3) and not policy.cap_reached(2)
    assert policy.exhausted(3, 0)
    assert not policy.exhausted(3, 1) and not policy.exhausted(2, 0)


def test_invalid_policy_is_refused() -> None:
    with pytest.raises(ValueError):
        AttemptPolicy(cap=0)
    with pytest.raises(ValueError):
        AttemptPolicy(call_gap=timedelta(minutes=-1))


def test_only_answered_counts_as_contact() -> None:
    for channel in Channel:
        for outcome in CallOutcome:
            assert counts_as_contact(channel, outcome) == (outcome == CallOutcome.ANSWERED)
    assert not counts_as_contact(Channel.WHATSAPP, CallOutcome.MESSAGE_SENT)


def test_local_failures_do_not_use_an_attempt() -> None:
    assert not counts_as_attempt(Channel.CALL, CallOutcome.FAILED)
    for outcome in set(CallOutcome) - {CallOutcome.FAILED}:
        assert counts_as_attempt(Channel.CALL, outcome)
    assert counts_as_attempt(Channel.SMS, CallOutcome.MESSAGE_SENT)
