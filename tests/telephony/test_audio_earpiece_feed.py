"""The far end's audio written by the clock thread into the QAudioSink's device."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QBuffer, QIODevice

from telephony.audio.earpiece_feed import EarpieceFeed


def test_frames_reach_the_device_from_another_thread_in_order() -> None:
    device = QBuffer()
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    feed = EarpieceFeed()
    feed.attach(device)
    frames = [bytes([n]) * 640 for n in range(50)]

    def clock() -> None:
        for frame in frames:
            feed.write(frame)

    thread = threading.Thread(target=clock)
    thread.start()
    thread.join()
    feed.detach()
    assert bytes(device.data().data()) == b"".join(frames)
    assert feed.written and feed.dropped_bytes == 0


def test_without_a_device_the_audio_is_dropped_quietly() -> None:
    feed = EarpieceFeed()
    feed.write(bytes(640))  # the earpiece is not open (yet): nothing to do, no error
    assert not feed.written


class _SlowDevice:
    """A device whose write takes a while, to catch a detach that does not wait."""

    def __init__(self) -> None:
        self.in_write = threading.Event()
        self.writes_finished = 0

    def write(self, data: bytes) -> int:
        self.in_write.set()
        time.sleep(0.05)
        self.writes_finished += 1
        return len(data)


def test_detach_returns_only_after_a_write_in_flight_has_finished() -> None:
    device = _SlowDevice()
    feed = EarpieceFeed()
    feed.attach(device)
    clock = threading.Thread(target=feed.write, args=(bytes(640),))
    clock.start()
    assert device.in_write.wait(2)
    feed.detach()  # the sink may be destroyed as soon as this returns
    assert device.writes_finished == 1
    clock.join()
    feed.write(bytes(640))
    assert device.writes_finished == 1  # nothing more goes to the detached device


def test_detach_does_not_wait_forever_when_the_clock_has_stopped() -> None:
    feed = EarpieceFeed()
    feed.attach(_SlowDevice())
    started = time.monotonic()
    feed.detach()
    assert time.monotonic() - started < 1.0


def test_a_full_device_counts_what_it_could_not_take() -> None:
    class Full:
        def write(self, data: bytes) -> int:
            return 100

    feed = EarpieceFeed()
    feed.attach(Full())
    feed.write(bytes(640))
    assert feed.dropped_bytes == 540
