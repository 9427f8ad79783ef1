#!/usr/bin/env python3
"""Workspace window figures with a 100,000-order local store.

- start to usable window: a fresh process (Python start, imports, store open,
  window built, queue filled and its first screen of rows fetched);
- search keystroke to filtered queue: the SQL query behind the search box
  plus the model reset and the fetch of the rows a screen shows (p50 / p95);
- resident memory after loading.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui.py [--orders N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEARCHES = (
    "Khadija", "Tazi", "0612", "CMD-0421", "Casablanca", "Benali Rabat", "+2126", "Omar",
    "El Amrani", "99", "Salé", "Youssef Kettani", "CMD-09", "Fès", "Imane", "1234",
)
VISIBLE_ROWS = 32


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build_window(store_path: Path):  # type: ignore[no-untyped-def]
    """The real window on the real store; the sync engine is built but not started."""
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from app.local_store.local_sync_store import LocalSyncStore
    from app.local_store.store_database import open_store_database
    from app.services.connection_status import ConnectionStatusService, ConnectionView
    from app.services.desktop_services import AgentIdentity, DesktopServices
    from app.services.local_store_stats import LocalStoreStats
    from app.services.local_store_workspace import LocalStoreWorkspace
    from app.services.messaging_service import MessagingService
    from app.services.operations import OperationRunner
    from app.services.presence_service import PresenceService
    from app.services.stats_service import StatsService
    from app.services.workspace_service import WorkspaceService
    from sync.sync_engine import SyncEngine
    from ui.dialog_service import ScriptedDialogs
    from ui.icons import stylesheet
    from ui.main_window import WorkspaceWindow

    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(stylesheet())
    me = "Khadija (agent1)"
    database = open_store_database(store_path)
    sync = SyncEngine(
        LocalSyncStore(database), "http://127.0.0.1:9", lambda: None, use_event_stream=False
    )
    store = LocalStoreWorkspace(database, sync, me)
    runner = OperationRunner()
    services = DesktopServices(
        identity=AgentIdentity(3, "agent1", me, "agent"),
        runner=runner,
        workspace=WorkspaceService(store, runner, me),
        presence=PresenceService(lambda *_a: None),
        connection=ConnectionStatusService(ConnectionView(True, datetime.now(UTC), 0)),
        stats=StatsService(LocalStoreStats(database, me)),
        messaging=MessagingService(store, agent_name=me),
        softphone=None,
    )
    window = WorkspaceWindow(services, ScriptedDialogs())
    window.resize(1600, 900)
    window.show()
    model = window.queue.model
    while model.rowCount() == 0:  # the first query runs on a worker thread
        app.processEvents()
        time.sleep(0.001)
    for row in range(min(VISIBLE_ROWS, model.rowCount())):
        model.index(row, 1).data()
    app.processEvents()
    return app, window, database


def child_startup(store: str, started_at: float) -> None:
    app, window, database = build_window(Path(store))
    ready = time.time() - started_at
    print(json.dumps({"startup_s": ready, "rows": window.queue.model.rowCount()}))
    window.close()
    database.dispose()
    del app


def _search_once(app, panel, text: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(keystroke to filtered queue on screen, longest stall of the GUI thread), seconds."""
    applied: list[int] = []
    panel.model.query_applied.connect(applied.append)
    panel.search.setText(text)
    started = time.perf_counter()
    panel.apply_filters()  # what the debounce timer calls
    stall = time.perf_counter() - started
    while not applied:
        tick = time.perf_counter()
        app.processEvents()
        stall = max(stall, time.perf_counter() - tick)
        time.sleep(0.001)
    tick = time.perf_counter()
    for row in range(min(VISIBLE_ROWS, panel.model.rowCount())):
        panel.model.index(row, 1).data()
    stall = max(stall, time.perf_counter() - tick)
    panel.model.query_applied.disconnect(applied.append)
    return time.perf_counter() - started, stall


def measure_searches(store_path: Path, rounds: int) -> dict[str, object]:
    app, window, database = build_window(store_path)
    loaded_rss = rss_mb()
    panel = window.queue
    latencies: list[float] = []
    stalls: list[float] = []
    for _ in range(rounds):
        for text in SEARCHES:
            latency, stall = _search_once(app, panel, text)
            latencies.append(latency)
            stalls.append(stall)
    unfiltered, _stall = _search_once(app, panel, "")
    result = {
        "rows": panel.model.rowCount(),
        "search_p50_ms": statistics.median(latencies) * 1000,
        "search_p95_ms": statistics.quantiles(latencies, n=20)[18] * 1000,
        "search_max_ms": max(latencies) * 1000,
        "gui_stall_p95_ms": statistics.quantiles(stalls, n=20)[18] * 1000,
        "gui_stall_max_ms": max(stalls) * 1000,
        "unfiltered_reload_ms": unfiltered * 1000,
        "rss_after_load_mb": loaded_rss,
        "searches": len(latencies),
    }
    window.close()
    window.services.runner.wait_idle(10_000)
    database.dispose()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child-startup", nargs=2, metavar=("STORE", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_startup:
        child_startup(args.child_startup[0], float(args.child_startup[1]))
        return 0

    from tests.ui.synthetic_orders import filled_store

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="hatif-bench-ui-") as temp:
        store = Path(temp) / "store.sqlite"
        began = time.perf_counter()
        filled_store(store, args.orders).dispose()
        fill_s = time.perf_counter() - began

        startups = []
        for _ in range(args.starts):
            started = time.time()
            output = subprocess.run(
                [sys.executable, __file__, "--child-startup", str(store), repr(started)],
                capture_output=True, text=True, timeout=300, check=True,
            ).stdout
            startups.append(json.loads(output.strip().splitlines()[-1])["startup_s"])
        search = measure_searches(store, args.rounds)

    figures = {
        "orders": args.orders,
        "store_fill_s": fill_s,
        "startup_median_s": statistics.median(startups),
        "startup_max_s": max(startups),
        **search,
        # Other work on the machine slows every figure: report it beside them.
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "machine": (
            f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
    }
    print(f"{'Workspace window, ' + str(args.orders) + ' orders':<44}{'value':>14}")
    print("-" * 58)
    rows = (
        ("start to usable window (median)", f"{figures['startup_median_s']:.2f} s"),
        ("start to usable window (max)", f"{figures['startup_max_s']:.2f} s"),
        ("search keystroke to filtered queue p50", f"{figures['search_p50_ms']:.0f} ms"),
        ("search keystroke to filtered queue p95", f"{figures['search_p95_ms']:.0f} ms"),
        ("search keystroke to filtered queue max", f"{figures['search_max_ms']:.0f} ms"),
        ("longest GUI-thread stall per search p95", f"{figures['gui_stall_p95_ms']:.0f} ms"),
        ("longest GUI-thread stall per search max", f"{figures['gui_stall_max_ms']:.0f} ms"),
        ("clear search (all rows back)", f"{figures['unfiltered_reload_ms']:.0f} ms"),
        ("resident memory after loading", f"{figures['rss_after_load_mb']:.0f} MB"),
        ("(setup) fill the local store", f"{figures['store_fill_s']:.1f} s"),
    )
    for label, value in rows:
        print(f"{label:<44}{value:>14}")
    print(
        f"machine: {figures['machine']}; load average {load_before:.1f} before, "
        f"{figures['load_average_after']:.1f} after"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
