"""Random action sequences never leave the state graph written out below.

The graph is spelled out here by hand, independently of the implementation,
so a change in core/order_transitions.py or core/rulebook.py that opens a
forbidden path fails. Each step asks what the server asks: the rulebook (for
the lease holder), then the state machine with the action's parameters.
"""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.domain_error import DomainError
from core.order_status import OrderStatus
from core.order_transitions import OrderAction, Role, next_status
from core.rulebook import Act, OrderFacts, ShopRules, Situation, Standing, refusal

S = OrderStatus
A = OrderAction
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

OPEN = {S.UNASSIGNED, S.ASSIGNED, S.IN_PROGRESS, S.RETURNED, S.CALLBACK, S.UNREACHABLE}
CLOSED = {S.CONFIRMED, S.CANCELLED, S.DUPLICATE, S.ERRONEOUS}

# (from, action) -> allowed targets, for any role unless listed in LEAD_ONLY.
ALLOWED: dict[tuple[OrderStatus, OrderAction], set[OrderStatus]] = {}
for _s in OPEN:
    ALLOWED[(_s, A.ASSIGN)] = {S.ASSIGNED if _s == S.UNASSIGNED else _s}
    ALLOWED[(_s, A.START)] = {S.IN_PROGRESS}
    ALLOWED[(_s, A.CONFIRM)] = {S.CONFIRMED}
    ALLOWED[(_s, A.CANCEL)] = {S.CANCELLED}
    ALLOWED[(_s, A.CALLBACK)] = {S.CALLBACK}
    ALLOWED[(_s, A.UNREACHABLE)] = {S.UNREACHABLE}
    ALLOWED[(_s, A.DUPLICATE)] = {S.DUPLICATE}
    ALLOWED[(_s, A.ERRONEOUS)] = {S.ERRONEOUS}
    ALLOWED[(_s, A.EDIT)] = {_s}
    ALLOWED[(_s, A.ADD_NOTE)] = {_s}
LEAD_ONLY: dict[tuple[OrderStatus, OrderAction], set[OrderStatus]] = {}
for _s in CLOSED:
    LEAD_ONLY[(_s, A.REOPEN)] = {S.UNASSIGNED, S.ASSIGNED}
    LEAD_ONLY[(_s, A.EDIT)] = {_s}
    LEAD_ONLY[(_s, A.ADD_NOTE)] = {_s}
LEAD_ONLY[(S.CONFIRMED, A.RETURN_FROM_PREPARATION)] = {S.RETURNED}


_ACT = {a: Act(a.value) for a in OrderAction if a.value in {x.value for x in Act}}


def decide(
    current: OrderStatus,
    action: OrderAction,
    *,
    role: Role,
    contact_attempts: int,
    cancel_reason: str | None = None,
    callback_at: datetime | None = None,
    now: datetime,
    has_owner: bool = False,
) -> OrderStatus:
    """The rulebook for the lease holder, then the state machine."""
    act = _ACT.get(action)
    if act is not None:
        situation = Situation(
            OrderFacts(status=current, attempts=contact_attempts),
            Standing(role=role, holds_lease=True, owns=True),
            ShopRules(),
            now,
        )
        found = refusal(situation, act)
        if found is not None:
            raise found
    return next_status(
        current,
        action,
        cancel_reason=cancel_reason,
        callback_at=callback_at,
        now=now,
        has_owner=has_owner,
    )


def model_allows(current: OrderStatus, action: OrderAction, role: Role) -> set[OrderStatus]:
    targets = set(ALLOWED.get((current, action), set()))
    if role != Role.AGENT:
        targets |= LEAD_ONLY.get((current, action), set())
    return targets


step = st.fixed_dictionaries(
    {
        "action": st.sampled_from(list(OrderAction)),
        "role": st.sampled_from(list(Role)),
        "attempts": st.integers(min_value=0, max_value=6),
        "reason": st.sampled_from([None, "", "  ", "too_expensive", "Le client refuse"]),
        "callback_minutes": st.one_of(st.none(), st.integers(min_value=-600, max_value=6000)),
        "has_owner": st.booleans(),
    }
)


def guards_pass(current: OrderStatus, s: dict) -> bool:  # type: ignore[type-arg]
    action = s["action"]
    if action == A.CONFIRM or action == A.UNREACHABLE:
        return bool(s["attempts"] >= 1)
    if action == A.CANCEL:
        return bool(s["reason"] and s["reason"].strip())
    if action == A.CALLBACK:
        return s["callback_minutes"] is not None and s["callback_minutes"] > 0
    return True


@settings(max_examples=300, deadline=None)
@given(start=st.sampled_from(list(OrderStatus)), steps=st.lists(step, max_size=25))
def test_random_sequences_stay_inside_the_graph(start: OrderStatus, steps: list) -> None:  # type: ignore[type-arg]
    current = start
    for s in steps:
        callback_at = (
            None
            if s["callback_minutes"] is None
            else NOW + timedelta(minutes=s["callback_minutes"])
        )
        targets = model_allows(current, s["action"], s["role"])
        try:
            result = decide(
                current,
                s["action"],
                role=s["role"],
                contact_attempts=s["attempts"],
                cancel_reason=s["reason"],
                callback_at=callback_at,
                now=NOW,
                has_owner=s["has_owner"],
            )
        except DomainError as error:
            # Refused: the model must agree it was forbidden or a guard failed.
            assert not targets or not guards_pass(current, s), (current, s, error.code)
            assert error.code and error.message
            continue
        assert result in targets, (current, s, result)
        assert guards_pass(current, s)
        if current == S.CONFIRMED and s["role"] == Role.AGENT:
            raise AssertionError("an agent changed a confirmed order")
        current = result


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(step, max_size=30))
def test_agents_alone_never_leave_a_closed_state(steps: list) -> None:  # type: ignore[type-arg]
    """Once closed, only a lead or an admin brings an order back."""
    current = S.UNASSIGNED
    closed_once = False
    for s in steps:
        try:
            current = decide(
                current,
                s["action"],
                role=Role.AGENT,
                contact_attempts=s["attempts"],
                cancel_reason=s["reason"],
                callback_at=NOW + timedelta(minutes=s["callback_minutes"] or 0),
                now=NOW,
            )
        except DomainError:
            continue
        if closed_once:
            assert current in CLOSED
        closed_once = closed_once or current in CLOSED


def test_rulebook_agrees_with_the_model() -> None:
    """Buttons the desktop enables (the rulebook's verdicts) are exactly the moves
    the hand-written model allows."""
    good = {
        "contact_attempts": 1,
        "cancel_reason": "too_expensive",
        "callback_at": NOW + timedelta(hours=1),
        "now": NOW,
    }
    for status in OrderStatus:
        for role in Role:
            for action in OrderAction:
                try:
                    decide(status, action, role=role, **good)  # type: ignore[arg-type]
                    accepted = True
                except DomainError:
                    accepted = False
                assert accepted == bool(model_allows(status, action, role)), (status, role, action)
