"""Exponential backoff with full jitter, shared by every retry loop of sync.

Full jitter (a random delay between zero and the exponential ceiling) keeps a
hundred desktops that lost the server at the same moment from hammering it in
lock-step when it comes back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays for consecutive failures: ``next_delay()`` grows, ``reset()`` on success."""

    base: float = 0.5
    cap: float = 30.0
    factor: float = 2.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def ceiling(self) -> float:
        """The largest delay the next failure may wait."""
        return min(self.cap, self.base * (self.factor**self.failures))

    def next_delay(self) -> float:
        """Delay to wait after one more failure (full jitter, never below base/4)."""
        ceiling = self.ceiling()
        self.failures += 1
        return max(self.base / 4.0, self.rng.uniform(0.0, ceiling))

    def reset(self) -> None:
        """Forget past failures (call after a success)."""
        self.failures = 0
