"""Orders typed at a desk (``POST /orders``): a customer who calls in, or a second
order for a known customer.

The server normalises the phones, prices the lines from the catalogue, flags a
possible duplicate like an import does, and hands the new order to its creator:
owned by them and leased to them, so they can go on working on it at once.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.order_model import OrderSource
from core.order_status import OrderStatus
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.wire.orders import CustomerWire, NewOrderRequest, NewOrderResult
from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.db.session import Database
from server.services.audit import record_audit
from server.services.catalogue import WantedLine, reprice_order
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.lease_clock import lease_expiry
from server.services.order_actions import add_note
from server.services.order_intake import flag_duplicate
from server.services.order_publish import publish_order
from server.services.order_views import lease_info, order_wire
from server.services.rescue_limits import check_free_delivery, limits_for
from server.services.settings_store import attempt_policy, load_settings

MAX_PHONES = 5
# Column widths of ``orders``: longer text is refused before the database sees it.
_TEXT_LIMITS = {"name": 200, "address": 500, "city": 100, "email": 200}


def _invalid(field: str, message: str, **params: object) -> ServiceError:
    return ServiceError(422, "invalid_input", message, {"field": field, **params})


def _checked_phones(customer: CustomerWire, region: str) -> list[str]:
    """E.164 phones, first is the main one (422 ``invalid_phone`` with the reason)."""
    if not customer.phones:
        raise ServiceError(
            422,
            "invalid_phone",
            "Type the customer's phone number.",
            {"reason": "empty", "text": ""},
        )
    if len(customer.phones) > MAX_PHONES:
        raise _invalid("phones", f"At most {MAX_PHONES} phone numbers.", max_items=MAX_PHONES)
    phones: list[str] = []
    for text in customer.phones:
        try:
            phone = normalize_phone(text[:64], region)
        except InvalidPhoneNumber as error:
            raise ServiceError(
                422,
                "invalid_phone",
                error.message,
                {**error.params, "reason": error.reason_code},
            ) from None
        if phone not in phones:
            phones.append(phone)
    return phones


def _check_texts(customer: CustomerWire) -> None:
    if not customer.name.strip():
        raise _invalid("name", "Type the customer's name.")
    for field, limit in _TEXT_LIMITS.items():
        value = getattr(customer, field)
        if value is not None and len(value) > limit:
            message = f"The {field} is longer than {limit} characters."
            raise _invalid(field, message, max_length=limit)


def _new_reference(session: Session, now: datetime) -> str:
    """``D``-date-random: readable on the phone, never equal to a shop's number."""
    while True:
        reference = f"D{now:%y%m%d}-{secrets.token_hex(3).upper()}"
        if session.execute(select(OrderRow.id).where(OrderRow.reference == reference)).first():
            continue
        return reference


def create_order(db: Database, principal: Principal, request: NewOrderRequest) -> NewOrderResult:
    """Create, price and lease the order to its creator, in one transaction."""
    with db.write() as session:
        now = db_now(session)
        settings = load_settings(session)
        customer = request.customer
        _check_texts(customer)
        phones = _checked_phones(customer, settings.default_region)
        check_free_delivery(limits_for(settings, principal.role), request.free_delivery, False)
        order = OrderRow(
            reference=_new_reference(session, now),
            created_at=now,
            updated_at=now,
            team_id=principal.team_id,
            customer_name=customer.name.strip(),
            phones=phones,
            main_phone=phones[0],
            email=(customer.email or "").strip() or None,
            address=customer.address.strip(),
            city=customer.city.strip(),
            status=OrderStatus.IN_PROGRESS.value,
            version=1,
            source=OrderSource.AGENT.value,
            tags=[],
            lines=[],
            owner_id=principal.user_id,
            lease_holder_id=principal.user_id,
            lease_epoch=1,
            lease_claimed_at=now,
            lease_expires_at=lease_expiry(now, settings.lease_seconds),
            order_discount_pct=Decimal(0),
        )
        session.add(order)
        wanted = [
            WantedLine(line.article_ref, line.quantity, line.color, line.size)
            for line in request.lines
        ]
        reprice_order(session, order, wanted, free_delivery=request.free_delivery)
        session.flush()
        flag_duplicate(session, order)
        if request.note:
            add_note(session, order, principal, request.note, None, now)
        record_audit(
            session,
            actor=principal,
            action="order.create",
            entity="order",
            entity_id=order.id,
            at=now,
            detail={
                "reference": order.reference,
                "source": OrderSource.AGENT.value,
                "status": order.status,
                "total": str(order.total),
                "possible_duplicate_of": order.possible_duplicate_of,
            },
        )
        names = publish_order(session, order, now, principal.user_id)
        lease = lease_info(order, names)
        assert lease is not None
        wire = order_wire(order, names, now=now, call_gap=attempt_policy(settings).call_gap)
        return NewOrderResult(id=order.id, order=wire, lease=lease)
