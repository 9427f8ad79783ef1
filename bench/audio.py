"""Audio benchmark: round-trip latency and glitches of the call audio bridge.

Everything is real: a private PulseAudio (null sinks), Qt Multimedia, the bridge,
pjsua2 (the SIP engine) and SIPp's ``-rtp_echo`` on 127.0.0.1.

* Latency: the virtual microphone listens to the headset itself (a remap source on
  ``hatif_headset.monitor``). A short burst played into the headset is recorded
  at once (the reference) and again when it has gone mic -> bridge -> pjsua2 ->
  RTP -> echo -> pjsua2 -> bridge -> headset; the gap is the round trip. The
  microphone is muted between bursts so the loop does not ring on.
* Glitches: a tone is played into the normal virtual microphone for ``--seconds``
  and the headset is recorded; every stretch of 10 ms or more where the tone's
  level drops below a quarter of its median is a gap the agent would hear.

Both run with an idle GUI thread, then at each load of ``--busy-ms`` of
pure-Python work (holding the GIL) in every ``--busy-period-ms`` on the GUI thread.
First, the same tone looped microphone -> headset by two ``pacat`` clients with
the same device buffers (no Hatif) gives the machine's own gaps. ``--cpu-hogs N``
keeps N other processes spinning meanwhile, like a desk also running a browser.

Usage: ``.venv/bin/python bench/audio.py [--seconds 60] [--busy-ms 30,60,90]
[--cpu-hogs N] [--json PATH]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer  # noqa: E402

from telephony.audio.call_audio_bridge import RING_MAX_FILL_MS, CallAudioBridge  # noqa: E402
from telephony.audio.device_choice import AudioDeviceSelection, DeviceChoice  # noqa: E402
from telephony.audio.device_manager import AudioDeviceManager  # noqa: E402
from telephony.audio.pcm_format import FRAME_MS  # noqa: E402
from telephony.audio.qt_audio_io import SINK_BUFFER_MS, SOURCE_BUFFER_MS  # noqa: E402
from telephony.sip_engine import SipEngine  # noqa: E402
from telephony.sip_engine_settings import SipEngineSettings  # noqa: E402
from tests.fixtures.pulse_audio import (  # noqa: E402
    HEADSET_DESCRIPTION,
    HEADSET_SINK,
    MIC_DESCRIPTION,
    MIC_FEED_SINK,
    MIC_SOURCE,
    PulseAudioServer,
    Recording,
    missing_pulse_binaries,
    sine_pcm,
)
from tests.fixtures.sip_peers import SippLauncher  # noqa: E402

RATE = 16_000
LOOP_MIC = "hatif_loop_mic"
LOOP_MIC_DESCRIPTION = "Hatif_Loop_Microphone"
# pjmedia's adaptive jitter buffer on a clean loopback settles near two frames.
JITTER_BUFFER_BUDGET_MS = 2 * FRAME_MS


@dataclass
class BudgetLine:
    name: str
    ms: float


def latency_budget() -> list[BudgetLine]:
    """What the round trip must cost by construction (device buffers, frames, jitter)."""
    return [
        BudgetLine("capture device buffer (QAudioSource)", SOURCE_BUFFER_MS),
        BudgetLine("packetisation (one 20 ms frame)", FRAME_MS),
        BudgetLine("conference bridge clock (one frame)", FRAME_MS),
        BudgetLine("jitter buffer (receive)", JITTER_BUFFER_BUDGET_MS),
        BudgetLine("playback device buffer (QAudioSink)", SINK_BUFFER_MS),
    ]


@dataclass
class LoadResult:
    """Figures at one GUI load (``busy_ms`` of Python work every ``busy_period_ms``)."""

    busy_ms: int
    busy_period_ms: int
    latency_ms: list[float] = field(default_factory=list)
    tone_seconds: float = 0.0
    gaps: int = 0
    gap_ms_total: float = 0.0
    longest_gap_ms: float = 0.0
    gui_timer_late_ms_max: float = 0.0
    # The machine itself: worst oversleep of a 5 ms sleep in a separate process
    # (no GIL shared with us) during the tone, and the load average then.
    machine_stall_ms_max: float = 0.0
    load_average: float = 0.0
    bridge_stats: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlainClientLoop:
    """The same tone looped microphone -> headset by two plain C clients with Hatif's
    buffer sizes: no Hatif, no Python. Its gaps are the machine's, the floor for ours."""

    tone_seconds: float = 0.0
    gaps: int = 0
    gap_ms_total: float = 0.0
    longest_gap_ms: float = 0.0
    load_average: float = 0.0


