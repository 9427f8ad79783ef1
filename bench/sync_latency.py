"""Benchmark of the desk's sync against the real server, on SQLite and PostgreSQL.

Measures, per database backend:

- live latency: a change made on the server (an agent's note pushed) until the
  event is applied in the local stores of N connected desks (default 100),
  p50 / p95 / max over several changes, and apart the time until the event
  reached the desk (the desks share two bench processes here, so applying it
  in 100 stores queues up in a way 100 real machines would not);
- the first pull of a desk: 100,000 orders from the change log into an empty
  store (and, apart, one ``GET /orders`` page deep in the table, by offset and
  by keyset);
- a desk's full resync (what ``reset_required`` triggers): the 100,000 orders
  through keyset ``GET /orders`` pages into an empty store;
- draining 1,000 queued ops from one desk's outbox.

The demo shop is seeded with ``hatif-server seed-demo``; the 100,000 orders are
copies of the seeded ones written straight into the server's tables (seeding
that many through the importer takes many minutes and is not what is measured).

Usage: ``python bench/sync_latency.py [--backends sqlite,postgresql] [--clients 100]
[--orders 100000] [--ops 1000] [--changes 15] [--json PATH]``
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from sqlalchemy import create_engine, func, insert, select  # noqa: E402

from app.local_store.local_store import LocalStore  # noqa: E402
from app.local_store.queue_repository import QueueFilter  # noqa: E402
from bench.percentiles import percentile  # noqa: E402
from core.wire.changes import ChangeEvent  # noqa: E402
from core.wire.sync_ops import NotePayload, OpKind  # noqa: E402
from server.db.models_orders import OrderLineRow, OrderRow  # noqa: E402
from server.db.models_sync import ChangeRow  # noqa: E402
from server.db.session import normalize_database_url  # noqa: E402
from sync.event_stream import EventStreamListener  # noqa: E402
from sync.http_client import HttpClient  # noqa: E402
from tests.fixtures.postgres import postgres_missing_reason, start_postgres, stop_postgres  # noqa: E402
from tests.sync.desk import open_desk  # noqa: E402
from tests.sync.server_harness import ServerProcess, login, seed_demo_database  # noqa: E402


def clone_orders(db_url: str, target: int) -> int:
    """Copy the seeded orders (with their lines, and their last change-log entry as a
    new unsequenced change, like the importer's) until the server holds ``target``."""
    engine = create_engine(normalize_database_url(db_url))
    orders, lines, changes = OrderRow.__table__, OrderLineRow.__table__, ChangeRow.__table__
    with engine.begin() as connection:
        templates = [dict(r) for r in connection.execute(select(orders)).mappings()]
        last_change: dict[str, dict[str, Any]] = {}
        for row in connection.execute(
            select(changes).where(changes.c.entity == "order").order_by(changes.c.id)
        ).mappings():
            last_change[row["entity_id"]] = dict(row)
        template_lines: dict[int, list[dict[str, Any]]] = {}
        for row in connection.execute(select(lines)).mappings():
            template_lines.setdefault(row["order_id"], []).append(dict(row))
        count = connection.execute(select(func.count()).select_from(orders)).scalar_one()
    serial = 0
    while count < target:
        chunk = min(2000, target - count)
        new_orders = []
        sources = []
        for index in range(chunk):
            source = templates[(count + index) % len(templates)]
            serial += 1
            copy = {k: v for k, v in source.items() if k != "id"}
            copy.update(
                reference=f"BENCH-{serial:07d}",
                lease_holder_id=None,
                lease_expires_at=None,
                import_fingerprint=None,
                possible_duplicate_of=None,
            )
            new_orders.append(copy)
            sources.append(source["id"])
        with engine.begin() as connection:
            ids_list = list(
                connection.execute(insert(orders).returning(orders.c.id), new_orders).scalars()
            )
            new_lines = [
                {**_without(line, "id", "order_id"), "order_id": new_id}
                for new_id, source_id in zip(ids_list, sources, strict=True)
                for line in template_lines.get(source_id, [])
            ]
            if new_lines:
                connection.execute(insert(lines), new_lines)
            new_changes = []
            for new_id, source_id, order in zip(ids_list, sources, new_orders, strict=True):
                template = last_change[str(source_id)]
                payload = {**template["payload"], "id": new_id, "reference": order["reference"]}
                new_changes.append(
                    {
                        **_without(template, "id", "seq"),
                        "entity_id": str(new_id),
                        "payload": payload,
                    }
                )
            connection.execute(insert(changes), new_changes)
        count += chunk
    engine.dispose()
    return count


def _without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}


