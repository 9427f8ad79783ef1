"""The local store of one user on one desk: the file, its repositories, its sync side.

``LocalStore.open(path)`` creates or migrates the SQLite file and wires the
repositories the UI uses (queue, order detail, catalogue, refusals), the
action recorder, and ``sync`` — the ``SyncStore`` the sync engine is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from app.local_store.action_recorder import ActionRecorder, RecordedAction
from app.local_store.catalogue_repository import CatalogueRepository
from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.order_detail_repository import OrderDetailRepository
from app.local_store.presence_repository import PresenceRepository
from app.local_store.queue_repository import QueueRepository
from app.local_store.refusal_repository import RefusalRepository
from app.local_store.store_database import StoreDatabase, open_store_database
from core.wire.sync_ops import OpKind


class LocalStore:
    """The open store and the objects built on it (no global: the app passes it in)."""

    def __init__(self, database: StoreDatabase) -> None:
        self.database = database
        self.sync = LocalSyncStore(database)
        self.actions = ActionRecorder(database)
        self.queue = QueueRepository(database)
        self.refusals = RefusalRepository(database)
        self.orders = OrderDetailRepository(database, self.queue, self.refusals)
        self.catalogue = CatalogueRepository(database)
        self.presence = PresenceRepository(database)

    @classmethod
    def open(cls, path: Path) -> LocalStore:
        """Open (create, migrate) the store file at ``path``."""
        return cls(open_store_database(path))

    def record_action(
        self,
        kind: OpKind | str,
        order_id: int,
        payload: BaseModel | dict[str, Any] | None = None,
        *,
        lease_epoch: int | None = None,
        expected_version: int | None = None,
    ) -> RecordedAction:
        """See ``ActionRecorder.record_action``; call ``SyncEngine.wake()`` after it."""
        return self.actions.record_action(
            kind,
            order_id,
            payload,
            lease_epoch=lease_epoch,
            expected_version=expected_version,
        )

    def close(self) -> None:
        self.database.dispose()