@dataclass
class Results:
    loads: list[LoadResult] = field(default_factory=list)
    plain_client: PlainClientLoop | None = None


class BusyGui:
    """Keeps the GUI thread busy with pure-Python work (holding the GIL, like a slow view)."""

    def __init__(self, busy_ms: int, period_ms: int) -> None:
        self.busy_ms = busy_ms
        self._timer = QTimer()
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._burn)
        self._clock = QElapsedTimer()
        self.late_ms_max = 0.0
        self._period_ms = period_ms
        self._last = 0

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _burn(self) -> None:
        now = self._clock.elapsed()
        if self._last:
            self.late_ms_max = max(self.late_ms_max, now - self._last - self._period_ms)
        self._last = now
        end = time.perf_counter() + self.busy_ms / 1000
        total = 0
        while time.perf_counter() < end:
            total += sum(range(200))


def wait(app: QCoreApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)


def wait_until(app: QCoreApplication, condition: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.002)


def burst_pcm(seconds: float = 0.012, frequency: float = 1000.0, level: float = 0.8) -> bytes:
    t = np.arange(int(RATE * seconds)) / RATE
    wave = np.sin(2 * np.pi * frequency * t) * np.hanning(t.size) * level
    return (wave * 32767).astype("<i2").tobytes()


def envelope(samples: np.ndarray, window_ms: float = 2.0) -> np.ndarray:
    size = max(1, int(RATE * window_ms / 1000))
    usable = samples[: samples.size - samples.size % size]
    return np.sqrt((usable.reshape(-1, size) ** 2).mean(axis=1))


def burst_to_echo_ms(recording: Recording) -> float | None:
    """Time from the burst (first loud spot) to its echo (next loud spot 30 ms later)."""
    env = envelope(recording.samples)
    if env.size == 0 or env.max() < 0.05:
        return None
    threshold = 0.25 * env.max()
    loud = np.flatnonzero(env > threshold)
    first = int(loud[0])
    after = loud[loud > first + 15]  # 15 windows of 2 ms: past the burst itself
    if after.size == 0:
        return None
    return float((after[0] - first) * 2.0)


def find_gaps(recording: Recording) -> tuple[int, float, float, float]:
    """(gaps, total gap ms, longest gap ms, seconds of tone analysed)."""
    env = envelope(recording.samples, window_ms=5.0)
    loud = np.flatnonzero(env > 0.02)
    if loud.size == 0:
        return 0, 0.0, 0.0, 0.0
    tone = env[loud[0] : loud[-1] + 1]
    quiet = tone < 0.25 * float(np.median(tone))
    gaps, total, longest, run = 0, 0.0, 0.0, 0
    for is_quiet in [*quiet.tolist(), False]:
        if is_quiet:
            run += 1
            continue
        if run * 5 >= 10:
            gaps += 1
            total += run * 5
            longest = max(longest, run * 5)
        run = 0
    return gaps, total, longest, tone.size * 5 / 1000


