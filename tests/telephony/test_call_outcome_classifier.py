"""The pure rules that turn what happened on a call into its outcome class."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.attempt_policy import CallOutcome
from telephony.call_outcome_classifier import (
    CallFacts,
    LocalEnd,
    PreSipFailure,
    classify_call,
)


def outbound(code: int, **kwargs: object) -> CallOutcome:
    return classify_call(CallFacts(outbound=True, answered=False, sip_code=code,
                                   **kwargs)).outcome  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "outcome"),
    [
        (486, CallOutcome.BUSY),
        (600, CallOutcome.BUSY),
        (603, CallOutcome.DECLINED),
        (404, CallOutcome.NOT_FOUND),
        (484, CallOutcome.NOT_FOUND),
        (604, CallOutcome.NOT_FOUND),
        (480, CallOutcome.NO_ANSWER),
        (401, CallOutcome.FAILED),
        (407, CallOutcome.FAILED),
        (403, CallOutcome.FAILED),
        (500, CallOutcome.FAILED),
        (503, CallOutcome.FAILED),
        (488, CallOutcome.FAILED),
    ],
)
def test_final_codes_of_unanswered_outbound_calls(code: int, outcome: CallOutcome) -> None:
    assert outbound(code, had_provisional=True) is outcome


def test_the_agents_own_cancel_wins_over_the_487_it_causes() -> None:
    assert outbound(487, had_provisional=True, local_end=LocalEnd.AGENT_HANGUP) is (
        CallOutcome.CANCELLED
    )
    assert outbound(487, had_provisional=True, local_end=LocalEnd.RING_TIMEOUT) is (
        CallOutcome.NO_ANSWER
    )


def test_silence_is_a_failure_not_a_no_answer() -> None:
    verdict = classify_call(CallFacts(True, False, 487, local_end=LocalEnd.SETUP_TIMEOUT))
    assert verdict.outcome is CallOutcome.FAILED and verdict.reason_code == "no_response"
    # A 408 without any provisional response: nothing answered at all.
    assert outbound(408) is CallOutcome.FAILED
    # A 408 after ringing: the callee's phone rang out.
    assert outbound(408, had_provisional=True) is CallOutcome.NO_ANSWER


def test_unreachable_server_reads_as_a_network_error() -> None:
    verdict = classify_call(CallFacts(True, False, 503, "Connection refused"))
    assert verdict.reason_code == "network_error"
    assert "Connection refused" in verdict.message


def test_auth_failures_point_at_the_account() -> None:
    verdict = classify_call(CallFacts(True, False, 407, "Proxy Authentication Required", True))
    assert verdict.reason_code == "auth_failed"
    assert "SIP account" in verdict.message


def test_inbound_calls() -> None:
    declined = classify_call(CallFacts(False, False, 603, local_end=LocalEnd.AGENT_DECLINE))
    missed = classify_call(CallFacts(False, False, 487))
    assert declined.outcome is CallOutcome.DECLINED
    assert missed.outcome is CallOutcome.NO_ANSWER and missed.reason_code == "missed"
    busy = classify_call(CallFacts(False, False, 486, local_end=LocalEnd.BUSY_ON_ANOTHER_CALL))
    assert busy.outcome is CallOutcome.NO_ANSWER and busy.reason_code == "missed_while_busy"
    assert "another call" in busy.message


def test_failures_before_sip() -> None:
    invalid = classify_call(CallFacts(True, False, 0, pre_sip_failure=PreSipFailure.INVALID_NUMBER,
                                      detail="'12' is too short"))
    assert invalid.outcome is CallOutcome.NOT_FOUND
    assert invalid.reason_code == "invalid_number" and "too short" in invalid.message
    not_registered = classify_call(
        CallFacts(True, False, 0, pre_sip_failure=PreSipFailure.NOT_REGISTERED)
    )
    assert not_registered.outcome is CallOutcome.FAILED


def test_transferred_calls_were_answered() -> None:
    verdict = classify_call(CallFacts(True, True, 200, local_end=LocalEnd.TRANSFERRED,
                                      detail="to 201"))
    assert verdict.outcome is CallOutcome.ANSWERED
    assert verdict.reason_code == "transferred" and "201" in verdict.message


@given(
    outbound_call=st.booleans(),
    code=st.integers(min_value=0, max_value=699),
    provisional=st.booleans(),
    local_end=st.sampled_from(list(LocalEnd)),
)
def test_answered_always_wins_and_every_verdict_has_a_sentence(
    outbound_call: bool, code: int, provisional: bool, local_end: LocalEnd
) -> None:
    answered = classify_call(CallFacts(outbound_call, True, code, "", provisional, local_end))
    assert answered.outcome is CallOutcome.ANSWERED
    other = classify_call(CallFacts(outbound_call, False, code, "", provisional, local_end))
    assert other.outcome is not CallOutcome.ANSWERED
    assert other.outcome is not CallOutcome.MESSAGE_SENT
    assert other.message.strip() and other.reason_code
