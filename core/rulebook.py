"""The rulebook: who may do what to an order right now, and why not.

One place answers, for an order's facts (status, attempts, last call,
escalation) and the actor's standing towards it (role, lease holder, owner,
teammate, other team), whether each ``Act`` is allowed and, for each refused
one, a typed ``Refusal`` (code, parameters, English sentence). The server
enforces exactly that answer on every path (ops, attempt checks, claims, lead
actions); the desk enables each control from exactly that answer and shows
the reason. Nobody writes a second copy of a rule.

What the rulebook does not decide: the parameters of one action (a cancel
reason, a callback time in the future), which ``order_transitions.next_status``
checks when the action is applied, and fencing tokens (lease epoch, version),
which only the server can compare.

Journal entries are facts, not keys: ``journal_effect`` says what a recorded
attempt does to the order (counts, makes the writer owner) or why it changes
nothing and is flagged to the lead; ``check_entry_times`` bounds its times.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from core.attempt_policy import AttemptPolicy, CallOutcome, Channel
from core.domain_error import DomainError
from core.order_status import OrderStatus, is_open
from core.order_transitions import SUPERVISOR_ROLES, OrderAction, Role, transition_refusal
from core.wire.catalogue import SettingsWire
from core.wire.sync_ops import OpKind

#: Leases one agent may hold at once (shop setting ``max_leases_per_agent``).
DEFAULT_LEASE_CAP = 3
#: A desk's clock may run this much ahead of the server's.
CLOCK_SKEW = timedelta(minutes=2)
#: Oldest attempt a desk may still report (how long a desk may work offline).
OFFLINE_WINDOW = timedelta(hours=72)


class Act(StrEnum):
    """Something a person does to (or about) an order; one per desk control."""

    CLAIM = "claim"
    CALL = "call"
    WHATSAPP = "whatsapp"
    SMS = "sms"
    START = "start"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    CALLBACK = "callback"
    UNREACHABLE = "unreachable"
    DUPLICATE = "duplicate"
    ERRONEOUS = "erroneous"
    EDIT = "edit"
    ADD_NOTE = "add_note"
    REOPEN = "reopen"
    RETURN_FROM_PREPARATION = "return_from_preparation"
    ESCALATE = "escalate"
    ANSWER_ESCALATION = "answer_escalation"
    REASSIGN = "reassign"
    GRANT_ATTEMPT = "grant_attempt"


#: Reaching the customer: counted against the cap (and the gap, for calls).
CONTACT_ACTS: frozenset[Act] = frozenset({Act.CALL, Act.WHATSAPP, Act.SMS})
#: Outcomes that close or park the order: they need the caller's current lease.
CLOSING_ACTS: frozenset[Act] = frozenset(
    {Act.CONFIRM, Act.CANCEL, Act.CALLBACK, Act.UNREACHABLE, Act.DUPLICATE, Act.ERRONEOUS}
)
#: Acts that need the caller to hold the order's lease.
LEASE_ACTS: frozenset[Act] = CLOSING_ACTS | CONTACT_ACTS | {Act.START}
#: Leads' and admins' tools.
SUPERVISOR_ACTS: frozenset[Act] = frozenset(
    {
        Act.REOPEN,
        Act.RETURN_FROM_PREPARATION,
        Act.ANSWER_ESCALATION,
        Act.REASSIGN,
        Act.GRANT_ATTEMPT,
    }
)
#: Lead tools that act over whoever holds or owns the order (they answer for the team).
_OVERRIDING_ACTS: frozenset[Act] = frozenset(
    {Act.ANSWER_ESCALATION, Act.REASSIGN, Act.GRANT_ATTEMPT}
)
#: Acts that leave the order's status alone (allowed on closed orders to leads).
_STATUS_KEEPING: frozenset[Act] = frozenset({Act.EDIT, Act.ADD_NOTE})

_ORDER_ACTION: dict[Act, OrderAction] = {
    Act.START: OrderAction.START,
    Act.CONFIRM: OrderAction.CONFIRM,
    Act.CANCEL: OrderAction.CANCEL,
    Act.CALLBACK: OrderAction.CALLBACK,
    Act.UNREACHABLE: OrderAction.UNREACHABLE,
    Act.DUPLICATE: OrderAction.DUPLICATE,
    Act.ERRONEOUS: OrderAction.ERRONEOUS,
    Act.EDIT: OrderAction.EDIT,
    Act.ADD_NOTE: OrderAction.ADD_NOTE,
    Act.REOPEN: OrderAction.REOPEN,
    Act.RETURN_FROM_PREPARATION: OrderAction.RETURN_FROM_PREPARATION,
}

_CHANNEL_ACT: dict[Channel, Act] = {
    Channel.CALL: Act.CALL,
    Channel.WHATSAPP: Act.WHATSAPP,
    Channel.SMS: Act.SMS,
}


_OP_ACT: dict[OpKind, Act] = {
    OpKind.START: Act.START,
    OpKind.CONFIRM: Act.CONFIRM,
    OpKind.CANCEL: Act.CANCEL,
    OpKind.CALLBACK: Act.CALLBACK,
    OpKind.UNREACHABLE: Act.UNREACHABLE,
    OpKind.DUPLICATE: Act.DUPLICATE,
    OpKind.ERRONEOUS: Act.ERRONEOUS,
    OpKind.RETURN_FROM_PREPARATION: Act.RETURN_FROM_PREPARATION,
    OpKind.REOPEN: Act.REOPEN,
    OpKind.EDIT_LINES: Act.EDIT,
    OpKind.EDIT_CUSTOMER: Act.EDIT,
    OpKind.SET_DELIVERY_DATE: Act.EDIT,
    OpKind.ADD_NOTE: Act.ADD_NOTE,
}


def act_for_op(kind: OpKind) -> Act | None:
    """The act an op of ``kind`` performs (``None`` for journal and presence, which
    are facts, see ``journal_effect``)."""
    return _OP_ACT.get(kind)


def order_action(act: Act) -> OrderAction | None:
    """The state-machine action of ``act`` (``None`` for acts that move no status)."""
    return _ORDER_ACTION.get(act)


def contact_act(channel: Channel) -> Act:
    """The act of reaching the customer on ``channel``."""
    return _CHANNEL_ACT[channel]


class Refusal(DomainError):
    """Why an act is not allowed: a stable ``code``, ``params`` for the translated
    sentence and an English ``message``. Returned by the rulebook, raised by the
    server."""


#: Codes the server answers as a conflict (someone else has the order, or the
#: caller's reservation is not what it thinks) rather than a rule refusal.
CONFLICT_CODES: frozenset[str] = frozenset(
    {
        "lease_held",
        "stale_epoch",
        "version_conflict",
        "owned_by_other",
        "lease_lost",
        "not_lease_holder",
    }
)
#: The code of "another team's order": the server answers exactly as for a missing one.
NOT_VISIBLE = "not_found"


@dataclass(frozen=True)
class OrderFacts:
    """What the rulebook needs to know of an order."""

    status: OrderStatus
    attempts: int = 0
    contacts: int = 0
    last_call_at: datetime | None = None
    escalated: bool = False
    extra_attempts: int = 0
    has_lines: bool = True


@dataclass(frozen=True)
class Standing:
    """The actor, and how it stands towards the order.

    ``holds_lease``: the actor holds the order's lease (on the server: under the
    epoch its request carries). ``held_by_other``: somebody else holds a valid
    lease. ``owns`` / ``owned_by_other``: the sticky owner is the actor / another
    user. ``same_team``: the order is visible to the actor at all.
    """

    role: Role
    same_team: bool = True
    holds_lease: bool = False
    held_by_other: bool = False
    owns: bool = False
    owned_by_other: bool = False
    leases_held: int = 0
    holder_name: str | None = None
    owner_name: str | None = None

    @property
    def supervisor(self) -> bool:
        return self.role in SUPERVISOR_ROLES


@dataclass(frozen=True)
class ShopRules:
    """The shop's settings the rulebook reads."""

    attempts: AttemptPolicy = field(default_factory=AttemptPolicy)
    lease_cap: int = DEFAULT_LEASE_CAP


