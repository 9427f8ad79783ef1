"""Base class of every rule violation raised by ``core``.

Each error carries a stable machine ``code`` (clients translate it and tests
assert on it), ``params`` that fill the translated sentence, and an English
``message`` an agent understands. The server maps these to HTTP answers; the
desktop shows the translated sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    """A business rule refused something; says which rule and why."""

    def __init__(self, code: str, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code: str = code
        self.message: str = message
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, params={self.params!r})"

    def as_dict(self) -> dict[str, Any]:
        """Plain form for logs and HTTP error bodies."""
        return {"code": self.code, "message": self.message, "params": dict(self.params)}