# -- live latency: client processes holding many desks each -------------------------------


def _client_process(
    url: str,
    tokens: list[str],
    folder: str,
    first: int,
    count: int,
    cursor: int,
    report: Connection,
    control: Connection,
) -> None:
    """Hold ``count`` desks (store + SSE listener each); report when each saw a marker."""
    desks: list[tuple[LocalStore, EventStreamListener]] = []
    seen: list[tuple[str, int, float, float]] = []
    lock = threading.Lock()
    for index in range(first, first + count):
        store = LocalStore.open(Path(folder) / f"desk{index}.sqlite3")
        store.sync.apply_changes([], cursor)
        token = tokens[index % len(tokens)]
        desk_no = index

        def on_events(
            events: Sequence[ChangeEvent], store: LocalStore = store, desk_no: int = desk_no
        ) -> None:
            received = time.monotonic()
            store.sync.apply_changes(events, events[-1].seq)
            applied = time.monotonic()
            for event in events:
                text = event.payload.get("text", "")
                if event.entity.value == "note" and str(text).startswith("bench-marker-"):
                    with lock:
                        seen.append((text, desk_no, received, applied))

        client = HttpClient(url, lambda token=token: token)
        listener = EventStreamListener(client, cursor=store.sync.cursor, on_events=on_events)
        listener.start()
        desks.append((store, listener))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(listener.connected for _, listener in desks):
        time.sleep(0.05)
    report.send(("ready", sum(1 for _, listener in desks if listener.connected)))
    control.recv()  # "stop"
    for store, listener in desks:
        listener.stop(2)
        store.close()
    with lock:
        report.send(("seen", list(seen)))


def measure_latency(server: ServerProcess, clients: int, changes: int, folder: Path) -> dict:
    producer = open_desk(folder / "producer", server.url, "agent1")
    producer.engine.sync_once()
    producer.claim_orders(1)
    cursor = producer.store.sync.cursor() or 0
    tokens = [login(server.url, f"agent{n}")["token"] for n in range(2, 6)]
    processes = 2
    per_process = [clients // processes + (1 if i < clients % processes else 0)
                   for i in range(processes)]
    context = multiprocessing.get_context("fork")
    workers = []
    first = 0
    for count in per_process:
        report_recv, report_send = context.Pipe(duplex=False)
        control_recv, control_send = context.Pipe(duplex=False)
        process = context.Process(
            target=_client_process,
            args=(server.url, tokens, str(folder), first, count, cursor, report_send,
                  control_recv),
            daemon=True,
        )
        process.start()
        workers.append((process, report_recv, control_send))
        first += count
    connected = sum(report.recv()[1] for _, report, _ in workers)
    sent: dict[str, float] = {}
    for index in range(changes):
        marker = f"bench-marker-{index:03d}"
        producer.store.record_action(OpKind.ADD_NOTE, producer.claimed[0], NotePayload(text=marker))
        sent[marker] = time.monotonic()
        producer.engine.pusher.push_batch()
        time.sleep(0.5)
    time.sleep(3.0)
    samples: list[float] = []
    received_samples: list[float] = []
    delivered = 0
    for _, _, control in workers:
        control.send("stop")
    for process, report, _ in workers:
        kind, seen = report.recv()
        assert kind == "seen"
        for text, _desk, received, applied in seen:
            if text in sent:
                samples.append(applied - sent[text])
                received_samples.append(received - sent[text])
                delivered += 1
        process.join(30)
    producer.close()
    return {
        "clients_connected": connected,
        "changes": changes,
        "deliveries": delivered,
        "expected_deliveries": connected * changes,
        "p50_ms": round(percentile(samples, 0.50) * 1000, 1),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1) if samples else float("nan"),
        "received_p50_ms": round(percentile(received_samples, 0.50) * 1000, 1),
        "received_p95_ms": round(percentile(received_samples, 0.95) * 1000, 1),
    }


