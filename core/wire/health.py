"""``GET /api/v1/health``."""

from __future__ import annotations

from datetime import datetime

from core.wire.base import WireModel


class Health(WireModel):
    """The server is up; which version, which database, database clock."""

    status: str = "ok"
    version: str
    api: str = "v1"
    database: str
    database_time: datetime
    last_change_seq: int = 0
