"""Orders: list, read one (with notes and journal), single ops, reassignment."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from core.attempt_policy import Channel
from core.rulebook import contact_act
from core.wire.base import MAX_INT32
from core.wire.errors import ErrorBody
from core.wire.journal import AttemptCheckRequest, AttemptCheckResult, JournalEntryWire
from core.wire.orders import (
    NewOrderRequest,
    NewOrderResult,
    NoteWire,
    OrderPage,
    OrderWire,
    ReassignRequest,
)
from core.wire.sync_ops import Op, OpResult, OpStatus
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import OffsetQuery, OrderId
from server.db.models_orders import JournalRow, NoteRow, OrderRow
from server.services.attempt_grants import grant_attempt
from server.services.change_log import last_sequence
from server.services.claims import queue_order, reassign
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.order_access import visible_order
from server.services.order_creation import create_order
from server.services.order_rules import enforce
from server.services.order_views import names_for_orders, note_wire, order_wire, orders_wire
from server.services.push_ops import apply_single
from server.services.settings_store import attempt_policy, load_settings
from server.services.users import display_names

AfterIdQuery = Annotated[
    int | None,
    Query(ge=0, le=MAX_INT32, description="Keyset paging (sort=id): orders with a larger id"),
]

router = APIRouter(prefix="/orders", tags=["orders"], responses=ERROR_RESPONSES)


@router.get("", response_model=OrderPage)
def list_orders(
    db: DbDep,
    principal: PrincipalDep,
    status: Annotated[list[str] | None, Query()] = None,
    mine: bool = False,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: OffsetQuery = 0,
    sort: Annotated[Literal["newest", "queue", "id"], Query()] = "newest",
    after_id: AfterIdQuery = None,
) -> OrderPage:
    """Orders the caller may see (own team; all for admins), newest first, in queue
    order (best first, as claim-next hands them out) or by ascending id.

    ``sort=id`` pages by keyset: give ``after_id`` (the previous page's
    ``next_after_id``) instead of ``offset``; orders inserted meanwhile are never
    skipped nor repeated, and each page costs the same however deep it is. There
    ``total`` is counted on the first page only (no ``after_id``); later pages
    answer ``-1``."""
    with db.read() as session:
        cursor = last_sequence(session)
        now = db_now(session)
        query = select(OrderRow)
        if not principal.is_admin:
            query = query.where(
                or_(OrderRow.team_id == principal.team_id, OrderRow.team_id.is_(None))
            )
        if status:
            query = query.where(OrderRow.status.in_(status))
        if mine:
            query = query.where(
                or_(
                    OrderRow.owner_id == principal.user_id,
                    OrderRow.lease_holder_id == principal.user_id,
                )
            )
        if q:
            like = f"%{q.strip()}%"
            query = query.where(
                or_(
                    OrderRow.reference.ilike(like),
                    OrderRow.customer_name.ilike(like),
                    OrderRow.main_phone.ilike(like),
                )
            )
        if sort == "id":
            return _keyset_page(session, query, now, cursor, limit, after_id)
        ordering = (
            queue_order(now, principal)
            if sort == "queue"
            else [OrderRow.created_at.desc(), OrderRow.id.desc()]
        )
        total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = list(
            session.execute(query.order_by(*ordering).limit(limit).offset(offset)).scalars()
        )
        return OrderPage(
            items=orders_wire(session, rows, now),
            total=total,
            offset=offset,
            limit=limit,
            cursor=cursor,
        )


def _keyset_page(
    session: Session,
    query: Select[tuple[OrderRow]],
    now: datetime,
    cursor: int,
    limit: int,
    after_id: int | None,
) -> OrderPage:
    """One ``sort=id`` page: ids above ``after_id``, ascending (primary-key range)."""
    total = -1
    if after_id is None:
        total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    else:
        query = query.where(OrderRow.id > after_id)
    # One row more than asked tells whether a next page exists, without a count.
    rows = list(session.execute(query.order_by(OrderRow.id).limit(limit + 1)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return OrderPage(
        items=orders_wire(session, rows, now),
        total=total,
        offset=0,
        limit=limit,
        cursor=cursor,
        next_after_id=rows[-1].id if more else None,
    )


@router.post("", response_model=NewOrderResult, status_code=201)
def post_order(body: NewOrderRequest, db: DbDep, principal: PrincipalDep) -> NewOrderResult:
    """A new order typed at the desk, priced by the server, owned by and leased to its
    creator (422 ``invalid_phone`` / ``unknown_article`` / ``unknown_variant``)."""
    return create_order(db, principal, body)


@router.get("/{order_id}", response_model=OrderWire)
def get_order(order_id: OrderId, db: DbDep, principal: PrincipalDep) -> OrderWire:
    with db.read() as session:
        now = db_now(session)
        order = visible_order(session, principal, order_id)
        policy = attempt_policy(load_settings(session))
        names = names_for_orders(session, [order])
        return order_wire(order, names, now=now, call_gap=policy.call_gap)


@router.get("/{order_id}/notes", response_model=list[NoteWire])
def get_notes(order_id: OrderId, db: DbDep, principal: PrincipalDep) -> list[NoteWire]:
    with db.read() as session:
        visible_order(session, principal, order_id)
        notes = list(
            session.execute(
                select(NoteRow).where(NoteRow.order_id == order_id).order_by(NoteRow.id)
            ).scalars()
        )
        names = display_names(session, {note.author_id for note in notes})
        return [note_wire(note, names.get(note.author_id, "?")) for note in notes]


@router.get("/{order_id}/journal", response_model=list[JournalEntryWire])
def get_journal(order_id: OrderId, db: DbDep, principal: PrincipalDep) -> list[JournalEntryWire]:
    with db.read() as session:
        visible_order(session, principal, order_id)
        rows = list(
            session.execute(
                select(JournalRow)
                .where(JournalRow.order_id == order_id)
                .order_by(JournalRow.started_at)
            ).scalars()
        )
        names = display_names(session, {row.agent_id for row in rows})
        return [
            JournalEntryWire(
                id=row.id,
                order_id=row.order_id,
                channel=row.channel,
                kind=row.kind,
                direction=row.direction,
                number=row.number,
                started_at=row.started_at,
                ring_seconds=row.ring_seconds,
                talk_seconds=row.talk_seconds,
                outcome=row.outcome,
                sip_code=row.sip_code,
                sip_reason=row.sip_reason,
                note=row.note,
                template=row.template,
                agent_id=row.agent_id,
                agent_name=names.get(row.agent_id, "?"),
                counts_as_contact=row.counts_as_contact,
                recorded_at=row.recorded_at,
                flag=row.flag,
            )
            for row in rows
        ]


@router.post(
    "/{order_id}/ops",
    response_model=OpResult,
    responses={409: {"model": ErrorBody}, 412: {"model": ErrorBody}},
)
def post_op(
    order_id: OrderId, op: Op, db: DbDep, principal: PrincipalDep
) -> OpResult | JSONResponse:
    """Apply one op now (outside the push outbox). A conflict answers 409 (lease) or
    412 (version) with the reason; a rule refusal 422."""
    if op.order_id != order_id:
        raise ServiceError(422, "invalid_input", "The op names another order than the URL.")
    result = apply_single(db, principal, op)
    if result.status in (OpStatus.CONFLICT, OpStatus.REJECTED):
        status = 422
        if result.status == OpStatus.CONFLICT:
            status = 412 if result.code == "version_conflict" else 409
        elif result.code == "not_found":
            status = 404
        body = ErrorBody(
            code=result.code or "rejected", message=result.message or "", params=result.params
        )
        return JSONResponse(status_code=status, content=body.model_dump(mode="json"))
    return result


@router.post(
    "/{order_id}/attempts/check",
    response_model=AttemptCheckResult,
    responses={
        409: {"model": ErrorBody, "description": "Refused by the rulebook (cap, gap, holder)"}
    },
)
def post_attempt_check(
    order_id: OrderId, body: AttemptCheckRequest, db: DbDep, principal: PrincipalDep
) -> AttemptCheckResult:
    """Ask before dialling or messaging: the rulebook's answer for this channel (the
    caller must hold the order; attempt cap; gap between two calls)."""
    try:
        channel = Channel(body.channel)
    except ValueError:
        raise ServiceError(
            422,
            "invalid_input",
            f"{body.channel!r} is not a channel (call, whatsapp, sms).",
            {"field": "channel"},
        ) from None
    with db.read() as session:
        now = db_now(session)
        order = visible_order(session, principal, order_id)
        settings = load_settings(session)
        situation = enforce(session, order, principal, contact_act(channel), now, settings)
        policy = situation.rules.attempts
        return AttemptCheckResult(
            attempts=order.attempt_count,
            cap=situation.attempt_cap,
            remaining=max(0, situation.attempt_cap - order.attempt_count),
            next_call_allowed_at=policy.next_call_allowed_at(order.last_call_at),
        )


@router.post(
    "/{order_id}/attempts/grant",
    response_model=OrderWire,
    responses={403: {"model": ErrorBody}, 404: {"model": ErrorBody}},
)
def post_attempt_grant(order_id: OrderId, db: DbDep, principal: PrincipalDep) -> OrderWire:
    """A lead or admin grants one more contact attempt on this order (audited)."""
    return grant_attempt(db, principal, order_id)


@router.post("/{order_id}/reassign", status_code=204)
def post_reassign(
    order_id: OrderId, body: ReassignRequest, db: DbDep, principal: PrincipalDep
) -> None:
    reassign(db, principal, order_id, body.owner_id, body.release_lease)
