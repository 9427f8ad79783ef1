"""Failed-login rate limit kept in the database (so it holds across processes).

Ten failures per user name, or per client address, within a minute are
allowed; the eleventh attempt is answered 429 without checking the password.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.db.models_users import LoginFailure

MAX_FAILURES = 10
WINDOW = timedelta(minutes=1)


def failure_keys(username: str, client_address: str | None) -> list[str]:
    keys = [f"user:{username.strip().casefold()}"]
    if client_address:
        keys.append(f"addr:{client_address}")
    return keys


def too_many_failures(session: Session, keys: list[str], now: datetime) -> bool:
    count = session.execute(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.key.in_(keys), LoginFailure.at > now - WINDOW)
        .group_by(LoginFailure.key)
        .order_by(func.count().desc())
        .limit(1)
    ).scalar()
    return (count or 0) >= MAX_FAILURES


def record_failure(session: Session, keys: list[str], now: datetime) -> None:
    for key in keys:
        session.add(LoginFailure(key=key, at=now))
    # Keep the table small: older failures no longer count.
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - 10 * WINDOW))
