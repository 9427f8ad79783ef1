"""The seam between sync and the desktop's local store.

sync never imports the application layer; it is handed an object that
satisfies ``SyncStore`` (the local store implements it) and talks to it with
the plain records below. Every method that changes several things does so in
one local transaction, so a crash leaves either the old or the new state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.wire.changes import ChangeEvent
from core.wire.leases import LeaseRef
from core.wire.orders import LeaseInfo


@dataclass(frozen=True)
class PendingOp:
    """An outbox row: one action of the agent waiting for a definite answer."""

    client_seq: int
    op_id: str
    kind: str
    order_id: int | None
    lease_epoch: int | None
    expected_version: int | None
    created_at: str
    payload: dict[str, Any]

    def to_wire(self) -> dict[str, Any]:
        """The op as ``core.wire.sync_ops.Op`` JSON."""
        return {
            "op_id": self.op_id,
            "client_seq": self.client_seq,
            "kind": self.kind,
            "order_id": self.order_id,
            "lease_epoch": self.lease_epoch,
            "expected_version": self.expected_version,
            "created_at": self.created_at,
            "payload": self.payload,
        }


@dataclass(frozen=True)
class RefusalNotice:
    """An op the server refused (conflict / rejected), in words the agent can read.

    ``code`` and ``params`` let the UI build its own translated sentence;
    ``message`` is the English one.
    """

    op_id: str
    client_seq: int
    order_id: int | None
    kind: str
    status: str
    code: str
    params: dict[str, Any]
    message: str
    created_at: str
    id: int | None = None
    acknowledged: bool = False


@dataclass(frozen=True)
class OpOutcome:
    """The server's definite answer to one op."""

    op_id: str
    client_seq: int
    status: str
    code: str | None = None
    message: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    order_version: int | None = None


@dataclass(frozen=True)
class LostLeaseNotice:
    """A claim this desk held and no longer holds, with the reason in words."""

    order_id: int
    code: str
    message: str
    holder_name: str | None = None


@dataclass(frozen=True)
class AppliedChanges:
    """What one local transaction of changes did (for signals and views)."""

    cursor: int
    applied: int
    order_ids: frozenset[int] = frozenset()
    entities: frozenset[str] = frozenset()
    lost_leases: tuple[LostLeaseNotice, ...] = ()
    #: Every order was replaced (full resync): views should reload everything.
    full_refresh: bool = False


#: The entities that ``ReferenceData`` replaces, as change events name them.
REFERENCE_ENTITIES = frozenset({"article", "city", "settings", "template", "predefined_note"})


@dataclass(frozen=True)
class ReferenceData:
    """The shop's reference data as the server lists it (wire JSON)."""

    articles: list[dict[str, Any]]
    cities: list[dict[str, Any]]
    settings: dict[str, Any]
    predefined_notes: list[dict[str, Any]]
    templates: list[dict[str, Any]]
    #: The signed-in user's team's settings (``TeamSettingsWire``).
    team_settings: dict[str, Any] = field(default_factory=dict)


class SyncStore(Protocol):
    """What the sync engine needs from the local store."""

    def device_id(self) -> str:
        """Stable id of this desk's store (scopes ``client_seq`` on the server)."""
        ...

    def order_reference(self, order_id: int) -> str | None:
        """The reference agents know an order by (for sentences), None if unknown."""
        ...

    def pending_ops(self, limit: int) -> list[PendingOp]:
        """Oldest outbox rows first, at most ``limit``."""
        ...

    def pending_count(self) -> int: ...

    def queue_presence(self, state: str, reason: str | None, order_id: int | None) -> None:
        """Put a presence change in the outbox (pushed in order with the other ops)."""
        ...

    def note_push_failure(self, client_seqs: Sequence[int], error: str) -> None:
        """Count a failed attempt on these rows (they stay in the outbox)."""
        ...

    def complete_ops(self, outcomes: Sequence[OpOutcome], notices: Sequence[RefusalNotice]) -> None:
        """In one transaction: delete the answered outbox rows, keep the refusals,
        undo the local effect of refused ops."""
        ...

    def renumber_outbox(self, first_seq: int) -> None:
        """Give the pending ops ``client_seq`` first_seq, first_seq+1... in their order
        (the server expects ``first_seq`` next) and continue the counter after them."""
        ...

    def cursor(self) -> int | None:
        """The last change-log sequence applied, None before the first sync."""
        ...

    def apply_changes(self, changes: Sequence[ChangeEvent], new_cursor: int) -> AppliedChanges:
        """Apply changes with ``seq`` above the stored cursor and store ``new_cursor``,
        in one transaction (changes at or below the cursor are skipped: no twice)."""
        ...

    def begin_full_resync(self) -> int:
        """Start replacing every order; returns a generation for the pages."""
        ...

    def store_resync_orders(self, generation: int, orders: Sequence[dict[str, Any]]) -> None:
        """Upsert a page of ``OrderWire`` JSON as part of the resync ``generation``."""
        ...

    def finish_full_resync(self, generation: int, cursor: int) -> AppliedChanges:
        """Drop orders the resync did not see and store ``cursor``, in one transaction."""
        ...

    def replace_reference_data(self, data: ReferenceData) -> None:
        """Replace articles, cities, settings, predefined notes and templates at once."""
        ...

    def replace_order_history(
        self, order_id: int, notes: Sequence[dict[str, Any]], journal: Sequence[dict[str, Any]]
    ) -> None:
        """Store the server's notes and journal of one order (``NoteWire`` /
        ``JournalEntryWire`` JSON), keeping our own entries not yet confirmed."""
        ...

    def held_leases(self) -> list[LeaseRef]: ...

    def record_claim(self, order: dict[str, Any], lease: LeaseInfo) -> None:
        """A claim succeeded: store the order and the lease we now hold."""
        ...

    def renew_leases(self, renewed: Sequence[LeaseInfo]) -> None: ...

    def drop_leases(self, order_ids: Sequence[int]) -> None: ...
