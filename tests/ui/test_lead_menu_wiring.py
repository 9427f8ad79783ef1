"""The desktop as a lead, an admin or an agent gets it: the Team menu (wallboard,
reports) after sign-in for leads and admins only, the windows closed with the
workspace, and ``hatif --wallboard`` opening the wallboard alone, full screen.

Everything runs against the demo-shop server process (five agents and a lead in
"Équipe Casablanca") with real widgets offscreen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.logging import _QtMessageCapture as QtLog
from pytestqt.qtbot import QtBot

from app import settings_schema as schema
from app.app_context import AppContext
from app.app_paths import AppPaths
from app.command_line import parse_command_line
from app.logging_setup import SecretRedactor
from app.services.session_service import SessionService, SignedIn
from app.settings_loader import SettingSource, load_settings
from server.services.demo_seed import DEMO_SURNAMES, FIRST_NAMES
from tests.app.desk_environment import make_desk
from tests.app.test_single_instance import stop_process, wait_for
from tests.fixtures.server_process import RunningServer
from tests.ui.real_desks import desk_secrets
from ui.desktop_app import DesktopApp
from ui.dialog_service import ScriptedDialogs
from ui.login_dialog import LoginDialog
from ui.main_window import WorkspaceWindow
from ui.wallboard.lead_windows import LeadWindows
from ui.wallboard.wallboard_window import WallboardWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TEAM_AGENTS = {f"{FIRST_NAMES[i]} {DEMO_SURNAMES[i]}" for i in range(1, 6)}


@pytest.fixture
def desktop(qapp: QApplication, tmp_path: Path, shop_server: RunningServer) -> Iterator[DesktopApp]:
    """The desktop application object the composition root builds, on the shop server."""
    paths = AppPaths.under(tmp_path / "hatif")
    settings = load_settings(paths, environ={}).replaced(
        schema.SERVER_URL, shop_server.base_url, SettingSource("runtime", "test")
    )
    context = AppContext(
        settings=settings, secrets=desk_secrets(tmp_path), paths=paths,
        redactor=SecretRedactor(), log_file=tmp_path / "hatif.log",
    )
    app = DesktopApp(context, qapp, ScriptedDialogs())
    yield app
    app.shutdown()


def sign_in(desktop: DesktopApp, username: str) -> SignedIn:
    url = desktop.context.settings[schema.SERVER_URL]
    return desktop.sessions.sign_in(url, username, "demo", stay_signed_in=False)


def start_workspace(qtbot: QtBot, qtlog: QtLog, desktop: DesktopApp,
                    username: str) -> WorkspaceWindow:
    # The desk's softphone looks for PulseAudio, which this test does not start
    # (tests marked audio do), and Qt warns; the windows' own messages are still checked.
    with qtlog.disabled():
        window = desktop.start(sign_in(desktop, username))
    qtbot.addWidget(window)
    return window


def agent_names(board: WallboardWindow) -> set[str]:
    model = board.tiles_model
    names = set()
    for row in range(model.rowCount()):
        tile = model.tile_at(row)
        assert tile is not None
        names.add(tile.display_name)
    return names


def shows_the_team(board: WallboardWindow) -> bool:
    names = agent_names(board)
    return all(any(name.endswith(agent) for name in names) for agent in TEAM_AGENTS)


def test_a_lead_opens_the_wallboard_and_reports_from_the_team_menu_and_sign_out_closes_them(
    qtbot: QtBot, qtlog: QtLog, desktop: DesktopApp
) -> None:
    window = start_workspace(qtbot, qtlog, desktop, "lead1")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus.index("&Team") == menus.index("&Help") - 1
    team = window.findChild(QMenu, "teamMenu")
    assert isinstance(team, QMenu)
    # The menu names each shortcut after a tab, as Help does.
    assert [(a.text(), a.shortcut()) for a in team.actions()] == [
        ("Wallboard\tCtrl+Shift+W", QKeySequence("Ctrl+Shift+W")),
        ("Reports\tCtrl+Shift+R", QKeySequence("Ctrl+Shift+R")),
    ]
    leads = desktop.lead_windows
    assert leads is not None

    window.wallboard_action.trigger()
    board = leads.wallboard
    assert board is not None and board.isVisible() and not board.kiosk
    qtbot.waitUntil(lambda: shows_the_team(board), timeout=15_000)
    window.wallboard_action.trigger()  # again: the same board, brought forward
    assert leads.wallboard is board
    session = leads.wallboard_session
    assert session is not None
    qtbot.waitUntil(lambda: session.service.live, timeout=10_000)

    window.reports_action.trigger()
    reports = leads.reports
    assert reports is not None and reports.isVisible()

    desktop.sign_out()
    assert not window.isVisible()
    # The workspace closing took the lead's windows and the live feed with it.
    assert leads.wallboard is None and leads.reports is None
    qtbot.waitUntil(lambda: not session.service.live, timeout=10_000)


def test_an_agent_has_no_team_menu(
    qtbot: QtBot, qtlog: QtLog, desktop: DesktopApp
) -> None:
    window = start_workspace(qtbot, qtlog, desktop, "agent2")
    assert "&Team" not in [action.text() for action in window.menuBar().actions()]
    assert window.findChild(QMenu, "teamMenu") is None
    assert desktop.lead_windows is None
    assert not hasattr(window, "wallboard_action")


def test_wallboard_mode_opens_the_board_full_screen_for_an_admin_only(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    assert desktop.start_wallboard(sign_in(desktop, "agent3")) is None
    assert desktop.lead_windows is None

    leads = desktop.start_wallboard(sign_in(desktop, "admin"))
    assert isinstance(leads, LeadWindows)
    board = leads.wallboard
    assert board is not None
    qtbot.addWidget(board)
    assert board.kiosk  # full screen, no buttons, no cursor: the big screen
    assert desktop.running is None  # no workspace, sync or softphone behind it
    qtbot.waitUntil(lambda: shows_the_team(board), timeout=15_000)
    assert board.kiosk  # still: the team and its alerts fit the screen, not the reverse
    board.leave_kiosk()
    assert not board.kiosk
    desktop.shutdown()
    assert desktop.lead_windows is None and not board.isVisible()


def test_the_big_screen_asks_for_the_password_when_its_token_is_revoked_then_goes_live_again(
    qtbot: QtBot, desktop: DesktopApp, shop_server: RunningServer
) -> None:
    first = sign_in(desktop, "lead1")
    leads = desktop.start_wallboard(first)
    assert leads is not None and leads.wallboard is not None
    qtbot.addWidget(leads.wallboard)
    session = leads.wallboard_session
    assert session is not None
    qtbot.waitUntil(lambda: session.service.live, timeout=15_000)
    # Alerts (agents idle for long in the demo shop) must not push it out of full screen.
    assert leads.wallboard.kiosk

    dialogs = desktop.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    url = desktop.context.settings[schema.SERVER_URL]

    def type_the_password(dialog: LoginDialog) -> bool:
        assert dialog.username.text() == "lead1" and dialog.username.isReadOnly()
        dialog.session = desktop.sessions.sign_in(url, "lead1", "demo", stay_signed_in=False)
        return True

    dialogs.answers.append(type_the_password)
    # IT revokes the lead's session: the stream ends, the board is no longer live.
    revoked = httpx.post(
        f"{shop_server.api}/auth/logout",
        headers={"Authorization": f"Bearer {first.token}"},
        timeout=10,
    )
    assert revoked.status_code in (200, 204), revoked.text
    qtbot.waitUntil(lambda: bool(dialogs.dialogs), timeout=20_000)
    assert isinstance(dialogs.dialogs[0], LoginDialog)
    qtbot.waitUntil(lambda: session.service.live, timeout=20_000)
    assert leads.wallboard is not None and leads.wallboard.kiosk
    assert len(dialogs.dialogs) == 1


def test_the_wallboard_flag_is_parsed_and_excludes_the_other_modes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert parse_command_line(["--wallboard"]).wallboard
    assert not parse_command_line([]).wallboard
    with_server = parse_command_line(["--wallboard", "--server-url", "https://hatif.example"])
    assert with_server.wallboard and with_server.overrides[0].text == "https://hatif.example"
    for other in ("--demo", "--self-test"):
        with pytest.raises(SystemExit) as exited:
            parse_command_line(["--wallboard", other])
        assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_hatif_wallboard_signs_the_lead_in_and_goes_live_full_screen(
    tmp_path: Path, shop_server: RunningServer
) -> None:
    """The real ``hatif --wallboard`` process on the big screen's PC: the lead chose
    "stay signed in" there once, so it starts straight into the live wallboard."""
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")
    sessions = SessionService(desk_secrets(tmp_path))  # the same keyring file
    sessions.sign_in(shop_server.base_url, "lead1", "demo", stay_signed_in=True)
    board = desk.start("--wallboard", "--server-url", shop_server.base_url,
                       "--set", "auth.username=lead1", "--set", "auth.stay_signed_in=true")
    try:
        wait_for(lambda: "Wallboard live" in desk.log_text() or board.poll() is not None,
                 60, "the wallboard to go live")
        assert board.poll() is None, desk.console_text()[-3000:]
        log = desk.log_text()
        assert "Wallboard opened full screen for lead1 (lead)" in log
        live = re.search(r"Wallboard live, full screen, showing (\d+) agents", log)
        assert live is not None and int(live.group(1)) >= len(TEAM_AGENTS)
        # No workspace behind the board: no local store was opened for the lead.
        assert not list(desk.paths.data_dir.rglob("*.sqlite*"))
    finally:
        stop_process(board)
    assert board.returncode == 0, desk.console_text()[-3000:]
    assert "lost its live feed" not in desk.log_text()  # quitting is no outage
