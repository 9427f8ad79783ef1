"""The stock ledger of an article (leads and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from core.wire.stock import StockMovementWire
from server.api.deps import ERROR_RESPONSES, DbDep, SupervisorDep
from server.services.stock_ledger import article_movements

router = APIRouter(tags=["catalogue"], responses=ERROR_RESPONSES)


@router.get("/articles/{ref}/stock-movements", response_model=list[StockMovementWire])
def get_stock_movements(
    ref: str,
    db: DbDep,
    principal: SupervisorDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[StockMovementWire]:
    """Every movement of the article's variants, newest first: why its stock is what
    ``/articles`` says (the level is the sum of the movements)."""
    with db.read() as session:
        return article_movements(session, ref, principal, limit=limit)
