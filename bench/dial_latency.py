"""Dial latency and call cost of the SIP engine, beside baresip as a peer.

* dial → INVITE: from the dial command to the INVITE arriving at SIPp (SIPp's
  own message log timestamps it), median and p95 over ``--calls`` calls, for the
  Hatif engine (pjsua2 + Qt timer) and for baresip (Debian package, driven
  through its ctrl_tcp module) dialling the same kind of SIPp peer;
* CPU (% of one core) and resident memory of the process during one answered
  call of ``--call-seconds`` seconds with RTP flowing (SIPp echoes it back).

Run from the repository root:  .venv/bin/python bench/dial_latency.py [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication

from bench.percentiles import percentile
from telephony.call_audio_protocol import CallAudioBridgeProtocol
from telephony.call_journal_entry import CallJournalEntry
from telephony.sip_engine import SipEngine
from telephony.sip_engine_settings import SipEngineSettings
from tests.fixtures.baresip_phone import write_config
from tests.fixtures.sip_peers import SippLauncher, SippPeer, free_port

CLK_TCK = os.sysconf("SC_CLK_TCK")
# Pause between two dials, for both user agents: an agent never redials faster,
# and the engine refuses bursts (pjsip's I/O queue keeps ended RTP sockets 500 ms).
GAP_S = 0.1


@dataclass
class PeerFigures:
    """What one SIP user agent measured."""

    name: str
    dial_to_invite_median_ms: float | None = None
    dial_to_invite_p95_ms: float | None = None
    calls_measured: int = 0
    call_seconds: float = 0.0
    cpu_percent_during_call: float | None = None
    rss_mb_max_during_call: float | None = None
    rss_mb_growth_during_call: float | None = None
    note: str = ""


# ------------------------------------------------------------------ helpers
_BLOCK = re.compile(
    r"-{5,} (\d{4}-\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d+)\s*\n\S+ message received[^\n]*\n\s*"
    r"INVITE [^\n]*\n(.*?)(?=\n-{5,} |\Z)",
    re.S,
)
_CALL_ID = re.compile(r"^(?:Call-ID|i)\s*:\s*(\S+)", re.M | re.I)


def invite_arrivals(message_log: Path) -> list[float]:
    """Wall-clock arrival time of each distinct INVITE in SIPp's message log."""
    seen: set[str] = set()
    arrivals: list[float] = []
    for day, clock, rest in _BLOCK.findall(message_log.read_text(errors="replace")):
        call_id = _CALL_ID.search(rest)
        key = call_id.group(1) if call_id else f"{day} {clock}"
        if key in seen:
            continue  # a retransmission
        seen.add(key)
        arrivals.append(datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M:%S.%f").timestamp())
    return arrivals


def latency_figures(figures: PeerFigures, dials: list[float], arrivals: list[float]) -> None:
    pairs = list(zip(dials, arrivals, strict=False))
    latencies = [(arrival - dial) * 1000.0 for dial, arrival in pairs]
    if latencies:
        figures.dial_to_invite_median_ms = statistics.median(latencies)
        figures.dial_to_invite_p95_ms = percentile(latencies, 0.95)
        figures.calls_measured = len(latencies)


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def sample_call(
    pid: int, seconds: float, pump: Callable[[float], None]
) -> tuple[float, float, float]:
    """CPU % of one core, max RSS and RSS growth of ``pid`` over ``seconds``."""
    cpu_start, wall_start = cpu_seconds(pid), time.monotonic()
    rss_start = rss_mb(pid)
    rss_max = rss_start
    while time.monotonic() - wall_start < seconds:
        pump(0.5)
        rss_max = max(rss_max, rss_mb(pid))
    cpu = (cpu_seconds(pid) - cpu_start) / (time.monotonic() - wall_start) * 100.0
    return cpu, rss_max, rss_mb(pid) - rss_start


# --------------------------------------------------------------- Hatif side
class NullDeviceBridge:
    """Bench-only bridge: wires the call to pjsua2's null device so RTP flows
    both ways, as it would with the headset bridge."""

    def __init__(self, endpoint: pj.Endpoint) -> None:
        self._manager = endpoint.audDevManager()
        self._media: Any = None

    def start(self, call_audio_media: Any) -> None:
        self._media = call_audio_media
        self._manager.getCaptureDevMedia().startTransmit(call_audio_media)
        call_audio_media.startTransmit(self._manager.getPlaybackDevMedia())

    def stop(self) -> None:
        self._media = None

    def set_muted(self, muted: bool) -> None:
        pass


def measure_hatif(sipp: SippLauncher, calls: int, call_seconds: float) -> PeerFigures:
    figures = PeerFigures("hatif (pjsua2 + QTimer)", call_seconds=call_seconds)
    app = QCoreApplication.instance() or QCoreApplication([])
    holder: list[SipEngine] = []

    def bridge_factory() -> CallAudioBridgeProtocol:
        return NullDeviceBridge(holder[0].endpoint)

    engine = SipEngine(
        SipEngineSettings(bind_address="127.0.0.1", ring_timeout_s=30, setup_timeout_s=5),
        audio_bridge_factory=bridge_factory,
    )
    holder.append(engine)
    journal: dict[int, CallJournalEntry] = {}
    engine.call_journaled.connect(lambda entry: journal.__setitem__(entry.call_handle, entry))

    def wait_for(handle: int, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while handle not in journal and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)

    try:
        log = sipp.tmp_path / "hatif_messages.log"
        peer = sipp.start(
            "uas_reject_at_once", {"CODE": 486, "REASON": "Busy Here"}, calls=calls,
            lifetime_s=calls * 2 + 30, extra=("-trace_msg", "-message_file", str(log)),
        )
        dials = []
        for _ in range(calls):
            dials.append(time.time())
            wait_for(engine.dial(peer.uri()), 10)
            time.sleep(GAP_S)
        peer.wait(10)
        latency_figures(figures, dials, invite_arrivals(log))

        echo = sipp.start("uas_answer_agent_hangup", {"RING_MS": 0}, rtp_echo=True,
                          lifetime_s=call_seconds + 30)
        handle = engine.dial(echo.uri(), hangup_after_s=call_seconds + 60)

        def pump(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.processEvents()
                time.sleep(0.005)

        pump(0.5)
        cpu, rss_max, growth = sample_call(os.getpid(), call_seconds, pump)
        figures.cpu_percent_during_call = cpu
        figures.rss_mb_max_during_call = rss_max
        figures.rss_mb_growth_during_call = growth
        engine.hangup(handle)
        wait_for(handle, 5)
        echo.wait(10)
    finally:
        engine.shutdown()
    return figures


# ------------------------------------------------------------- baresip side
class BaresipControl:
    """baresip with ctrl_tcp: JSON commands and events in netstrings."""

    def __init__(self, workdir: Path) -> None:
        sip_port, ctrl_port = free_port(), free_port(socket.SOCK_STREAM)
        workdir.mkdir(parents=True, exist_ok=True)
        write_config(workdir, sip_port, ctrl_port)
        (workdir / "accounts").write_text("<sip:bench@127.0.0.1>;regint=0\n")
        self.log = (workdir / "baresip.log").open("wb")
        self.process = subprocess.Popen(
            ["baresip", "-f", str(workdir)], stdin=subprocess.DEVNULL, stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", ctrl_port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("baresip did not start") from None
                time.sleep(0.05)
        self.sock.settimeout(0.2)
        self._buffer = b""

    def command(self, name: str, params: str = "") -> None:
        body = json.dumps({"command": name, "params": params, "token": "bench"}).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body + b",")

    def wait_event(self, kind: str, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            while b":" in self._buffer:
                length, rest = self._buffer.split(b":", 1)
                size = int(length)
                if len(rest) < size + 1:
                    break
                message = json.loads(rest[:size])
                self._buffer = rest[size + 1 :]
                if message.get("event") and message.get("type") == kind:
                    return dict(message)
            try:
                self._buffer += self.sock.recv(65536)
            except TimeoutError:
                pass
        raise TimeoutError(f"baresip sent no {kind} in {timeout_s} s")

    def close(self) -> None:
        self.sock.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def measure_baresip(sipp: SippLauncher, calls: int, call_seconds: float) -> PeerFigures:
    figures = PeerFigures("baresip 1.0 (Debian)", call_seconds=call_seconds)
    if shutil.which("baresip") is None:
        figures.note = "baresip not installed"
        return figures
    control = BaresipControl(sipp.tmp_path / "baresip")
    try:
        log = sipp.tmp_path / "baresip_messages.log"
        peer = sipp.start(
            "uas_reject_at_once", {"CODE": 486, "REASON": "Busy Here"}, calls=calls,
            lifetime_s=calls * 2 + 30, extra=("-trace_msg", "-message_file", str(log)),
        )
        dials = []
        for _ in range(calls):
            dials.append(time.time())
            control.command("dial", peer.uri())
            control.wait_event("CALL_CLOSED", 10)
            time.sleep(GAP_S)
        peer.wait(10)
        latency_figures(figures, dials, invite_arrivals(log))

        echo: SippPeer = sipp.start("uas_answer_agent_hangup", {"RING_MS": 0}, rtp_echo=True,
                                    lifetime_s=call_seconds + 30)
        control.command("dial", echo.uri())
        control.wait_event("CALL_ESTABLISHED", 10)
        time.sleep(0.5)
        cpu, rss_max, growth = sample_call(control.process.pid, call_seconds, time.sleep)
        figures.cpu_percent_during_call = cpu
        figures.rss_mb_max_during_call = rss_max
        figures.rss_mb_growth_during_call = growth
        control.command("hangup")
        control.wait_event("CALL_CLOSED", 5)
        echo.wait(10)
    finally:
        control.close()
    return figures


# -------------------------------------------------------------------- main
def _cell(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def print_table(rows: list[PeerFigures]) -> None:
    metrics = [
        ("dial → INVITE median (ms)", "dial_to_invite_median_ms"),
        ("dial → INVITE p95 (ms)", "dial_to_invite_p95_ms"),
        ("calls measured", "calls_measured"),
        ("CPU during call (% of a core)", "cpu_percent_during_call"),
        ("RSS max during call (MB)", "rss_mb_max_during_call"),
        ("RSS growth during call (MB)", "rss_mb_growth_during_call"),
    ]
    width = max(len(label) for label, _ in metrics) + 2
    print("metric".ljust(width) + "".join(row.name.ljust(28) for row in rows))
    for label, attribute in metrics:
        cells = []
        for row in rows:
            value = getattr(row, attribute)
            cells.append(str(value) if isinstance(value, int) else _cell(value))
        print(label.ljust(width) + "".join(cell.ljust(28) for cell in cells))
    print(f"call length for CPU/RSS: {rows[0].call_seconds:.0f} s, RTP echoed by SIPp")
    for row in rows:
        if row.note:
            print(f"{row.name}: {row.note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--call-seconds", type=float, default=60.0)
    parser.add_argument("--json", type=Path, default=None, metavar="PATH")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hatif-bench-"))
    sipp = SippLauncher(folder)
    try:
        rows = [
            measure_hatif(sipp, args.calls, args.call_seconds),
            measure_baresip(sipp, args.calls, args.call_seconds),
        ]
    except BaseException:
        print(f"logs kept in {folder}", file=sys.stderr)
        raise
    finally:
        sipp.stop_all()
    shutil.rmtree(folder, ignore_errors=True)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps([asdict(row) for row in rows], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
