"""Desks on real parts for UI tests: a signed-in workspace (local store, sync engine,
optional SIP) on the demo-shop server process, with its window, and small helpers
to find untouched orders and open them the way an agent does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from keyrings.alt.file import PlaintextKeyring
from pytestqt.qtbot import QtBot

from app.secret_store import KeyringStatus, SecretStore
from app.services.session_service import SessionService
from app.services.workspace_session import RunningWorkspace, SipSetup, start_workspace
from core.order_status import OrderStatus
from telephony.sip_account_settings import SipAccountSettings
from tests.fixtures.server_process import RunningServer
from ui.dialog_service import ScriptedDialogs
from ui.main_window import WorkspaceWindow

#: Display names of the demo shop's users (server/services/demo_seed.py).
AGENT1 = "Khadija Alaoui"


@dataclass
class Desk:
    """One user's desktop: the running services and the window on them."""

    running: RunningWorkspace
    window: WorkspaceWindow
    server: RunningServer

    @property
    def token(self) -> str:
        return self.running.session.token

    @property
    def me(self) -> str:
        return self.running.session.identity.display_name

    @property
    def dialogs(self) -> ScriptedDialogs:
        dialogs = self.window.dialogs
        assert isinstance(dialogs, ScriptedDialogs)
        return dialogs

    def api(self, path: str) -> Any:
        response = httpx.get(
            f"{self.server.api}{path}",
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()


def login(server: RunningServer, username: str) -> httpx.Client:
    """An API client signed in as a demo-shop user (password ``demo``)."""
    answer = httpx.post(
        f"{server.api}/auth/login", json={"username": username, "password": "demo"}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return httpx.Client(
        base_url=server.api,
        timeout=30,
        headers={"Authorization": f"Bearer {answer.json()['token']}"},
    )


def desk_secrets(tmp_path: Path) -> SecretStore:
    """A real keyring backend (a plaintext file in the test's folder)."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    return SecretStore(backend, KeyringStatus(True, "plaintext", "explicit", "tests"))


def open_desk(
    qtbot: QtBot,
    tmp_path: Path,
    server: RunningServer,
    sip_domain: str | None,
    *,
    username: str = "agent1",
    audio: bool = False,
    with_features: bool = False,
    softphone: bool = True,
    **options: Any,
) -> Desk:
    """Sign ``username`` in and open the workspace window once the queue has rows.

    ``softphone=False`` for a second desk in the process (pjsua2: one endpoint each).
    """
    folder = tmp_path / username
    folder.mkdir(parents=True, exist_ok=True)
    sessions = SessionService(desk_secrets(folder))
    session = sessions.sign_in(server.base_url, username, "demo", stay_signed_in=True)
    account = (
        SipAccountSettings(user=username, domain=sip_domain, register=False)
        if sip_domain
        else None
    )
    if with_features:
        options["features"] = sessions.server_features(server.base_url, session.token)
    running = start_workspace(
        session,
        folder / "desk",
        SipSetup(account=account, softphone=softphone),
        sync_idle_wait=0.3,
        with_audio_devices=audio,
        sip_bind_address="127.0.0.1",
        **options,
    )
    window = WorkspaceWindow(running.services, ScriptedDialogs())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: bool(running.services.workspace.articles()), timeout=10_000)
    return Desk(running, window, server)


def variant_stock(desk: Desk) -> dict[tuple[str, str | None, str | None], int]:
    return {
        (a["ref"], v.get("color"), v.get("size")): v["stock"]
        for a in desk.api("/articles")
        for v in a["variants"]
    }


def fresh_order(desk: Desk, *, skip: frozenset[int] = frozenset()) -> int:
    """An order nobody touched yet whose articles are all in stock."""
    stock = variant_stock(desk)
    model = desk.window.queue.model
    for row in range(model.rowCount()):
        data = model.row_data(row)
        if data is None or data.status != OrderStatus.UNASSIGNED or data.attempt_count:
            continue
        if data.order_id in skip:
            continue
        order = desk.api(f"/orders/{data.order_id}")
        if (
            order["lease"] is None
            and order["owner_id"] is None
            and all(
                stock.get((line["article_ref"], line["color"], line["size"]), 0)
                > line["quantity"]
                for line in order["lines"]
            )
            # A call journaled without the lease counts for nothing (no attempt, no
            # owner) but is on the order: an earlier test's, not untouched.
            and not desk.api(f"/orders/{data.order_id}/journal")
        ):
            return data.order_id
    raise AssertionError("the demo shop has no untouched order in stock")


def open_order(qtbot: QtBot, desk: Desk, order_id: int) -> None:
    """Select the order in the queue and press Enter, as the agent does; wait for the claim."""
    queue = desk.window.queue
    queue.select_order(order_id)
    queue.table.setFocus()
    queue.table.activated.emit(queue.model.index(queue.model.row_of(order_id), 0))
    workspace = desk.running.services.workspace
    qtbot.waitUntil(
        lambda: workspace.current is not None
        and workspace.current.order_id == order_id
        and workspace.current.holds_lease,
        timeout=10_000,
    )
