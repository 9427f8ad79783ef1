"""How many password checks (scrypt, ~32 MiB and a fraction of a second of CPU each)
one server process runs at once.

A morning's sign-in storm (hundreds of desks within minutes) must not take every
worker thread and every core: the checks queue for a slot, as many as the machine
has cores, and a check that waits too long is answered 503 with Retry-After, which
the desk shows as "busy, try again in N s" instead of timing out."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from server.services.errors import ServiceError

SLOTS = max(1, os.cpu_count() or 1)
#: Longest wait for a slot before the sign-in is answered "busy".
WAIT_SECONDS = 10.0
RETRY_AFTER_SECONDS = 5

_slots = threading.BoundedSemaphore(SLOTS)


@contextmanager
def password_check_slot() -> Iterator[None]:
    """Hold one of the process's password-check slots (503 ``server_busy`` if none frees)."""
    if not _slots.acquire(timeout=WAIT_SECONDS):
        raise ServiceError(
            503,
            "server_busy",
            f"The server is busy signing other users in; try again in {RETRY_AFTER_SECONDS} s.",
            {"retry_after": RETRY_AFTER_SECONDS},
        )
    try:
        yield
    finally:
        _slots.release()
