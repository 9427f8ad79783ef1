"""Wires a wallboard for the composition root: service, live feed, thresholds file.

``app.main`` (or any launcher) calls ``open_wallboard`` with the signed-in
lead's ``HttpClient`` and hands the result to ``ui.wallboard.WallboardWindow``.
A desk that has only the server's address and the session's token calls
``connect_lead`` instead: it owns the client (``ui`` never builds one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.services.operations import OperationRunner
from app.wallboard.alerts import ThresholdsFile
from app.wallboard.reports_client import ReportsClient
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from sync.http_client import HttpClient
from sync.http_config import HttpConfig

THRESHOLDS_FILE_NAME = "wallboard_thresholds.json"


@dataclass
class WallboardSession:
    """What a wallboard window needs, started and ready to stop."""

    service: WallboardService
    feed: WallboardFeed
    thresholds: ThresholdsFile

    def stop(self) -> None:
        self.service.stop()


def open_wallboard(
    client: HttpClient,
    runner: OperationRunner,
    config_dir: Path,
    *,
    team_id: int | None = None,
) -> WallboardSession:
    """Read the snapshot now; the live feed starts once it is in."""
    service = WallboardService(client, runner, team_id=team_id)
    feed = WallboardFeed(client, lambda: service.cursor, service)
    service.attach_feed(feed)
    service.start()
    return WallboardSession(service, feed, ThresholdsFile(config_dir / THRESHOLDS_FILE_NAME))


@dataclass
class LeadConnection:
    """A lead's (or admin's) own HTTP client for the wallboard and the reports."""

    client: HttpClient

    def open_wallboard(
        self, runner: OperationRunner, config_dir: Path, *, team_id: int | None = None
    ) -> WallboardSession:
        return open_wallboard(self.client, runner, config_dir, team_id=team_id)

    def reports(self) -> ReportsClient:
        return ReportsClient(self.client)

    def close(self) -> None:
        self.client.close()


def connect_lead(server_url: str, token: Callable[[], str | None],
                 http: HttpConfig | None = None) -> LeadConnection:
    """A connection that follows ``token`` (a re-login replaces it)."""
    return LeadConnection(HttpClient(server_url, token, http=http))