def shop_rules(settings: SettingsWire) -> ShopRules:
    """The shop's settings (as the server stores them and desks receive them) as the
    rulebook reads them."""
    return ShopRules(
        attempts=AttemptPolicy(
            cap=settings.attempt_cap, call_gap=timedelta(minutes=settings.call_gap_minutes)
        ),
        lease_cap=settings.max_leases_per_agent,
    )


@dataclass(frozen=True)
class Situation:
    """Everything ``refusal`` looks at: the order, the actor, the shop, the time."""

    order: OrderFacts
    standing: Standing
    rules: ShopRules
    now: datetime

    @property
    def attempt_cap(self) -> int:
        """The shop's cap plus the attempts a lead granted on this order."""
        return self.rules.attempts.cap + self.order.extra_attempts


def _refused(code: str, message: str, **params: Any) -> Refusal:
    return Refusal(code, message, params)


def refusal(situation: Situation, act: Act) -> DomainError | None:
    """``None`` when ``act`` is allowed now; otherwise why not (first rule that bites)."""
    for check in _CHECKS:
        found = check(situation, act)
        if found is not None:
            return found
    return None


Verdicts = dict[Act, DomainError | None]


def verdicts(situation: Situation, acts: Iterable[Act] = tuple(Act)) -> Verdicts:
    """``refusal`` for each act (the desk enables its controls from this)."""
    return {act: refusal(situation, act) for act in acts}


