"""The local store's side of the sync seam: outbox, cursor, changes, leases.

Implements ``sync.sync_store.SyncStore`` on the store's SQLite file. Every
method is one ``BEGIN IMMEDIATE`` transaction, so the outbox, the cursor and
the data they describe always move together.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, case, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.local_store import schema
from app.local_store.change_applier import apply_events, upsert_orders
from app.local_store.order_rows import LOCAL_EDIT_COLUMNS, iso_utc, order_row
from app.local_store.outbox_rows import (
    META_FACTS,
    ORDER_CHANGING_KINDS,
    PRESENCE_KIND,
    append_op,
)
from app.local_store.store_database import StoreDatabase
from core.wire.changes import ChangeEvent
from core.wire.leases import LeaseRef
from core.wire.orders import LeaseInfo
from core.wire.presence import PresenceUpdate
from core.wire.sync_ops import OpKind, OpStatus
from sync.sync_store import (
    AppliedChanges,
    OpOutcome,
    PendingOp,
    ReferenceData,
    RefusalNotice,
)


def read_meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()


def write_meta(connection: Connection, key: str, value: str) -> None:
    stmt = sqlite_insert(schema.meta)
    connection.execute(
        stmt.on_conflict_do_update(
            index_elements=[schema.meta.c.key], set_={"value": stmt.excluded.value}
        ),
        [{"key": key, "value": value}],
    )


class LocalSyncStore:
    """``SyncStore`` over the local SQLite store."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database
        with database.writer.begin() as connection:
            device = read_meta(connection, "device_id")
            if device is None:
                device = uuid.uuid4().hex
                write_meta(connection, "device_id", device)
        self._device_id = device

    # -- identity ------------------------------------------------------------------

    def device_id(self) -> str:
        return self._device_id

    def set_current_user(self, user_id: int, username: str, display_name: str = "") -> None:
        """Remember who this store belongs to (after a login)."""
        with self._db.writer.begin() as connection:
            write_meta(connection, "user_id", str(user_id))
            write_meta(connection, "username", username)
            write_meta(connection, "display_name", display_name or username)

    def order_reference(self, order_id: int) -> str | None:
        with self._db.reader.connect() as connection:
            return connection.execute(
                select(schema.orders.c.reference).where(schema.orders.c.id == order_id)
            ).scalar()

    # -- outbox --------------------------------------------------------------------

    def pending_ops(self, limit: int) -> list[PendingOp]:
        outbox = schema.outbox
        with self._db.reader.connect() as connection:
            rows = connection.execute(
                select(outbox).order_by(outbox.c.client_seq).limit(limit)
            ).mappings()
            return [
                PendingOp(
                    client_seq=row["client_seq"],
                    op_id=row["op_id"],
                    kind=row["kind"],
                    order_id=row["order_id"],
                    lease_epoch=row["lease_epoch"],
                    expected_version=row["expected_version"],
                    created_at=row["created_at"],
                    payload=json.loads(row["payload"]),
                )
                for row in rows
            ]

    def pending_count(self) -> int:
        with self._db.reader.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(schema.outbox)).scalar() or 0
            )

    def queue_presence(self, state: str, reason: str | None, order_id: int | None) -> None:
        payload = PresenceUpdate.model_validate(
            {"state": state, "reason": reason, "order_id": order_id}
        ).model_dump(mode="json", exclude_none=True)
        with self._db.writer.begin() as connection:
            facts = dict(connection.execute(META_FACTS).tuples().all())
            append_op(
                connection,
                kind=PRESENCE_KIND,
                order_id=None,
                payload=payload,
                lease_epoch=None,
                expected_version=None,
                now=datetime.now(UTC),
                next_seq=int(facts.get("next_client_seq") or 1),
            )

    def note_push_failure(self, client_seqs: Sequence[int], error: str) -> None:
        if not client_seqs:
            return
        outbox = schema.outbox
        with self._db.writer.begin() as connection:
            connection.execute(
                update(outbox)
                .where(outbox.c.client_seq.in_(list(client_seqs)))
                .values(attempts=outbox.c.attempts + 1, last_error=error[:500])
            )

    def complete_ops(self, outcomes: Sequence[OpOutcome], notices: Sequence[RefusalNotice]) -> None:
        outbox = schema.outbox
        with self._db.writer.begin() as connection:
            op_ids = [outcome.op_id for outcome in outcomes]
            rows = {
                row["op_id"]: row
                for row in connection.execute(
                    select(outbox).where(outbox.c.op_id.in_(op_ids))
                ).mappings()
            }
            connection.execute(delete(outbox).where(outbox.c.op_id.in_(op_ids)))
            for notice in notices:
                row = rows.get(notice.op_id)
                stmt = sqlite_insert(schema.conflicts).values(
                    op_id=notice.op_id,
                    client_seq=notice.client_seq,
                    kind=notice.kind,
                    order_id=notice.order_id,
                    status=notice.status,
                    code=notice.code,
                    message=notice.message,
                    params=json.dumps(notice.params, default=str),
                    op_payload=row["payload"] if row is not None else "{}",
                    created_at=notice.created_at,
                )
                connection.execute(stmt.on_conflict_do_nothing(index_elements=["op_id"]))
            for outcome in outcomes:
                row = rows.get(outcome.op_id)
                if row is not None:
                    self._settle_local_effect(connection, row, outcome)

    def renumber_outbox(self, first_seq: int) -> None:
        outbox = schema.outbox
        with self._db.writer.begin() as connection:
            seqs = list(
                connection.execute(
                    select(outbox.c.client_seq).order_by(outbox.c.client_seq)
                ).scalars()
            )
            # Two steps through negative numbers: client_seq is the primary key.
            for index, seq in enumerate(seqs):
                connection.execute(
                    update(outbox).where(outbox.c.client_seq == seq).values(client_seq=-1 - index)
                )
            for index in range(len(seqs)):
                connection.execute(
                    update(outbox)
                    .where(outbox.c.client_seq == -1 - index)
                    .values(client_seq=first_seq + index)
                )
            write_meta(connection, "next_client_seq", str(first_seq + len(seqs)))

    def _settle_local_effect(self, connection: Connection, op: Any, outcome: OpOutcome) -> None:
        """Bring the local copy in line with the server's answer to ``op``."""
        refused = outcome.status in (OpStatus.CONFLICT.value, OpStatus.REJECTED.value)
        payload = json.loads(op["payload"])
        if op["kind"] == OpKind.JOURNAL.value:
            connection.execute(
                update(schema.journal)
                .where(schema.journal.c.id == str(payload.get("id")))
                .values(pending=2 if refused else 0)
            )
        notes = schema.notes
        if refused:
            connection.execute(update(notes).where(notes.c.op_id == op["op_id"]).values(pending=2))
        if op["kind"] not in ORDER_CHANGING_KINDS or op["order_id"] is None:
            return
        orders = schema.orders
        outbox = schema.outbox
        still_pending = connection.execute(
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.order_id == op["order_id"], outbox.c.kind.in_(ORDER_CHANGING_KINDS))
        ).scalar()
        if still_pending:
            return
        target = update(orders).where(orders.c.id == op["order_id"])
        if refused or outcome.order_version is None:
            values: dict[str, Any] = {"awaited_version": None, "local_status": None}
            if refused:
                values.update(self._server_values(connection, op["order_id"]))
            connection.execute(target.values(**values))
            return
        awaited = outcome.order_version
        # If the server's new version already arrived (events can beat the push
        # answer), the local status has served its purpose.
        reached = orders.c.version >= awaited
        connection.execute(
            target.values(
                awaited_version=case((reached, None), else_=awaited),
                local_status=case((reached, None), else_=orders.c.local_status),
            )
        )

    @staticmethod
    def _server_values(connection: Connection, order_id: int) -> dict[str, Any]:
        """The edit columns as the server last sent them (a refused edit is undone)."""
        payload = connection.execute(
            select(schema.orders.c.payload).where(schema.orders.c.id == order_id)
        ).scalar()
        if payload is None:
            return {}
        row = order_row(json.loads(payload))
        return {name: row[name] for name in LOCAL_EDIT_COLUMNS}

    # -- pull ----------------------------------------------------------------------

    def cursor(self) -> int | None:
        with self._db.reader.connect() as connection:
            value = read_meta(connection, "pull_cursor")
        return int(value) if value is not None else None

    def apply_changes(self, changes: Sequence[ChangeEvent], new_cursor: int) -> AppliedChanges:
        with self._db.writer.begin() as connection:
            stored = read_meta(connection, "pull_cursor")
            cursor = int(stored) if stored is not None else 0
            fresh = [change for change in changes if change.seq > cursor]
            effects = apply_events(connection, fresh, my_user_id=self._user_id(connection))
            final = max(cursor, new_cursor, *(change.seq for change in fresh))
            if stored is None or final != cursor:
                write_meta(connection, "pull_cursor", str(final))
        return AppliedChanges(
            cursor=final,
            applied=effects.applied,
            order_ids=frozenset(effects.order_ids),
            entities=frozenset(effects.entities),
            lost_leases=tuple(effects.lost_leases),
        )

    def begin_full_resync(self) -> int:
        with self._db.writer.begin() as connection:
            generation = int(read_meta(connection, "resync_generation") or 0) + 1
            write_meta(connection, "resync_generation", str(generation))
        return generation

    def store_resync_orders(self, generation: int, orders: Sequence[dict[str, Any]]) -> None:
        if not orders:
            return
        with self._db.writer.begin() as connection:
            upsert_orders(connection, orders, generation)
            # A row we kept because it is newer still belongs to this refresh. Only
            # those need the write: the upsert already stamped every row it wrote.
            connection.execute(
                update(schema.orders)
                .where(
                    schema.orders.c.id.in_([int(order["id"]) for order in orders]),
                    schema.orders.c.resync_generation != generation,
                )
                .values(resync_generation=generation)
            )

    def finish_full_resync(self, generation: int, cursor: int) -> AppliedChanges:
        orders = schema.orders
        with self._db.writer.begin() as connection:
            connection.execute(delete(orders).where(orders.c.resync_generation != generation))
            write_meta(connection, "pull_cursor", str(cursor))
            count = connection.execute(select(func.count()).select_from(orders)).scalar() or 0
        return AppliedChanges(
            cursor=cursor, applied=int(count), entities=frozenset({"order"}), full_refresh=True
        )

    def replace_reference_data(self, data: ReferenceData) -> None:
        def dumped(item: Any) -> str:
            return json.dumps(item, separators=(",", ":"), default=str)

        with self._db.writer.begin() as connection:
            for table in (
                schema.articles,
                schema.cities,
                schema.predefined_notes,
                schema.templates,
            ):
                connection.execute(delete(table))
            if data.articles:
                connection.execute(
                    schema.articles.insert(),
                    [
                        {"ref": a["ref"], "name": a.get("name", ""), "payload": dumped(a)}
                        for a in data.articles
                    ],
                )
            if data.cities:
                connection.execute(
                    schema.cities.insert(),
                    [{"name": c["name"], "payload": dumped(c)} for c in data.cities],
                )
            if data.predefined_notes:
                connection.execute(
                    schema.predefined_notes.insert(),
                    [{"code": n["code"], "payload": dumped(n)} for n in data.predefined_notes],
                )
            if data.templates:
                connection.execute(
                    schema.templates.insert(),
                    [
                        {"code": t["code"], "language": t["language"], "payload": dumped(t)}
                        for t in data.templates
                    ],
                )
            write_meta(connection, "settings", dumped(data.settings))
            write_meta(connection, "team_settings", dumped(data.team_settings))

    def replace_order_history(
        self, order_id: int, notes: Sequence[dict[str, Any]], journal: Sequence[dict[str, Any]]
    ) -> None:
        events = [
            ChangeEvent(seq=0, entity="note", entity_id=str(n["id"]), at=n["created_at"], payload=n)
            for n in notes
        ] + [
            ChangeEvent(
                seq=0, entity="journal", entity_id=str(j["id"]), at=j["started_at"], payload=j
            )
            for j in journal
        ]
        with self._db.writer.begin() as connection:
            # Confirmed entries are replaced; pending/refused local ones stay.
            connection.execute(
                delete(schema.notes).where(
                    schema.notes.c.order_id == order_id, schema.notes.c.pending == 0
                )
            )
            connection.execute(
                delete(schema.journal).where(
                    schema.journal.c.order_id == order_id, schema.journal.c.pending == 0
                )
            )
            apply_events(connection, events, my_user_id=self._user_id(connection))

    # -- leases --------------------------------------------------------------------

    def held_leases(self) -> list[LeaseRef]:
        leases = schema.held_leases
        with self._db.reader.connect() as connection:
            rows = connection.execute(select(leases.c.order_id, leases.c.epoch)).all()
        return [LeaseRef(order_id=order_id, epoch=epoch) for order_id, epoch in rows]

    def record_claim(self, order: dict[str, Any], lease: LeaseInfo) -> None:
        with self._db.writer.begin() as connection:
            upsert_orders(connection, [order])
            self._upsert_lease(connection, lease)

    def renew_leases(self, renewed: Sequence[LeaseInfo]) -> None:
        with self._db.writer.begin() as connection:
            for lease in renewed:
                connection.execute(
                    update(schema.held_leases)
                    .where(
                        schema.held_leases.c.order_id == lease.order_id,
                        schema.held_leases.c.epoch == lease.epoch,
                    )
                    .values(expires_at=iso_utc(lease.expires_at))
                )

    def drop_leases(self, order_ids: Sequence[int]) -> None:
        with self._db.writer.begin() as connection:
            connection.execute(
                delete(schema.held_leases).where(schema.held_leases.c.order_id.in_(list(order_ids)))
            )

    @staticmethod
    def _upsert_lease(connection: Connection, lease: LeaseInfo) -> None:
        stmt = sqlite_insert(schema.held_leases)
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=[schema.held_leases.c.order_id],
                set_={"epoch": stmt.excluded.epoch, "expires_at": stmt.excluded.expires_at},
            ),
            [
                {
                    "order_id": lease.order_id,
                    "epoch": lease.epoch,
                    "expires_at": iso_utc(lease.expires_at),
                }
            ],
        )

    @staticmethod
    def _user_id(connection: Connection) -> int | None:
        value = read_meta(connection, "user_id")
        return int(value) if value else None
