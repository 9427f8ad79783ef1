"""Offline, the lease expires and another agent takes the order: the first agent's
call is still journaled, its disposition comes back as a conflict it can read,
nothing it typed is lost, and the lost lease is announced."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest
import requests
from PySide6.QtCore import QCoreApplication

from app.local_store.queue_repository import QueueFilter
from core.wire.sync_ops import CancelPayload, JournalEntryIn, NotePayload, OpKind
from sync.http_client import ServerUnreachable
from sync.order_claims import ClaimRefused
from sync.sync_store import LostLeaseNotice
from tests.sync.desk import open_desk
from tests.sync.loopback_proxy import TcpRelay
from tests.sync.server_harness import SyncTestServer, api, login

pytestmark = pytest.mark.slow


def _free_unowned_order(rows: list) -> int:
    for row in rows:
        if row.owner_name is None and row.lease_holder_name is None:
            return int(row.id)
    raise AssertionError("the demo shop has no free order")


def test_lease_lost_offline_keeps_journal_and_reports_the_disposition(
    qapp: QCoreApplication, start_server: Callable[..., SyncTestServer], tmp_path: Path
) -> None:
    server = start_server()
    with TcpRelay(server.port) as relay:
        desk = open_desk(tmp_path, server.url, "agent1", engine_url=relay.url, lease_seconds=10)
        lost: list[LostLeaseNotice] = []
        desk.engine.leaseLost.connect(lost.append)
        try:
            desk.engine.sync_once()
            open_ids = desk.store.queue.ids(QueueFilter(statuses=frozenset({"unassigned"})))
            order_id = _free_unowned_order(desk.store.queue.rows_by_ids(open_ids))
            claim = desk.engine.claims.claim(order_id)
            assert claim.lease.holder_id == desk.user["id"]

            relay.set_offline(True)
            with pytest.raises(ClaimRefused) as refused:
                desk.engine.claims.claim_next()
            assert refused.value.code == "offline"
            assert "offline" in refused.value.message

            call_id = uuid4()
            desk.store.record_action(
                OpKind.JOURNAL,
                order_id,
                JournalEntryIn(
                    id=call_id,
                    order_id=order_id,
                    channel="call",
                    number="+212600000001",
                    started_at=datetime.now(UTC),
                    ring_seconds=8,
                    talk_seconds=35,
                    outcome="answered",
                    sip_code=200,
                ),
            )
            desk.store.record_action(
                OpKind.CANCEL, order_id, CancelPayload(reason="Client a changé d'avis")
            )
            desk.store.record_action(OpKind.ADD_NOTE, order_id, NotePayload(text="Rappeler lundi"))
            with pytest.raises(ServerUnreachable):
                desk.engine.sync_once()
            desk.engine.note_unreachable()  # what the worker loop does on this error
            assert desk.store.sync.pending_count() == 3
            assert desk.store.queue.rows_by_ids([order_id])[0].status == "cancelled"

            other = login(server.url, "agent2")
            deadline = time.monotonic() + 40
            while True:  # the lease runs out on the server's clock
                try:
                    taken = api(
                        server.url, other["token"], "POST", f"/orders/{order_id}/claim", json={}
                    )
                    break
                except requests.HTTPError:
                    assert time.monotonic() < deadline, "the lease never expired"
                    time.sleep(0.5)
            assert taken["lease"]["epoch"] > claim.lease.epoch

            relay.set_offline(False)
            desk.engine.sync_once()
            qapp.processEvents()
            assert desk.store.sync.pending_count() == 0

            journal = api(server.url, other["token"], "GET", f"/orders/{order_id}/journal")
            assert [entry["id"] for entry in journal] == [str(call_id)]
            order = api(server.url, other["token"], "GET", f"/orders/{order_id}")
            assert order["status"] != "cancelled"

            other_name = other["user"]["display_name"]
            refusals = {r.kind: r for r in desk.store.refusals.refusals()}
            assert set(refusals) == {"cancel", "add_note"}
            cancel = refusals["cancel"]
            assert cancel.status == "conflict"
            assert cancel.message.startswith("Your cancellation on order ")
            assert other_name in cancel.message
            assert desk.store.refusals.op_payload(cancel.id or 0)["reason"] == (
                "Client a changé d'avis"
            )
            assert [n.order_id for n in lost] == [order_id]
            assert other_name in lost[0].message
            kinds = {(e.kind, e.state) for e in desk.store.orders.timeline(order_id)}
            assert ("note", 2) in kinds  # the note is kept, marked as not applied
            assert ("refusal", 2) in kinds
            assert desk.store.queue.rows_by_ids([order_id])[0].status != "cancelled"
        finally:
            desk.close()
