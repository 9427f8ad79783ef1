"""The shop's JSON webhook: a signed order (``webhook_signature``) becomes an
order, once per event id.

The same order sent again under a new event id is harmless (upsert by
reference, ``created`` false); the same event id again is refused (409
``webhook_replayed``), so a captured request cannot be sent twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.order_model import OrderSource
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.wire.intake import WebhookOrder, WebhookResult
from server.db.models_sync import WebhookEvent
from server.services.catalogue import WantedLine
from server.services.errors import ServiceError
from server.services.order_intake import IncomingOrder, IntakeOutcome, upsert_incoming
from server.services.webhook_signature import TOLERANCE_S

# Event ids are kept well past the signature's tolerance: by then a replay is stale anyway.
EVENT_ID_RETENTION = timedelta(seconds=TOLERANCE_S * 12)


def remember_event(session: Session, event_id: str, now: datetime) -> None:
    """Record the event id, or 409 ``webhook_replayed`` when it was seen already."""
    session.execute(delete(WebhookEvent).where(WebhookEvent.received_at < now - EVENT_ID_RETENTION))
    try:
        with session.begin_nested():
            session.add(WebhookEvent(event_id=event_id, received_at=now))
            session.flush()
    except IntegrityError:
        raise ServiceError(
            409,
            "webhook_replayed",
            f"Webhook event {event_id} was received already.",
            {"event_id": event_id},
        ) from None


def accept_webhook_order(
    session: Session, order: WebhookOrder, now: datetime, region: str = "MA"
) -> WebhookResult:
    try:
        phone = normalize_phone(order.phone, region)
    except InvalidPhoneNumber as error:
        raise ServiceError(422, error.code, error.message, error.params) from None
    incoming = IncomingOrder(
        reference=order.reference,
        customer_name=order.customer_name,
        phones=[phone],
        created_at=order.created_at,
        address=order.address,
        city=order.city,
        lines=[
            WantedLine(line.article_ref, line.quantity, line.color, line.size)
            for line in order.lines
        ],
        product_text=order.product_text,
        imported_total=order.total,
        source=OrderSource.WEBHOOK,
    )
    result = upsert_incoming(session, incoming, now, None)
    return WebhookResult(
        order_id=result.order.id,
        reference=result.order.reference,
        created=result.outcome == IntakeOutcome.CREATED,
        possible_duplicate_of=result.duplicate_of,
    )
