"""Order intake: CSV import (lead / admin) and the signed shop webhook."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import ValidationError

from core.wire.intake import ImportReport, WebhookOrder, WebhookResult
from server.api.deps import ERROR_RESPONSES, DbDep, SupervisorDep
from server.auth.principal import Principal
from server.db.session import Database
from server.services.csv_import import import_csv
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.settings_store import load_settings, load_webhook_secret
from server.services.webhook import accept_webhook_order, check_signature

router = APIRouter(tags=["intake"], responses=ERROR_RESPONSES)

MAX_CSV_BYTES = 20 * 1024 * 1024


@router.post(
    "/import/orders",
    response_model=ImportReport,
    openapi_extra={
        "requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}, "required": True}
    },
)
async def post_import(request: Request, db: DbDep, principal: SupervisorDep) -> ImportReport:
    """Body: the CSV file as sent by the shop (any encoding the sheet uses)."""
    data = await request.body()
    if len(data) > MAX_CSV_BYTES:
        raise ServiceError(413, "file_too_large", "The file is larger than 20 MB.")
    return await _run_import(db, principal, data)


async def _run_import(db: Database, principal: Principal, data: bytes) -> ImportReport:
    return await asyncio.to_thread(_import_sync, db, principal, data)


def _import_sync(db: Database, principal: Principal, data: bytes) -> ImportReport:
    with db.write() as session:
        now = db_now(session)
        settings = load_settings(session)
        return import_csv(session, data, now=now, actor=principal, region=settings.default_region)


@router.post(
    "/webhooks/orders",
    response_model=WebhookResult,
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
    signature: Annotated[str | None, Header(alias="X-Hatif-Signature", max_length=200)] = None,
) -> WebhookResult:
    body = await request.body()
    return await _run_webhook(db, body, signature)


async def _run_webhook(db: Database, body: bytes, signature: str | None) -> WebhookResult:
    return await asyncio.to_thread(_webhook_sync, db, body, signature)


def _webhook_sync(db: Database, body: bytes, signature: str | None) -> WebhookResult:
    with db.write() as session:
        check_signature(load_webhook_secret(session), body, signature)
        try:
            order = WebhookOrder.model_validate_json(body)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise ServiceError(
                422, "invalid_input", f"Invalid order ({field}: {first['msg']}).", {"field": field}
            ) from None
        now = db_now(session)
        return accept_webhook_order(session, order, now, load_settings(session).default_region)
