"""Pure mapping from what happened on a call to its outcome class and a reason.

No pjsua2 and no Qt here, so the rules are unit-tested on their own. The engine
gathers the facts (was it answered, final SIP code, did a provisional response
arrive, did the agent or a timer end it) and asks for a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.attempt_policy import CallOutcome


class LocalEnd(StrEnum):
    """Why the engine itself ended the call, if it did."""

    NONE = "none"  # the peer, the network or the stack ended it
    AGENT_HANGUP = "agent_hangup"
    AGENT_DECLINE = "agent_decline"  # inbound call refused by the agent
    BUSY_ON_ANOTHER_CALL = "busy_on_another_call"  # inbound refused (486): agent on a call
    RING_TIMEOUT = "ring_timeout"  # rang until the agent's timeout
    SETUP_TIMEOUT = "setup_timeout"  # no provisional response in time
    HANGUP_AFTER = "hangup_after"  # scheduled hang-up after talking
    TRANSFERRED = "transferred"


class PreSipFailure(StrEnum):
    """Failures before any SIP transaction could start."""

    INVALID_NUMBER = "invalid_number"
    NO_ACCOUNT = "no_account"
    NOT_REGISTERED = "not_registered"
    STACK_ERROR = "stack_error"
    TOO_MANY_CALLS = "too_many_calls"


@dataclass(frozen=True)
class CallFacts:
    """What the engine saw on one attempt."""

    outbound: bool
    answered: bool
    sip_code: int
    sip_reason: str = ""
    had_provisional: bool = False
    local_end: LocalEnd = LocalEnd.NONE
    pre_sip_failure: PreSipFailure | None = None
    detail: str = ""  # extra words for the message (stack error text, number)


@dataclass(frozen=True)
class OutcomeVerdict:
    """Outcome class plus a stable reason code and an English sentence."""

    outcome: CallOutcome
    reason_code: str
    message: str


_BUSY_CODES = frozenset({486, 600})
_DECLINED_CODES = frozenset({603})
_NOT_FOUND_CODES = frozenset({404, 410, 416, 484, 485, 604})
_NO_ANSWER_CODES = frozenset({408, 480, 487})
_AUTH_CODES = frozenset({401, 403, 407})


def _with_detail(message: str, detail: str) -> str:
    return f"{message} ({detail})" if detail else message


def classify_call(facts: CallFacts) -> OutcomeVerdict:
    """Return the outcome class of one call attempt.

    An answered call is ANSWERED whoever hung up. Otherwise the local reason wins
    over the SIP code, because a CANCEL we sent always comes back as 487.
    """
    if facts.pre_sip_failure is not None:
        return _classify_pre_sip(facts.pre_sip_failure, facts.detail)
    if facts.answered:
        if facts.local_end is LocalEnd.TRANSFERRED:
            return OutcomeVerdict(
                CallOutcome.ANSWERED, "transferred", _with_detail("Call transferred", facts.detail)
            )
        return OutcomeVerdict(CallOutcome.ANSWERED, "answered", "The customer answered.")
    if not facts.outbound:
        return _classify_inbound_unanswered(facts)
    return _classify_outbound_unanswered(facts)


def _classify_pre_sip(failure: PreSipFailure, detail: str) -> OutcomeVerdict:
    if failure is PreSipFailure.INVALID_NUMBER:
        return OutcomeVerdict(
            CallOutcome.NOT_FOUND,
            "invalid_number",
            _with_detail("The number is not a valid phone number", detail),
        )
    if failure is PreSipFailure.NO_ACCOUNT:
        return OutcomeVerdict(
            CallOutcome.FAILED, "no_account", "No SIP account is configured for this number."
        )
    if failure is PreSipFailure.NOT_REGISTERED:
        return OutcomeVerdict(
            CallOutcome.FAILED,
            "not_registered",
            _with_detail("The phone is not registered with the telephony server", detail),
        )
    if failure is PreSipFailure.TOO_MANY_CALLS:
        return OutcomeVerdict(
            CallOutcome.FAILED,
            "too_many_calls",
            "Too many calls were started in the last second; try again.",
        )
    return OutcomeVerdict(
        CallOutcome.FAILED, "stack_error", _with_detail("The call could not be placed", detail)
    )


def _classify_inbound_unanswered(facts: CallFacts) -> OutcomeVerdict:
    if facts.local_end is LocalEnd.AGENT_DECLINE:
        return OutcomeVerdict(CallOutcome.DECLINED, "declined_by_agent", "The agent declined.")
    if facts.local_end is LocalEnd.RING_TIMEOUT:
        return OutcomeVerdict(
            CallOutcome.NO_ANSWER, "missed", "The incoming call was not answered in time."
        )
    if facts.local_end is LocalEnd.BUSY_ON_ANOTHER_CALL:
        return OutcomeVerdict(
            CallOutcome.NO_ANSWER,
            "missed_while_busy",
            "The customer called while the agent was on another call (486 Busy Here).",
        )
    return OutcomeVerdict(
        CallOutcome.NO_ANSWER, "missed", "The caller hung up before the call was answered."
    )


def _classify_outbound_unanswered(facts: CallFacts) -> OutcomeVerdict:
    code = facts.sip_code
    reason = facts.sip_reason or "no reason given"
    if facts.local_end is LocalEnd.AGENT_HANGUP:
        return OutcomeVerdict(CallOutcome.CANCELLED, "cancelled", "The agent hung up first.")
    if facts.local_end is LocalEnd.RING_TIMEOUT:
        return OutcomeVerdict(CallOutcome.NO_ANSWER, "no_answer", "Nobody answered.")
    if facts.local_end is LocalEnd.SETUP_TIMEOUT or (code == 408 and not facts.had_provisional):
        return OutcomeVerdict(
            CallOutcome.FAILED,
            "no_response",
            "The telephony server or the peer did not respond to the call.",
        )
    if code in _BUSY_CODES:
        return OutcomeVerdict(CallOutcome.BUSY, "busy", f"The line is busy ({code} {reason}).")
    if code in _DECLINED_CODES:
        return OutcomeVerdict(
            CallOutcome.DECLINED, "declined", f"The customer declined the call ({code} {reason})."
        )
    if code in _NOT_FOUND_CODES:
        return OutcomeVerdict(
            CallOutcome.NOT_FOUND,
            "not_found",
            f"The number does not exist or cannot be reached ({code} {reason}).",
        )
    if code in _NO_ANSWER_CODES:
        return OutcomeVerdict(
            CallOutcome.NO_ANSWER, "no_answer", f"Nobody answered ({code} {reason})."
        )
    if code in _AUTH_CODES:
        return OutcomeVerdict(
            CallOutcome.FAILED,
            "auth_failed",
            f"The telephony server refused the call: check the SIP account ({code} {reason}).",
        )
    if code == 503 and not facts.had_provisional:
        return OutcomeVerdict(
            CallOutcome.FAILED,
            "network_error",
            f"The telephony server cannot be reached ({code} {reason}).",
        )
    if 500 <= code < 700:
        return OutcomeVerdict(
            CallOutcome.FAILED, "server_error", f"The telephony server failed ({code} {reason})."
        )
    return OutcomeVerdict(
        CallOutcome.FAILED,
        "call_failed",
        f"The call failed ({code} {reason})." if code else "The call failed.",
    )
