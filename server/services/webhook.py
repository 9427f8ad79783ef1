"""The shop's JSON webhook: HMAC-SHA256 over the raw body with a shared secret.

Header ``X-Hatif-Signature: sha256=<hex>``. A replay of the same order is
harmless (upsert by reference, ``created`` false).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy.orm import Session

from core.order_model import OrderSource
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.wire.intake import WebhookOrder, WebhookResult
from server.services.catalogue import WantedLine
from server.services.errors import ServiceError
from server.services.order_intake import IncomingOrder, IntakeOutcome, upsert_incoming


def sign_body(secret: str, body: bytes) -> str:
    """The header value a shop sends for ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def check_signature(secret: str | None, body: bytes, header: str | None) -> None:
    """401 unless ``header`` is the body's HMAC with the shared secret."""
    if not secret:
        raise ServiceError(403, "webhook_disabled", "No webhook secret is configured.")
    if not header or not hmac.compare_digest(sign_body(secret, body), header.strip()):
        raise ServiceError(401, "bad_signature", "The webhook signature does not match.")


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
