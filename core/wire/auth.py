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
    must_change_password: bool = Field(
        default=False,
        description="An admin reset the password: only POST /auth/password works until changed",
    )


class CreateUserRequest(WireModel):
    """``POST /api/v1/users`` (admin)."""

    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(min_length=1, max_length=128)
    password: str = Field(
        min_length=1, max_length=256, description="Checked against the password policy"
    )
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
    new_password: str = Field(
        min_length=1, max_length=256, description="Checked against the password policy"
    )


class PasswordResetRequest(WireModel):
    """``POST /api/v1/users/{id}/password`` (admin): a temporary password the user
    must change at the next sign-in; generated (and answered once) when absent."""

    new_password: str | None = Field(default=None, min_length=1, max_length=256)


class PasswordResetResult(WireModel):
    """The temporary password when the server generated it, and the tokens revoked."""

    generated_password: str | None = None
    revoked_tokens: int = 0


class AccountChange(WireModel):
    """The user after a deactivation, reactivation or revocation, and the tokens revoked."""

    user: UserInfo
    revoked_tokens: int = 0
