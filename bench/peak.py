"""Peak-season load test: simulated agents and wallboards (Locust) on the real server.

One command per database, with stages of growing agent counts::

    .venv/bin/python bench/peak.py --db sqlite --agents 50,300
    .venv/bin/python bench/peak.py --db postgres --workers 2 --agents 300,1000

For each stage a fresh set of teams (``--team-size`` agents, a lead, orders) is
written into the database, the server (``python -m server.cli serve``, started
once per run) is driven by ``bench/locust/agents.py`` run headless, and reported:

- per endpoint p50 / p95 / p99, errors and requests/s (Locust's own statistics);
- the server's CPU seconds per request (``utime + stime`` of the server process and
  its workers, from ``/proc/<pid>/stat`` before and after the stage), and the load
  generator's own CPU, since both share this machine;
- event -> desk latency: from the answer that changed an order to the event of that
  change arriving on a teammate's stream (a sample of the streams);
- the server's RSS (all its processes) at its largest, with every stream open;
- claims per second, and beside it the database's own ceiling measured in the same
  run: ``pgbench``'s built-in simple-update on the same PostgreSQL, or on SQLite a raw
  ``sqlite3`` transaction of the claim's shape (``BEGIN IMMEDIATE``; select the next
  claimable order; update its lease; commit) in a loop on a copy of the database.

Results go to ``bench/results/peak-<db>-<workers>w.json`` (or ``--json PATH``) and a
short table is printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.claims import pgbench_tps  # noqa: E402
from bench.percentiles import percentile  # noqa: E402
from server.db.migrate import upgrade_database  # noqa: E402
from tests.fixtures.postgres import (  # noqa: E402
    free_port,
    postgres_missing_reason,
    start_postgres,
    stop_postgres,
)
from tests.fixtures.server_process import RunningServer  # noqa: E402
from tests.server.shop import PASSWORD, ShopBuilder  # noqa: E402

LOCUSTFILE = REPO / "bench" / "locust" / "agents.py"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CEILING_SECONDS = 10.0


@dataclass
class Endpoint:
    name: str
    requests: int
    failures: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    per_s: float


@dataclass
class Stage:
    agents: int
    wallboards: int
    seconds: float
    requests: int
    failures: int
    requests_per_s: float
    claims: int
    claims_per_s: float
    login_p50_ms: float
    login_p95_ms: float
    server_cpu_s: float
    server_cpu_ms_per_request: float
    loadgen_cpu_s: float
    server_rss_max_mb: float
    streams_open_max: int
    stream_failures: int
    login_retries: int
    steady: bool
    event_samples: int
    event_p50_ms: float
    event_p95_ms: float
    event_p99_ms: float
    event_max_ms: float
    counts: dict[str, int]
    endpoints: list[Endpoint] = field(default_factory=list)
    # "name: error" -> occurrences, from Locust's failures file.
    failure_kinds: dict[str, int] = field(default_factory=dict)


def _descendants(root: int) -> list[int]:
    """``root`` and every process below it (uvicorn's workers are its children)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLK_TCK


def _rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
        except OSError:
            continue
    return total


class ServerWatch:
    """CPU of the server's processes over a stage, and their largest RSS."""

    def __init__(self, root: int, marker: Path) -> None:
        self.root = root
        self.marker = marker
        self.steady_at: float | None = None
        self.rss_max = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ServerWatch:
        self.pids = _descendants(self.root)
        self.cpu_before = _cpu_seconds(self.pids)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.5):
            self.rss_max = max(self.rss_max, _rss_bytes(_descendants(self.root)))
            if self.steady_at is None and self.marker.exists():
                # The scenario reset its statistics once every user had signed in: the
                # CPU per request is counted over the same span.
                self.steady_at = time.monotonic()
                self.pids = _descendants(self.root)
                self.cpu_before = _cpu_seconds(self.pids)

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(5)
        # Same processes as at the start: a worker that died and came back would
        # otherwise count its successor's whole life.
        self.cpu = _cpu_seconds(self.pids) - self.cpu_before
        self.steady_seconds = time.monotonic() - (self.steady_at or time.monotonic())


