"""The rulebook's answers, one rule per test (the server and the desk read these)."""

from datetime import UTC, datetime, timedelta

import pytest

from core.attempt_policy import AttemptPolicy, CallOutcome, Channel
from core.domain_error import DomainError
from core.order_status import OrderStatus
from core.order_transitions import Role
from core.rulebook import (
    CONTACT_ACTS,
    Act,
    EntryFlag,
    JournalEntryFacts,
    OrderFacts,
    ShopRules,
    Situation,
    Standing,
    check_entry_times,
    is_attempt,
    is_contact,
    journal_effect,
    refusal,
    verdicts,
)

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
S = OrderStatus
HOLDER = Standing(role=Role.AGENT, holds_lease=True)


def situation(
    standing: Standing = HOLDER,
    status: OrderStatus = S.IN_PROGRESS,
    *,
    rules: ShopRules | None = None,
    **facts: object,
) -> Situation:
    return Situation(OrderFacts(status=status, **facts), standing, rules or ShopRules(), NOW)  # type: ignore[arg-type]


def code(s: Situation, act: Act) -> str | None:
    found = refusal(s, act)
    return None if found is None else found.code


def test_another_teams_order_is_a_missing_one_for_every_act() -> None:
    outsider = Standing(role=Role.LEAD, same_team=False, holds_lease=True)
    assert {code(situation(outsider), act) for act in Act} == {"not_found"}


def test_contacting_and_closing_need_the_lease() -> None:
    free = Standing(role=Role.AGENT)
    for act in [*CONTACT_ACTS, Act.START, Act.CONFIRM, Act.CANCEL, Act.DUPLICATE]:
        assert code(situation(free, attempts=1), act) == "not_lease_holder", act
    assert code(situation(free), Act.EDIT) is None  # edits keep the version fence
    lead = Standing(role=Role.LEAD)
    assert code(situation(lead, attempts=1), Act.CANCEL) == "not_lease_holder"


def test_a_colleagues_lease_or_ownership_stands_in_the_way() -> None:
    held = Standing(role=Role.AGENT, held_by_other=True, holder_name="Aicha")
    found = refusal(situation(held), Act.CALL)
    assert found is not None and found.code == "lease_held"
    assert found.params["holder_name"] == "Aicha"
    owned = Standing(role=Role.AGENT, holds_lease=True, owned_by_other=True, owner_name="Omar")
    assert code(situation(owned), Act.ADD_NOTE) == "owned_by_other"
    lead = Standing(role=Role.LEAD, holds_lease=True, owned_by_other=True)
    assert code(situation(lead), Act.ADD_NOTE) is None
    assert code(situation(Standing(role=Role.LEAD, held_by_other=True)), Act.REASSIGN) is None


def test_cap_and_gap() -> None:
    capped = situation(attempts=4)
    assert {act: code(capped, act) for act in CONTACT_ACTS} == dict.fromkeys(
        CONTACT_ACTS, "attempt_cap_reached"
    )
    assert code(situation(attempts=4, extra_attempts=1), Act.CALL) is None
    recent = situation(attempts=1, last_call_at=NOW - timedelta(minutes=3))
    found = refusal(recent, Act.CALL)
    assert found is not None and found.code == "call_gap"
    assert found.params["wait_seconds"] == 7 * 60
    assert code(recent, Act.WHATSAPP) is None  # messages have no gap
    assert code(situation(attempts=1, last_call_at=NOW - timedelta(minutes=10)), Act.CALL) is None


def test_confirm_needs_a_contact_and_lines() -> None:
    assert code(situation(), Act.CONFIRM) == "confirm_needs_contact_attempt"
    # A customer who called in and was answered counts as a contact.
    assert code(situation(contacts=1), Act.CONFIRM) is None
    assert code(situation(attempts=1, has_lines=False), Act.CONFIRM) == "no_lines"
    assert code(situation(), Act.UNREACHABLE) == "unreachable_needs_attempt"


def test_escalated_orders_wait_for_the_lead() -> None:
    waiting = situation(escalated=True)
    assert {code(waiting, act) for act in (Act.CALL, Act.EDIT, Act.CONFIRM)} == {"escalated"}
    lead = Standing(role=Role.LEAD, holds_lease=True)
    assert code(situation(lead, escalated=True), Act.ANSWER_ESCALATION) is None
    assert code(situation(lead), Act.ANSWER_ESCALATION) == "not_escalated"
    assert code(waiting, Act.ANSWER_ESCALATION) == "role_not_allowed"


