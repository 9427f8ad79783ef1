"""Histories: what happened to an order, what the caller did."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query

from core.wire.history import OrderHistoryEntry, OwnHistoryEntry
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import OrderId
from server.services.errors import ServiceError
from server.services.history import order_history, own_history

router = APIRouter(tags=["history"], responses=ERROR_RESPONSES)


@router.get("/orders/{order_id}/history", response_model=list[OrderHistoryEntry])
def get_order_history(
    order_id: OrderId, db: DbDep, principal: PrincipalDep
) -> list[OrderHistoryEntry]:
    """The order's audited changes (status moves, edits, escalations), oldest first."""
    with db.read() as session:
        return order_history(session, principal, order_id)


def _as_utc(moment: datetime) -> datetime:
    """The time in UTC (a time without zone is taken as UTC); 422 when it falls
    outside the calendar once moved to UTC (year 1 with a positive offset...)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ServiceError(
            422, "invalid_input", "This time is out of range.", {"field": "before"}
        ) from None


@router.get("/me/history", response_model=list[OwnHistoryEntry])
def get_own_history(
    db: DbDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before: Annotated[datetime | None, Query(description="Only entries before this time")] = None,
) -> list[OwnHistoryEntry]:
    """The caller's attempts, dispositions, notes, edits and escalations, newest first;
    page back with ``before`` = the oldest ``at`` already shown."""
    if before is not None:
        before = _as_utc(before)
    with db.read() as session:
        return own_history(session, principal, limit=limit, before=before)
