"""Pruning of push bookkeeping: idempotency keys and applied-op rows older than
the retention (``hatif-server serve --retention-days``, 30 by default).

They exist so a desk that re-sends a batch or an op gets the first answer
again instead of a second application; a desk offline for longer than the
retention must resync (the change log's own pruning asks it to). Deleted in
small batches, each its own short write transaction, so desks pushing
meanwhile never wait long for the write lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, tuple_

from server.db.models_sync import AppliedOp, IdempotencyRecord
from server.db.session import Database
from server.services.db_clock import db_now

log = logging.getLogger(__name__)

BATCH = 2000
PRUNE_EVERY_S = 3600.0


@dataclass
class PruneResult:
    idempotency_keys: int = 0
    applied_ops: int = 0


def prune_sync_bookkeeping(db: Database, retention: timedelta) -> PruneResult:
    """Delete idempotency keys and applied ops older than ``retention``."""
    result = PruneResult()
    with db.read() as session:
        cutoff = db_now(session) - retention
    while True:
        with db.write() as session:
            keys = session.execute(
                select(IdempotencyRecord.user_id, IdempotencyRecord.key)
                .where(IdempotencyRecord.created_at < cutoff)
                .limit(BATCH)
            ).all()
            if keys:
                session.execute(
                    delete(IdempotencyRecord).where(
                        tuple_(IdempotencyRecord.user_id, IdempotencyRecord.key).in_(
                            [tuple(k) for k in keys]
                        )
                    )
                )
        result.idempotency_keys += len(keys)
        if len(keys) < BATCH:
            break
    while True:
        with db.write() as session:
            ops = list(
                session.execute(
                    select(AppliedOp.op_id).where(AppliedOp.at < cutoff).limit(BATCH)
                ).scalars()
            )
            if ops:
                session.execute(delete(AppliedOp).where(AppliedOp.op_id.in_(ops)))
        result.applied_ops += len(ops)
        if len(ops) < BATCH:
            break
    return result


class SyncPruner:
    """Prunes once at start and then every hour, in the server process."""

    def __init__(self, db: Database, retention: timedelta) -> None:
        self.db = db
        self.retention = retention
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="sync-pruner")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                pruned = await asyncio.to_thread(prune_sync_bookkeeping, self.db, self.retention)
                if pruned.idempotency_keys or pruned.applied_ops:
                    log.info("pruned push bookkeeping: %s", pruned)
            except Exception as error:  # keep serving; the next round retries
                log.warning("pruning push bookkeeping failed: %s", error)
            await asyncio.sleep(PRUNE_EVERY_S)