def _plan(builder: ShopBuilder, api: str, agents: int, team_size: int, orders_per_agent: int,
          think: float, out: Path) -> dict[str, Any]:
    teams = []
    left = agents
    while left > 0:
        size = min(team_size, left)
        shop = builder.new_shop(api, agents=size, orders=size * orders_per_agent)
        shop.close()
        names = [agent.username for agent in shop.agents]
        teams.append({"team_id": shop.team_id, "lead": shop.lead.username, "agents": names,
                      # Two streams per team are measured (a teammate sees most changes).
                      "sampled": names[:2]})
        left -= size
    return {"password": PASSWORD, "teams": teams, "think_seconds": think, "out": str(out)}


def _ms(text: str) -> float:
    try:
        return float(text)
    except ValueError:  # "N/A" for a name without requests in the measured span
        return float("nan")


def _endpoints(stats_csv: Path, seconds: float) -> list[Endpoint]:
    rows = []
    with stats_csv.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if int(row["Request Count"]) == 0:
                continue
            rows.append(Endpoint(
                name=row["Name"], requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                p50_ms=_ms(row["50%"]), p95_ms=_ms(row["95%"]), p99_ms=_ms(row["99%"]),
                max_ms=_ms(row["Max Response Time"]),
                per_s=round(int(row["Request Count"]) / seconds, 1),
            ))
    return rows


def _failures(failures_csv: Path) -> dict[str, int]:
    if not failures_csv.exists():
        return {}
    with failures_csv.open(newline="") as handle:
        return {f"{row['Name']}: {row['Error']}": int(row["Occurrences"])
                for row in csv.DictReader(handle)}


def run_stage(server: RunningServer, builder: ShopBuilder, agents: int, args: argparse.Namespace,
              folder: Path) -> Stage:
    extras = folder / f"extras-{agents}.json"
    plan = _plan(builder, server.api, agents, args.team_size, args.orders_per_agent, args.think,
                 extras)
    marker = folder / f"steady-{agents}"
    plan["users"] = agents + len(plan["teams"])
    plan["steady_marker"] = str(marker)
    plan_path = folder / f"plan-{agents}.json"
    plan_path.write_text(json.dumps(plan))
    walls = len(plan["teams"])
    users = agents + walls
    # Each sign-in checks a scrypt hash (~0.25 s of CPU): users start at a pace the
    # server's processes can take, and the measured span begins once all are in.
    rate = args.login_rate * args.workers
    prefix = folder / f"locust-{agents}"
    command = [
        sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
        "-u", str(users), "-r", f"{rate:.1f}", "--host", server.base_url,
        # A safety net only: the run is ended below once the stage is over.
        "-t", f"{int(args.ramp_timeout + args.stage_seconds + 120)}s",
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5",
    ]
    print(f"stage {agents} agents + {walls} wallboards: {rate:.0f} sign-ins/s, then "
          f"{args.stage_seconds} s measured", flush=True)
    assert server.process is not None
    with ServerWatch(server.process.pid, marker) as watch:
        began = time.monotonic()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with (folder / "locust.log").open("ab") as log:
            locust = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=log,
                                      env={**os.environ, "HATIF_PEAK_PLAN": str(plan_path)})
            while (not marker.exists() and locust.poll() is None
                   and time.monotonic() - began < args.ramp_timeout):
                time.sleep(0.5)
            if marker.exists():
                time.sleep(args.stage_seconds)
            if locust.poll() is not None:
                raise RuntimeError("locust stopped early:\n"
                                   + (folder / "locust.log").read_text()[-3000:])
            # Locust writes its statistics and the scenario its extras on SIGTERM.
            locust.send_signal(signal.SIGTERM)
            locust.wait(120)
        # The load generator's own CPU (the only child waited for in the meantime).
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        loadgen_cpu = (children.ru_utime + children.ru_stime
                       - children_before.ru_utime - children_before.ru_stime)
        elapsed = time.monotonic() - began
    steady = max(1.0, watch.steady_seconds)
    if watch.steady_at is None:
        print(f"  not every user signed in within {args.ramp_timeout} s: the figures include "
              "the ramp", flush=True)
        steady = elapsed
    endpoints = _endpoints(Path(f"{prefix}_stats.csv"), steady)
    total = next(e for e in endpoints if e.name == "Aggregated")
    data = json.loads(extras.read_text()) if extras.exists() else {
        "event_latencies_s": [], "counts": {}, "streams": {}}
    latencies = data["event_latencies_s"]
    claims = int(data["counts"].get("claim-next claimed", 0))
    ms = [value * 1000 for value in latencies]
    logins = [value * 1000 for value in data.get("login_s", [])]
    return Stage(
        agents=agents, wallboards=walls, seconds=round(steady, 1),
        requests=total.requests, failures=total.failures,
        requests_per_s=round(total.requests / steady, 1),
        claims=claims, claims_per_s=round(claims / steady, 1),
        login_p50_ms=round(percentile(logins, 0.50), 1),
        login_p95_ms=round(percentile(logins, 0.95), 1),
        server_cpu_s=round(watch.cpu, 1),
        server_cpu_ms_per_request=round(1000 * watch.cpu / max(1, total.requests), 2),
        loadgen_cpu_s=round(loadgen_cpu, 1),
        server_rss_max_mb=round(watch.rss_max / 2**20, 1),
        streams_open_max=int(data["streams"].get("max_open", 0)),
        stream_failures=int(data["streams"].get("failed", 0)),
        login_retries=int(data["streams"].get("login_retries", 0)),
        steady=watch.steady_at is not None,
        event_samples=len(ms),
        event_p50_ms=round(percentile(ms, 0.50), 1), event_p95_ms=round(percentile(ms, 0.95), 1),
        event_p99_ms=round(percentile(ms, 0.99), 1), event_max_ms=round(max(ms, default=0), 1),
        counts=dict(sorted(data["counts"].items())),
        endpoints=[e for e in endpoints if e.name != "Aggregated"] + [total],
        failure_kinds=_failures(Path(f"{prefix}_failures.csv")),
    )


