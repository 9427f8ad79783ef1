"""Many open event streams on the real server: memory, and change -> stream latency.

    .venv/bin/python bench/streams.py --db sqlite --streams 300,1000
    .venv/bin/python bench/streams.py --db postgres --workers 2 --streams 1000

For each level, teams of ``--team-size`` agents are written into the database and
every agent opens its event stream (``GET /events``, as a desk does, read by one
asyncio reader per stream in this process). With all streams open and idle the
server's RSS (every process) is read; then one agent per team claims orders, one
request at a time across the shop (``--changes`` claims), and for each claim the
time from its answer to the event of that order arriving on every teammate's
stream is recorded. Reported: RSS idle and at its largest, p50 / p95 / p99 / max of
change -> stream, events missed, and the server's CPU seconds over the changes.

This isolates the fan-out of changes to streams that ``bench/peak.py`` measures
together with every other request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.peak import _commit, _cpu_seconds, _descendants, _machine, _rss_bytes  # noqa: E402
from bench.percentiles import percentile  # noqa: E402
from server.db.migrate import upgrade_database  # noqa: E402
from tests.fixtures.postgres import (  # noqa: E402
    free_port,
    postgres_missing_reason,
    start_postgres,
    stop_postgres,
)
from tests.fixtures.server_process import RunningServer  # noqa: E402
from tests.server.shop import Shop, ShopBuilder  # noqa: E402

OPEN_TIMEOUT_S = 120.0
EVENT_TIMEOUT_S = 30.0


class StreamReader:
    """One desk's event stream, read line by line; records when each order's event came."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.opened = asyncio.Event()
        self.seen: dict[str, float] = {}  # order id -> first arrival (monotonic)
        self.failed: str | None = None

    async def run(self) -> None:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            writer.write(
                (f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 f"Authorization: Bearer {self.token}\r\nAccept: text/event-stream\r\n\r\n"
                 ).encode()
            )
            await writer.drain()
            status = await reader.readline()
            if b" 200 " not in status:
                self.failed = status.decode(errors="replace").strip()
                self.opened.set()
                return
            while True:
                line = await reader.readline()
                if not line:
                    return
                if line.startswith(b"retry:"):
                    self.opened.set()
                elif line.startswith(b"data:"):
                    data = json.loads(line[5:])
                    if data.get("entity") == "order":
                        self.seen.setdefault(str(data.get("entity_id")), time.monotonic())
        except (OSError, asyncio.IncompleteReadError) as error:
            self.failed = str(error)
            self.opened.set()


async def _level(server: RunningServer, shops: list[Shop], changes: int) -> dict[str, Any]:
    streams: dict[int, list[StreamReader]] = {}
    tasks = []
    for shop in shops:
        streams[shop.team_id] = []
        for agent in shop.agents:
            reader = StreamReader(server.port, agent.token)
            streams[shop.team_id].append(reader)
            tasks.append(asyncio.create_task(reader.run()))
    everyone = [reader for readers in streams.values() for reader in readers]
    opened_at = time.monotonic()
    await asyncio.wait_for(
        asyncio.gather(*(reader.opened.wait() for reader in everyone)), OPEN_TIMEOUT_S
    )
    open_seconds = time.monotonic() - opened_at
    failed = [reader.failed for reader in everyone if reader.failed]
    await asyncio.sleep(3)
    pids = _descendants(server.process.pid) if server.process else []
    rss_idle = _rss_bytes(pids)
    cpu_before = _cpu_seconds(pids)
    rss_max = rss_idle

    # One claim at a time, teams in turn; each claim's order goes to its team's streams.
    answered: list[tuple[int, str, float]] = []
    async with httpx.AsyncClient(base_url=server.api, timeout=30) as client:
        for index in range(changes):
            shop = shops[index % len(shops)]
            round_ = index // len(shops)
            agent = shop.agents[round_ % len(shop.agents)]
            order_id = shop.order_ids[round_ % len(shop.order_ids)]
            answer = await client.post(
                f"/orders/{order_id}/claim", headers={"Authorization": f"Bearer {agent.token}"}
            )
            if answer.status_code == 200:
                answered.append((shop.team_id, str(order_id), time.monotonic()))
            rss_max = max(rss_max, _rss_bytes(pids))
            await asyncio.sleep(0.02)
    deadline = time.monotonic() + EVENT_TIMEOUT_S
    latencies: list[float] = []
    missed = 0
    for team_id, order_id, at in answered:
        for reader in streams[team_id]:
            while order_id not in reader.seen and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            if order_id in reader.seen:
                latencies.append(max(0.0, reader.seen[order_id] - at))
            else:
                missed += 1
    rss_max = max(rss_max, _rss_bytes(pids))
    cpu = _cpu_seconds(pids) - cpu_before
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    ms = sorted(value * 1000 for value in latencies)
    return {
        "streams": len(everyone), "stream_failures": len(failed),
        "first_failures": failed[:3], "open_seconds": round(open_seconds, 1),
        "rss_idle_mb": round(rss_idle / 2**20), "rss_max_mb": round(rss_max / 2**20),
        "claims": len(answered), "events_expected": len(answered) * (len(everyone) // len(shops)),
        "events_missed": missed,
        "p50_ms": round(percentile(ms, 0.50)) if ms else None,
        "p95_ms": round(percentile(ms, 0.95)) if ms else None,
        "p99_ms": round(percentile(ms, 0.99)) if ms else None,
        "max_ms": round(ms[-1]) if ms else None,
        "server_cpu_s": round(cpu, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--streams", default="300,1000", help="one level per count")
    parser.add_argument("--team-size", type=int, default=20)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--json", help="where to write the results")
    args = parser.parse_args()
    levels = [int(part) for part in args.streams.split(",")]
    pg = None
    if args.db == "postgres":
        reason = postgres_missing_reason()
        if reason:
            print(f"PostgreSQL unavailable: {reason}")
            return 2
        pg = start_postgres(Path(tempfile.mkdtemp(prefix="hatif-streams-pg-")))
        pg.execute_autocommit("CREATE DATABASE hatif_streams")
        url = pg.url("hatif_streams")
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='hatif-streams-')) / 'streams.db'}"
    result: dict[str, Any] = {"db": args.db, "workers": args.workers, "commit": _commit(),
                              "machine": _machine(), "levels": []}
    try:
        upgrade_database(url)
        # One stream per agent: room for them all in any one worker.
        server = RunningServer(db_url=url, port=free_port(), workers=args.workers,
                               extra_args=["--sse-total", str(max(levels) + 100)])
        server.start(migrate=False)
        builder = ShopBuilder(url)
        try:
            for count in levels:
                teams = max(1, count // args.team_size)
                shops = [builder.new_shop(server.api, agents=args.team_size,
                                          orders=args.team_size) for _ in range(teams)]
                print(f"{count} streams ({teams} teams of {args.team_size})", flush=True)
                level = asyncio.run(_level(server, shops, args.changes))
                result["levels"].append(level)
                print("  " + json.dumps(level), flush=True)
                for shop in shops:
                    shop.close()
                # The next level starts from a server with no stream left over.
                server.stop()
                server.start(migrate=False)
        finally:
            builder.close()
            server.stop()
    finally:
        if pg is not None:
            stop_postgres(pg)
    path = Path(args.json) if args.json else (
        REPO / "bench" / "results" / f"streams-{args.db}-{args.workers}w.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
