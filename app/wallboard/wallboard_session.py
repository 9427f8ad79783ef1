"""Wires a wallboard for the composition root: service, live feed, thresholds file.

``app.main`` (or any launcher) calls ``open_wallboard`` with the signed-in
lead's ``HttpClient`` and hands the result to ``ui.wallboard.WallboardWindow``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.operations import OperationRunner
from app.wallboard.alerts import ThresholdsFile
from app.wallboard.wallboard_feed import WallboardFeed
from app.wallboard.wallboard_service import WallboardService
from sync.http_client import HttpClient

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
