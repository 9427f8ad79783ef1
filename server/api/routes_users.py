"""Users and teams (leads read their team, admins manage everything)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from core.order_transitions import Role
from core.wire.auth import CreateTeamRequest, CreateUserRequest, TeamInfo, UserInfo
from server.api.deps import ERROR_RESPONSES, AdminDep, DbDep, SupervisorDep
from server.db.models_users import Team, User
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.users import create_team, create_user, team_info, user_info

router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


@router.get("/users", response_model=list[UserInfo])
def list_users(db: DbDep, principal: SupervisorDep) -> list[UserInfo]:
    with db.read() as session:
        query = select(User).order_by(User.username)
        if not principal.is_admin:
            query = query.where(User.team_id == principal.team_id)
        return [user_info(user) for user in session.execute(query).scalars()]


@router.post("/users", response_model=UserInfo, status_code=201)
def post_user(body: CreateUserRequest, db: DbDep, principal: AdminDep) -> UserInfo:
    try:
        role = Role(body.role)
    except ValueError:
        raise ServiceError(
            422,
            "invalid_role",
            f"{body.role!r} is not a role (agent, lead, admin).",
            {"role": body.role},
        ) from None
    with db.write() as session:
        now = db_now(session)
        user = create_user(
            session,
            username=body.username,
            display_name=body.display_name,
            password=body.password,
            role=role,
            team_id=body.team_id,
            now=now,
        )
        record_audit(
            session, actor=principal, action="user.create", entity="user", entity_id=user.id, at=now
        )
        session.refresh(user)
        return user_info(user)


@router.get("/teams", response_model=list[TeamInfo])
def list_teams(db: DbDep, principal: SupervisorDep) -> list[TeamInfo]:
    with db.read() as session:
        query = select(Team).order_by(Team.name)
        if not principal.is_admin:
            query = query.where(Team.id == principal.team_id)
        return [team_info(team) for team in session.execute(query).scalars()]


@router.post("/teams", response_model=TeamInfo, status_code=201)
def post_team(body: CreateTeamRequest, db: DbDep, principal: AdminDep) -> TeamInfo:
    with db.write() as session:
        now = db_now(session)
        team = create_team(session, body.name)
        record_audit(
            session, actor=principal, action="team.create", entity="team", entity_id=team.id, at=now
        )
        return team_info(team)
