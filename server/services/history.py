"""Histories read back from the audit trail and the journal.

- An order's history: every audited change of the order, oldest first, with the
  status before and after (older audit rows without ``from_status`` take it from
  the row before).
- A user's own history: their contact attempts (journal) and what they did to
  orders (dispositions, notes, edits, escalations), newest first, paged by time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.wire.history import OrderHistoryEntry, OwnHistoryEntry
from server.auth.principal import Principal
from server.db.models_orders import JournalRow, OrderRow
from server.db.models_sync import AuditRow
from server.services.order_access import visible_order
from server.services.users import display_names

ORDER_PREFIX = "order."
# Bookkeeping, not something the user did to the order (journal rows come from
# the journal table with their outcome and talk time).
_NOT_OWN_ACTIONS = frozenset(
    {"order.claim", "order.release", "order.journal", "order.journal_flagged"}
)
_INTERNAL_DETAIL = frozenset({"version", "status", "from_status"})


def _action(audit_action: str) -> str:
    return audit_action.removeprefix(ORDER_PREFIX)


def _public_detail(detail: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in detail.items() if key not in _INTERNAL_DETAIL}


def order_history(
    session: Session, principal: Principal, order_id: int
) -> list[OrderHistoryEntry]:
    """The order's audited changes, oldest first (404 like ``GET /orders/{id}``)."""
    visible_order(session, principal, order_id)
    rows = list(
        session.execute(
            select(AuditRow)
            .where(AuditRow.entity == "order", AuditRow.entity_id == str(order_id))
            .order_by(AuditRow.at, AuditRow.id)
        ).scalars()
    )
    names = display_names(session, {row.user_id for row in rows if row.user_id is not None})
    entries: list[OrderHistoryEntry] = []
    status: str | None = None
    for row in rows:
        detail = dict(row.detail or {})
        to_status = detail.get("status") or status
        from_status = detail.get("from_status") or status
        entries.append(
            OrderHistoryEntry(
                at=row.at,
                actor_id=row.user_id,
                actor_name=names.get(row.user_id, "") if row.user_id else "",
                action=_action(row.action),
                from_status=from_status,
                to_status=to_status,
                detail=_public_detail(detail),
            )
        )
        status = to_status
    return entries


def own_history(
    session: Session, principal: Principal, *, limit: int, before: datetime | None
) -> list[OwnHistoryEntry]:
    """The caller's attempts and order actions, newest first, at most ``limit``."""
    journal_query = select(JournalRow).where(JournalRow.agent_id == principal.user_id)
    audit_query = select(AuditRow).where(
        AuditRow.user_id == principal.user_id,
        AuditRow.entity == "order",
        AuditRow.action.not_in(sorted(_NOT_OWN_ACTIONS)),
    )
    if before is not None:
        journal_query = journal_query.where(JournalRow.started_at < before)
        audit_query = audit_query.where(AuditRow.at < before)
    journal = session.execute(
        journal_query.order_by(JournalRow.started_at.desc()).limit(limit)
    ).scalars()
    audits = session.execute(
        audit_query.order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
    ).scalars()
    entries: list[OwnHistoryEntry] = [
        OwnHistoryEntry(
            at=row.started_at,
            order_id=row.order_id,
            action="attempt",
            outcome=row.outcome,
            channel=row.channel,
            talk_seconds=row.talk_seconds,
            detail={"ring_seconds": row.ring_seconds, "number": row.number},
        )
        for row in journal
    ]
    for row in audits:
        order_id = int(row.entity_id) if row.entity_id.isdigit() else None
        detail = dict(row.detail or {})
        entries.append(
            OwnHistoryEntry(
                at=row.at,
                order_id=order_id,
                action=_action(row.action),
                detail={
                    **_public_detail(detail),
                    "from_status": detail.get("from_status"),
                    "to_status": detail.get("status"),
                },
            )
        )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    entries = entries[:limit]
    references = _references(
        session, {entry.order_id for entry in entries if entry.order_id is not None}
    )
    for entry in entries:
        if entry.order_id is not None:
            entry.order_reference = references.get(entry.order_id)
    return entries


def _references(session: Session, order_ids: set[int]) -> dict[int, str]:
    if not order_ids:
        return {}
    rows = session.execute(
        select(OrderRow.id, OrderRow.reference).where(OrderRow.id.in_(order_ids))
    )
    return {order_id: reference for order_id, reference in rows}
