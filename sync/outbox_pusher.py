"""Pushes the outbox in batches until the server has answered every op.

A batch is the oldest pending rows in ``client_seq`` order. Its
``Idempotency-Key`` is the SHA-256 of the exact body bytes, so a batch
re-sent after a lost answer, a crash or a restart carries the same key, and a
batch that grew since carries another (the server still recognises each
``op_id``). A row leaves the outbox only with a definite per-op answer
(applied / duplicate / conflict / rejected); refusals are turned into
sentences and kept by the store for the agent.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.wire import IDEMPOTENCY_HEADER
from core.wire.errors import IDEMPOTENCY_KEY_REUSED, SEQUENCE_GAP
from core.wire.sync_ops import OpStatus, PushResult
from sync.http_client import ApiRefusal, HttpClient
from sync.refusal_messages import describe_refusal
from sync.sync_store import OpOutcome, PendingOp, RefusalNotice, SyncStore

log = logging.getLogger(__name__)

PUSH_PATH = "/sync/push"
_SEQUENCE_CODES = frozenset({SEQUENCE_GAP, "sequence_behind"})
MAX_BATCH = 200  # the server's limit (core.wire.sync_ops.PushBatch)


@dataclass
class PushReport:
    """What one or more pushed batches achieved."""

    applied: int = 0
    duplicates: int = 0
    refusals: list[RefusalNotice] = field(default_factory=list)
    batches: int = 0

    def add(self, other: PushReport) -> None:
        self.applied += other.applied
        self.duplicates += other.duplicates
        self.refusals.extend(other.refusals)
        self.batches += other.batches


class SequenceGapError(Exception):
    """The server expects other client sequences than the outbox holds."""


class OutboxPusher:
    """Sends outbox batches and records the server's answers in the store."""

    def __init__(
        self,
        client: HttpClient,
        store: SyncStore,
        *,
        batch_size: int = 100,
        order_label: Callable[[int], str] | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self._order_label = order_label or str
        # After a whole-batch 422 we go one op at a time to find the culprit.
        self._single_steps = 0

    def push_batch(self) -> PushReport | None:
        """Push one batch; None when the outbox is empty.

        Raises ``ServerUnreachable`` / ``AuthenticationRequired`` without touching
        the outbox (no definite answer).
        """
        limit = 1 if self._single_steps else self.batch_size
        ops = self._store.pending_ops(limit)
        if not ops:
            return None
        body = json.dumps(
            {"device_id": self._store.device_id(), "ops": [op.to_wire() for op in ops]},
            separators=(",", ":"),
            sort_keys=True,
        ).encode()
        key = hashlib.sha256(body).hexdigest()
        try:
            raw = self._client.post_bytes(
                PUSH_PATH, body, headers={IDEMPOTENCY_HEADER: key}, retry=True
            )
        except ApiRefusal as refusal:
            return self._batch_refused(ops, refusal)
        except Exception as error:
            self._store.note_push_failure([op.client_seq for op in ops], str(error))
            raise
        if self._single_steps:
            self._single_steps -= 1
        result = PushResult.model_validate(raw)
        return self._record(ops, result)

    def drain(self, should_stop: Callable[[], bool] = lambda: False) -> PushReport:
        """Push batches until the outbox is empty (or ``should_stop()``)."""
        total = PushReport()
        while not should_stop():
            report = self.push_batch()
            if report is None:
                break
            total.add(report)
        return total

    def _record(self, ops: list[PendingOp], result: PushResult) -> PushReport:
        by_id = {op.op_id: op for op in ops}
        outcomes: list[OpOutcome] = []
        expected_seq: int | None = None
        notices: list[RefusalNotice] = []
        report = PushReport(batches=1)
        now = datetime.now(UTC).isoformat()
        for item in result.results:
            op = by_id.get(str(item.op_id))
            if op is None:
                log.warning("push answered an op we did not send: %s", item.op_id)
                continue
            if item.status is OpStatus.REJECTED and item.code in _SEQUENCE_CODES:
                # Not an answer about the op: the server did not look at it. Keep it and
                # number the outbox from what the server expects.
                if expected_seq is None:
                    expected_seq = int(item.params.get("expected_seq", result.last_client_seq + 1))
                continue
            outcome = OpOutcome(
                op_id=op.op_id,
                client_seq=op.client_seq,
                status=item.status.value,
                code=item.code,
                message=item.message,
                params=dict(item.params),
                order_version=item.order_version,
            )
            outcomes.append(outcome)
            if item.status is OpStatus.APPLIED:
                report.applied += 1
            elif item.status is OpStatus.DUPLICATE:
                report.duplicates += 1
            else:
                notices.append(self._notice(op, outcome, now))
        if outcomes:
            self._store.complete_ops(outcomes, notices)
        if expected_seq is not None:
            log.warning("outbox renumbered from client_seq %s", expected_seq)
            self._store.renumber_outbox(expected_seq)
        elif not outcomes:
            raise SequenceGapError("the server answered none of the ops of the batch")
        report.refusals.extend(notices)
        return report

    def _notice(self, op: PendingOp, outcome: OpOutcome, now: str) -> RefusalNotice:
        code = outcome.code or outcome.status
        return RefusalNotice(
            op_id=op.op_id,
            client_seq=op.client_seq,
            order_id=op.order_id,
            kind=op.kind,
            status=outcome.status,
            code=code,
            params=outcome.params,
            message=describe_refusal(
                code,
                outcome.params,
                kind=op.kind,
                order_label=self._order_label(op.order_id) if op.order_id is not None else "",
                server_message=outcome.message,
            ),
            created_at=now,
        )

    def _batch_refused(self, ops: list[PendingOp], refusal: ApiRefusal) -> PushReport:
        if refusal.code == SEQUENCE_GAP:
            raise SequenceGapError(refusal.message) from refusal
        if refusal.code == IDEMPOTENCY_KEY_REUSED or refusal.status in (409, 429):
            # Not an answer about the ops themselves: keep them and try again later.
            self._store.note_push_failure([op.client_seq for op in ops], refusal.message)
            raise refusal
        if len(ops) > 1:
            # One bad op must not block the others: find it by going one by one.
            self._single_steps = len(ops)
            self._store.note_push_failure([op.client_seq for op in ops], refusal.message)
            return PushReport()
        # A single op refused as a whole request is a definite answer for that op.
        op = ops[0]
        outcome = OpOutcome(
            op_id=op.op_id,
            client_seq=op.client_seq,
            status=OpStatus.REJECTED.value,
            code=refusal.code,
            message=refusal.message,
            params=dict(refusal.params),
        )
        notice = self._notice(op, outcome, datetime.now(UTC).isoformat())
        self._store.complete_ops([outcome], [notice])
        return PushReport(refusals=[notice], batches=1)
