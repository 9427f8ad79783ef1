"""Server CPU per request on the hot paths, one desk at a time.

Throughput benchmarks (``claims.py``) swing with whatever else runs on the
machine; the CPU time the server process spends per request hardly does. For
SQLite and PostgreSQL, one agent loops ``claim-next`` → ``heartbeat`` →
``release`` (and ``GET /auth/me`` for the cost of authentication alone) against
the real server process; reported: server CPU milliseconds per request (user +
system, read from ``/proc``), and wall-clock milliseconds per request.

Usage: ``.venv/bin/python bench/hot_path_cost.py [--cycles 300] [--json PATH]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.db.migrate import upgrade_database
from tests.fixtures.postgres import (
    free_port,
    postgres_missing_reason,
    start_postgres,
    stop_postgres,
)
from tests.fixtures.server_process import RunningServer
from tests.server.shop import ShopBuilder

TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(root: int) -> float:
    """User + system CPU of ``root`` and its descendants (the server's workers)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / TICKS
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _measure(pid: int, count: int, step: Callable[[], None]) -> tuple[float, float]:
    cpu, wall = _cpu_seconds(pid), time.perf_counter()
    for _ in range(count):
        step()
    cpu_ms = (_cpu_seconds(pid) - cpu) * 1000 / count
    return round(cpu_ms, 2), round((time.perf_counter() - wall) * 1000 / count, 2)


def bench_backend(name: str, url: str, cycles: int) -> list[dict[str, object]]:
    upgrade_database(url)
    server = RunningServer(db_url=url, port=free_port())
    server.start(migrate=False)
    builder = ShopBuilder(url)
    rows: list[dict[str, object]] = []
    try:
        shop = builder.new_shop(server.api, agents=1, orders=50)
        client = shop.agents[0].client
        assert server.process is not None
        pid = server.process.pid

        def cycle() -> None:
            lease = client.post("/orders/claim-next", json={}).json()["lease"]
            ref = {"order_id": lease["order_id"], "epoch": lease["epoch"]}
            client.post("/leases/heartbeat", json={"leases": [ref]})
            client.post(f"/orders/{lease['order_id']}/release", json={"epoch": lease["epoch"]})

        for _ in range(20):  # warm up: imports, caches, connection pools
            cycle()
        cpu, wall = _measure(pid, cycles, cycle)
        rows.append(
            {
                "backend": name,
                "path": "claim-next+heartbeat+release",
                "cpu_ms_per_request": round(cpu / 3, 2),
                "wall_ms_per_request": round(wall / 3, 2),
            }
        )
        cpu, wall = _measure(pid, cycles, lambda: client.get("/auth/me").raise_for_status())
        rows.append(
            {
                "backend": name,
                "path": "GET /auth/me",
                "cpu_ms_per_request": cpu,
                "wall_ms_per_request": wall,
            }
        )
        shop.close()
    finally:
        builder.close()
        server.stop()
    return rows


def sqlite_ceiling(folder: Path, seconds: float = 3.0) -> float:
    """Transactions/s of raw ``sqlite3`` doing a claim's writes (WAL, synchronous=NORMAL,
    as the server): BEGIN IMMEDIATE, update one row, insert an audit and a change row."""
    import sqlite3

    conn = sqlite3.connect(folder / "ceiling.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE o (id INTEGER PRIMARY KEY, holder INT, epoch INT, expires TEXT)")
    conn.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, at TEXT, detail TEXT)")
    conn.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, seq INT, payload TEXT)")
    conn.executemany("INSERT INTO o VALUES (?, NULL, 0, NULL)", [(i,) for i in range(1000)])
    done, stop = 0, time.perf_counter() + seconds
    while time.perf_counter() < stop:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE o SET holder = 1, epoch = epoch + 1, expires = datetime('now') WHERE id = ?",
            (done % 1000,),
        )
        conn.execute("INSERT INTO a (at, detail) VALUES (datetime('now'), '{}')")
        conn.execute("INSERT INTO c (payload) VALUES (?)", ("x" * 1500,))
        conn.execute("COMMIT")
        done += 1
    conn.close()
    return round(done / seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--json", help="write the rows as JSON here")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    folder = Path(tempfile.mkdtemp(prefix="hatif-cost-"))
    if "sqlite" in args.backends:
        rows += bench_backend("sqlite", f"sqlite:///{folder / 'cost.db'}", args.cycles)
    if "postgresql" in args.backends:
        reason = postgres_missing_reason()
        if reason:
            print(f"PostgreSQL skipped: {reason}")
        else:
            pg = start_postgres(Path(tempfile.mkdtemp(prefix="hatif-cost-pg-")))
            try:
                pg.execute_autocommit("CREATE DATABASE hatif_cost")
                rows += bench_backend("postgresql", pg.url("hatif_cost"), args.cycles)
            finally:
                stop_postgres(pg)
    ceiling = sqlite_ceiling(folder) if "sqlite" in args.backends else None
    shutil.rmtree(folder, ignore_errors=True)
    if ceiling:
        print(f"raw sqlite3 claim-shaped transactions: {ceiling}/s")
        rows.append({"backend": "sqlite", "path": "raw sqlite3 ceiling", "tps": ceiling})
    print(f"{'backend':<11}{'path':<32}{'server CPU ms/req':>19}{'wall ms/req':>13}")
    for row in rows:
        if "tps" in row:
            continue
        print(
            f"{row['backend']:<11}{row['path']:<32}{row['cpu_ms_per_request']:>19}"
            f"{row['wall_ms_per_request']:>13}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
