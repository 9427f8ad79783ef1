"""The change hub keeps waking streams whatever happens to the streams that wait.

Starlette ends a stream whose client went away by cancelling it from an anyio
cancel scope, which cancels the task again at every step until it is gone. A
stream cancelled like that at any moment of its wait (before, during or right
after a wake-up) must leave nothing behind that stops the hub from waking the
others: before, a stream could leave the hub's condition lock held, and from
then on no stream of that process heard of a change or of a revoked token.
"""

from __future__ import annotations

import asyncio
import random
import threading
from datetime import UTC, datetime
from pathlib import Path

import anyio

from core.wire.changes import ChangeEntity
from server.db.migrate import upgrade_database
from server.db.session import Database, open_database
from server.services.change_log import append_change
from server.services.sse_events import ChangeHub

WAKE_BOUND_S = 2.0  # the hub batches for 50 ms and polls every 50 ms here
# The whole scenario takes about 7 s; before the fix it never ended (stuck streams).
SCENARIO_BOUND_S = 90.0


def _add_change(db: Database) -> None:
    with db.write() as session:
        append_change(
            session, entity=ChangeEntity.ORDER, entity_id=1, payload={}, at=datetime.now(UTC)
        )


async def _stream_like_starlette(hub: ChangeHub, cancel_after_s: float) -> None:
    """Waits as an event stream does, inside a task group cancelled like a disconnect."""
    async with anyio.create_task_group() as group:

        async def wait_forever() -> None:
            while True:
                await hub.wait_for_change(hub.last_seq, 10.0)

        group.start_soon(wait_forever)
        await asyncio.sleep(cancel_after_s)
        group.cancel_scope.cancel()


async def _scenario(db: Database, rounds: int) -> list[float]:
    hub = ChangeHub(db, poll_seconds=0.05)
    await hub.start()
    rng = random.Random(7)
    woken_after: list[float] = []
    try:
        for _ in range(rounds):
            # Streams that go away at scattered moments around a change.
            leaving = [
                asyncio.create_task(_stream_like_starlette(hub, rng.uniform(0.0, 0.15)))
                for _ in range(30)
            ]
            await asyncio.sleep(rng.uniform(0.0, 0.05))
            await asyncio.to_thread(_add_change, db)
            hub.poke()
            await asyncio.gather(*leaving)
            # A stream that stays must hear of the next change.
            before = hub.last_seq
            staying = asyncio.create_task(hub.wait_for_change(before, 5.0))
            await asyncio.sleep(0.01)
            started = asyncio.get_running_loop().time()
            await asyncio.to_thread(_add_change, db)
            hub.poke()
            assert await staying, "a waiting stream was not woken by a change"
            woken_after.append(asyncio.get_running_loop().time() - started)
    finally:
        await hub.stop()
    return woken_after


def test_streams_cancelled_at_any_moment_never_stop_the_others_being_woken(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'hatif.db'}"
    upgrade_database(url)
    db = open_database(url)
    woken_after: list[float] = []
    # On its own thread: a stuck loop must fail this test, not hang the suite.
    runner = threading.Thread(
        target=lambda: woken_after.extend(asyncio.run(_scenario(db, rounds=15))), daemon=True
    )
    runner.start()
    runner.join(SCENARIO_BOUND_S)
    stuck = runner.is_alive()
    if not stuck:
        db.dispose()
    assert not stuck, "cancelled streams never ended, or the hub stopped waking the others"
    assert len(woken_after) == 15 and max(woken_after) < WAKE_BOUND_S, woken_after
