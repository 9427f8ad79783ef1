"""Order intake: CSV import (lead / admin) and the signed shop webhook.

Both do their expensive work (parsing the sheet, checking the signature and
the body) before the write transaction opens: other writers never wait on a
hostile file or a forged webhook.
"""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import ValidationError

from core.wire.intake import ImportReport, WebhookOrder, WebhookResult
from server.api.deps import ERROR_RESPONSES, DbDep, SupervisorDep
from server.auth.principal import Principal
from server.db.session import Database
from server.services.csv_import import Catalogue, apply_sheet, parse_sheet
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.settings_store import load_settings, load_webhook_secret
from server.services.webhook import accept_webhook_order, remember_event
from server.services.webhook_signature import check_signature

router = APIRouter(tags=["intake"], responses=ERROR_RESPONSES)

MAX_CSV_BYTES = 20 * 1024 * 1024


@router.post(
    "/import/orders",
    response_model=ImportReport,
    responses={413: {"description": "The file is larger than the import limit (20 MB)"}},
    openapi_extra={
        "requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}, "required": True}
    },
)
async def post_import(request: Request, db: DbDep, principal: SupervisorDep) -> ImportReport:
    """Body: the CSV file as sent by the shop (any encoding the sheet uses).
    The size limit (``--max-import-mb``) is enforced while the body streams in."""
    data = await request.body()
    return await asyncio.to_thread(_import_sync, db, principal, data)


def _import_sync(db: Database, principal: Principal, data: bytes) -> ImportReport:
    # A read transaction (articles' variants load lazily while rows match):
    # writers go on meanwhile.
    with db.read() as session:
        region = load_settings(session).default_region
        parsed = parse_sheet(data, Catalogue.load(session), region)
    with db.write() as session:
        return apply_sheet(session, parsed, now=db_now(session), actor=principal)


@router.post(
    "/webhooks/orders",
    response_model=WebhookResult,
    responses={
        409: {"description": "This event id was received already (replay)"},
        413: {"description": "Body larger than 1 MB"},
    },
    openapi_extra={
        "requestBody": {
            "content": {"application/json": {"schema": WebhookOrder.model_json_schema()}},
            "required": True,
        }
    },
)
async def post_webhook(
    request: Request,
    db: DbDep,
    signature: Annotated[str | None, Header(alias="X-Hatif-Signature", max_length=400)] = None,
) -> WebhookResult:
    """``X-Hatif-Signature: t=<unix s>,id=<event id>,v1=<hex HMAC-SHA256>`` over
    ``"{t}.{id}." + body`` (see docs/api.md)."""
    body = await request.body()
    return await asyncio.to_thread(_webhook_sync, db, body, signature)


def _webhook_sync(db: Database, body: bytes, signature: str | None) -> WebhookResult:
    with db.read() as session:
        secret = load_webhook_secret(session)
    event = check_signature(secret, body, signature, time.time())
    try:
        order = WebhookOrder.model_validate_json(body)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ServiceError(
            422, "invalid_input", f"Invalid order ({field}: {first['msg']}).", {"field": field}
        ) from None
    with db.write() as session:
        now = db_now(session)
        remember_event(session, event.event_id, now)
        return accept_webhook_order(session, order, now, load_settings(session).default_region)
