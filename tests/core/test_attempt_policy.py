"""The shop's contact policy: defaults, the call gap's arithmetic, invalid values.
(What the cap and the gap refuse is tested with the rulebook.)"""

from datetime import UTC, datetime, timedelta

import pytest

from core.attempt_policy import AttemptPolicy

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_default_policy_is_four_attempts_ten_minutes() -> None:
    policy = AttemptPolicy()
    assert policy.cap == 4
    assert policy.call_gap == timedelta(minutes=10)


def test_next_call_allowed_at() -> None:
    policy = AttemptPolicy(cap=3, call_gap=timedelta(minutes=15))
    assert policy.next_call_allowed_at(None) is None
    assert policy.next_call_allowed_at(NOW) == NOW + timedelta(minutes=15)


def test_invalid_policy_is_refused() -> None:
    with pytest.raises(ValueError):
        AttemptPolicy(cap=0)
    with pytest.raises(ValueError):
        AttemptPolicy(call_gap=timedelta(minutes=-1))
