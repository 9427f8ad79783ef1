"""Claims benchmark: N concurrent agents claiming and releasing over HTTP.

For 10, 50 and 200 agents on SQLite and on PostgreSQL (a throwaway cluster,
as in the tests), every agent loops ``claim-next`` -> ``release`` against the
real server process for ``--seconds``. Reported: claims per second, p50 / p99
latency of a claim, and double claims (two successful claims of the same
order under the same lease epoch — must be 0). Beside it, ``pgbench``'s
simple-update TPS on the same PostgreSQL is the ceiling, with the ratio.

Usage: ``.venv/bin/python bench/claims.py [--seconds 5] [--agents 10,50,200] [--json PATH]``
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.percentiles import percentile
from server.db.migrate import upgrade_database
from tests.fixtures.postgres import (
    PG_BIN,
    free_port,
    postgres_missing_reason,
    start_postgres,
    stop_postgres,
)
from tests.fixtures.server_process import RunningServer
from tests.server.shop import ShopBuilder


@dataclass
class Row:
    backend: str
    agents: int
    claims: int
    claims_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    double_claims: int
    pgbench_tps: float | None = None
    ratio_to_pgbench: float | None = None


def run_level(
    api: str, builder: ShopBuilder, agents: int, seconds: float
) -> tuple[int, list[float], int, int]:
    shop = builder.new_shop(api, agents=agents, orders=max(2 * agents, 50))
    latencies: list[float] = []
    claims: list[tuple[int, int]] = []
    errors = 0
    lock = threading.Lock()
    start_barrier = threading.Barrier(agents)
    stop_at = [0.0]

    def agent_loop(index: int) -> None:
        nonlocal errors
        client = shop.agents[index].client
        start_barrier.wait(timeout=60)
        if index == 0:
            stop_at[0] = time.monotonic() + seconds
        while stop_at[0] == 0.0:
            time.sleep(0.001)
        mine: list[float] = []
        got: list[tuple[int, int]] = []
        failed = 0
        while time.monotonic() < stop_at[0]:
            began = time.perf_counter()
            answer = client.post("/orders/claim-next", json={"lease_seconds": 60})
            elapsed = time.perf_counter() - began
            if answer.status_code != 200:
                failed += 1
                continue
            lease = answer.json()["lease"]
            if lease is None:
                continue
            mine.append(elapsed)
            got.append((lease["order_id"], lease["epoch"]))
            client.post(f"/orders/{lease['order_id']}/release", json={"epoch": lease["epoch"]})
        with lock:
            latencies.extend(mine)
            claims.extend(got)
            errors += failed

    threads = [threading.Thread(target=agent_loop, args=(i,)) for i in range(agents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    shop.close()
    doubles = sum(count - 1 for count in Counter(claims).values() if count > 1)
    return len(claims), latencies, errors, doubles


def pgbench_tps(port: int, seconds: float) -> float | None:
    tool = PG_BIN / "pgbench"
    if not tool.exists():
        return None
    base = [str(tool), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
    subprocess.run(
        [*base, "-i", "-s", "1", "-q", "postgres"], check=True, capture_output=True, timeout=120
    )
    run = subprocess.run(
        [
            *base,
            "-b",
            "simple-update",
            "-c",
            "10",
            "-j",
            "2",
            "-T",
            str(max(1, int(seconds))),
            "postgres",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    )
    match = re.search(r"tps = ([0-9.]+)", run.stdout)
    return float(match.group(1)) if match else None


def bench_backend(
    name: str, url: str, levels: list[int], seconds: float, workers: int
) -> list[Row]:
    upgrade_database(url)
    server = RunningServer(db_url=url, port=free_port(), workers=workers)
    server.start(migrate=False)
    builder = ShopBuilder(url)
    rows: list[Row] = []
    try:
        for agents in levels:
            claims, latencies, errors, doubles = run_level(server.api, builder, agents, seconds)
            rows.append(
                Row(
                    name,
                    agents,
                    claims,
                    round(claims / seconds, 1),
                    round(percentile(latencies, 0.50) * 1000, 1),
                    round(percentile(latencies, 0.99) * 1000, 1),
                    errors,
                    doubles,
                )
            )
    finally:
        builder.close()
        server.stop()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--agents", default="10,50,200")
    parser.add_argument("--workers", type=int, default=1, help="server processes (PostgreSQL)")
    parser.add_argument("--json", help="write the rows as JSON here")
    args = parser.parse_args()
    levels = [int(part) for part in args.agents.split(",")]
    rows: list[Row] = []
    folder = Path(tempfile.mkdtemp(prefix="hatif-bench-"))
    rows += bench_backend("sqlite", f"sqlite:///{folder / 'bench.db'}", levels, args.seconds, 1)
    reason = postgres_missing_reason()
    if reason:
        print(f"PostgreSQL skipped: {reason}")
    else:
        pg_dir = Path(tempfile.mkdtemp(prefix="hatif-bench-pg-"))
        pg = start_postgres(pg_dir)
        try:
            pg.execute_autocommit("CREATE DATABASE hatif_bench")
            pg_rows = bench_backend(
                "postgresql", pg.url("hatif_bench"), levels, args.seconds, args.workers
            )
            tps = pgbench_tps(pg.port, args.seconds)
            for row in pg_rows:
                row.pgbench_tps = tps
                row.ratio_to_pgbench = round(row.claims_per_s / tps, 3) if tps else None
            rows += pg_rows
        finally:
            stop_postgres(pg)
            shutil.rmtree(pg_dir, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    header = (
        f"{'backend':<11}{'agents':>7}{'claims':>8}{'claims/s':>10}{'p50 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}{'double':>8}{'pgbench tps':>13}{'ratio':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        tps = f"{row.pgbench_tps:.0f}" if row.pgbench_tps else "-"
        ratio = f"{row.ratio_to_pgbench:.3f}" if row.ratio_to_pgbench else "-"
        print(
            f"{row.backend:<11}{row.agents:>7}{row.claims:>8}{row.claims_per_s:>10}"
            f"{row.p50_ms:>9}{row.p99_ms:>9}{row.errors:>8}{row.double_claims:>8}"
            f"{tps:>13}{ratio:>8}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in rows], indent=2))
    return 0 if all(row.double_claims == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
