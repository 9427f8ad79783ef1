"""Push (batches of ops, idempotent) and pull (change log by cursor)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse

from core.wire.changes import PullPage
from core.wire.errors import ErrorBody
from core.wire.sync_ops import PushBatch, PushResult
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import CursorQuery
from server.services.change_log import assign_sequence, can_see_change, read_changes
from server.services.errors import ServiceError
from server.services.push_ops import push_batch

router = APIRouter(prefix="/sync", tags=["sync"], responses=ERROR_RESPONSES)


@router.post(
    "/push",
    response_model=PushResult,
    responses={422: {"model": ErrorBody, "description": "Key reused with another body"}},
)
def post_push(
    batch: PushBatch,
    db: DbDep,
    principal: PrincipalDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key", max_length=128)] = None,
) -> JSONResponse:
    """Apply the ops once; a replay of the key answers the first answer."""
    if not idempotency_key or not idempotency_key.strip():
        raise ServiceError(
            422, "idempotency_key_required", "Send an Idempotency-Key header with every push."
        )
    answer = push_batch(db, principal, batch, idempotency_key.strip())
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else None
    return JSONResponse(status_code=answer.status_code, content=answer.body, headers=headers)


@router.get("/pull", response_model=PullPage)
def get_pull(
    db: DbDep,
    principal: PrincipalDep,
    cursor: CursorQuery = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> PullPage:
    """Changes after ``cursor`` (see ``core.wire.changes``)."""
    assign_sequence(db)
    with db.read() as session:
        return read_changes(
            session, cursor=cursor, limit=limit, visible=lambda row: can_see_change(principal, row)
        )
