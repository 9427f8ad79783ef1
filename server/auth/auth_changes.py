"""Announcing that a user's sign-in state changed, so cached tokens are dropped.

Called in the transaction that revokes tokens, deactivates a user or changes a
password. The user ids ride on the session until commit
(``Database.on_auth_changed`` then tells this process's token cache); on
PostgreSQL a ``NOTIFY`` on ``AUTH_CHANNEL``, delivered at the same commit, tells
every other server process (the change hub listens to it).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from server.db.session import AUTH_CHANGED

AUTH_CHANNEL = "hatif_auth"


def announce_auth_change(session: Session, user_id: int) -> None:
    """Tokens of ``user_id`` must be looked up afresh once this transaction commits."""
    session.info.setdefault(AUTH_CHANGED, set()).add(user_id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :user)"),
            {"channel": AUTH_CHANNEL, "user": str(user_id)},
        )


def parse_auth_notice(payload: str) -> int | None:
    """The user id a notification carries (None for anything else)."""
    return int(payload) if payload.isdigit() else None
