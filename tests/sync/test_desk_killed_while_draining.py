"""The desk process is SIGKILLed 20 times while draining its outbox (1,000 ops, topped up
when a loaded machine lets the desk drain faster than the test can kill it): every op
applied, once each."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.sync.desk import open_desk
from tests.sync.drain_child import start_drain_process
from tests.sync.server_harness import SyncTestServer

pytestmark = pytest.mark.slow

KILLS = 20
BATCH = 10
TOP_UP_BELOW = 150  # ops left: under this, queue more so the next kill still lands mid-drain
TOP_UP = 300


def _pending(store_file: Path) -> int:
    with sqlite3.connect(store_file, timeout=30) as raw:
        return int(raw.execute("SELECT count(*) FROM outbox").fetchone()[0])


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_desk_killed_twenty_times_while_draining(
    backend: str,
    request: pytest.FixtureRequest,
    qapp: QCoreApplication,
    start_server: Callable[..., SyncTestServer],
    tmp_path: Path,
) -> None:
    db_url = None
    if backend == "postgresql":
        db_url = request.getfixturevalue("seeded_postgres_url")
    server = start_server(db_url=db_url)
    desk = open_desk(tmp_path, server.url, "agent3")
    desk.claim_orders(3)  # an agent holds at most three orders (lease cap)
    texts = desk.queue_notes(1000, "sigkill")
    store_file = desk.store.database.path
    token = desk.token.token or ""
    desk.close()

    rng = random.Random(11)
    kills_mid_drain = 0
    for round_number in range(KILLS):
        if _pending(store_file) < TOP_UP_BELOW:
            # Under load the parent can be slow to notice progress; give the desk more to
            # push rather than let a kill land on an empty outbox.
            refill = open_desk(tmp_path, server.url, "agent3")
            refill.claimed = list(desk.claimed)
            texts += refill.queue_notes(TOP_UP, f"sigkill{round_number:02d}")
            refill.close()
        before = _pending(store_file)
        child, report = start_drain_process(store_file, server.url, token, BATCH)
        assert report.poll(30) and report.recv() == "ready"
        # Kill once the desk has made some progress, at a random moment after: in
        # the middle of a push, of the local commit of its answer, or between them.
        deadline = time.monotonic() + 60
        while _pending(store_file) == before and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        report.close()
        after = _pending(store_file)
        if 0 < after < before:
            kills_mid_drain += 1
    # A loaded machine can make one kill land just as a batch empties the outbox or
    # before any progress; the test needs kills in the middle of the drain, not all 20.
    assert kills_mid_drain >= KILLS - 2, f"only {kills_mid_drain} kills landed mid-drain"

    child, report = start_drain_process(store_file, server.url, token, BATCH)
    assert report.poll(30) and report.recv() == "ready"
    assert report.poll(120) and report.recv() == "done"
    child.join(10)
    assert _pending(store_file) == 0

    reopened = open_desk(tmp_path / "check", server.url, "agent3")
    reopened.claimed = list(desk.claimed)
    on_server = reopened.server_notes("sigkill")
    reopened.close()
    assert len(on_server) == len(texts) >= 1000
    assert Counter(on_server) == Counter(texts)
