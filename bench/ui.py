#!/usr/bin/env python3
"""Workspace window figures with a 100,000-order local store.

- start to usable window: a fresh process (Python start, imports, store open,
  window built, queue filled and its first screen of rows fetched);
- search query to filtered queue: from the moment the search box's pause
  timer fires (``apply_filters``) to the model reset with the rows of one
  screen ready (p50 / p95), and the longest GUI-thread stall meanwhile;
- typed search: words typed key by key into the real search box at agent
  speed (``--key-interval-ms``), through the debounce: last keystroke to
  filtered queue, and the longest event-loop stall over the whole typing;
- resident memory after loading.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui.py [--orders N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.percentiles import percentile  # noqa: E402

SEARCHES = (
    "Khadija", "Tazi", "0612", "CMD-0421", "Casablanca", "Benali Rabat", "+2126", "Omar",
    "El Amrani", "99", "Salé", "Youssef Kettani", "CMD-09", "Fès", "Imane", "1234",
)
# What agents type from an empty box: names, phone pieces, references, e-mail.
TYPED = (
    "Khadija", "0612 34", "Benali", "CMD-0421", "Casablanca", "+212 661", "Youssef Tazi",
    "El Amrani", "0699", "Salé",
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


class StallLog:
    """The longest single stretch the GUI thread spent away from its event loop:
    wall clock, and the GUI thread's own CPU time in that stretch. On a loaded
    machine the wall time also holds the time the OS ran other processes; the
    CPU time is what the window itself costs."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    def run(self, step) -> None:  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.thread_time()
        step()
        self.wall = max(self.wall, time.perf_counter() - wall)
        self.cpu = max(self.cpu, time.thread_time() - cpu)


def _paint_first_screen(app, panel) -> None:  # type: ignore[no-untyped-def]
    for row in range(min(VISIBLE_ROWS, panel.model.rowCount())):
        panel.model.index(row, 1).data()
    app.processEvents()  # the view repaints the new rows


def _search_once(app, panel, runner, text: str) -> tuple[float, float, StallLog]:  # type: ignore[no-untyped-def]
    """(search query to filtered queue on screen, the process's CPU time for it
    (all threads: what it costs on an idle machine), stalls of the GUI thread)."""
    applied: list[int] = []
    panel.model.query_applied.connect(applied.append)
    stalls = StallLog()
    panel.search.setText(text)
    started = time.perf_counter()
    cpu = time.process_time()
    stalls.run(panel.apply_filters)  # what the debounce timer calls
    # Nothing runs when the queue already shows this (e.g. two too-short searches).
    while not applied and runner.busy:
        stalls.run(app.processEvents)
        time.sleep(0.001)
    stalls.run(lambda: _paint_first_screen(app, panel))
    panel.model.query_applied.disconnect(applied.append)
    return time.perf_counter() - started, time.process_time() - cpu, stalls


def _wait_applied(app, panel, runner, search: str, stalls: StallLog) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until the queue shows ``search``."""
    deadline = time.perf_counter() + 30
    while panel.model.query.search != search or runner.busy:
        stalls.run(app.processEvents)
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the queue never showed {search!r}")
        time.sleep(0.001)


def _type_once(app, panel, runner, word: str, interval_s: float) -> tuple[float, float, StallLog]:  # type: ignore[no-untyped-def]
    """(last keystroke to filtered queue, the process's CPU time from the last
    keystroke, stalls of the event loop while typing).

    The box is cleared (and the whole queue shown again), then ``word`` is
    typed one key every ``interval_s`` through Qt key events, so the panel's
    own debounce timer and worker thread do the rest.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    panel.search.clear()
    _wait_applied(app, panel, runner, "", StallLog())
    stalls = StallLog()

    def press(character: str) -> None:
        # A key event carrying the text (QTest's key table is ASCII only: "é").
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            app.sendEvent(panel.search, event)

    last_key = time.perf_counter()
    cpu = time.process_time()
    for character in word:
        stalls.run(partial(press, character))
        last_key = time.perf_counter()
        cpu = time.process_time()
        while time.perf_counter() - last_key < interval_s:
            stalls.run(app.processEvents)
            time.sleep(0.001)
    _wait_applied(app, panel, runner, word.strip(), stalls)
    stalls.run(lambda: _paint_first_screen(app, panel))
    return time.perf_counter() - last_key, time.process_time() - cpu, stalls


