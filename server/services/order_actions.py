"""One op applied to one order, through core's rules, inside the caller's transaction.

The caller (``push_ops``) has locked the order, checked visibility, and opened a
savepoint; a ``ServiceError`` / ``DomainError`` raised here undoes the op only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.attempt_policy import CallOutcome, Channel
from core.order_status import OrderStatus, is_open
from core.order_transitions import OrderAction, next_status
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.rulebook import (
    JournalEntryFacts,
    Situation,
    act_for_op,
    check_entry_times,
    journal_effect,
    order_action,
    takes_ownership,
)
from core.wire.catalogue import SettingsWire
from core.wire.changes import ChangeEntity
from core.wire.journal import JournalDirection, JournalEntryIn, JournalEntryWire
from core.wire.sync_ops import (
    PAYLOAD_MODELS,
    CallbackPayload,
    CancelPayload,
    DeliveryDatePayload,
    DispositionPayload,
    EditCustomerPayload,
    EditLinesPayload,
    NotePayload,
    Op,
)
from server.auth.principal import Principal
from server.db.models_catalogue import PredefinedNoteRow
from server.db.models_orders import JournalRow, NoteRow, OrderRow
from server.services.catalogue import WantedLine, reprice_order, wanted_from_lines
from server.services.change_log import append_change
from server.services.errors import ServiceError
from server.services.lease_clock import drop_lease
from server.services.order_rules import situation_for
from server.services.order_views import note_wire
from server.services.rescue_limits import check_delivery_date, check_edit_lines, limits_for
from server.services.settings_store import load_settings
from server.services.stock_ledger import settle_order_stock


def parse_payload(op: Op) -> Any:
    """The typed payload of ``op`` (422 ``invalid_payload`` with the first problem)."""
    try:
        return PAYLOAD_MODELS[op.kind].model_validate(op.payload)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ServiceError(
            422,
            "invalid_payload",
            f"The {op.kind.value} data is invalid ({field}: {first['msg']}).",
            {"field": field, "kind": op.kind.value},
        ) from None


def make_owner(order: OrderRow, principal: Principal) -> None:
    """The writer becomes the sticky owner (``core.rulebook.takes_ownership`` said so)."""
    order.owner_id = principal.user_id
    if order.status == OrderStatus.UNASSIGNED.value:
        order.status = OrderStatus.ASSIGNED.value


def clear_escalation(order: OrderRow) -> None:
    """Forget the open escalation (answered, taken over, or the order closed)."""
    order.escalation_reason = None
    order.escalation_text = None
    order.escalated_by_id = None
    order.escalated_at = None
    order.escalation_lead_id = None


def add_note(
    session: Session,
    order: OrderRow,
    principal: Principal,
    text: str | None,
    predefined_code: str | None,
    now: datetime,
    *,
    takes_owner: bool = False,
) -> None:
    """Write a note (free text and/or predefined), apply the predefined note's tags;
    ``takes_owner``: the rulebook made the writer the order's owner by this note."""
    body = (text or "").strip()
    if predefined_code:
        predefined = session.execute(
            select(PredefinedNoteRow).where(PredefinedNoteRow.code == predefined_code)
        ).scalar()
        if predefined is None:
            raise ServiceError(
                422,
                "unknown_predefined_note",
                f"There is no predefined note {predefined_code!r}.",
                {"code": predefined_code},
            )
        body = body or predefined.text
        order.tags = sorted(set(order.tags or []) | set(predefined.tags or []))
    if not body:
        return
    note = NoteRow(
        order_id=order.id,
        author_id=principal.user_id,
        text=body,
        predefined_code=predefined_code,
        created_at=now,
    )
    session.add(note)
    session.flush()
    if takes_owner:
        make_owner(order, principal)
    append_change(
        session,
        entity=ChangeEntity.NOTE,
        entity_id=note.id,
        payload=note_wire(note, principal.display_name).model_dump(mode="json"),
        at=now,
        team_id=order.team_id,
        user_id=principal.user_id,
    )


def apply_status_action(
    session: Session, order: OrderRow, principal: Principal, op: Op, situation: Situation
) -> None:
    """start / confirm / cancel / callback / ... once the rulebook allowed it: the
    state machine with the action's parameters, then side effects."""
    now = situation.now
    payload: DispositionPayload = parse_payload(op)
    act = act_for_op(op.kind)
    action = order_action(act) if act is not None else None
    if action is None:
        raise ServiceError(422, "invalid_input", f"{op.kind.value} moves no status.")
    cancel_reason = payload.reason if isinstance(payload, CancelPayload) else None
    callback_at = payload.callback_at if isinstance(payload, CallbackPayload) else None
    owner_by_note = takes_ownership(situation)
    target = next_status(
        OrderStatus(order.status),
        action,
        cancel_reason=cancel_reason,
        callback_at=callback_at,
        now=now,
        has_owner=order.owner_id is not None,
    )
    # Stock follows the status: a confirmation takes the lines' stock (only what changed
    # since an earlier one), a return, reopen or cancellation gives back what it holds.
    settle_order_stock(session, order, action, principal.user_id, now)
    order.status = target.value
    if cancel_reason is not None:
        order.cancel_reason = cancel_reason
    if action == OrderAction.CALLBACK:
        order.callback_at = callback_at
    if is_open(target):
        order.closed_at = None
        order.closed_by_id = None
    else:
        order.closed_at = now
        order.closed_by_id = principal.user_id
        clear_escalation(order)
        # A closed order needs no reservation; the next claimer gets a new epoch anyway.
        drop_lease(order)
    add_note(
        session,
        order,
        principal,
        payload.note,
        payload.predefined_code,
        now,
        takes_owner=owner_by_note and is_open(target),
    )


