"""The newest changes of the log, read once per server process for all its streams.

Without it every open event stream re-read the change log after its own cursor
when the log grew: one query per connected desk per change. The change hub now
reads each newly sequenced range once (``read_range``), renders every change's
SSE frame once, and keeps the last few thousand here; a stream whose cursor lies
inside the kept window takes its frames from memory, filtered by team
(``change_log.change_visible_to``, the same rule as the database path). A stream
further behind (a desk coming back after a while) reads the log as before.

The window is exact: it holds every change with ``seq`` in ``(start, end]``, with
no gap, because sequencing is contiguous and each range is appended only after it
was read whole; anything unusual (a read that failed, a burst bigger than the
window) empties it, and streams then fall back to the database.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from sqlalchemy import select

from server.auth.principal import Principal
from server.db.models_sync import ChangeRow
from server.db.session import Database
from server.services.change_log import change_visible_to, to_event

# About 2 KB a change: a few MB per process, and minutes of a busy shop's changes.
KEEP_CHANGES = 5000


@dataclass(frozen=True)
class Frame:
    """One change as an SSE frame, with what decides who may see it."""

    seq: int
    team_id: int | None
    text: str


def sse_frame(seq: int, entity: str, data: str) -> str:
    return f"id: {seq}\nevent: {entity}\ndata: {data}\n\n"


def read_range(db: Database, after: int, upto: int) -> list[Frame]:
    """Every change with ``after < seq <= upto`` (all committed and sequenced), as frames."""
    with db.read() as session:
        rows = session.execute(
            select(ChangeRow)
            .where(ChangeRow.seq > after, ChangeRow.seq <= upto)
            .order_by(ChangeRow.seq)
        ).scalars()
        frames = []
        for row in rows:
            event = to_event(row)
            text = sse_frame(event.seq, row.entity, event.model_dump_json())
            frames.append(Frame(event.seq, event.team_id, text))
    return frames


class RecentChanges:
    """Frames of every change with ``seq`` in ``(start, end]``; used on the event loop only."""

    def __init__(self, end: int, keep: int = KEEP_CHANGES) -> None:
        self.keep = keep
        self.start = end
        self.end = end
        self._frames: deque[Frame] = deque()

    def extend(self, after: int, upto: int, frames: list[Frame]) -> bool:
        """Add the range ``(after, upto]`` read whole (True); a range that does not
        follow on (or came back incomplete) empties the window instead (False)."""
        if after != self.end or len(frames) != upto - after:
            self.forget(upto)
            return False
        self._frames.extend(frames)
        self.end = upto
        while len(self._frames) > self.keep:
            self.start = self._frames.popleft().seq
        return True

    def forget(self, end: int) -> None:
        """Keep nothing; the window starts again at ``end``."""
        self._frames.clear()
        self.start = self.end = end

    def covers(self, cursor: int) -> bool:
        return self.start <= cursor <= self.end

    def after(self, cursor: int, principal: Principal) -> list[str]:
        """The frames after ``cursor`` that ``principal`` may see (``covers(cursor)`` first)."""
        # Seqs are contiguous, so the newest ``end - cursor`` frames are the ones; a
        # stream is nearly always a change or two behind: index from the right end.
        frames = self._frames
        return [
            frame.text
            for frame in (frames[-back] for back in range(self.end - cursor, 0, -1))
            if change_visible_to(principal, frame.team_id)
        ]
