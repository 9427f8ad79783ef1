"""Creating or updating orders that come from the shop (CSV sheet, webhook, demo).

Upsert by order reference: the same data twice changes nothing; new data
updates an order nobody has contacted yet. Phones are E.164 already. An open
order of another reference with the same main phone flags a possible duplicate.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from core.order_model import OrderSource
from core.order_status import OPEN_STATUSES, OrderStatus
from core.text_folding import fold_text
from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.db.models_users import Team, User
from server.services.audit import record_audit
from server.services.catalogue import WantedLine, delivery_fee_for, reprice_order
from server.services.errors import ServiceError
from server.services.order_publish import publish_order

DUPLICATE_TAG = "doublon-possible"


class IntakeOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class IncomingOrder:
    """An order as the shop describes it."""

    reference: str
    customer_name: str
    phones: list[str]
    created_at: datetime | None = None
    address: str = ""
    city: str = ""
    lines: list[WantedLine] = field(default_factory=list)
    product_text: str | None = None
    imported_total: Decimal | None = None
    operator: str | None = None
    status: OrderStatus = OrderStatus.UNASSIGNED
    source: OrderSource = OrderSource.SHEET_IMPORT
    team_id: int | None = None

    def fingerprint(self) -> str:
        data = {
            "name": self.customer_name,
            "phones": self.phones,
            "address": self.address,
            "city": self.city,
            "product": self.product_text,
            "total": str(self.imported_total) if self.imported_total is not None else None,
            "lines": [[w.article_ref, w.quantity, w.color, w.size] for w in self.lines],
            "operator": self.operator,
            "status": self.status.value,
            "created": self.created_at.isoformat() if self.created_at else None,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass
class IntakeResult:
    order: OrderRow
    outcome: IntakeOutcome
    duplicate_of: str | None


def default_team_id(session: Session) -> int | None:
    return session.execute(select(Team.id).order_by(Team.id).limit(1)).scalar()


def find_operator(
    session: Session, text: str | None, actor: Principal | None = None
) -> User | None:
    """The user a sheet's "Opérateur" names (user name or display name, folded), among
    the users the importer may see (a lead's sheet cannot name another team's agent)."""
    if not text or not text.strip():
        return None
    wanted = fold_text(text)
    for user in session.execute(select(User).where(User.active.is_(True))).scalars():
        if actor is not None and not actor.sees_team(user.team_id):
            continue
        if wanted in (fold_text(user.username), fold_text(user.display_name)):
            return user
    return None


def duplicate_of(
    session: Session, reference: str, phone: str | None, team_id: int | None
) -> str | None:
    """An open order of another reference with this phone, among the orders whoever
    sees this one may see (its team's and team-less ones; a team-less order only
    among team-less ones), so a duplicate flag never reveals another team's order."""
    if not phone:
        return None
    same_wall = (
        or_(OrderRow.team_id == team_id, OrderRow.team_id.is_(None))
        if team_id is not None
        else OrderRow.team_id.is_(None)
    )
    return session.execute(
        select(OrderRow.reference)
        .where(
            same_wall,
            OrderRow.main_phone == phone,
            OrderRow.reference != reference,
            OrderRow.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .order_by(OrderRow.created_at)
        .limit(1)
    ).scalar()


def flag_duplicate(session: Session, order: OrderRow) -> str | None:
    """Mark the order when an open order of another reference has its main phone."""
    duplicate = duplicate_of(session, order.reference, order.main_phone, order.team_id)
    order.possible_duplicate_of = duplicate
    if duplicate:
        order.tags = sorted(set(order.tags or []) | {DUPLICATE_TAG})
    return duplicate


def _fill(session: Session, order: OrderRow, incoming: IncomingOrder) -> None:
    order.customer_name = incoming.customer_name
    order.phones = list(incoming.phones)
    order.main_phone = incoming.phones[0] if incoming.phones else None
    order.address = incoming.address
    order.city = incoming.city
    order.imported_product = (incoming.product_text or "")[:500] or None
    order.imported_total = incoming.imported_total
    order.imported_operator = incoming.operator
    order.import_fingerprint = incoming.fingerprint()
    if incoming.lines:
        reprice_order(session, order, incoming.lines, free_delivery=False)
    else:
        fee = delivery_fee_for(session, incoming.city)
        order.delivery_fee = fee
        order.subtotal = incoming.imported_total or Decimal("0.00")
        order.total = incoming.imported_total or Decimal("0.00")


def upsert_incoming(
    session: Session, incoming: IncomingOrder, now: datetime, actor: Principal | None
) -> IntakeResult:
    """Create or update one order (audit row and change log entry when it changed)."""
    existing = session.execute(
        select(OrderRow).where(OrderRow.reference == incoming.reference)
    ).scalar()
    if existing is not None and actor is not None and not actor.sees_team(existing.team_id):
        # Another team's reference: refused without saying whose it is or what it holds.
        raise ServiceError(
            409,
            "reference_unavailable",
            f"The reference {incoming.reference} cannot be used here; check it with the shop.",
            {"reference": incoming.reference},
        )
    fingerprint = incoming.fingerprint()
    if existing is not None and (
        existing.import_fingerprint == fingerprint
        or existing.attempt_count > 0
        or existing.status not in (OrderStatus.UNASSIGNED.value, OrderStatus.ASSIGNED.value)
    ):
        # Same data again, or agents already work on it: the sheet does not overwrite them.
        return IntakeResult(existing, IntakeOutcome.UNCHANGED, existing.possible_duplicate_of)
    operator = find_operator(session, incoming.operator, actor)
    if existing is None:
        order = OrderRow(
            reference=incoming.reference,
            created_at=incoming.created_at or now,
            updated_at=now,
            team_id=incoming.team_id
            or (operator.team_id if operator else None)
            or default_team_id(session),
            status=incoming.status.value,
            version=1,
            source=incoming.source.value,
            tags=[],
            lines=[],
        )
        session.add(order)
        outcome = IntakeOutcome.CREATED
    else:
        order = existing
        order.version += 1
        order.updated_at = now
        outcome = IntakeOutcome.UPDATED
    _fill(session, order, incoming)
    session.flush()
    if operator is not None and order.owner_id is None:
        order.owner_id = operator.id
        if order.status == OrderStatus.UNASSIGNED.value:
            order.status = OrderStatus.ASSIGNED.value
    duplicate = flag_duplicate(session, order)
    record_audit(
        session,
        actor=actor,
        action=f"order.import_{outcome.value}",
        entity="order",
        entity_id=order.id,
        at=now,
        detail={
            "reference": order.reference,
            "source": incoming.source.value,
            "status": order.status,
        },
    )
    publish_order(session, order, now, actor.user_id if actor else None)
    return IntakeResult(order, outcome, duplicate)
