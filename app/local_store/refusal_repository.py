"""Ops the server refused, kept for the agent until acknowledged (never deleted silently)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from app.local_store import schema
from app.local_store.store_database import StoreDatabase
from sync.sync_store import RefusalNotice


class RefusalRepository:
    """Read and acknowledge refusals (conflicts / rejections)."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database

    def refusals(
        self, *, order_id: int | None = None, include_acknowledged: bool = False
    ) -> list[RefusalNotice]:
        conflicts = schema.conflicts
        query = select(conflicts).order_by(conflicts.c.id.desc())
        if order_id is not None:
            query = query.where(conflicts.c.order_id == order_id)
        if not include_acknowledged:
            query = query.where(conflicts.c.acknowledged_at.is_(None))
        with self._db.reader.connect() as connection:
            return [
                RefusalNotice(
                    id=row["id"],
                    op_id=row["op_id"],
                    client_seq=row["client_seq"],
                    order_id=row["order_id"],
                    kind=row["kind"],
                    status=row["status"],
                    code=row["code"],
                    params=json.loads(row["params"]),
                    message=row["message"],
                    created_at=row["created_at"],
                    acknowledged=row["acknowledged_at"] is not None,
                )
                for row in connection.execute(query).mappings()
            ]

    def unacknowledged_count(self) -> int:
        conflicts = schema.conflicts
        with self._db.reader.connect() as connection:
            return int(
                connection.execute(
                    select(func.count())
                    .select_from(conflicts)
                    .where(conflicts.c.acknowledged_at.is_(None))
                ).scalar()
                or 0
            )

    def acknowledge(self, refusal_id: int) -> None:
        """The agent has read it; it stays in the order's timeline."""
        with self._db.writer.begin() as connection:
            connection.execute(
                update(schema.conflicts)
                .where(schema.conflicts.c.id == refusal_id)
                .values(acknowledged_at=datetime.now(UTC).isoformat(timespec="microseconds"))
            )

    def op_payload(self, refusal_id: int) -> dict[str, object]:
        """What the agent had entered (to redo it by hand if wanted)."""
        with self._db.reader.connect() as connection:
            raw = connection.execute(
                select(schema.conflicts.c.op_payload).where(schema.conflicts.c.id == refusal_id)
            ).scalar()
        return json.loads(raw) if raw else {}
