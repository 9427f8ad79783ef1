"""Users and teams: creation, lookup, names for display."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.order_transitions import Role
from core.wire.auth import TeamInfo, UserInfo
from server.auth.password_rules import require_strong_password
from server.auth.passwords import hash_password
from server.db.models_users import Team, User
from server.services.errors import ServiceError


def user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        team_id=user.team_id,
        team_name=user.team.name if user.team else None,
        active=user.active,
    )


def team_info(team: Team) -> TeamInfo:
    return TeamInfo(id=team.id, name=team.name, lead_id=team.lead_id)


def create_team(session: Session, name: str) -> Team:
    if session.execute(select(Team).where(Team.name == name)).scalar():
        raise ServiceError(
            409, "team_exists", f"A team named {name!r} already exists.", {"name": name}
        )
    team = Team(name=name)
    session.add(team)
    session.flush()
    return team


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    password: str,
    role: Role,
    team_id: int | None,
    now: datetime,
    check_password: bool = True,
) -> User:
    """A new active user (refused if the name is taken, the team unknown or the
    password weak; ``check_password`` False only for the demo shop's documented password)."""
    if check_password:
        require_strong_password(password, username)
    if session.execute(select(User).where(User.username == username)).scalar():
        raise ServiceError(
            409, "username_taken", f"The user name {username!r} is taken.", {"username": username}
        )
    if team_id is not None and session.get(Team, team_id) is None:
        raise ServiceError(
            422, "unknown_team", f"There is no team {team_id}.", {"team_id": team_id}
        )
    user = User(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        role=role.value,
        team_id=team_id,
        active=True,
        created_at=now,
    )
    session.add(user)
    session.flush()
    if role == Role.LEAD and team_id is not None:
        team = session.get(Team, team_id)
        if team is not None and team.lead_id is None:
            team.lead_id = user.id
    return user


def display_names(session: Session, user_ids: set[int]) -> dict[int, str]:
    """Display names of the given users (for holder / owner names)."""
    if not user_ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
    return {row.id: row.display_name for row in rows}