def require(situation: Situation, act: Act) -> None:
    """Raise the ``Refusal`` when ``act`` is not allowed (the server's way)."""
    found = refusal(situation, act)
    if found is not None:
        raise found


# -- the checks, in the order they bite --------------------------------------


def _visibility(s: Situation, act: Act) -> DomainError | None:
    if s.standing.same_team:
        return None
    return _refused(NOT_VISIBLE, "There is no such order.")


def _role(s: Situation, act: Act) -> DomainError | None:
    if act in SUPERVISOR_ACTS and not s.standing.supervisor:
        return _refused(
            "role_not_allowed",
            "Only a team lead or an admin can do this.",
            action=act.value,
            role=s.standing.role.value,
        )
    return None


def _closed(s: Situation, act: Act) -> DomainError | None:
    status = s.order.status
    if is_open(status):
        if act in (Act.REOPEN, Act.RETURN_FROM_PREPARATION):
            return _state_refusal(s, act)
        return None
    if act in (Act.REOPEN, Act.RETURN_FROM_PREPARATION, Act.REASSIGN):
        return None
    if s.standing.supervisor and act in _STATUS_KEEPING:
        return None
    if status == OrderStatus.CONFIRMED and not s.standing.supervisor:
        return _refused(
            "order_confirmed_read_only",
            "This order is confirmed and can no longer be changed. Ask your team lead.",
            status=status.value,
        )
    return _refused(
        "order_closed",
        f"This order is closed ({status.label_fr}).",
        status=status.value,
        action=act.value,
    )


def _escalation(s: Situation, act: Act) -> DomainError | None:
    if act == Act.ANSWER_ESCALATION and not s.order.escalated:
        return _refused("not_escalated", "This order does not wait for a team lead (any more).")
    if act == Act.ESCALATE and s.order.escalated:
        return _refused("already_escalated", "This order already waits for the team lead.")
    if s.order.escalated and not s.standing.supervisor:
        return _refused("escalated", "This order waits for your team lead's answer.")
    return None