def apply_edit(
    session: Session, order: OrderRow, principal: Principal, op: Op, situation: Situation
) -> None:
    """edit_lines / edit_customer / add_note once the rulebook allowed it."""
    now = situation.now
    payload = parse_payload(op)
    if isinstance(payload, EditLinesPayload):
        check_edit_lines(limits_for(load_settings(session), principal.role), order, payload)
        wanted = [
            WantedLine(line.article_ref, line.quantity, line.color, line.size, line.discount_pct)
            for line in payload.lines
        ]
        reprice_order(
            session,
            order,
            wanted,
            free_delivery=payload.free_delivery,
            order_discount_pct=payload.order_discount_pct,
        )
    elif isinstance(payload, DeliveryDatePayload):
        limits = limits_for(load_settings(session), principal.role)
        check_delivery_date(limits, payload.delivery_date, now.date())
        order.delivery_date = payload.delivery_date
    elif isinstance(payload, EditCustomerPayload):
        _edit_customer(session, order, payload)
    elif isinstance(payload, NotePayload):
        add_note(
            session,
            order,
            principal,
            payload.text,
            payload.predefined_code,
            now,
            takes_owner=takes_ownership(situation),
        )


def _edit_customer(session: Session, order: OrderRow, payload: EditCustomerPayload) -> None:
    if payload.name is not None:
        order.customer_name = payload.name.strip()
    if payload.email is not None:
        order.email = payload.email.strip() or None
    if payload.address is not None:
        order.address = payload.address.strip()
    if payload.phones is not None:
        try:
            phones = [normalize_phone(phone) for phone in payload.phones]
        except InvalidPhoneNumber as error:
            raise ServiceError(422, error.code, error.message, error.params) from None
        order.phones = phones
        order.main_phone = phones[0] if phones else None
    if payload.city is not None and payload.city.strip() != order.city:
        order.city = payload.city.strip()
        if order.lines:  # the delivery fee follows the city
            reprice_order(
                session, order, wanted_from_lines(order), free_delivery=order.free_delivery
            )


def record_journal(
    session: Session,
    order: OrderRow,
    principal: Principal,
    op: Op,
    now: datetime,
    settings: SettingsWire,
) -> JournalRow | None:
    """Store a contact attempt (always, the call happened) and apply what the rulebook
    says it changes; ``None`` when the entry was already known.

    An entry from someone who neither holds nor owns the order, or one the rulebook
    would have refused at its time, changes nothing on the order and is flagged.
    """
    entry: JournalEntryIn = parse_payload(op)
    if entry.order_id != order.id:
        raise ServiceError(
            422,
            "invalid_payload",
            "The journal entry names another order than the op.",
            {"field": "order_id"},
        )
    if session.get(JournalRow, entry.id) is not None:
        return None
    try:
        channel = Channel(entry.channel)
        outcome = CallOutcome(entry.outcome)
    except ValueError as error:
        raise ServiceError(
            422, "invalid_payload", str(error), {"field": "channel/outcome"}
        ) from None
    check_entry_times(entry.started_at, entry.ring_seconds, entry.talk_seconds, now)
    facts = JournalEntryFacts(
        channel=channel,
        outcome=outcome,
        inbound=entry.direction == JournalDirection.INBOUND,
        started_at=entry.started_at,
        number_is_customers=_is_customers_number(order, entry.number),
    )
    situation = situation_for(session, order, principal, now, settings)
    effect = journal_effect(situation, facts)
    row = JournalRow(
        id=entry.id,
        order_id=order.id,
        agent_id=principal.user_id,
        channel=channel.value,
        kind=entry.kind.value,
        direction=entry.direction.value,
        number=entry.number,
        started_at=entry.started_at,
        ring_seconds=entry.ring_seconds,
        talk_seconds=entry.talk_seconds,
        outcome=outcome.value,
        sip_code=entry.sip_code,
        sip_reason=entry.sip_reason,
        note=entry.note,
        template=entry.template,
        counts_as_contact=effect.counts_contact,
        recorded_at=now,
        flag=effect.flag.value if effect.flag else None,
    )
    session.add(row)
    if effect.counts_attempt:
        order.attempt_count += 1
    if effect.counts_contact:
        order.contact_count += 1
    if effect.sets_last_call and (
        order.last_call_at is None or entry.started_at > order.last_call_at
    ):
        order.last_call_at = entry.started_at
    if effect.makes_owner:
        make_owner(order, principal)
    session.flush()
    wire = JournalEntryWire(
        **entry.model_dump(),
        agent_id=principal.user_id,
        agent_name=principal.display_name,
        counts_as_contact=effect.counts_contact,
        recorded_at=now,
        flag=row.flag,
    )
    append_change(
        session,
        entity=ChangeEntity.JOURNAL,
        entity_id=entry.id,
        payload=wire.model_dump(mode="json"),
        at=now,
        team_id=order.team_id,
        user_id=principal.user_id,
    )
    return row


def _is_customers_number(order: OrderRow, number: str) -> bool:
    """Whether ``number`` is one of the order's phones (any spelling)."""
    try:
        wanted = normalize_phone(number)
    except InvalidPhoneNumber:
        return False
    return wanted in set(order.phones or []) or wanted == order.main_phone