class EchoCallRig:
    """A SIP engine whose calls go to SIPp's RTP echo through a bridge on given devices."""

    def __init__(self, app: QCoreApplication, work: Path, devices: AudioDeviceManager) -> None:
        self.app = app
        self.devices = devices
        self.bridges: list[CallAudioBridge] = []
        self.sipp = SippLauncher(work)
        self.engine = SipEngine(
            SipEngineSettings(bind_address="127.0.0.1", enable_tls=False, enable_tcp=False),
            audio_bridge_factory=self._bridge,
        )

    def _bridge(self) -> CallAudioBridge:
        bridge = CallAudioBridge(self.devices)
        self.bridges.append(bridge)
        return bridge

    def call(self) -> tuple[int, CallAudioBridge]:
        peer = self.sipp.start(
            "uas_answer_agent_hangup", {"RING_MS": 0}, rtp_echo=True, lifetime_s=600
        )
        handle = self.engine.dial(peer.uri())
        count = len(self.bridges)
        wait_until(
            self.app,
            lambda: len(self.bridges) > count and self.bridges[-1].is_running(),
            5,
            "call audio",
        )
        wait(self.app, 0.3)
        return handle, self.bridges[-1]

    def hang_up(self, handle: int, bridge: CallAudioBridge) -> None:
        self.engine.hangup(handle)
        wait_until(self.app, lambda: not bridge.is_running(), 5, "hang-up")

    def close(self) -> None:
        self.engine.shutdown()
        self.sipp.stop_all()


def measure_latency(
    rig: EchoCallRig, pulse: PulseAudioServer, work: Path, clicks: int
) -> list[float]:
    handle, bridge = rig.call()
    results: list[float] = []
    try:
        for index in range(clicks):
            rig.engine.set_muted(handle, False)
            recording = pulse.start_recording(HEADSET_SINK, work / f"click-{index}.raw")
            wait(rig.app, 0.15)
            player = pulse.play_into(HEADSET_SINK, burst_pcm())
            wait(rig.app, 0.9)
            rig.engine.set_muted(handle, True)  # break the loop before it rings on
            heard = recording.finish()
            player.wait(timeout=5)
            wait(rig.app, 0.5)
            gap = burst_to_echo_ms(heard)
            if gap is not None:
                results.append(gap)
    finally:
        rig.hang_up(handle, bridge)
    return results


# Runs beside the benchmark: how late does a 5 ms sleep wake up in a process of its own?
_STALL_PROBE = """
import sys, time
end = time.monotonic() + float(sys.argv[1])
worst = 0.0
while time.monotonic() < end:
    before = time.perf_counter()
    time.sleep(0.005)
    worst = max(worst, (time.perf_counter() - before - 0.005) * 1000)
print(worst)
"""


_CPU_HOG = "while True:\n    pass\n"


def start_cpu_hogs(count: int) -> list[subprocess.Popen[bytes]]:
    """Processes spinning on the CPU: a desk also running a browser and a spreadsheet."""
    return [subprocess.Popen([sys.executable, "-c", _CPU_HOG]) for _ in range(count)]


def stop_cpu_hogs(hogs: list[subprocess.Popen[bytes]]) -> None:
    for hog in hogs:
        hog.kill()
        hog.wait()


def start_stall_probe(seconds: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _STALL_PROBE, str(seconds)], stdout=subprocess.PIPE, text=True
    )


def finish_stall_probe(probe: subprocess.Popen[str]) -> float:
    out, _ = probe.communicate(timeout=30)
    return float(out.strip() or 0.0)


def record_tone(
    app: QCoreApplication, pulse: PulseAudioServer, path: Path, seconds: float
) -> Recording:
    """Play a tone into the microphone and record the headset for ``seconds``."""
    # A player with a deep buffer, so its own hiccups are not counted as gaps.
    player = pulse.play_into(
        MIC_FEED_SINK, sine_pcm(440.0, seconds + 2.0, level=0.5), latency_ms=200
    )
    try:
        wait(app, 1.0)
        recording = pulse.start_recording(HEADSET_SINK, path)
        wait(app, seconds)
        return recording.finish()
    finally:
        player.kill()
        player.wait(timeout=5)


def measure_glitches(
    rig: EchoCallRig, pulse: PulseAudioServer, work: Path, seconds: float
) -> tuple[tuple[int, float, float, float], dict[str, Any]]:
    handle, bridge = rig.call()
    try:
        probe = start_stall_probe(seconds + 1.0)  # from the tone's start to its end
        heard = record_tone(rig.app, pulse, work / "tone.raw", seconds)
        stats: dict[str, Any] = {"machine_stall_ms_max": finish_stall_probe(probe)}
        stats.update(asdict(bridge.stats()))
    finally:
        rig.hang_up(handle, bridge)
    return find_gaps(heard), stats