def measure_first_pull(server: ServerProcess, folder: Path) -> dict:
    desk = open_desk(folder / "first-pull", server.url, "agent1")
    started = time.monotonic()
    desk.engine.puller.pull()
    elapsed = time.monotonic() - started
    client = desk.engine.client
    snapshot_started = time.monotonic()
    client.get_json("/orders", params={"offset": 50_000, "limit": 500})
    snapshot_page_ms = (time.monotonic() - snapshot_started) * 1000
    middle_id = _order_id_at(client, 50_000)
    keyset_started = time.monotonic()
    client.get_json("/orders", params={"sort": "id", "after_id": middle_id, "limit": 500})
    keyset_page_ms = (time.monotonic() - keyset_started) * 1000
    orders = desk.store.queue.count(QueueFilter())
    query_started = time.monotonic()
    ids = desk.store.queue.ids(QueueFilter(open_only=True, text="casa"), limit=100)
    desk.store.queue.rows_by_ids(ids)
    query_ms = (time.monotonic() - query_started) * 1000
    desk.close()
    return {
        "orders": orders,
        "seconds": round(elapsed, 2),
        "orders_per_second": round(orders / elapsed),
        "queue_search_page_ms": round(query_ms, 1),
        "snapshot_page_at_50000_ms": round(snapshot_page_ms),
        "keyset_page_at_50000_ms": round(keyset_page_ms),
    }


def _order_id_at(client: HttpClient, position: int) -> int:
    """About the id of the order at ``position`` in ascending id order (for a mid-table
    page; the bench inserts its orders one after the other, so ids are consecutive)."""
    page = client.get_json("/orders", params={"sort": "id", "limit": 1})
    first = int(page["items"][0]["id"]) if page["items"] else 0
    return first + position


def measure_full_resync(server: ServerProcess, folder: Path) -> dict:
    """A desk's full resync (the answer to ``reset_required``): every order through
    ``GET /orders`` pages into an empty store, timed apart for the fetch and the store."""
    desk = open_desk(folder / "full-resync", server.url, "agent1")
    client = desk.engine.client
    fetch_seconds = 0.0
    original_get_json = client.get_json

    def timed_get_json(*args: Any, **kwargs: Any) -> Any:
        nonlocal fetch_seconds
        started = time.monotonic()
        try:
            return original_get_json(*args, **kwargs)
        finally:
            fetch_seconds += time.monotonic() - started

    client.get_json = timed_get_json  # type: ignore[method-assign]
    started = time.monotonic()
    desk.engine.puller.full_resync()
    elapsed = time.monotonic() - started
    orders = desk.store.queue.count(QueueFilter())
    desk.close()
    return {
        "orders": orders,
        "seconds": round(elapsed, 2),
        "orders_per_second": round(orders / elapsed),
        # Fetching overlaps storing, so the two add up to more than ``seconds``.
        "waiting_for_server_seconds": round(fetch_seconds, 2),
    }


def measure_drain(server: ServerProcess, ops: int, folder: Path) -> dict:
    desk = open_desk(folder / "drain", server.url, "agent2")
    desk.engine.sync_once()
    desk.claim_orders(3)  # the default lease cap: a fourth would be refused
    record_started = time.monotonic()
    desk.queue_notes(ops, "bench-drain")
    record_ms = (time.monotonic() - record_started) * 1000 / ops
    started = time.monotonic()
    report = desk.engine.pusher.drain()
    elapsed = time.monotonic() - started
    left = desk.store.sync.pending_count()
    desk.close()
    return {
        "ops": ops,
        "applied": report.applied,
        "left": left,
        "seconds": round(elapsed, 2),
        "ops_per_second": round(ops / elapsed),
        "record_action_ms": round(record_ms, 2),
    }


