"""A desk process that only drains its outbox (killed with SIGKILL by the tests).

``start_drain_process(...)`` forks the test process (already warm: no seconds
of imports per start) into a real child process that opens the store file,
builds a ``SyncEngine`` and pushes until the outbox is empty. It reports
``ready`` / ``done`` through a pipe and leaves with ``os._exit`` so nothing of
the parent (pytest, Qt) runs in it at exit.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from app.local_store.local_store import LocalStore
from sync.http_client import ServerUnreachable
from sync.sync_engine import SyncEngine


def _drain(
    store_file: str, server_url: str, token: str, batch_size: int, report: Connection
) -> None:
    code = 1
    try:
        store = LocalStore.open(Path(store_file))
        engine = SyncEngine(
            store.sync, server_url, lambda: token, batch_size=batch_size, use_event_stream=False
        )
        report.send("ready")
        while store.sync.pending_count():
            try:
                engine.pusher.drain()
            except ServerUnreachable:
                continue
        store.close()
        report.send("done")
        code = 0
    finally:
        os._exit(code)


def start_drain_process(
    store_file: Path, server_url: str, token: str, batch_size: int
) -> tuple[BaseProcess, Connection]:
    """Fork a draining desk; returns the process and the pipe it reports on."""
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_drain, args=(str(store_file), server_url, token, batch_size, sender), daemon=True
    )
    process.start()
    sender.close()
    return process, receiver
