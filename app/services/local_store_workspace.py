"""``WorkspaceStore`` and ``QueueRepository`` over the real local store and sync engine.

Reads come from the local SQLite store (reader engine: never blocks the sync
writer); actions go through ``ActionRecorder`` (change + outbox row in one
transaction) and wake the sync engine; claims, escalations, new orders and
the order's history need the server and go through ``OrderRequests``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from app.local_store import schema
from app.local_store.action_recorder import ActionRecorder
from app.local_store.local_sync_store import read_meta
from app.local_store.order_detail_repository import (
    EntryState,
    OrderDetailRepository,
    TimelineEntry,
)
from app.local_store.queue_repository import QueueFilter
from app.local_store.queue_repository import QueueRepository as StoreQueue
from app.local_store.queue_repository import QueueRow as StoreRow
from app.local_store.queue_repository import QueueSort as StoreSort
from app.local_store.refusal_repository import RefusalRepository
from app.local_store.store_database import StoreDatabase
from app.services.order_requests import OrderRequests
from app.services.order_views import (
    ArticleView,
    EscalationView,
    HistoryEntry,
    JournalView,
    LineView,
    NoteView,
    OrderDetail,
    OrderEvent,
    PreviousOrder,
    QueueQuery,
    QueueRow,
    QueueSort,
    RescueLimitsView,
    VariantStock,
)
from app.services.workspace_store import ClaimResult, MessageTemplate
from core.attempt_policy import CallOutcome, Channel
from core.dispositions import CancelReason, Disposition, PredefinedNote
from core.order_status import OrderStatus
from core.pricing import ArticlePhase, ArticlePricing
from core.rulebook import JournalEntryFacts, ShopRules, is_attempt, is_contact, shop_rules
from core.wire.catalogue import (
    ArticleWire,
    CityWire,
    PredefinedNoteWire,
    RescueLimits,
    SettingsWire,
    TeamSettingsWire,
    TemplateWire,
    default_rescue_limits,
)
from core.wire.orders import OrderWire
from core.wire.sync_ops import OpKind
from sync.sync_engine import SyncEngine

_SORTS: dict[QueueSort, StoreSort] = {
    QueueSort.PRIORITY: StoreSort.PRIORITY,
    QueueSort.REFERENCE: StoreSort.REFERENCE,
    QueueSort.CUSTOMER: StoreSort.CUSTOMER,
    QueueSort.CITY: StoreSort.CITY,
    QueueSort.STATUS: StoreSort.STATUS,
    QueueSort.TOTAL: StoreSort.TOTAL,
    QueueSort.CREATED: StoreSort.CREATED_AT,
    QueueSort.CALLBACK: StoreSort.CALLBACK_AT,
}

_ALL_ROWS = 10_000_000  # "no limit" for callers that want every matching id


_LOCAL_COLUMNS = (
    "customer_name",
    "phones",
    "address",
    "city",
    "order_discount_pct",
    "delivery_date",
)


def _decimal(text: str, fallback: Decimal) -> Decimal:
    try:
        return Decimal(text) if text else fallback
    except InvalidOperation:
        return fallback


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _escalation(order: OrderWire) -> EscalationView | None:
    escalation = order.escalation
    if escalation is None:
        return None
    return EscalationView(
        reason=escalation.reason.value,
        text=escalation.text,
        by=escalation.by_name,
        at=escalation.at,
        by_id=escalation.by_id,
        lead_id=escalation.lead_id,
    )


def _facts(entry: TimelineEntry) -> JournalEntryFacts:
    """The rulebook's view of a journal entry this desk wrote."""
    data = entry.data
    try:
        channel = Channel(str(data.get("channel") or "call"))
    except ValueError:
        channel = Channel.CALL
    try:
        outcome = CallOutcome(str(data.get("outcome") or "failed"))
    except ValueError:
        outcome = CallOutcome.FAILED
    return JournalEntryFacts(
        channel=channel,
        outcome=outcome,
        inbound=data.get("direction") == "inbound",
        started_at=entry.at,
    )


