"""The agent's queue as SQL: search, filter and sort over 100,000 rows, by ids.

Built for a lazy id-only table model: ``count(filter)`` sizes the view,
``ids(filter, sort, offset, limit)`` gives one window of ids in order, and
``rows_by_ids(ids)`` fetches only the rows on screen. The "best first" order
is ``core.queue_priority``'s, written as SQL once by ``core.queue_priority_sql``
(the server sorts with the same terms). The status shown is the agent's local
one while the server has not confirmed it yet.

Search answers from the FTS5 trigram index ``orders_search`` (migration
``0004_queue_search``): every word of at least ``MIN_SEARCH_CHARS`` characters
must appear as a substring of the order's folded search text or e-mail. A
trigram index cannot look up shorter words, so they only narrow a search that
has a longer word; a search made only of short words does not filter at all
(the panel says "type at least 3 characters"). Where SQLite has no trigram
tokenizer the same words are matched with LIKE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, literal, or_, select, table, text

from app.local_store import schema
from app.local_store.local_sync_store import read_meta
from app.local_store.order_rows import iso_utc
from app.local_store.store_database import StoreDatabase
from core.order_status import OPEN_STATUSES, OrderStatus
from core.queue_priority_sql import QueueColumns, queue_order_by
from core.text_folding import fold_text

_OPEN = sorted(status.value for status in OPEN_STATUSES)

#: Words shorter than this cannot be looked up in a trigram index.
MIN_SEARCH_CHARS = 3

#: Characters a typed phone number may carry besides its digits.
_PHONE_PUNCTUATION = frozenset(" +-./()")

_SEARCH_INDEX = table("orders_search", column("rowid"), column("body"))


class QueueSort(StrEnum):
    """Columns the queue can sort on."""

    PRIORITY = "priority"
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    TOTAL = "total"
    REFERENCE = "reference"
    CUSTOMER = "customer"
    CITY = "city"
    STATUS = "status"
    CALLBACK_AT = "callback_at"
    ATTEMPTS = "attempts"


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. Empty ``statuses`` means any status."""

    text: str = ""
    statuses: frozenset[str] = frozenset()
    open_only: bool = False
    mine_only: bool = False
    city: str | None = None
    tag: str | None = None
    callbacks_due_only: bool = False
    or_unowned: bool = False  # with ``mine_only``: also orders nobody owns


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue."""

    id: int
    reference: str
    status: str
    server_status: str
    pending: bool
    created_at: datetime
    updated_at: datetime
    customer_name: str
    phone: str
    city: str
    total: Decimal
    attempt_count: int
    contact_count: int
    callback_at: datetime | None
    lease_holder_name: str | None
    held_by_me: bool
    owner_name: str | None
    tags: tuple[str, ...]
    possible_duplicate_of: str | None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class QueueRepository:
    """Read-only queries of the queue (reader engine, never blocks the sync)."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database
        self._indexed: bool | None = None

    @property
    def has_search_index(self) -> bool:
        """Whether the store has the trigram index (SQLite 3.34 or later)."""
        if self._indexed is None:
            with self._db.reader.connect() as connection:
                found = connection.execute(
                    text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
                    {"name": _SEARCH_INDEX.name},
                ).first()
            self._indexed = found is not None
        return self._indexed

    def count(self, queue_filter: QueueFilter, *, now: datetime | None = None) -> int:
        terms = search_terms(queue_filter.text)
        if (
            self.has_search_index
            and replace(queue_filter, text="") == QueueFilter()
            and terms
            and all(len(term) >= MIN_SEARCH_CHARS for term in terms)
        ):
            # Search alone: the index holds one row per order (triggers), so it
            # counts without reading 10,000 wide order rows.
            with self._db.reader.connect() as connection:
                matching = select(func.count()).where(
                    _SEARCH_INDEX.c.body.op("MATCH")(_match_expression(terms))
                )
                return int(connection.execute(matching.select_from(_SEARCH_INDEX)).scalar() or 0)
        where = self._where(queue_filter, now or datetime.now(UTC))
        with self._db.reader.connect() as connection:
            return int(
                connection.execute(
                    select(func.count()).select_from(self._source()).where(where)
                ).scalar()
                or 0
            )

    def ids(
        self,
        queue_filter: QueueFilter,
        sort: QueueSort = QueueSort.PRIORITY,
        *,
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        now: datetime | None = None,
    ) -> list[int]:
        """Ids of one window of the filtered, sorted queue."""
        moment = now or datetime.now(UTC)
        orders = schema.orders
        query = (
            select(orders.c.id)
            .select_from(self._source())
            .where(self._where(queue_filter, moment))
            .order_by(*self._order_by(sort, descending, moment))
            .offset(offset)
            .limit(limit)
        )
        with self._db.reader.connect() as connection:
            return [int(value) for value in connection.execute(query).scalars()]

    def rows_by_ids(self, ids: Sequence[int]) -> list[QueueRow]:
        """The rows of ``ids`` in the same order (ids no longer in the store are skipped)."""
        if not ids:
            return []
        orders = schema.orders
        wanted = list(dict.fromkeys(int(i) for i in ids))
        with self._db.reader.connect() as connection:
            me = read_meta(connection, "user_id")
            held = set(connection.execute(select(schema.held_leases.c.order_id)).scalars())
            found: dict[int, Any] = {}
            # SQLite limits bound parameters; windows are small but stay safe.
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in connection.execute(
                    select(orders).where(orders.c.id.in_(chunk))
                ).mappings():
                    found[row["id"]] = row
        my_id = int(me) if me else None
        return [
            self._row(found[i], held_by_me=i in held or found[i]["lease_holder_id"] == my_id)
            for i in wanted
            if i in found
        ]

    @staticmethod
    def _row(row: Any, *, held_by_me: bool) -> QueueRow:
        return QueueRow(
            id=row["id"],
            reference=row["reference"],
            status=row["local_status"] or row["status"],
            server_status=row["status"],
            pending=row["local_status"] is not None or row["awaited_version"] is not None,
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            customer_name=row["customer_name"],
            phone=row["phone"],
            city=row["city"],
            total=Decimal(row["total_cents"]) / 100,
            attempt_count=row["attempt_count"],
            contact_count=row["contact_count"],
            callback_at=_dt(row["callback_at"]),
            lease_holder_name=row["lease_holder_name"],
            held_by_me=held_by_me,
            owner_name=row["owner_name"],
            tags=tuple(tag for tag in row["tags"].split(",") if tag),
            possible_duplicate_of=row["possible_duplicate_of"],
        )

    @staticmethod
    def _source() -> Any:
        return schema.orders

    @staticmethod
    def _status() -> ColumnElement[Any]:
        return func.coalesce(schema.orders.c.local_status, schema.orders.c.status)

    def _where(self, queue_filter: QueueFilter, now: datetime) -> ColumnElement[bool]:
        orders = schema.orders
        status = self._status()
        clauses: list[ColumnElement[bool]] = []
        if queue_filter.statuses:
            clauses.append(status.in_(sorted(queue_filter.statuses)))
        if queue_filter.open_only:
            clauses.append(status.in_(_OPEN))
        if queue_filter.mine_only:
            held = select(schema.held_leases.c.order_id)
            with self._db.reader.connect() as connection:
                me = read_meta(connection, "user_id")
            mine = orders.c.owner_id == int(me) if me else literal(False)
            unowned = orders.c.owner_id.is_(None) if queue_filter.or_unowned else literal(False)
            clauses.append(or_(orders.c.id.in_(held), mine, unowned))
        if queue_filter.city:
            clauses.append(orders.c.city == queue_filter.city)
        if queue_filter.tag:
            clauses.append(orders.c.tags.like(f"%,{_escape(queue_filter.tag)},%", escape="\\"))
        if queue_filter.callbacks_due_only:
            clauses.append(
                and_(
                    status == OrderStatus.CALLBACK.value,
                    orders.c.callback_at.is_not(None),
                    orders.c.callback_at <= iso_utc(now),
                )
            )
        clauses.extend(self._search(queue_filter.text))
        return and_(literal(True), *clauses)

    def _search(self, typed: str) -> list[ColumnElement[bool]]:
        terms = search_terms(typed)
        long_terms = [term for term in terms if len(term) >= MIN_SEARCH_CHARS]
        if not long_terms:
            return []
        short_terms = [term for term in terms if len(term) < MIN_SEARCH_CHARS]
        orders = schema.orders
        clauses: list[ColumnElement[bool]] = []
        if self.has_search_index:
            # One index lookup yields the candidate ids; the short words then
            # only filter those few rows.
            matching = select(_SEARCH_INDEX.c.rowid).where(
                _SEARCH_INDEX.c.body.op("MATCH")(_match_expression(long_terms))
            )
            clauses.append(orders.c.id.in_(matching))
        else:
            short_terms = terms
        clauses.extend(
            or_(
                orders.c.search_text.like(f"%{_escape(term)}%", escape="\\"),
                _email().like(f"%{_escape(term)}%", escape="\\"),
            )
            for term in short_terms
        )
        return clauses

    def _order_by(
        self, sort: QueueSort, descending: bool, now: datetime
    ) -> list[ColumnElement[Any]]:
        orders = schema.orders
        if sort is QueueSort.PRIORITY:
            with self._db.reader.connect() as connection:
                me = read_meta(connection, "user_id")
            columns = QueueColumns(
                status=self._status(),
                callback_at=orders.c.callback_at,
                attempt_count=orders.c.attempt_count,
                total=orders.c.total_cents,
                created_at=orders.c.created_at,
                reference=orders.c.reference,
                owner_id=orders.c.owner_id,
            )
            # Times are ISO text in UTC here: comparing them as text orders them.
            return queue_order_by(columns, iso_utc(now), int(me) if me else None)
        column: ColumnElement[Any] = {
            QueueSort.CREATED_AT: orders.c.created_at,
            QueueSort.UPDATED_AT: orders.c.updated_at,
            QueueSort.TOTAL: orders.c.total_cents,
            QueueSort.REFERENCE: orders.c.reference,
            QueueSort.CUSTOMER: orders.c.customer_name.collate("NOCASE"),
            QueueSort.CITY: orders.c.city.collate("NOCASE"),
            QueueSort.STATUS: self._status(),
            QueueSort.CALLBACK_AT: orders.c.callback_at,
            QueueSort.ATTEMPTS: orders.c.attempt_count,
        }[sort]
        tie = orders.c.id.desc() if descending else orders.c.id
        return [column.desc() if descending else column, tie]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _email() -> ColumnElement[str]:
    """The customer's e-mail, folded like the index has it (LIKE fallback only)."""
    email = func.lower(
        func.coalesce(func.json_extract(schema.orders.c.payload, "$.customer.email"), "")
    )
    for separator in "@._-+":
        email = func.replace(email, separator, " ")
    return email