def _someone_else(s: Situation, act: Act) -> DomainError | None:
    if act in _OVERRIDING_ACTS or act in (Act.REOPEN, Act.RETURN_FROM_PREPARATION):
        return None
    standing = s.standing
    if standing.held_by_other:
        return _refused(
            "lease_held",
            f"{standing.holder_name or 'A colleague'} is working on this order right now.",
            holder_name=standing.holder_name,
        )
    if standing.owned_by_other and not standing.supervisor:
        return _refused(
            "owned_by_other",
            f"This order belongs to {standing.owner_name or 'another agent'}.",
            owner_name=standing.owner_name,
        )
    return None


def lease_cap_refusal(role: Role, leases_held: int, rules: ShopRules) -> Refusal | None:
    """Whether one more lease is refused: agents hold at most ``rules.lease_cap``
    orders at once (claim-next asks this before it picks an order)."""
    if role in SUPERVISOR_ROLES or leases_held < rules.lease_cap:
        return None
    return _refused(
        "lease_cap_reached",
        f"You already hold {leases_held} orders (the limit is {rules.lease_cap}). "
        "Finish or give one back first.",
        held=leases_held,
        cap=rules.lease_cap,
    )


def _lease(s: Situation, act: Act) -> DomainError | None:
    standing = s.standing
    if act == Act.CLAIM and not standing.holds_lease:
        return lease_cap_refusal(standing.role, standing.leases_held, s.rules)
    if act == Act.ESCALATE and not (standing.holds_lease or standing.owns):
        return _refused("not_lease_holder", "Open the order before handing it to your team lead.")
    if act in LEASE_ACTS and not standing.holds_lease:
        return _refused(
            "not_lease_holder",
            "Open the order first: only the agent who holds it can contact the customer "
            "or record an outcome.",
            action=act.value,
        )
    return None


