"""The version the server reports in /api/v1/health."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def server_version() -> str:
    """The installed package version ("0.0.0" when running from a bare checkout)."""
    try:
        return version("hatif")
    except PackageNotFoundError:
        return "0.0.0"