def _match_expression(terms: Sequence[str]) -> str:
    """FTS5 query: every term as a quoted string (a substring), all required."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _phone_digits(typed: str) -> str | None:
    """Bare digits of a typed phone number, in the form the store indexes
    (``order_rows.search_text``: international without "+", or national with
    "0"); None when ``typed`` does not look like a phone number."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) < 4 or any(not ch.isdigit() and ch not in _PHONE_PUNCTUATION for ch in typed):
        return None
    # "00 212 ..." is how some people dial abroad: the same international digits.
    return digits[2:] if digits.startswith("00") else digits


def search_terms(typed: str) -> list[str]:
    """What must appear in an order for it to match the search box.

    A box holding only a phone number ("0612", "+212 612", "612 34") gives its
    digits as one term; otherwise each word is folded (case, accents,
    punctuation as in ``core.text_folding``) and kept whole, so "CMD-0421"
    must appear as "cmd 0421"; a phone-looking word among others becomes digits.
    """
    whole = _phone_digits(typed.strip())
    if whole is not None:
        return [whole]
    terms: list[str] = []
    for word in typed.split():
        digits = _phone_digits(word)
        folded = digits if digits is not None else fold_text(word)
        if folded:
            terms.append(folded)
    return terms


def is_search_effective(typed: str) -> bool:
    """Whether ``typed`` filters the queue (it has a word of ``MIN_SEARCH_CHARS`` or more)."""
    return any(len(term) >= MIN_SEARCH_CHARS for term in search_terms(typed))
