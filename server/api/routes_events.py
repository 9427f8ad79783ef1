"""GET /api/v1/events — the change log as Server-Sent Events.

``id:`` is the change's ``seq``; a client reconnecting with ``Last-Event-ID``
(or ``?cursor=``) gets every change after it, in order, once. A comment line
every few seconds keeps proxies from closing an idle stream. A stream whose
token is revoked (or expires, or whose user is deactivated) ends within a few
seconds; the client's reconnect then gets 401.

Streams are capped per user and per process (429 ``too_many_streams``, 503
``server_busy``), and a client that stops reading is dropped after the write
timeout (``server.config``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse

from core.wire.changes import PullPage
from server.api.deps import ERROR_RESPONSES, DbDep, HubDep, PrincipalDep
from server.api.params import CursorQuery
from server.api.sse_response import CappedEventStream
from server.auth.principal import Principal
from server.db.session import Database
from server.services.change_log import can_see_change, read_changes
from server.services.errors import ServiceError
from server.services.recent_changes import sse_frame
from server.services.sse_events import ChangeHub
from server.services.stream_slots import StreamSlots
from server.services.stream_wakeups import interest_of

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)

KEEPALIVE_SECONDS = 10.0
PAGE = 500
# The probe's two lines are this far apart; see get_events_probe.
PROBE_GAP_SECONDS = 0.5


def _page(db: Database, principal: Principal, cursor: int) -> PullPage:
    with db.read() as session:
        return read_changes(
            session, cursor=cursor, limit=PAGE, visible=lambda row: can_see_change(principal, row)
        )


async def _stream(
    request: Request, db: Database, hub: ChangeHub, principal: Principal, cursor: int
) -> AsyncIterator[str]:
    with hub.watching(principal.token_id):
        async for chunk in _changes(request, db, hub, principal, cursor):
            yield chunk


async def _changes(
    request: Request, db: Database, hub: ChangeHub, principal: Principal, cursor: int
) -> AsyncIterator[str]:
    yield "retry: 2000\n\n"
    while True:
        if await request.is_disconnected():
            return
        if hub.closing:
            # The client reconnects after `retry`, to this server once it is back or
            # to another worker behind the proxy, and resumes from its cursor.
            yield ": server stopping\n\n"
            return
        if hub.token_ended(principal.token_id):
            yield ": session ended\n\n"
            return
        recent = hub.recent
        if recent.covers(cursor):
            # The common case: the hub already read these changes for every stream.
            # ``end`` is taken first: the window may grow while the frames go out.
            end, frames = recent.end, recent.after(cursor, principal)
            for frame in frames:
                yield frame
            cursor = end
        else:
            page = await asyncio.to_thread(_page, db, principal, cursor)
            if page.reset_required:
                data = json.dumps({"next_cursor": page.next_cursor})
                yield f"event: reset\ndata: {data}\n\n"
                cursor = page.next_cursor
                continue
            for change in page.changes:
                yield sse_frame(change.seq, change.entity.value, change.model_dump_json())
            cursor = page.next_cursor
            if page.has_more:
                continue
        woken = await hub.wait_for_change(
            cursor, KEEPALIVE_SECONDS, principal.token_id, interest_of(principal)
        )
        if not woken:
            yield ": keepalive\n\n"


async def _probe() -> AsyncIterator[str]:
    yield ": probe 1\n\n"
    await asyncio.sleep(PROBE_GAP_SECONDS)
    yield ": probe 2\n\n"


@router.get(
    "/events/probe",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "SSE probe"}},
)
async def get_events_probe() -> StreamingResponse:
    """Two comment lines half a second apart, then the end; no sign-in needed.

    The desk's self-test reads it through whatever sits between desk and server: a
    proxy that buffers the event stream hands both lines over together at the end,
    which is what desks would see as changes arriving late and in bursts.
    """
    return StreamingResponse(
        _probe(), media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "SSE stream"},
        429: {"description": "Too many streams open for this user"},
        503: {"description": "Too many streams open on this server"},
    },
)
async def get_events(
    request: Request,
    db: DbDep,
    hub: HubDep,
    principal: PrincipalDep,
    cursor: CursorQuery | None = None,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID", max_length=20)] = None,
) -> StreamingResponse:
    start = cursor if cursor is not None else hub.last_seq
    if last_event_id:
        try:
            start = int(last_event_id)
        except ValueError:
            raise ServiceError(
                422, "invalid_input", "Last-Event-ID must be a change number."
            ) from None
        if start < 0:
            raise ServiceError(422, "invalid_input", "Last-Event-ID must be a change number.")
    slots: StreamSlots = request.app.state.stream_slots
    slots.acquire(principal.user_id)
    return CappedEventStream(
        _stream(request, db, hub, principal, start),
        release=lambda: slots.release(principal.user_id),
        write_timeout_s=request.app.state.config.sse_write_timeout_s,
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