def _scroll_once(app, panel, row: int) -> tuple[float, StallLog]:  # type: ignore[no-untyped-def]
    """(jump to ``row`` of the queue until its rows show, stalls meanwhile); the
    caller has cleared the search, so the whole queue is shown."""
    stalls = StallLog()
    model = panel.model
    started = time.perf_counter()
    stalls.run(lambda: panel.table.scrollTo(model.index(row, 0)))
    deadline = started + 30
    while model.index(row, 1).data() is None and time.perf_counter() < deadline:
        stalls.run(app.processEvents)
        time.sleep(0.001)
    stalls.run(app.processEvents)  # the view paints the rows
    return time.perf_counter() - started, stalls


def _ms(values: list[float], fraction: float) -> float:
    return percentile(values, fraction) * 1000


def measure_searches(store_path: Path, rounds: int, key_interval_s: float) -> dict[str, object]:
    app, window, database = build_window(store_path)
    loaded_rss = rss_mb()
    panel = window.queue
    runner = window.services.runner
    latencies: list[float] = []
    cpus: list[float] = []
    stalls: list[StallLog] = []
    for _ in range(rounds):
        for text in SEARCHES:
            latency, cpu, stall = _search_once(app, panel, runner, text)
            latencies.append(latency)
            cpus.append(cpu)
            stalls.append(stall)
    unfiltered, unfiltered_cpu, _stall = _search_once(app, panel, runner, "")
    typed: list[float] = []
    typed_cpus: list[float] = []
    typed_stalls: list[StallLog] = []
    for _ in range(rounds):
        for word in TYPED:
            latency, cpu, stall = _type_once(app, panel, runner, word, key_interval_s)
            typed.append(latency)
            typed_cpus.append(cpu)
            typed_stalls.append(stall)
    panel.search.clear()
    _wait_applied(app, panel, runner, "", StallLog())
    scrolls = [
        _scroll_once(app, panel, row)
        for row in (25_000, 50_000, 75_000, 99_000)
        if row < panel.model.rowCount()
    ]
    result = {
        "scroll_to_rows_max_ms": max((t for t, _s in scrolls), default=0.0) * 1000,
        "scroll_stall_max_ms": max((s.wall for _t, s in scrolls), default=0.0) * 1000,
        "scroll_stall_cpu_max_ms": max((s.cpu for _t, s in scrolls), default=0.0) * 1000,
        "rows": panel.model.rowCount(),
        "search_p50_ms": _ms(latencies, 0.50),
        "search_p95_ms": _ms(latencies, 0.95),
        "search_max_ms": max(latencies) * 1000,
        "search_cpu_p50_ms": _ms(cpus, 0.50),
        "search_cpu_p95_ms": _ms(cpus, 0.95),
        "gui_stall_p95_ms": _ms([s.wall for s in stalls], 0.95),
        "gui_stall_max_ms": max(s.wall for s in stalls) * 1000,
        "gui_stall_cpu_max_ms": max(s.cpu for s in stalls) * 1000,
        "typed_key_interval_ms": key_interval_s * 1000,
        "typed_debounce_ms": getattr(panel, "SEARCH_DELAY_MS", None),
        "typed_last_key_to_queue_p50_ms": _ms(typed, 0.50),
        "typed_last_key_to_queue_p95_ms": _ms(typed, 0.95),
        "typed_cpu_p50_ms": _ms(typed_cpus, 0.50),
        "typed_cpu_p95_ms": _ms(typed_cpus, 0.95),
        "typed_stall_p95_ms": _ms([s.wall for s in typed_stalls], 0.95),
        "typed_stall_max_ms": max(s.wall for s in typed_stalls) * 1000,
        "typed_stall_cpu_p95_ms": _ms([s.cpu for s in typed_stalls], 0.95),
        "typed_stall_cpu_max_ms": max(s.cpu for s in typed_stalls) * 1000,
        "unfiltered_reload_ms": unfiltered * 1000,
        "unfiltered_reload_cpu_ms": unfiltered_cpu * 1000,
        "rss_after_load_mb": loaded_rss,
        "searches": len(latencies),
        "typed_searches": len(typed),
    }
    window.close()
    runner.wait_idle(10_000)
    database.dispose()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--key-interval-ms", type=float, default=100.0)
    parser.add_argument(
        "--store", type=Path, help="keep the filled store here and reuse it on the next run"
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child-startup", nargs=2, metavar=("STORE", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_startup:
        child_startup(args.child_startup[0], float(args.child_startup[1]))
        return 0

    from tests.ui.synthetic_orders import filled_store

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="hatif-bench-ui-") as temp:
        store = args.store or Path(temp) / "store.sqlite"
        began = time.perf_counter()
        if not store.exists():
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
        search = measure_searches(store, args.rounds, args.key_interval_ms / 1000)

    figures = {
        "orders": args.orders,
        "store_fill_s": fill_s,
        "startup_median_s": percentile(startups, 0.50),
        "startup_max_s": max(startups),
        **search,
        # Other work on the machine slows every figure: report it beside them.
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "machine": (
            f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
    }
    print(f"{'Workspace window, ' + str(args.orders) + ' orders':<52}{'value':>12}")
    print("-" * 64)
    rows = (
        ("start to usable window (median)", f"{figures['startup_median_s']:.2f} s"),
        ("start to usable window (max)", f"{figures['startup_max_s']:.2f} s"),
        ("search query to filtered queue p50", f"{figures['search_p50_ms']:.0f} ms"),
        ("search query to filtered queue p95", f"{figures['search_p95_ms']:.0f} ms"),
        ("search query to filtered queue max", f"{figures['search_max_ms']:.0f} ms"),
        (
            "  process CPU for it p50 / p95",
            f"{figures['search_cpu_p50_ms']:.0f} / {figures['search_cpu_p95_ms']:.0f} ms",
        ),
        ("longest GUI-thread stall per search p95", f"{figures['gui_stall_p95_ms']:.0f} ms"),
        ("longest GUI-thread stall per search max", f"{figures['gui_stall_max_ms']:.0f} ms"),
        ("  of which GUI-thread CPU (max)", f"{figures['gui_stall_cpu_max_ms']:.0f} ms"),
        (
            f"typed, last key to queue p50 (incl. {figures['typed_debounce_ms']} ms pause)",
            f"{figures['typed_last_key_to_queue_p50_ms']:.0f} ms",
        ),
        ("typed, last key to queue p95", f"{figures['typed_last_key_to_queue_p95_ms']:.0f} ms"),
        (
            "  process CPU from last key p50 / p95",
            f"{figures['typed_cpu_p50_ms']:.0f} / {figures['typed_cpu_p95_ms']:.0f} ms",
        ),
        ("typed, longest event-loop stall p95", f"{figures['typed_stall_p95_ms']:.0f} ms"),
        ("typed, longest event-loop stall max", f"{figures['typed_stall_max_ms']:.0f} ms"),
        ("  of which GUI-thread CPU (p95)", f"{figures['typed_stall_cpu_p95_ms']:.0f} ms"),
        ("  of which GUI-thread CPU (max)", f"{figures['typed_stall_cpu_max_ms']:.0f} ms"),
        ("jump deep into the queue, rows shown", f"{figures['scroll_to_rows_max_ms']:.0f} ms"),
        ("  longest GUI-thread stall meanwhile", f"{figures['scroll_stall_max_ms']:.0f} ms"),
        ("  of which GUI-thread CPU", f"{figures['scroll_stall_cpu_max_ms']:.0f} ms"),
        ("clear search (all rows back)", f"{figures['unfiltered_reload_ms']:.0f} ms"),
        ("  process CPU for it", f"{figures['unfiltered_reload_cpu_ms']:.0f} ms"),
        ("resident memory after loading", f"{figures['rss_after_load_mb']:.0f} MB"),
        ("(setup) fill the local store (0 when reused)", f"{figures['store_fill_s']:.1f} s"),
    )
    for label, value in rows:
        print(f"{label:<52}{value:>12}")
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
