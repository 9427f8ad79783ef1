"""The team lead's wallboard snapshot."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.wallboard import WallboardSnapshot
from server.api.deps import ERROR_RESPONSES, DbDep, SupervisorDep
from server.services.wallboard import wallboard_snapshot

router = APIRouter(tags=["wallboard"], responses=ERROR_RESPONSES)


@router.get("/wallboard", response_model=WallboardSnapshot)
def get_wallboard(db: DbDep, principal: SupervisorDep) -> WallboardSnapshot:
    with db.read() as session:
        return wallboard_snapshot(session, principal)
