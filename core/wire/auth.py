"""Login, the current user and user management."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from core.wire.base import Id, WireModel


class LoginRequest(WireModel):
    """``POST /api/v1/auth/login``."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str | None = Field(
        default=None, max_length=64, description="Stable id of the desk, goes to the audit"
    )


class UserInfo(WireModel):
    """A user as others see it. ``role`` is a ``core.order_transitions.Role`` value."""

    id: int
    username: str
    display_name: str
    role: str
    team_id: int | None = None
    team_name: str | None = None
    active: bool = True


class LoginResponse(WireModel):
    """A bearer token (send as ``Authorization: Bearer <token>``) and who it belongs to."""

    token: str
    token_id: int
    expires_at: datetime | None = None
    user: UserInfo


#: The shortest password an admin may set for a new user or a user may choose.
MIN_PASSWORD_LENGTH = 8


class CreateUserRequest(WireModel):
    """``POST /api/v1/users`` (admin)."""

    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)
    role: str = Field(description="agent | lead | admin")
    team_id: Id | None = None


class TeamInfo(WireModel):
    """A team and its lead."""

    id: int
    name: str
    lead_id: int | None = None


class CreateTeamRequest(WireModel):
    """``POST /api/v1/teams`` (admin)."""

    name: str = Field(min_length=1, max_length=100)


class PasswordChangeRequest(WireModel):
    """``POST /auth/password``: a user changes their own password."""

    old_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)
