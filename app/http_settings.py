"""The desk's HTTP client configuration, read from the typed settings."""

from __future__ import annotations

from pathlib import Path

from app import settings_schema as schema
from app.settings_loader import EffectiveSettings
from sync.http_config import HttpConfig


def http_config(settings: EffectiveSettings) -> HttpConfig:
    """``server.ca_file`` (``~`` expanded) and ``server.verify_tls`` for every client."""
    ca_file = settings[schema.SERVER_CA_FILE].strip()
    return HttpConfig(ca_file=str(Path(ca_file).expanduser()) if ca_file else "",
                      verify_tls=settings[schema.SERVER_VERIFY_TLS])
