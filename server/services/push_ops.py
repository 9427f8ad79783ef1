"""Push: apply a batch of desk ops exactly once, with a result per op.

Idempotency has two layers:
- the batch's ``Idempotency-Key``: the first request stores its answer in the
  same transaction as its effects; a replay (same key, same body) gets that
  answer back and applies nothing; the same key with another body is refused
  (422). Concurrent replays wait on the key's row and then read the answer.
- each op's ``op_id``: an op seen before (in any batch) answers ``duplicate``.

``client_seq`` must rise by one per op of a device; a gap is refused with
``sequence_gap`` (the desk lost an op and must resend from the expected one).
Each op runs in a savepoint, so a refused op leaves the others applied.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.domain_error import DomainError
from core.rulebook import CONFLICT_CODES, act_for_op
from core.wire.errors import IDEMPOTENCY_KEY_REUSED, SEQUENCE_GAP
from core.wire.sync_ops import Op, OpKind, OpResult, OpStatus, PushBatch, PushResult
from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.db.models_sync import AppliedOp, DeviceSequence, IdempotencyRecord
from server.db.session import Database
from server.db.upsert import insert_ignore
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.lease_clock import check_fence
from server.services.order_access import visible_order
from server.services.order_actions import (
    apply_edit,
    apply_status_action,
    parse_payload,
    record_journal,
)
from server.services.order_publish import publish_order
from server.services.order_rules import enforce
from server.services.order_views import names_for_orders
from server.services.presence import apply_presence
from server.services.settings_store import load_settings

EDIT_KINDS = frozenset(
    {OpKind.EDIT_LINES, OpKind.EDIT_CUSTOMER, OpKind.ADD_NOTE, OpKind.SET_DELIVERY_DATE}
)


def batch_fingerprint(batch: PushBatch) -> str:
    """SHA-256 of the batch's canonical JSON (key order and spacing do not matter)."""
    canonical = json.dumps(batch.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class PushAnswer:
    """HTTP status and JSON body of a push (replayed verbatim for the same key)."""

    status_code: int
    body: dict[str, Any]
    replayed: bool = False


def push_batch(db: Database, principal: Principal, batch: PushBatch, key: str) -> PushAnswer:
    fingerprint = batch_fingerprint(batch)
    with db.write() as session:
        now = db_now(session)
        first = insert_ignore(
            session,
            IdempotencyRecord,
            {
                "user_id": principal.user_id,
                "key": key,
                "request_hash": fingerprint,
                "created_at": now,
            },
        )
        record = session.execute(
            select(IdempotencyRecord)
            .where(IdempotencyRecord.user_id == principal.user_id, IdempotencyRecord.key == key)
            .execution_options(populate_existing=True)
        ).scalar_one()
        if not first:
            if record.request_hash != fingerprint:
                raise ServiceError(
                    422,
                    IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for another batch.",
                    {"key": key},
                )
            assert record.response is not None and record.status_code is not None
            return PushAnswer(record.status_code, record.response, replayed=True)
        insert_ignore(
            session,
            DeviceSequence,
            {"user_id": principal.user_id, "device_id": batch.device_id, "last_client_seq": 0},
        )
        device = session.execute(
            select(DeviceSequence)
            .where(
                DeviceSequence.user_id == principal.user_id,
                DeviceSequence.device_id == batch.device_id,
            )
            .with_for_update()
        ).scalar_one()
        acting = Principal(**{**principal.__dict__, "device_id": batch.device_id})
        results = [_process(session, db, acting, device, op, now) for op in batch.ops]
        body = PushResult(results=results, last_client_seq=device.last_client_seq)
        record.status_code = 200
        record.response = body.model_dump(mode="json")
        return PushAnswer(200, record.response)


def _process(
    session: Session,
    db: Database,
    principal: Principal,
    device: DeviceSequence,
    op: Op,
    now: datetime,
) -> OpResult:
    seen = session.get(AppliedOp, op.op_id)
    if seen is not None:
        return _duplicate_result(op, seen)
    expected = device.last_client_seq + 1
    if op.client_seq != expected:
        gap = op.client_seq > expected
        return OpResult(
            op_id=op.op_id,
            client_seq=op.client_seq,
            status=OpStatus.REJECTED,
            code=SEQUENCE_GAP if gap else "sequence_behind",
            message=(
                f"Changes are missing before this one: expected number {expected}."
                if gap
                else f"This change number was already used; expected {expected}."
            ),
            params={"expected_seq": expected, "client_seq": op.client_seq},
        )
    result = apply_op(session, db, principal, op, now)
    device.last_client_seq = op.client_seq
    session.add(
        AppliedOp(
            op_id=op.op_id,
            user_id=principal.user_id,
            device_id=device.device_id,
            client_seq=op.client_seq,
            status=result.status.value,
            result=result.model_dump(mode="json"),
            at=now,
        )
    )
    return result


def apply_op(
    session: Session, db: Database, principal: Principal, op: Op, now: datetime
) -> OpResult:
    """Apply one op in a savepoint; a refusal becomes a conflict / rejected result."""
    savepoint = session.begin_nested()
    try:
        status, version = _apply(session, db, principal, op, now)
        savepoint.commit()
        return OpResult(
            op_id=op.op_id, client_seq=op.client_seq, status=status, order_version=version
        )
    except DomainError as error:
        savepoint.rollback()
        current = (
            session.get(OrderRow, op.order_id, populate_existing=True)
            if op.order_id is not None
            else None
        )
        return OpResult(
            op_id=op.op_id,
            client_seq=op.client_seq,
            status=OpStatus.CONFLICT if error.code in CONFLICT_CODES else OpStatus.REJECTED,
            code=error.code,
            message=error.message,
            params=error.params,
            order_version=current.version if current is not None else None,
        )


def _apply(
    session: Session, db: Database, principal: Principal, op: Op, now: datetime
) -> tuple[OpStatus, int | None]:
    if op.kind == OpKind.PRESENCE:
        apply_presence(session, principal, parse_payload(op), now, op_id=str(op.op_id))
        return OpStatus.APPLIED, None
    if op.order_id is None:
        raise ServiceError(422, "invalid_input", "This change must name its order.")
    order = visible_order(
        session, principal, op.order_id, with_for_update=db.is_postgres, populate_existing=True
    )
    from_status = order.status
    settings = load_settings(session)
    flag: str | None = None
    if op.kind == OpKind.JOURNAL:
        # The call happened: always stored; the rulebook says what it changes.
        entry = record_journal(session, order, principal, op, now, settings)
        if entry is None:
            return OpStatus.DUPLICATE, order.version
        flag = entry.flag
    else:
        act = act_for_op(op.kind)
        if act is None:
            raise ServiceError(422, "invalid_input", f"{op.kind.value} does not apply to orders.")
        names = names_for_orders(session, [order])
        check_fence(
            order,
            principal,
            lease_epoch=op.lease_epoch,
            expected_version=op.expected_version,
            now=now,
            holder_name=names.get(order.lease_holder_id or 0, "?"),
            owner_name=names.get(order.owner_id or 0),
        )
        # Past the fence, a request with an epoch carries the current one.
        holds = op.lease_epoch is not None and order.lease_holder_id == principal.user_id
        situation = enforce(session, order, principal, act, now, settings, holds_lease=holds)
        if op.kind in EDIT_KINDS:
            apply_edit(session, order, principal, op, situation)
        else:
            apply_status_action(session, order, principal, op, situation)
    detail = audit_detail(op, order, from_status)
    if flag is not None:
        # Stored and shown to the lead, but the order did not change: its version
        # stays, so the holder's pending edits are not fenced off by someone else's call.
        detail["flag"] = flag
        record_audit(
            session,
            actor=principal,
            action="order.journal_flagged",
            entity="order",
            entity_id=order.id,
            at=now,
            op_id=str(op.op_id),
            detail=detail,
        )
        return OpStatus.APPLIED, order.version
    order.version += 1
    order.updated_at = now
    detail["version"] = order.version
    record_audit(
        session,
        actor=principal,
        action=f"order.{op.kind.value}",
        entity="order",
        entity_id=order.id,
        at=now,
        op_id=str(op.op_id),
        detail=detail,
    )
    publish_order(session, order, now, principal.user_id)
    return OpStatus.APPLIED, order.version


def audit_detail(op: Op, order: OrderRow, from_status: str) -> dict[str, object]:
    """What the audit row keeps of an op: the status move and what the op set
    (the order's history and the user's own history read it back)."""
    detail: dict[str, object] = {
        "version": order.version,
        "status": order.status,
        "from_status": from_status,
    }
    if op.kind == OpKind.CANCEL:
        # Why the customer cancelled, kept with who cancelled and when.
        detail["cancel_reason"] = order.cancel_reason
    elif op.kind == OpKind.CALLBACK and order.callback_at is not None:
        detail["callback_at"] = order.callback_at.isoformat()
    elif op.kind == OpKind.EDIT_LINES:
        detail["order_discount_pct"] = str(order.order_discount_pct)
        detail["free_delivery"] = order.free_delivery
        detail["total"] = str(order.total)
        # The lines' rescue discounts, so the history can say who granted which.
        detail["line_discounts"] = ";".join(
            f"{line.article_ref}={line.discount_pct}" for line in order.lines if line.discount_pct
        )
    elif op.kind == OpKind.SET_DELIVERY_DATE:
        detail["delivery_date"] = order.delivery_date.isoformat() if order.delivery_date else None
    elif op.kind == OpKind.JOURNAL:
        detail["outcome"] = op.payload.get("outcome")
        detail["channel"] = op.payload.get("channel")
    text = op.payload.get("text") or op.payload.get("note")
    if isinstance(text, str) and text and op.kind != OpKind.JOURNAL:
        detail["note"] = text[:200]
    return detail


def _duplicate_result(op: Op, seen: AppliedOp) -> OpResult:
    """The answer to an op already applied: what it did then, nothing applied now."""
    return OpResult(
        op_id=op.op_id,
        client_seq=op.client_seq,
        status=OpStatus.DUPLICATE,
        code="already_processed",
        message="This change was already received.",
        params={"original_status": seen.status},
        order_version=seen.result.get("order_version"),
    )


def apply_single(db: Database, principal: Principal, op: Op) -> OpResult:
    """One op outside a batch (``POST /orders/{id}/ops``): no device sequence, but
    ``op_id`` still makes a resend harmless."""
    with db.write() as session:
        now = db_now(session)
        seen = session.get(AppliedOp, op.op_id)
        if seen is not None:
            return _duplicate_result(op, seen)
        result = apply_op(session, db, principal, op, now)
        session.add(
            AppliedOp(
                op_id=op.op_id,
                user_id=principal.user_id,
                device_id=principal.device_id or "",
                client_seq=op.client_seq,
                status=result.status.value,
                result=result.model_dump(mode="json"),
                at=now,
            )
        )
        return result
