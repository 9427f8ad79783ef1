"""Reads the server's tables into ``ReportFacts`` for one scope and time window.

Sources: ``journal_entries`` (attempts), ``audit_log`` rows ``order.<disposition>``
written by the push in the same transaction as the change (dispositions, at
the server's clock), ``order_notes`` without a predefined code (free text).
A cancel's reason is the order's stored reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, String, cast, select
from sqlalchemy.orm import Session

from core.dispositions import Disposition
from server.db.models_orders import JournalRow, NoteRow, OrderRow
from server.db.models_sync import AuditRow
from server.db.models_users import User
from server.reports.report_facts import (
    AgentRef,
    AttemptFact,
    DispositionFact,
    NoteFact,
    ReportFacts,
)

#: Audit action of each disposition (``push_ops`` writes ``order.<op kind>``).
DISPOSITION_ACTIONS: dict[str, Disposition] = {f"order.{d.value}": d for d in Disposition}


@dataclass(frozen=True)
class ReportScope:
    """Whose figures: one team, or every team (``team_id`` None, admins only)."""

    team_id: int | None


def utc_window(zone: ZoneInfo, first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) in UTC covering local days ``first``..``last``."""
    start = datetime.combine(first, time(0), tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))


def scope_agents(session: Session, scope: ReportScope) -> dict[int, AgentRef]:
    """Every user of the scope's team (any role: leads take calls too)."""
    query = select(User)
    if scope.team_id is not None:
        query = query.where(User.team_id == scope.team_id)
    return {
        user.id: AgentRef(user.id, user.username, user.display_name, user.team_id, user.role)
        for user in session.execute(query).scalars()
    }


def load_facts(
    session: Session, scope: ReportScope, start: datetime, end: datetime
) -> ReportFacts:
    """Facts of the scope's users with a time in [start, end)."""
    agents = scope_agents(session, scope)
    ids = list(agents)
    if not ids:
        return ReportFacts({}, [], [], [])
    attempts = [
        AttemptFact(
            agent_id=row.agent_id, order_id=row.order_id, channel=row.channel,
            started_at=row.started_at, talk_seconds=float(row.talk_seconds),
            ring_seconds=float(row.ring_seconds), outcome=row.outcome,
        )
        for row in session.execute(
            _in_window(select(JournalRow), JournalRow.started_at, start, end).where(
                JournalRow.agent_id.in_(ids)
            )
        ).scalars()
    ]
    audit_rows = session.execute(
        _in_window(select(AuditRow, OrderRow.cancel_reason), AuditRow.at, start, end)
        # entity_id is text: join on the order id as text, the same on every backend.
        .join(OrderRow, AuditRow.entity_id == cast(OrderRow.id, String))
        .where(AuditRow.entity == "order")
        .where(AuditRow.action.in_(list(DISPOSITION_ACTIONS)))
        .where(AuditRow.user_id.in_(ids))
    ).all()
    dispositions = [
        DispositionFact(
            agent_id=int(audit.user_id or 0), order_id=int(audit.entity_id), at=audit.at,
            disposition=DISPOSITION_ACTIONS[audit.action],
            cancel_reason=reason if audit.action == "order.cancel" else None,
        )
        for audit, reason in audit_rows
    ]
    notes = [
        NoteFact(row.id, row.author_id, row.order_id, row.created_at, row.text)
        for row in session.execute(
            _in_window(select(NoteRow), NoteRow.created_at, start, end)
            .where(NoteRow.predefined_code.is_(None))
            .where(NoteRow.author_id.in_(ids))
        ).scalars()
    ]
    return ReportFacts(agents, attempts, dispositions, notes)


def _in_window(query: Select, column: Any, start: datetime, end: datetime) -> Select:
    return query.where(column >= start).where(column < end)

