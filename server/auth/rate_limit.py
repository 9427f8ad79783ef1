"""Failed-password throttling kept in the database (so it holds across processes).

Growing delays instead of a hard lock: past a few free failures, each key must
wait ``first_delay * 2 ** (failures - free)`` seconds (at most 15 minutes)
after its last failure; attempts made while waiting are answered 429 without
checking the password, and are not counted.

Logins are counted per user name *and address* (an attacker at one desk cannot
lock an agent out of another desk) and per address (one desk cannot try many
users); the password change of a signed-in user per user name. An office
behind a proxy gets one address per desk from ``X-Forwarded-For`` once the
proxy is trusted (``hatif-server serve --forwarded-allow-ips``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.db.models_users import LoginFailure

MAX_DELAY_S = 15 * 60.0
WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Allowance:
    """How many failures a kind of key gets free, then the first delay."""

    free: int
    first_delay_s: float


ALLOWANCES = {
    "pair": Allowance(free=5, first_delay_s=2.0),
    "addr": Allowance(free=50, first_delay_s=2.0),
    "user": Allowance(free=10, first_delay_s=60.0),
}


def failure_keys(username: str, client_address: str | None) -> list[str]:
    """Keys of a login (user name at address, address) or, without an address,
    of a signed-in user's password check (user name)."""
    name = username.strip().casefold()
    if client_address is None:
        return [f"user:{name}"]
    return [f"pair:{name}@{client_address}", f"addr:{client_address}"]


def _delay(key: str, failures: int) -> float:
    allowance = ALLOWANCES[key.split(":", 1)[0]]
    if failures < allowance.free:
        return 0.0
    return min(allowance.first_delay_s * 2 ** (failures - allowance.free), MAX_DELAY_S)


def wait_seconds(session: Session, keys: list[str], now: datetime) -> int:
    """Whole seconds to wait before the next attempt may be checked (0: go ahead)."""
    rows = session.execute(
        select(LoginFailure.key, func.count(), func.max(LoginFailure.at))
        .where(LoginFailure.key.in_(keys), LoginFailure.at > now - WINDOW)
        .group_by(LoginFailure.key)
    ).all()
    wait = 0.0
    for key, failures, last in rows:
        remaining = _delay(key, int(failures)) - (now - last).total_seconds()
        wait = max(wait, remaining)
    return math.ceil(wait) if wait > 0 else 0


def record_failure(session: Session, keys: list[str], now: datetime) -> dict[str, int]:
    """Count one failure for each key; the keys that must now wait, with their delay (s)."""
    for key in keys:
        session.add(LoginFailure(key=key, at=now))
    session.flush()
    counts: dict[str, int] = {
        key: int(count)
        for key, count in session.execute(
            select(LoginFailure.key, func.count())
            .where(LoginFailure.key.in_(keys), LoginFailure.at > now - WINDOW)
            .group_by(LoginFailure.key)
        ).all()
    }
    # Keep the table small: older failures no longer count.
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - WINDOW))
    return {key: math.ceil(_delay(key, int(n))) for key, n in counts.items() if _delay(key, int(n))}


def forget_failures(session: Session, keys: list[str]) -> None:
    """A correct password clears the user's own counts (not the address's)."""
    own = [key for key in keys if not key.startswith("addr:")]
    if own:
        session.execute(delete(LoginFailure).where(LoginFailure.key.in_(own)))
