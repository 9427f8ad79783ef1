"""The shop's clock: its time zone, its day and its hour slots.

Every figure that says "today" or "at 10h" (wallboard, reports, the agent's own
dashboard) counts in the shop's time zone, never the server's UTC day nor the
desk's clock, so a lead and an agent in the same shop read the same numbers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "Africa/Casablanca"


def shop_zone(name: str) -> ZoneInfo:
    """The zone named ``name``; ``ValueError`` when it is not a known IANA zone."""
    if not name or len(name) > 64:
        raise ValueError(f"{name!r} is not a time zone")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # ZoneInfo raises ValueError for paths, OSError for odd file names.
        raise ValueError(f"{name!r} is not a time zone") from None


def day_start(now: datetime, zone: ZoneInfo) -> datetime:
    """Midnight of ``now``'s local day in ``zone``, as an aware UTC moment."""
    local = now.astimezone(zone)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    # Through the wall clock again, so a DST change during the day keeps the right offset.
    return datetime(midnight.year, midnight.month, midnight.day, tzinfo=zone).astimezone(UTC)


def local_hour(moment: datetime, zone: ZoneInfo) -> int:
    """The hour slot (0-23) of an aware moment in ``zone``; naive moments are UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone).hour
