"""A shift in miniature: 200 short calls in a row must not leak calls or threads."""

from __future__ import annotations

import os

import pytest
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from core.attempt_policy import CallOutcome
from tests.fixtures.sip_peers import SippLauncher
from tests.telephony.sip_test_harness import EngineRecorder

pytestmark = [pytest.mark.sip, pytest.mark.slow]

CALLS = 200


def thread_names() -> list[str]:
    """Native threads of this process (pjmedia's included), not only Python's."""
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as comm:
                names.append(comm.read().strip())
        except OSError:
            pass  # the thread ended while we looked
    return sorted(names)


def test_two_hundred_short_calls_leave_nothing_behind(
    sipp: SippLauncher, recorder: EngineRecorder, qtbot: QtBot
) -> None:
    engine = recorder.engine
    peer = sipp.start(
        "uas_answer_remote_hangup", {"RING_MS": 0, "TALK_MS": 100}, calls=CALLS, lifetime_s=120
    )
    threads_before = None
    most_live_objects = 0
    for index in range(CALLS):
        handle = engine.dial(peer.uri())
        entry = recorder.wait_journal(qtbot, handle, timeout_s=10)
        assert entry.outcome is CallOutcome.ANSWERED, (index, entry)
        most_live_objects = max(most_live_objects, engine.live_call_object_count())
        if index == 9:  # after warm-up (media threads and pools are created lazily)
            threads_before = thread_names()
    qtbot.waitUntil(lambda: engine.live_call_count() == 0, timeout=1000)
    assert engine.live_call_object_count() == 0
    assert most_live_objects <= 2  # the ending call and, at most, the next one
    # A leak grows with every call; give a transient helper thread 2 s to end.
    before = threads_before or []
    try:
        qtbot.waitUntil(lambda: len(thread_names()) <= len(before), timeout=2000)
    except TimeoutError:
        pytest.fail(f"threads grew: {before} -> {thread_names()}")
    assert sum(len(entries) for entries in recorder.journal.values()) == CALLS
    assert peer.wait(timeout_s=10) == 0, peer.errors()
