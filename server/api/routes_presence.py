"""Agent presence."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.presence import PresenceUpdate, PresenceWire
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.services.presence import set_presence, team_presence

router = APIRouter(prefix="/presence", tags=["presence"], responses=ERROR_RESPONSES)


@router.put("", response_model=PresenceWire)
def put_presence(body: PresenceUpdate, db: DbDep, principal: PrincipalDep) -> PresenceWire:
    return set_presence(db, principal, body)


@router.get("", response_model=list[PresenceWire])
def get_presence(db: DbDep, principal: PrincipalDep) -> list[PresenceWire]:
    with db.read() as session:
        return team_presence(session, principal)
