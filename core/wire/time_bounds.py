"""Dates and times the protocol accepts: within a plausible calendar.

Year 9999 passes a date parser but overflows as soon as the server adds a day
or moves it to another time zone; bounding here turns it into a 422.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)


def _day_within(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}")
    return value


def _moment_within(value: datetime) -> datetime:
    try:
        in_utc = value if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the calendar's end in UTC
        in_utc = datetime.max
    _day_within(in_utc.date())
    return value


PlausibleDay = Annotated[date, AfterValidator(_day_within)]
PlausibleMoment = Annotated[datetime, AfterValidator(_moment_within)]