def _status(value: str) -> OrderStatus:
    try:
        return OrderStatus(value)
    except ValueError:
        return OrderStatus.ASSIGNED


class StoreQueueAdapter:
    """The queue model's ``QueueRepository`` answered by the store's SQL."""

    def __init__(self, queue: StoreQueue, me: str) -> None:
        self._queue = queue
        self._me = me

    def _filter(self, query: QueueQuery) -> QueueFilter:
        statuses = {str(s) for s in query.statuses}
        if query.returned_only:
            statuses = {OrderStatus.RETURNED.value}
        return QueueFilter(
            text=query.search,
            statuses=frozenset(statuses),
            city=query.city,
            callbacks_due_only=query.callbacks_due_only,
            mine_only=query.mine_only,
            or_unowned=query.or_unowned,
        )

    def count(self, query: QueueQuery) -> int:
        return self._queue.count(self._filter(query))

    def ids(self, query: QueueQuery, offset: int = 0, limit: int | None = None) -> Sequence[int]:
        return self._queue.ids(
            self._filter(query),
            _SORTS[query.sort],
            descending=query.descending,
            offset=offset,
            limit=_ALL_ROWS if limit is None else limit,
        )

    def rows_by_ids(self, ids: Sequence[int]) -> Sequence[QueueRow]:
        return [self._row(r) for r in self._queue.rows_by_ids(ids)]

    def _row(self, row: StoreRow) -> QueueRow:
        holder = self._me if row.held_by_me else row.lease_holder_name
        return QueueRow(
            order_id=row.id,
            reference=row.reference,
            customer_name=row.customer_name,
            phone=row.phone,
            city=row.city,
            status=_status(row.status),
            total=row.total,
            created_at=row.created_at,
            callback_at=row.callback_at,
            holder=holder,
            attempt_count=row.attempt_count,
            held_by_me=row.held_by_me,
        )


