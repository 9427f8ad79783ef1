"""Team settings: every member reads their own team's; its lead or an admin writes
them. Another team's settings are the same 404 as a team that does not exist."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.catalogue import TeamSettingsWire
from core.wire.changes import ChangeEntity
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep, SupervisorDep
from server.api.params import TeamId
from server.db.models_users import Team
from server.services.audit import record_audit
from server.services.change_log import append_change
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.team_settings import load_team_settings, save_team_settings

router = APIRouter(tags=["teams"], responses=ERROR_RESPONSES)


@router.get("/team-settings", response_model=TeamSettingsWire)
def get_my_team_settings(db: DbDep, principal: PrincipalDep) -> TeamSettingsWire:
    """The caller's team's settings (defaults for a user without a team)."""
    with db.read() as session:
        return load_team_settings(session, principal.team_id)


@router.put("/teams/{team_id}/settings", response_model=TeamSettingsWire)
def put_team_settings(
    team_id: TeamId, body: TeamSettingsWire, db: DbDep, principal: SupervisorDep
) -> TeamSettingsWire:
    """Replace a team's settings; its desks receive them live (change log, team only)."""
    with db.write() as session:
        if not principal.sees_team(team_id) or session.get(Team, team_id) is None:
            raise ServiceError(404, "not_found", "No such team.", {"team_id": team_id})
        now = db_now(session)
        save_team_settings(session, team_id, body)
        record_audit(
            session,
            actor=principal,
            action="team_settings.put",
            entity="team",
            entity_id=team_id,
            at=now,
        )
        append_change(
            session,
            entity=ChangeEntity.TEAM_SETTINGS,
            entity_id=team_id,
            payload=body.model_dump(mode="json"),
            at=now,
            team_id=team_id,
            user_id=principal.user_id,
        )
    return body
