"""Users, teams, bearer tokens and failed-login records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db.base import Base


class Team(Base):
    """A team of agents led by a lead."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # No foreign key: teams and users would reference each other (a cycle).
    lead_id: Mapped[int | None]


class User(Base):
    """An agent, lead or admin. ``role`` holds a ``core`` Role value."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    # Set by an admin's password reset: only the password change works until then.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    team: Mapped[Team | None] = relationship(foreign_keys=[team_id], lazy="joined")


class ApiToken(Base):
    """A bearer token; only its SHA-256 is stored. Revoked tokens stay for the audit."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # Refreshed at most every few minutes (``sessions.TOUCH_EVERY``) for the idle timeout.
    last_used_at: Mapped[datetime | None]


class LoginFailure(Base):
    """One failed login, kept a little while for the rate limit (per user, per address)."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]