def test_lease_cap_for_agents_only() -> None:
    busy = Standing(role=Role.AGENT, leases_held=3)
    assert code(situation(busy), Act.CLAIM) == "lease_cap_reached"
    assert code(situation(busy, rules=ShopRules(lease_cap=4)), Act.CLAIM) is None
    renewing = Standing(role=Role.AGENT, leases_held=3, holds_lease=True)
    assert code(situation(renewing), Act.CLAIM) is None
    assert code(situation(Standing(role=Role.LEAD, leases_held=30)), Act.CLAIM) is None


def test_closed_orders() -> None:
    assert code(situation(status=S.CONFIRMED), Act.EDIT) == "order_confirmed_read_only"
    assert code(situation(status=S.CANCELLED), Act.CALL) == "order_closed"
    lead = Standing(role=Role.LEAD)
    allowed = {a for a, why in verdicts(situation(lead, S.CONFIRMED)).items() if why is None}
    assert allowed == {
        Act.REOPEN,
        Act.RETURN_FROM_PREPARATION,
        Act.EDIT,
        Act.ADD_NOTE,
        Act.REASSIGN,
    }


def _entry(**overrides: object) -> JournalEntryFacts:
    values: dict[str, object] = {
        "channel": Channel.CALL,
        "outcome": CallOutcome.NO_ANSWER,
        "inbound": False,
        "started_at": NOW - timedelta(minutes=1),
    }
    values.update(overrides)
    return JournalEntryFacts(**values)  # type: ignore[arg-type]


def test_journal_from_a_non_holder_changes_nothing_and_is_flagged() -> None:
    stranger = Standing(role=Role.AGENT, held_by_other=True)
    effect = journal_effect(situation(stranger), _entry())
    assert effect.flag == EntryFlag.NOT_HOLDER
    assert not (effect.counts_attempt or effect.makes_owner or effect.sets_last_call)


def test_journal_of_the_holder_counts_and_makes_owner() -> None:
    effect = journal_effect(situation(), _entry())
    assert effect.flag is None and effect.counts_attempt and effect.makes_owner
    owner = Standing(role=Role.AGENT, owns=True)  # lease lost, nobody took it: still counts
    assert journal_effect(situation(owner), _entry()).counts_attempt


def test_journal_past_the_cap_or_inside_the_gap_is_flagged() -> None:
    assert journal_effect(situation(attempts=4), _entry()).flag == EntryFlag.PAST_CAP
    recent = situation(attempts=1, last_call_at=NOW - timedelta(minutes=5))
    assert journal_effect(recent, _entry()).flag == EntryFlag.CALL_GAP
    assert journal_effect(recent, _entry(channel=Channel.SMS)).flag is None


def test_what_counts_as_a_contact() -> None:
    inbound = _entry(inbound=True, outcome=CallOutcome.ANSWERED)
    effect = journal_effect(situation(attempts=4), inbound)
    assert effect.counts_contact and not effect.counts_attempt and effect.flag is None
    stranger_number = _entry(inbound=True, outcome=CallOutcome.ANSWERED, number_is_customers=False)
    assert not journal_effect(situation(), stranger_number).counts_contact
    failed_link = _entry(channel=Channel.WHATSAPP, outcome=CallOutcome.FAILED)
    assert not journal_effect(situation(), failed_link).counts_attempt


@pytest.mark.parametrize(
    ("started", "ring", "talk", "expected"),
    [
        (NOW + timedelta(minutes=5), 0, 0, "entry_in_future"),
        (NOW - timedelta(days=10), 0, 0, "entry_too_old"),
        (NOW - timedelta(minutes=1), 0, 86400, "entry_longer_than_elapsed"),
        (NOW - timedelta(minutes=10), 20, 300, None),
        (NOW + timedelta(seconds=30), 0, 0, None),  # small clock skew is fine
    ],
)
def test_entry_times_are_bounded(
    started: datetime, ring: float, talk: float, expected: str | None
) -> None:
    if expected is None:
        check_entry_times(started, ring, talk, NOW)
        return
    with pytest.raises(DomainError) as info:
        check_entry_times(started, ring, talk, NOW)
    assert info.value.code == expected


def test_the_gap_follows_the_shops_policy() -> None:
    rules = ShopRules(attempts=AttemptPolicy(cap=2, call_gap=timedelta(minutes=30)))
    recent = situation(rules=rules, attempts=1, last_call_at=NOW - timedelta(minutes=20))
    assert code(recent, Act.CALL) == "call_gap"
    assert code(situation(rules=rules, attempts=2), Act.SMS) == "attempt_cap_reached"


@pytest.mark.parametrize("outcome", list(CallOutcome))
def test_only_an_answered_call_is_a_contact_and_only_a_local_failure_is_no_attempt(
    outcome: CallOutcome,
) -> None:
    for channel in Channel:
        entry = _entry(channel=channel, outcome=outcome)
        assert is_contact(entry) == (outcome == CallOutcome.ANSWERED)
        assert is_attempt(entry) == (outcome != CallOutcome.FAILED)
