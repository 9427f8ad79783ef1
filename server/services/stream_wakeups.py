"""Which waiting event streams a change wakes: its team's, and the admins'.

A change to one team's order concerns that team's streams only (and the admins',
who see every team); waking every stream of the process for it made each change
cost one wake-up per open stream, most of them for nothing. Streams wait on the
signal of their interest (their team, or every change); the hub sets the signals
of the teams a batch of changes touched. A team-less change, a window of changes
the hub could not read, a revoked token or a stopping server wake everybody.

Used on the event loop only. A set signal is dropped at once, and the next
waiter of that interest gets a fresh one; an Event (not a Condition) so that a
stream cancelled while it waits leaves nothing behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Final

from server.auth.principal import Principal


class _EveryChange:
    """The interest of a stream that sees every team's changes (an admin's)."""

    def __repr__(self) -> str:
        return "EVERY_CHANGE"


EVERY_CHANGE: Final = _EveryChange()

#: A team id (None: the team-less) or EVERY_CHANGE.
Interest = int | None | _EveryChange


def interest_of(principal: Principal) -> Interest:
    """What a stream authenticated as ``principal`` waits for."""
    return EVERY_CHANGE if principal.is_admin else principal.team_id


class StreamWakeups:
    """One signal per interest that some stream waits on."""

    def __init__(self) -> None:
        self._signals: dict[Interest, asyncio.Event] = {}

    def signal(self, interest: Interest) -> asyncio.Event:
        """The signal a stream of this interest waits on now."""
        found = self._signals.get(interest)
        if found is None:
            found = self._signals[interest] = asyncio.Event()
        return found

    def wake_teams(self, team_ids: Iterable[int | None]) -> None:
        """Changes of these teams were added: their streams and the admins' look again."""
        teams = set(team_ids)
        if None in teams:  # a team-less change is everybody's
            self.wake_all()
            return
        self._wake(EVERY_CHANGE)
        for team_id in teams:
            self._wake(team_id)

    def wake_all(self) -> None:
        signals, self._signals = self._signals, {}
        for found in signals.values():
            found.set()

    def _wake(self, interest: Interest) -> None:
        found = self._signals.pop(interest, None)
        if found is not None:
            found.set()