def _attempts(s: Situation, act: Act) -> DomainError | None:
    if act not in CONTACT_ACTS:
        return None
    order = s.order
    cap = s.attempt_cap
    if order.attempts >= cap:
        return _refused(
            "attempt_cap_reached",
            f"This order already had {order.attempts} contact attempts (the limit is {cap}). "
            "Mark it unreachable or ask your team lead.",
            attempts=order.attempts,
            cap=cap,
        )
    if act != Act.CALL:
        return None
    allowed_at = s.rules.attempts.next_call_allowed_at(order.last_call_at)
    if allowed_at is not None and s.now < allowed_at:
        wait = allowed_at - s.now
        gap_minutes = int(s.rules.attempts.call_gap.total_seconds() // 60)
        return _refused(
            "call_gap",
            f"This customer was called less than {gap_minutes} minutes ago; "
            f"the next call is possible from {allowed_at.isoformat()}.",
            allowed_at=allowed_at.isoformat(),
            wait_seconds=int(wait.total_seconds()),
            gap_minutes=gap_minutes,
        )
    return None


def _guards(s: Situation, act: Act) -> DomainError | None:
    order = s.order
    if act == Act.CONFIRM:
        if order.attempts < 1 and order.contacts < 1:
            return _refused(
                "confirm_needs_contact_attempt",
                "Contact the customer (call, WhatsApp or SMS) before confirming the order.",
                contact_attempts=order.attempts,
            )
        if not order.has_lines:
            return _refused("no_lines", "The order has no article.")
    if act == Act.UNREACHABLE and order.attempts < 1:
        return _refused(
            "unreachable_needs_attempt",
            "Try to reach the customer at least once before marking the order unreachable.",
            contact_attempts=order.attempts,
        )
    return _state_refusal(s, act)


def _state_refusal(s: Situation, act: Act) -> DomainError | None:
    action = _ORDER_ACTION.get(act)
    return None if action is None else transition_refusal(s.order.status, action)


_CHECKS = (_visibility, _role, _closed, _escalation, _someone_else, _lease, _attempts, _guards)


# -- journal entries: facts, not keys ----------------------------------------


class EntryFlag(StrEnum):
    """Why a stored journal entry changed nothing on its order (shown to the lead)."""

    NOT_HOLDER = "not_holder"
    PAST_CAP = "attempt_cap_reached"
    CALL_GAP = "call_gap"


@dataclass(frozen=True)
class JournalEntryFacts:
    """What the rulebook needs to know of one recorded attempt."""

    channel: Channel
    outcome: CallOutcome
    inbound: bool
    started_at: datetime
    number_is_customers: bool = True


@dataclass(frozen=True)
class JournalEffect:
    """What a stored entry does to its order. ``flag`` set: nothing, flagged to the lead."""

    counts_attempt: bool
    counts_contact: bool
    makes_owner: bool
    sets_last_call: bool
    flag: EntryFlag | None = None


def is_attempt(entry: JournalEntryFacts) -> bool:
    """An outbound try that reached the network or the customer's phone (a local
    failure, a link that did not open, or the customer calling in is not one)."""
    return not entry.inbound and entry.outcome != CallOutcome.FAILED


def is_contact(entry: JournalEntryFacts) -> bool:
    """The customer was reached: an answered call either way (an inbound call only
    from one of the order's numbers)."""
    if entry.outcome != CallOutcome.ANSWERED:
        return False
    return entry.number_is_customers or not entry.inbound


def journal_effect(situation: Situation, entry: JournalEntryFacts) -> JournalEffect:
    """What a journal entry does, always stored (the call happened).

    From someone who neither holds the lease nor owns the order, or an attempt
    the rulebook would have refused at its time (past the cap, inside the call
    gap): it changes nothing on the order and carries a flag for the lead.
    """
    standing = situation.standing
    attempt = is_attempt(entry)
    contact = is_contact(entry)
    flag: EntryFlag | None = None
    if not (standing.holds_lease or standing.owns):
        flag = EntryFlag.NOT_HOLDER
    elif attempt and situation.order.attempts >= situation.attempt_cap:
        flag = EntryFlag.PAST_CAP
    elif attempt and entry.channel == Channel.CALL:
        allowed_at = situation.rules.attempts.next_call_allowed_at(situation.order.last_call_at)
        if allowed_at is not None and entry.started_at < allowed_at:
            flag = EntryFlag.CALL_GAP
    if flag is not None:
        return JournalEffect(False, False, False, False, flag)
    return JournalEffect(
        counts_attempt=attempt,
        counts_contact=contact,
        makes_owner=takes_ownership(situation),
        sets_last_call=entry.channel == Channel.CALL and not entry.inbound,
    )


def takes_ownership(situation: Situation) -> bool:
    """A first note or journal entry of the lease holder on an open order nobody owns
    makes the holder its sticky owner (until it closes or a lead reassigns it)."""
    standing = situation.standing
    return (
        standing.holds_lease
        and not standing.owns
        and not standing.owned_by_other
        and is_open(situation.order.status)
    )


def check_entry_times(
    started_at: datetime, ring_seconds: float, talk_seconds: float, now: datetime
) -> None:
    """Refuse implausible times: in the future (beyond clock skew), older than a desk's
    offline window, or more ringing and talking than time has passed."""
    if started_at.tzinfo is None:
        raise _refused("naive_datetime", "The attempt time has no time zone.", field="started_at")
    if started_at > now + CLOCK_SKEW:
        raise _refused(
            "entry_in_future",
            "This attempt is dated in the future; check the desk's clock.",
            started_at=started_at.isoformat(),
            now=now.isoformat(),
        )
    if started_at < now - OFFLINE_WINDOW:
        raise _refused(
            "entry_too_old",
            "This attempt is older than a desk may stay offline.",
            started_at=started_at.isoformat(),
            max_hours=int(OFFLINE_WINDOW.total_seconds() // 3600),
        )
    elapsed = (now - started_at).total_seconds() + CLOCK_SKEW.total_seconds()
    if ring_seconds + talk_seconds > elapsed:
        raise _refused(
            "entry_longer_than_elapsed",
            "This attempt lasted longer than the time since it started.",
            seconds=round(ring_seconds + talk_seconds),
            elapsed=round(max(0.0, elapsed)),
        )

