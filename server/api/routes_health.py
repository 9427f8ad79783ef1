"""GET /api/v1/health — up, version, database clock."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.health import Health
from server.api.deps import DbDep
from server.services.change_log import last_sequence
from server.services.db_clock import db_now
from server.version import server_version

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(db: DbDep) -> Health:
    with db.read() as session:
        return Health(
            version=server_version(),
            database=db.dialect,
            database_time=db_now(session),
            last_change_seq=last_sequence(session),
        )
