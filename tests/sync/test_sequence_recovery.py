"""The outbox recovers when its numbering no longer matches what the server expects
(a store restored from a backup, an op refused as a whole request): nothing is
dropped, nothing applied twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.sync.desk import open_desk
from tests.sync.server_harness import SyncTestServer

pytestmark = pytest.mark.slow


def test_sequence_gap_renumbers_the_outbox_and_applies_everything_once(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    desk = open_desk(tmp_path, server.url, "agent4", batch_size=5)
    try:
        desk.claim_orders(2)
        first = desk.queue_notes(5, "before")
        while desk.pusher_batch():
            pass
        # The store forgets where it was (say, restored from last week's copy).
        later = desk.queue_notes(12, "after")
        desk.store.sync.renumber_outbox(40)
        assert [op.client_seq for op in desk.store.sync.pending_ops(2)] == [40, 41]
        while desk.pusher_batch():
            pass
        assert desk.store.sync.pending_count() == 0
        assert desk.store.refusals.refusals() == []
        # Numbers already used by other ops ("behind") are recovered the same way.
        last = desk.queue_notes(7, "behind")
        desk.store.sync.renumber_outbox(2)
        while desk.pusher_batch():
            pass
        assert desk.store.sync.pending_count() == 0
        assert desk.store.refusals.refusals() == []
        on_server = [
            *desk.server_notes("before"),
            *desk.server_notes("after"),
            *desk.server_notes("behind"),
        ]
        assert Counter(on_server) == Counter(first + later + last)
    finally:
        desk.close()
