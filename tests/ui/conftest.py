"""UI tests run offscreen (the offscreen platform's notices about
window-manager features are harmless);
a demo-shop server shared by a module's tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QDesktopServices

from server.db.migrate import upgrade_database
from tests.fixtures.postgres import free_port
from tests.fixtures.server_process import REPO_ROOT, RunningServer
from tests.ui.real_desks import Desk, login
from tests.ui.url_recorder import UrlRecorder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath):
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "propagateSizeHints", "does not support raise", "does not support grabbing"
                )
            )


@pytest.fixture(scope="module")
def shop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One demo-shop server for a whole test module (seeding takes seconds).

    Tests that share it take orders nobody touched, so they do not see each
    other's work; a test may stop and start it (same port, same database).
    """
    folder = tmp_path_factory.mktemp("shop")
    url = f"sqlite:///{folder / 'hatif.db'}"
    upgrade_database(url)
    subprocess.run(
        [
            sys.executable, "-m", "server.cli", "seed-demo", "--demo",
            "--db", url, "--password", "demo",
        ],
        cwd=REPO_ROOT, check=True, capture_output=True, timeout=120,
    )
    server = RunningServer(db_url=url, port=free_port())
    server.start()
    yield server
    server.stop()
    server.log_path.unlink(missing_ok=True)


@pytest.fixture
def desks() -> Iterator[list[Desk]]:
    """Desks a test opens; their windows close and their services stop afterwards."""
    opened: list[Desk] = []
    yield opened
    for desk in opened:
        desk.window.close()
        desk.running.shutdown()


@pytest.fixture
def lead(shop_server: RunningServer) -> Iterator[tuple[httpx.Client, int]]:
    """The demo team's lead and the team's id; the team's settings are reset after."""
    client = login(shop_server, "lead1")
    team_id = int(client.get("/teams").json()[0]["id"])
    yield client, team_id
    client.put(f"/teams/{team_id}/settings", json={}).raise_for_status()


@pytest.fixture
def opened() -> Iterator[UrlRecorder]:
    """WhatsApp and SMS links the desk opens, recorded instead of opened."""
    recorder = UrlRecorder()
    for scheme in ("https", "sms"):
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder
    for scheme in ("https", "sms"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture(autouse=True)
def _locale_restored() -> Iterator[None]:
    """Each test gives back the default locale it found: a test that installs a language
    and forgets the locale changes how every later test reads amounts and dates."""
    previous = QLocale()
    yield
    QLocale.setDefault(previous)
