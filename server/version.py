"""The version the server reports in /api/v1/health."""

from __future__ import annotations

from core.version import VERSION


def server_version() -> str:
    """Hatif's version (core.version), whatever metadata the installed package has."""
    return VERSION