def run_backend(backend: str, args: argparse.Namespace, folder: Path) -> dict:
    postgres = None
    try:
        if backend == "sqlite":
            db_url = f"sqlite:///{folder / 'server.db'}"
        else:
            reason = postgres_missing_reason()
            if reason:
                return {"backend": backend, "skipped": reason}
            pg_dir = Path(tempfile.mkdtemp(prefix="hatif-bench-pg-"))
            postgres = (start_postgres(pg_dir), pg_dir)
            postgres[0].execute_autocommit("CREATE DATABASE hatif_bench")
            db_url = postgres[0].url("hatif_bench")
        seed_demo_database(db_url)
        server = ServerProcess(db_url=db_url, log_path=folder / f"server-{backend}.log").start()
        try:
            result: dict[str, Any] = {"backend": backend}
            result["drain"] = measure_drain(server, args.ops, folder)
            result["latency"] = measure_latency(server, args.clients, args.changes, folder)
            cloned = clone_orders(db_url, args.orders)
            result["first_pull"] = {**measure_first_pull(server, folder), "server_orders": cloned}
            result["full_resync"] = measure_full_resync(server, folder)
            return result
        finally:
            server.kill()
    finally:
        if postgres is not None:
            stop_postgres(postgres[0])
            shutil.rmtree(postgres[1], ignore_errors=True)


def print_table(results: list[dict]) -> None:
    print()
    print(f"{'backend':<11} {'measure':<36} {'value':>24}")
    print("-" * 73)
    for result in results:
        backend = result["backend"]
        if "skipped" in result:
            print(f"{backend:<11} {'skipped':<36} {result['skipped'][:24]:>24}")
            continue
        latency, pull, drain = result["latency"], result["first_pull"], result["drain"]
        resync = result["full_resync"]
        rows = [
            (f"event → store, {latency['clients_connected']} desks p50", f"{latency['p50_ms']} ms"),
            ("event → store p95", f"{latency['p95_ms']} ms"),
            ("event → store max", f"{latency['max_ms']} ms"),
            ("event received (before store) p50", f"{latency['received_p50_ms']} ms"),
            ("event received (before store) p95", f"{latency['received_p95_ms']} ms"),
            ("events delivered / expected",
             f"{latency['deliveries']} / {latency['expected_deliveries']}"),
            (f"first pull of {pull['orders']} orders", f"{pull['seconds']} s"),
            ("first pull rate", f"{pull['orders_per_second']} orders/s"),
            ("queue search page after pull", f"{pull['queue_search_page_ms']} ms"),
            ("GET /orders page at offset 50,000", f"{pull['snapshot_page_at_50000_ms']} ms"),
            ("GET /orders keyset page at 50,000", f"{pull['keyset_page_at_50000_ms']} ms"),
            (f"full resync of {resync['orders']} orders", f"{resync['seconds']} s"),
            ("full resync: waiting for the server", f"{resync['waiting_for_server_seconds']} s"),
            (f"drain {drain['ops']} queued ops", f"{drain['seconds']} s"),
            ("drain rate", f"{drain['ops_per_second']} ops/s"),
            ("record_action (local, per op)", f"{drain['record_action_ms']} ms"),
        ]
        for measure, value in rows:
            print(f"{backend:<11} {measure:<36} {value:>24}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=15)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    QCoreApplication.instance() or QCoreApplication([])
    results = []
    for backend in args.backends.split(","):
        folder = Path(tempfile.mkdtemp(prefix=f"hatif-bench-sync-{backend}-"))
        try:
            print(f"== {backend}", flush=True)
            results.append(run_backend(backend.strip(), args, folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
