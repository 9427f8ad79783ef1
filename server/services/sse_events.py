"""Live change events: one hub per server process wakes SSE clients.

The hub sequences new change-log rows (``change_log.assign_sequence``), reads
the new ones once into ``recent`` (``recent_changes``) and wakes the waiting
streams of the teams they concern (``stream_wakeups``), which take them from
there (or read the log after their own cursor when further behind than
``recent`` reaches).
Wake-ups come from commits in this process, from PostgreSQL ``LISTEN`` (a
hint from other processes; the change log stays the truth) and from a short
poll as the last resort (SQLite shared by several processes).

The hub's tick also sweeps desks that went silent (``presence.sweep_silent_desks``)
once per server process, so a timed-out agent reaches wallboards as a presence
change without any per-client polling; and it re-checks, in one query, the
tokens of every open stream, so a revoked token's stream ends within seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from server.auth.auth_changes import AUTH_CHANNEL, parse_auth_notice
from server.auth.sessions import dead_token_ids
from server.db.session import Database
from server.services.change_log import NOTIFY_CHANNEL, assign_sequence
from server.services.presence import PRESENCE_SWEEP_SECONDS, sweep_silent_desks
from server.services.recent_changes import RecentChanges, read_range
from server.services.stream_wakeups import EVERY_CHANGE, Interest, StreamWakeups

log = logging.getLogger(__name__)

BATCH_DELAY_S = 0.05
# How often the tokens of open streams are checked again (one query per process).
TOKEN_RECHECK_SECONDS = 2.0


class ChangeHub:
    """Sequences the change log and wakes SSE clients when it grows."""

    def __init__(
        self,
        db: Database,
        poll_seconds: float = 1.0,
        presence_sweep_seconds: float = PRESENCE_SWEEP_SECONDS,
    ) -> None:
        self.db = db
        self.poll_seconds = poll_seconds
        self.presence_sweep_seconds = presence_sweep_seconds
        self._next_sweep = 0.0
        self._next_token_check = 0.0
        self._open_tokens: Counter[int] = Counter()
        self._dead_tokens: set[int] = set()
        self.last_seq = 0
        # The newest changes, read once for all streams (see recent_changes).
        self.recent = RecentChanges(0)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._poke: asyncio.Event | None = None
        # What each waiting stream waits on (its team's changes, or all of them).
        self._wakeups: StreamWakeups | None = None
        self._task: asyncio.Task[None] | None = None
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        # The process is stopping: every stream ends at its next step (see end_streams).
        self.closing = False
        # Told (on the listener thread) whose tokens another process changed; None: anybody's.
        self.on_auth_notice: list[Callable[[set[int] | None], None]] = []

    # -- lifecycle -----------------------------------------------------------
    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._poke = asyncio.Event()
        self._wakeups = StreamWakeups()
        self.last_seq = await asyncio.to_thread(assign_sequence, self.db)
        self.recent.forget(self.last_seq)
        self._task = asyncio.create_task(self._run(), name="change-hub")
        if self.db.is_postgres:
            self._listener = threading.Thread(
                target=self._listen_postgres, name="change-hub-listen", daemon=True
            )
            self._listener.start()

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._listener is not None:
            await asyncio.to_thread(self._listener.join, 3)

    def end_streams(self) -> None:
        """Make every open stream finish now (callable from a signal handler or any
        thread): the server is stopping and must not wait for them."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(lambda: loop.create_task(self._wake_for_close()))

    async def _wake_for_close(self) -> None:
        self.closing = True
        if self._wakeups is not None:
            self._wakeups.wake_all()

    # -- wake-ups --------------------------------------------------------------
    def poke(self) -> None:
        """Something committed a change (callable from any thread)."""
        loop, event = self._loop, self._poke
        if loop is None or event is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(event.set)

    def _listen_postgres(self) -> None:
        url = make_url(self.db.url)
        conninfo = psycopg.conninfo.make_conninfo(
            host=url.host or "",
            port=url.port or 5432,
            user=url.username or "",
            password=url.password or "",
            dbname=url.database or "",
        )
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    conn.execute(f"LISTEN {AUTH_CHANNEL}")
                    # Whatever was announced while nobody listened is unknown: forget all.
                    self._auth_changed(None)
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=1.0, stop_after=1):
                            if notice.channel == AUTH_CHANNEL:
                                self._auth_changed(parse_auth_notice(notice.payload))
                            else:
                                self.poke()
            except psycopg.Error as error:  # database restarting: retry, polling covers us
                log.warning("LISTEN connection lost: %s", error)
                self._stop.wait(1.0)

    def _auth_changed(self, user_id: int | None) -> None:
        """Another process changed a user's sign-in state (None: maybe anybody's).
        Called on the listener thread, at once: the next request must see it."""
        for drop in self.on_auth_notice:
            drop({user_id} if user_id is not None else None)

    async def _run(self) -> None:
        assert self._poke is not None and self._wakeups is not None
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poke.wait(), timeout=self.poll_seconds)
            self._poke.clear()
            # Let a burst of commits land, then sequence them in one transaction.
            await asyncio.sleep(BATCH_DELAY_S)
            self._poke.clear()
            await self._sweep_presence_when_due()
            await self._recheck_tokens_when_due()
            try:
                last = await asyncio.to_thread(assign_sequence, self.db)
            except Exception as error:  # keep serving; the next wake-up retries
                log.warning("sequencing the change log failed: %s", error)
                continue
            if last != self.last_seq:
                teams = await self._read_new(self.last_seq, last)
                self.last_seq = last
                if teams is None:
                    self._wakeups.wake_all()
                else:
                    self._wakeups.wake_teams(teams)

    async def _read_new(self, previous: int, last: int) -> set[int | None] | None:
        """Read the newly sequenced changes once for every stream of this process;
        the teams they concern (None: unknown, so everybody's)."""
        if not 0 < last - previous <= self.recent.keep:
            self.recent.forget(last)  # a huge burst (an import) or a replaced database
            return None
        try:
            frames = await asyncio.to_thread(read_range, self.db, previous, last)
        except Exception as error:  # streams read the log themselves meanwhile
            log.warning("reading new changes failed: %s", error)
            self.recent.forget(last)
            return None
        if not self.recent.extend(previous, last, frames):
            return None  # the window was emptied: streams read the log, all of them
        return {frame.team_id for frame in frames}

    async def _sweep_presence_when_due(self) -> None:
        if time.monotonic() < self._next_sweep:
            return
        self._next_sweep = time.monotonic() + self.presence_sweep_seconds
        try:
            await asyncio.to_thread(sweep_silent_desks, self.db)
        except Exception as error:  # keep serving; the next sweep retries
            log.warning("sweeping silent desks failed: %s", error)

    async def _recheck_tokens_when_due(self) -> None:
        if time.monotonic() < self._next_token_check or not self._open_tokens:
            return
        self._next_token_check = time.monotonic() + TOKEN_RECHECK_SECONDS
        try:
            dead = await asyncio.to_thread(self._dead_among_open, list(self._open_tokens))
        except Exception as error:  # keep serving; the next check retries
            log.warning("re-checking stream tokens failed: %s", error)
            return
        if dead - self._dead_tokens:
            self._dead_tokens |= dead
            assert self._wakeups is not None
            self._wakeups.wake_all()

    def _dead_among_open(self, token_ids: list[int]) -> set[int]:
        with self.db.read() as session:
            return dead_token_ids(session, token_ids)

    # -- streams -----------------------------------------------------------------
    @contextlib.contextmanager
    def watching(self, token_id: int | None) -> Iterator[None]:
        """An open stream authenticated by ``token_id`` (re-checked while open)."""
        if token_id is None:
            yield
            return
        self._open_tokens[token_id] += 1
        try:
            yield
        finally:
            self._open_tokens[token_id] -= 1
            if self._open_tokens[token_id] <= 0:
                del self._open_tokens[token_id]
                self._dead_tokens.discard(token_id)

    def token_ended(self, token_id: int | None) -> bool:
        """The token was revoked (or expired, or its user deactivated) since the stream opened."""
        return token_id is not None and token_id in self._dead_tokens

    async def wait_for_change(
        self,
        after: int,
        timeout: float,
        token_id: int | None = None,
        interest: Interest = EVERY_CHANGE,
    ) -> bool:
        """Wait until a change of ``interest`` may follow ``after``, ``token_id`` ends or
        the server stops (True: look again), or ``timeout`` passes with none (False)."""
        if self.last_seq > after or self.token_ended(token_id) or self.closing:
            return True  # something came while the stream was busy writing
        wakeups = self._wakeups
        if wakeups is None:
            return False
        # No await between the check above and taking the signal: a change sequenced
        # meanwhile sets this very signal.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await wakeups.signal(interest).wait()
                return True
        return False

    def stats(self) -> dict[str, Any]:
        return {"last_seq": self.last_seq}
