"""Process-level settings of the server (limits, streams, sessions, docs).

They come from ``HATIF_*`` environment variables, which ``hatif-server serve``
sets from its command-line options before uvicorn builds the app (in every
worker process alike). Settings that leads change at run time live in the
database instead (``services.settings_store``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

MIB = 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """Limits a hostile or broken client cannot push the server past."""

    # Bodies of every route but the import, refused with 413 beyond this.
    max_body_bytes: int = 1 * MIB
    # The shop sheet (POST /import/orders), counted while it streams in.
    max_import_bytes: int = 20 * MIB
    # Open event streams per user (a desk needs one, two while it reconnects).
    sse_per_user: int = 4
    # Open event streams in this server process.
    sse_total: int = 1000
    # A stream whose client reads nothing for this long is dropped.
    sse_write_timeout_s: float = 30.0
    # /docs, /redoc and /openapi.json are served only when on.
    docs: bool = False
    # A token unused for this long stops working (besides its absolute expiry).
    idle_timeout_hours: float = 12.0
    # Push bookkeeping (idempotency keys, applied ops) older than this is pruned.
    retention_days: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServerConfig:
        """Defaults overridden by ``HATIF_<FIELD>`` variables (e.g. ``HATIF_SSE_PER_USER``)."""
        source = os.environ if env is None else env
        values: dict[str, object] = {}
        for item in fields(cls):
            raw = source.get(env_name(item.name))
            if raw is None or raw == "":
                continue
            default = getattr(cls, item.name)
            if isinstance(default, bool):
                values[item.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                values[item.name] = int(raw)
            else:
                values[item.name] = float(raw)
        return cls(**values)  # type: ignore[arg-type]


def env_name(field_name: str) -> str:
    return f"HATIF_{field_name.upper()}"