def sqlite_ceiling(db_file: Path, folder: Path, seconds: float) -> float:
    """Claims per second of a raw sqlite3 loop of the claim's shape, on a copy of the
    benchmark's database (same schema, data, WAL and synchronous=NORMAL as the server)."""
    copy = folder / "ceiling.db"
    with sqlite3.connect(db_file) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    connection = sqlite3.connect(copy, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    team_ids = [row[0] for row in connection.execute("SELECT id FROM teams ORDER BY id")]
    user_ids = [row[0] for row in connection.execute("SELECT id FROM users ORDER BY id")]
    done = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        now = datetime.now(UTC).replace(tzinfo=None)
        connection.execute("BEGIN IMMEDIATE")
        row = connection.execute(
            "SELECT id FROM orders WHERE team_id = ? AND status IN ('unassigned', 'assigned',"
            " 'in_progress', 'returned', 'callback') AND (lease_holder_id IS NULL OR"
            " lease_expires_at <= ?) AND escalated_at IS NULL ORDER BY id LIMIT 1",
            (team_ids[done % len(team_ids)], now.isoformat(sep=" ")),
        ).fetchone()
        if row is not None:
            # The lease ends at once, so the loop never drains the queue.
            connection.execute(
                "UPDATE orders SET lease_holder_id = ?, lease_epoch = lease_epoch + 1,"
                " lease_claimed_at = ?, lease_expires_at = ? WHERE id = ?",
                (user_ids[done % len(user_ids)], now.isoformat(sep=" "),
                 (now - timedelta(microseconds=1)).isoformat(sep=" "), row[0]),
            )
        connection.execute("COMMIT")
        done += 1
    connection.close()
    return done / seconds


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _machine() -> dict[str, Any]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "load_average_at_start": os.getloadavg()}


