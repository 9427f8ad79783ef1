"""The team's presence (available, in call, paused...) as the event stream last told it."""

from __future__ import annotations

from sqlalchemy import select

from app.local_store import schema
from app.local_store.store_database import StoreDatabase
from core.wire.presence import PresenceWire


class PresenceRepository:
    """Read-only view of the ``presence`` table."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database

    def team_presence(self) -> list[PresenceWire]:
        with self._db.reader.connect() as connection:
            rows = connection.execute(
                select(schema.presence.c.payload).order_by(schema.presence.c.user_id)
            ).scalars()
            return [PresenceWire.model_validate_json(raw) for raw in rows]

    def of_user(self, user_id: int) -> PresenceWire | None:
        with self._db.reader.connect() as connection:
            raw = connection.execute(
                select(schema.presence.c.payload).where(schema.presence.c.user_id == user_id)
            ).scalar()
        return PresenceWire.model_validate_json(raw) if raw else None