class LocalStoreWorkspace:
    """Everything the workspace services read and write, on the real parts."""

    def __init__(self, database: StoreDatabase, sync: SyncEngine, me: str) -> None:
        self._db = database
        self._sync = sync
        self._me = me
        self._store_queue = StoreQueue(database)
        self._refusals = RefusalRepository(database)
        self._details = OrderDetailRepository(database, self._store_queue, self._refusals)
        self._recorder = ActionRecorder(database)
        self._queue = StoreQueueAdapter(self._store_queue, me)
        self._requests = OrderRequests(database, sync, me)

    @property
    def queue(self) -> StoreQueueAdapter:
        return self._queue

    @property
    def refusals(self) -> RefusalRepository:
        return self._refusals

    # -- orders ----------------------------------------------------------------
    def order_detail(self, order_id: int) -> OrderDetail | None:
        stored = self._details.order_detail(order_id)
        if stored is None:
            return None
        order: OrderWire = stored.order
        customer = self._local_customer(order_id, order)
        timeline = self._details.timeline(order_id)
        titles = {a.ref: a.title for a in self.articles()}
        phone = customer["phones"].split(",")[0]
        previous = self._details.customer_history(phone, exclude_order_id=order_id) if phone else []
        open_duplicates = tuple(p.reference for p in previous if _status(p.status).is_open)
        my_id = self.user_id()
        holder: str | None = None
        holder_id: int | None = None
        lease = order.lease
        if stored.held_epoch is not None:
            holder, holder_id = self._me, my_id
        elif lease is not None and lease.expires_at > datetime.now(UTC):
            holder, holder_id = lease.holder_name, lease.holder_id
        pending = [
            e for e in timeline if e.kind in ("call", "message") and e.state == EntryState.PENDING
        ]
        return OrderDetail(
            order_id=order.id,
            reference=order.reference,
            status=_status(stored.status),
            customer_name=customer["customer_name"],
            phones=tuple(p for p in customer["phones"].split(",") if p),
            email=order.customer.email,
            address=customer["address"],
            city=customer["city"],
            lines=tuple(
                LineView(
                    article_ref=line.article_ref,
                    title=line.article_name or titles.get(line.article_ref, ""),
                    quantity=line.quantity,
                    color=line.color,
                    size=line.size,
                    unit_price=line.unit_price,
                    line_total=line.line_total,
                    upsell=line.upsell,
                    discount_pct=line.discount_pct,
                )
                for line in order.lines
            ),
            subtotal=order.subtotal,
            delivery_fee=order.delivery_fee,
            discount=order.discount,
            total=order.total,
            upsell_tier=order.upsell_tier,
            tags=frozenset(order.tags),
            owner=order.owner_name,
            holder=holder,
            # What this desk journaled and has not pushed yet is not in the server's
            # counts: add it, so the cap bites offline too (conservative).
            attempt_count=order.attempt_count + sum(1 for e in pending if is_attempt(_facts(e))),
            contact_count=order.contact_count + sum(1 for e in pending if is_contact(_facts(e))),
            callback_at=order.callback_at,
            last_call_at=self._last_call(order, timeline),
            created_at=order.created_at,
            version=order.version,
            history=self._history(order, timeline),
            journal=tuple(self._journal(e) for e in timeline if e.kind in ("call", "message")),
            notes=tuple(
                NoteView(e.at, e.author, e.text, e.state == EntryState.PENDING)
                for e in timeline
                if e.kind == "note"
            ),
            previous_orders=tuple(
                PreviousOrder(p.id, p.reference, p.created_at, _status(p.status), p.total)
                for p in previous
            ),
            open_duplicates=open_duplicates,
            cancel_reason=order.cancel_reason,
            free_delivery=order.delivery_fee == 0 and bool(self._city_fee(customer["city"])),
            order_discount_pct=_decimal(customer["order_discount_pct"], order.order_discount_pct),
            delivery_date=_date(customer["delivery_date"]),
            escalation=_escalation(order),
            owner_id=order.owner_id,
            holder_id=holder_id,
            holds_lease=stored.held_epoch is not None,
            extra_attempts=order.extra_attempts,
        )

    def _city_fee(self, city: str) -> Decimal | None:
        fees = {name.casefold(): fee for name, fee in self.city_fees().items()}
        return fees.get(city.strip().casefold())

    def _local_customer(self, order_id: int, order: OrderWire) -> dict[str, str]:
        """Name, phones, address, city, order discount and delivery date as the agent
        last wrote them.

        An edit waiting in the outbox is already in the order's columns, while the
        stored server payload still has the old values until the server echoes it.
        """
        orders = schema.orders
        with self._db.reader.connect() as connection:
            row = (
                connection.execute(
                    select(*(orders.c[key] for key in _LOCAL_COLUMNS)).where(
                        orders.c.id == order_id
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            return {
                "customer_name": order.customer.name,
                "phones": ",".join(order.customer.phones),
                "address": order.customer.address,
                "city": order.customer.city,
                "order_discount_pct": str(order.order_discount_pct),
                "delivery_date": order.delivery_date.isoformat() if order.delivery_date else "",
            }
        return {key: str(row[key] or "") for key in _LOCAL_COLUMNS}

    @staticmethod
    def _last_call(order: OrderWire, timeline: Sequence[TimelineEntry]) -> datetime | None:
        """The last outbound call: the server's, or one this desk has not pushed yet
        (an inbound call does not start the gap; a call the server stored but did not
        count, e.g. made without the lease, does not either)."""
        calls = [
            e.at
            for e in timeline
            if e.kind == "call"
            and e.state == EntryState.PENDING
            and e.data.get("direction") != "inbound"
        ]
        if order.last_call_at is not None:
            calls.append(order.last_call_at)
        return max(calls) if calls else None

    @staticmethod
    def _journal(entry: TimelineEntry) -> JournalView:
        data = entry.data
        return JournalView(
            at=entry.at,
            channel=str(data.get("channel", "call")),
            direction=str(data.get("direction", "outbound")),
            number=str(data.get("number", "")),
            outcome=str(data.get("outcome", "")),
            ring_seconds=float(data.get("ring_seconds") or 0),
            talk_seconds=float(data.get("talk_seconds") or 0),
            sip_code=data.get("sip_code"),
            sip_reason=str(data.get("sip_reason") or ""),
            agent=entry.author,
            template=str(data.get("template") or ""),
        )

    @staticmethod
    def _history(order: OrderWire, timeline: Sequence[TimelineEntry]) -> tuple[HistoryEntry, ...]:
        """What the store knows of the order's life: creation, refusals, current state."""
        entries = [HistoryEntry(order.created_at, OrderStatus.UNASSIGNED, order.source)]
        for e in timeline:
            if e.kind == "refusal":
                entries.append(HistoryEntry(e.at, _status(order.status), "server", e.text))
        entries.append(
            HistoryEntry(order.updated_at, _status(order.status), order.owner_name or "")
        )
        return tuple(entries)

    def orders_by_phone(self, phone: str) -> Sequence[OrderDetail]:
        found = []
        for row in self._details.customer_history(phone):
            detail = self.order_detail(row.id)
            if detail is not None:
                found.append(detail)
        return found

    # -- catalogue and settings ------------------------------------------------------
    def _payloads(self, table: Any) -> list[dict[str, Any]]:
        with self._db.reader.connect() as connection:
            return [json.loads(p) for p in connection.execute(select(table.c.payload)).scalars()]

    def articles(self) -> Sequence[ArticleView]:
        views = []
        for raw in self._payloads(schema.articles):
            article = ArticleWire.model_validate(raw)
            views.append(
                ArticleView(
                    ref=article.ref,
                    title=article.name,
                    price=article.normal_price,
                    variants=tuple(
                        VariantStock(v.color, v.size, v.stock) for v in article.variants
                    ),
                )
            )
        return sorted(views, key=lambda a: a.ref)

    def article_pricing(self) -> Mapping[str, ArticlePricing]:
        prices: dict[str, ArticlePricing] = {}
        for raw in self._payloads(schema.articles):
            article = ArticleWire.model_validate(raw)
            tiers = tuple(article.upsell_prices[:4])
            prices[article.ref] = ArticlePricing(
                ref=article.ref,
                normal_price=article.normal_price,
                upsell=article.upsell,
                upsell_prices=(tiers[0], tiers[1], tiers[2], tiers[3]),
                phase=ArticlePhase(article.phase),
            )
        return prices

    def city_fees(self) -> Mapping[str, Decimal]:
        return {
            city.name: city.delivery_fee
            for city in (CityWire.model_validate(raw) for raw in self._payloads(schema.cities))
        }

    def predefined_notes(self) -> Sequence[PredefinedNote]:
        notes = []
        for raw in self._payloads(schema.predefined_notes):
            note = PredefinedNoteWire.model_validate(raw)
            disposition = Disposition(note.disposition) if note.disposition else None
            notes.append(
                PredefinedNote(
                    code=note.code,
                    title=note.title,
                    text=note.text,
                    tags=frozenset(note.tags),
                    disposition=disposition,
                )
            )
        return sorted(notes, key=lambda n: n.title)

    def cancel_reasons(self) -> Sequence[str]:
        return [reason.value for reason in CancelReason]

    def templates(self) -> Sequence[MessageTemplate]:
        return [
            MessageTemplate(t.code, t.language, t.channel, t.title, t.body)
            for t in (TemplateWire.model_validate(raw) for raw in self._payloads(schema.templates))
        ]

    def _settings(self) -> dict[str, Any]:
        with self._db.reader.connect() as connection:
            raw = read_meta(connection, "settings")
        return json.loads(raw) if raw else {}

    def shop_rules(self) -> ShopRules:
        """Attempt cap, call gap and lease cap as the server last sent them."""
        return shop_rules(self.shop_settings())

    def user_id(self) -> int | None:
        """The signed-in user's id (the store belongs to one user)."""
        with self._db.reader.connect() as connection:
            raw = read_meta(connection, "user_id")
        return int(raw) if raw else None

    def held_lease_count(self) -> int:
        """Orders this desk holds right now (the rulebook caps them)."""
        with self._db.reader.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(schema.held_leases)).scalar()
                or 0
            )
    def shop_settings(self) -> SettingsWire:
        try:
            return SettingsWire.model_validate(self._settings())
        except ValidationError:  # a newer server's stricter value: keep the defaults
            return SettingsWire()

    def team_settings(self) -> TeamSettingsWire:
        with self._db.reader.connect() as connection:
            raw = read_meta(connection, "team_settings")
        try:
            return TeamSettingsWire.model_validate(json.loads(raw) if raw else {})
        except ValidationError:
            return TeamSettingsWire()

    def best_call_hours(self, minimum_calls: int = 20) -> Sequence[int]:
        """Working hours ranked by the share of calls answered in the store's journal."""
        calls: dict[int, int] = {}
        answered: dict[int, int] = {}
        journal = schema.journal
        with self._db.reader.connect() as connection:
            for started_at, outcome in connection.execute(
                select(journal.c.started_at, journal.c.outcome).where(journal.c.kind == "call")
            ):
                hour = datetime.fromisoformat(started_at).astimezone().hour
                calls[hour] = calls.get(hour, 0) + 1
                answered[hour] = answered.get(hour, 0) + (outcome == "answered")
        if sum(calls.values()) < minimum_calls:
            return []
        working = [h for h in calls if 9 <= h <= 20 and calls[h] >= 3]
        return sorted(working, key=lambda h: answered[h] / calls[h], reverse=True)[:6]

    def rescue_limits(self, role: str) -> RescueLimitsView:
        """The shop's limits for ``role`` (defaults until the server sent its settings)."""
        defaults = default_rescue_limits()
        raw = (self._settings().get("rescue_limits") or {}).get(role)
        limits = (
            RescueLimits.model_validate(raw)
            if raw is not None
            else defaults.get(role, defaults["agent"])
        )
        return RescueLimitsView(
            max_line_discount_pct=limits.max_line_discount_pct,
            max_order_discount_pct=limits.max_order_discount_pct,
            free_delivery=limits.free_delivery,
            max_delivery_delay_days=limits.max_delivery_delay_days,
        )

    # -- actions ------------------------------------------------------------------------
    def record_action(self, kind: OpKind, order_id: int, payload: Mapping[str, Any]) -> str:
        recorded = self._recorder.record_action(kind, order_id, dict(payload))
        self._sync.wake()
        return recorded.op_id

    def pending_actions(self) -> int:
        with self._db.reader.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(schema.outbox)).scalar() or 0
            )

    def is_pending(self, op_id: str) -> bool:
        with self._db.reader.connect() as connection:
            return (
                connection.execute(
                    select(schema.outbox.c.op_id).where(schema.outbox.c.op_id == op_id)
                ).first()
                is not None
            )

    # -- server round trips (worker threads): OrderRequests --------------------------
    def claim(self, order_id: int) -> ClaimResult:
        return self._requests.claim(order_id)

    def claim_next(self) -> ClaimResult | None:
        return self._requests.claim_next()

    def release(self, order_id: int) -> None:
        self._requests.release(order_id)

    def check_attempt(self, order_id: int, channel: str) -> None:
        self._requests.check_attempt(order_id, channel)

    def grant_attempt(self, order_id: int) -> None:
        self._requests.grant_attempt(order_id)

    def escalate(self, order_id: int, reason: str, text: str) -> None:
        self._requests.escalate(order_id, reason, text)

    def answer_escalation(self, order_id: int, text: str) -> None:
        self._requests.answer_escalation(order_id, text)

    def take_escalation(self, order_id: int) -> None:
        self._requests.take_escalation(order_id)

    def create_order(self, payload: Mapping[str, Any]) -> int:
        return self._requests.create_order(payload)

    def order_history(self, order_id: int) -> list[OrderEvent]:
        return self._requests.order_history(order_id)