def print_table(result: dict[str, Any]) -> None:
    print(f"\n{result['db']} ({result['workers']} server process(es)), commit {result['commit']}, "
          f"ceiling {result['ceiling_name']} {result['ceiling_per_s']:.0f}/s")
    header = (f"{'agents':>7}{'req/s':>8}{'errors':>8}{'claims/s':>9}{'ratio':>8}"
              f"{'cpu ms/req':>11}{'rss MB':>8}{'streams':>8}{'ev p50':>8}{'ev p95':>8}"
              f"{'ev p99':>8}")
    print(header)
    print("-" * len(header))
    for stage in result["stages"]:
        print(f"{stage['agents']:>7}{stage['requests_per_s']:>8}{stage['failures']:>8}"
              f"{stage['claims_per_s']:>9}{stage['ratio_to_ceiling']:>8.2%}"
              f"{stage['server_cpu_ms_per_request']:>11}{stage['server_rss_max_mb']:>8}"
              f"{stage['streams_open_max']:>8}{stage['event_p50_ms']:>8}"
              f"{stage['event_p95_ms']:>8}{stage['event_p99_ms']:>8}")
    for stage in result["stages"]:
        print(f"\n{stage['agents']} agents, per endpoint:")
        print(f"  {'endpoint':<34}{'n':>7}{'err':>6}{'p50':>7}{'p95':>7}{'p99':>7}{'/s':>7}")
        for e in stage["endpoints"]:
            print(f"  {e['name']:<34}{e['requests']:>7}{e['failures']:>6}{e['p50_ms']:>7.0f}"
                  f"{e['p95_ms']:>7.0f}{e['p99_ms']:>7.0f}{e['per_s']:>7}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--agents", default="50,300", help="one stage per count")
    parser.add_argument("--stage-seconds", type=int, default=90,
                        help="how long every user works once all are signed in (measured)")
    parser.add_argument("--login-rate", type=float, default=3.0,
                        help="users started (signed in) per second and server process")
    parser.add_argument("--think", type=float, default=10.0,
                        help="mean pause between an agent's actions (s); 10 s makes an order "
                             "take about 35 s, several times a real agent's pace")
    parser.add_argument("--ramp-timeout", type=float, default=420.0,
                        help="give up waiting for every user to sign in after this (s)")
    parser.add_argument("--team-size", type=int, default=20, help="agents per team (one wallboard)")
    parser.add_argument("--orders-per-agent", type=int, default=15)
    parser.add_argument("--json", help="where to write the results")
    args = parser.parse_args()
    levels = [int(part) for part in args.agents.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="hatif-peak-"))
    pg = None
    result: dict[str, Any] = {
        "db": args.db, "workers": args.workers, "commit": _commit(), "machine": _machine(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"), "think_seconds": args.think,
        "stage_seconds": args.stage_seconds, "team_size": args.team_size,
        "login_rate_per_process": args.login_rate,
    }
    try:
        if args.db == "postgres":
            reason = postgres_missing_reason()
            if reason:
                print(f"PostgreSQL unavailable: {reason}")
                return 2
            # A folder of its own: initdb runs as the postgres user, which cannot enter
            # the run's private temp folder.
            pg_dir = Path(tempfile.mkdtemp(prefix="hatif-peak-pg-"))
            pg = start_postgres(pg_dir)
            pg.execute_autocommit("CREATE DATABASE hatif_peak")
            url = pg.url("hatif_peak")
        else:
            url = f"sqlite:///{folder / 'peak.db'}"
        upgrade_database(url)
        # Room for every stream of the largest stage in any one worker.
        streams = max(levels) * 2 + 100
        server = RunningServer(db_url=url, port=free_port(), workers=args.workers,
                               extra_args=["--sse-total", str(streams)])
        server.start(migrate=False)
        builder = ShopBuilder(url)
        stages: list[Stage] = []
        try:
            for agents in levels:
                stages.append(run_stage(server, builder, agents, args, folder))
        finally:
            builder.close()
            server.stop()
        if pg is not None:
            ceiling_name = "pgbench simple-update TPS"
            ceiling = pgbench_tps(pg.port, CEILING_SECONDS) or float("nan")
        else:
            ceiling_name = "raw sqlite3 claim transactions/s"
            ceiling = sqlite_ceiling(folder / "peak.db", folder, CEILING_SECONDS)
        result["ceiling_name"] = ceiling_name
        result["ceiling_per_s"] = round(ceiling, 1)
        result["stages"] = [
            {**asdict(stage), "ratio_to_ceiling": round(stage.claims_per_s / ceiling, 4)}
            for stage in stages
        ]
    finally:
        if pg is not None:
            stop_postgres(pg)
            shutil.rmtree(pg.data_dir.parent, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    print_table(result)
    out = Path(args.json) if args.json else (
        REPO / "bench" / "results" / f"peak-{args.db}-{args.workers}w.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