def _pacat(mode: str, device: str, latency_ms: int) -> list[str]:
    return [
        "pacat", f"--{mode}", f"--device={device}", "--format=s16le", "--rate=16000",
        "--channels=1", f"--latency-msec={latency_ms}", "--raw",
    ]  # fmt: skip


def measure_plain_client(
    app: QCoreApplication, pulse: PulseAudioServer, work: Path, seconds: float
) -> PlainClientLoop:
    """The tone looped microphone -> headset by two ``pacat`` clients (C, normal
    priority) with Hatif's device buffers: what any client gets on this machine."""
    capture = subprocess.Popen(
        _pacat("record", MIC_SOURCE, SOURCE_BUFFER_MS),
        env=pulse.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    playback = subprocess.Popen(
        _pacat("playback", HEADSET_SINK, SINK_BUFFER_MS),
        env=pulse.env, stdin=capture.stdout, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        heard = record_tone(app, pulse, work / "plain.raw", seconds)
    finally:
        for process in (capture, playback):
            process.kill()
            process.wait(timeout=5)
    gaps, gap_ms, longest, tone_seconds = find_gaps(heard)
    return PlainClientLoop(tone_seconds, gaps, gap_ms, longest, os.getloadavg()[0])


def describe(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{statistics.median(values):.0f} (max {max(values):.0f})"


def print_table(results: Results) -> None:
    budget = latency_budget()
    total_budget = sum(line.ms for line in budget)
    print("\nRound-trip latency budget (mic -> echo -> earpiece):")
    for line in budget:
        print(f"  {line.name:<42} {line.ms:6.0f} ms")
    print(f"  {'total':<42} {total_budget:6.0f} ms")
    print(f"  (rings drop the oldest audio beyond {RING_MAX_FILL_MS} ms of backlog)\n")
    header = (
        f"{'GUI load':<16} {'round trip ms':>16} {'over budget':>12} "
        f"{'gaps/min':>9} {'gaps':>5} {'gap ms':>7} {'longest':>8} {'GUI late':>9} "
        f"{'machine':>8} {'load':>5}"
    )
    print(header)
    print("-" * len(header))
    for load in results.loads:
        label = f"{load.busy_ms}/{load.busy_period_ms} ms" if load.busy_ms else "idle"
        values = load.latency_ms
        over = f"{statistics.median(values) - total_budget:+.0f}" if values else "n/a"
        per_minute = load.gaps / load.tone_seconds * 60 if load.tone_seconds else 0.0
        print(
            f"{label:<16} {describe(values):>16} {over:>12} {per_minute:>9.1f} "
            f"{load.gaps:>5} {load.gap_ms_total:>7.0f} {load.longest_gap_ms:>8.0f} "
            f"{load.gui_timer_late_ms_max:>9.0f} {load.machine_stall_ms_max:>8.0f} "
            f"{load.load_average:>5.1f}"
        )
    plain = results.plain_client
    if plain is not None:
        per_minute = plain.gaps / plain.tone_seconds * 60 if plain.tone_seconds else 0.0
        print(
            f"{'pacat loop':<19} {'-':>13} {'-':>12} {per_minute:>9.1f} "
            f"{plain.gaps:>5} {plain.gap_ms_total:>7.0f} {plain.longest_gap_ms:>8.0f} "
            f"{'-':>9} {'-':>8} {plain.load_average:>5.1f}"
        )
    print("\nGaps: >= 10 ms where the returning tone falls below a quarter of its median;")
    print("budget for gaps is 0. 'GUI late': worst lateness of the GUI thread's own timer.")
    print("'machine': worst oversleep of a 5 ms sleep in a separate process during the tone")
    print("(the machine's own stalls, nothing to do with the GIL); 'load': 1-minute load average.")
    print("'pacat loop': the same tone looped mic -> headset by two pacat clients with the")
    print("same device buffers (40 ms capture, 60 ms playback): no Hatif, no Python.")
    for load in results.loads:
        label = f"{load.busy_ms}/{load.busy_period_ms} ms" if load.busy_ms else "idle"
        counters = ", ".join(f"{key}={value}" for key, value in load.bridge_stats.items())
        print(f"bridge counters, GUI {label}: {counters}")


def run(args: argparse.Namespace) -> Results:
    results = Results()
    with tempfile.TemporaryDirectory(prefix="hatif-bench-audio-") as tmp:
        work = Path(tmp)
        (work / "pulse").mkdir()
        pulse = PulseAudioServer(work / "pulse")
        pulse.start()
        os.environ.update(pulse.client_env())  # before Qt Multimedia's first use
        try:
            pulse.pactl(
                "load-module", "module-remap-source", f"source_name={LOOP_MIC}",
                f"master={HEADSET_SINK}.monitor",
                f"source_properties=device.description={LOOP_MIC_DESCRIPTION}",
            )  # fmt: skip
            app = QCoreApplication.instance() or QCoreApplication([])
            loop = AudioDeviceSelection(
                capture=DeviceChoice(LOOP_MIC, LOOP_MIC_DESCRIPTION),
                playback=DeviceChoice(HEADSET_SINK, HEADSET_DESCRIPTION),
            )
            tone = AudioDeviceSelection(
                capture=DeviceChoice(MIC_SOURCE, MIC_DESCRIPTION),
                playback=DeviceChoice(HEADSET_SINK, HEADSET_DESCRIPTION),
            )
            devices = AudioDeviceManager(loop)
            rig = EchoCallRig(app, work, devices)
            hogs = start_cpu_hogs(args.cpu_hogs)
            try:
                print("pacat loop: tone ...", flush=True)
                results.plain_client = measure_plain_client(app, pulse, work, args.seconds)
                for busy_ms in [0, *args.busy_ms]:
                    load = LoadResult(busy_ms, args.busy_period_ms)
                    busy = BusyGui(busy_ms, args.busy_period_ms)
                    if busy_ms:
                        busy.start()
                    try:
                        label = (
                            f"GUI busy {busy_ms}/{args.busy_period_ms} ms"
                            if busy_ms
                            else "GUI idle"
                        )
                        print(f"{label}: latency ...", flush=True)
                        devices.set_selection(loop)
                        load.latency_ms = measure_latency(rig, pulse, work, args.clicks)
                        print(f"{label}: tone for {args.seconds:.0f} s ...", flush=True)
                        devices.set_selection(tone)
                        figures, load.bridge_stats = measure_glitches(
                            rig, pulse, work, args.seconds
                        )
                        load.gaps, load.gap_ms_total, load.longest_gap_ms = figures[:3]
                        load.tone_seconds = figures[3]
                        load.gui_timer_late_ms_max = busy.late_ms_max
                        load.machine_stall_ms_max = load.bridge_stats.pop("machine_stall_ms_max")
                        load.load_average = os.getloadavg()[0]
                    finally:
                        busy.stop()
                    results.loads.append(load)
            finally:
                stop_cpu_hogs(hogs)
                rig.close()
        finally:
            pulse.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the tone run")
    parser.add_argument("--clicks", type=int, default=5, help="bursts per latency run")
    parser.add_argument(
        "--busy-ms",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[20, 60],
        help="GUI loads to test, ms of Python work per period (comma list; idle always runs)",
    )
    parser.add_argument("--busy-period-ms", type=int, default=100)
    parser.add_argument(
        "--cpu-hogs",
        type=int,
        default=0,
        help="other processes spinning on the CPU meanwhile (a loaded desk)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    missing = missing_pulse_binaries()
    if missing:
        print(f"PulseAudio binaries missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = run(args)
    print_table(results)
    if args.json:
        payload = asdict(results)
        payload["budget_ms"] = {line.name: line.ms for line in latency_budget()}
        payload["budget_total_ms"] = sum(line.ms for line in latency_budget())
        args.json.write_text(json.dumps(payload, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
