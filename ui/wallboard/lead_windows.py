"""The lead's and admin's extra windows: the wallboard and the reports.

One of each at a time: asking again brings the open one forward. Closing the
wallboard stops its live feed. The composition root creates one
``LeadWindows`` per signed-in lead or admin, calls ``show_wallboard`` /
``show_reports`` from its Team menu and ``close_with(workspace_window)`` so
that signing out or quitting closes them too. ``hatif --wallboard`` uses
``show_kiosk`` alone, without a workspace window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.services.operations import OperationRunner
from app.wallboard.wallboard_session import LeadConnection, WallboardSession
from core.order_transitions import SUPERVISOR_ROLES
from ui.reports.reports_tab import ReportsTab
from ui.wallboard.wallboard_window import WallboardWindow

log = logging.getLogger(__name__)


class LeadWindows(QObject):
    """Opens, raises and closes the wallboard and reports windows of one session."""

    #: The server refused the token (revoked, expired): the live feed waits for a
    #: new sign-in, then :meth:`resume_after_login`.
    login_required = Signal()

    def __init__(
        self,
        connection: LeadConnection,
        runner: OperationRunner,
        config_dir: Path,
        role: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._runner = runner
        self._config_dir = config_dir
        self._role = role
        self._wallboard: WallboardWindow | None = None
        self._session: WallboardSession | None = None
        self._reports: QWidget | None = None
        self._closed = False
        self._followed: QWidget | None = None

    @staticmethod
    def offered_to(role: str) -> bool:
        """Leads and admins get these windows; agents do not."""
        return role in {r.value for r in SUPERVISOR_ROLES}

    @property
    def wallboard(self) -> WallboardWindow | None:
        return self._wallboard

    @property
    def reports(self) -> QWidget | None:
        return self._reports

    @property
    def wallboard_session(self) -> WallboardSession | None:
        """The open wallboard's service and feed (None once it is closed)."""
        return self._session

    def show_wallboard(self) -> WallboardWindow:
        """The wallboard window, opened (snapshot, then live) or brought forward."""
        if self._wallboard is None:
            self._session = self._connection.open_wallboard(self._runner, self._config_dir)
            window = WallboardWindow(self._session.service, self._session.thresholds)
            window.closed.connect(self._wallboard_closed)
            # Queued to this (GUI) thread: the feed reports from its listener thread.
            self._session.feed.loginRequired.connect(self._on_login_required)
            self._wallboard = window
        self._bring_forward(self._wallboard)
        return self._wallboard

    def show_reports(self) -> QWidget:
        """A window holding the Reports tab (an admin picks the team there)."""
        if self._reports is None:
            window = QWidget()
            window.setWindowTitle(self.tr("Hatif — Reports"))
            window.resize(1100, 700)
            layout = QVBoxLayout(window)
            self.reports_tab = ReportsTab(
                self._connection.reports(), self._runner, parent=window, role=self._role
            )
            layout.addWidget(self.reports_tab)
            self._reports = window
        self._bring_forward(self._reports)
        return self._reports

    def show_kiosk(self) -> WallboardWindow:
        """The wallboard full screen for the big screen (Esc leaves it, F11 returns)."""
        window = self.show_wallboard()
        if not window.kiosk:
            window.toggle_kiosk()
        if self._session is not None:
            # Nobody sits at the big screen: the log is where IT sees it went live.
            self._session.service.liveChanged.connect(self._log_live)
        return window

    def resume_after_login(self) -> None:
        """The token was replaced by a new sign-in: the live feed connects again."""
        if self._session is not None:
            self._session.feed.resume()

    @Slot()
    def _on_login_required(self) -> None:
        log.warning("The server refused the wallboard's token; waiting for a new sign-in")
        self.login_required.emit()

    @Slot(bool)
    def _log_live(self, live: bool) -> None:
        session = self._session
        if session is None:
            return
        state = session.service.state
        agents = len(state.agents) if state is not None else 0
        if live:
            log.info("Wallboard live, full screen, showing %d agents", agents)
        else:
            log.warning("Wallboard lost its live feed; it says so on screen and reconnects")

    def close_with(self, window: QWidget) -> None:
        """Close both windows and the connection when ``window`` (the workspace) closes:
        otherwise an open wallboard would keep Hatif running after Quit or Sign out."""
        self._followed = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._followed and event.type() == QEvent.Type.Close:
            self.close_all()
        return False

    @staticmethod
    def _bring_forward(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    @Slot()
    def _wallboard_closed(self) -> None:
        # Forget the session first: stopping it is not "lost its live feed".
        session, self._session = self._session, None
        if session is not None:
            session.stop()
        if self._wallboard is not None:
            self._wallboard.deleteLater()
        self._wallboard = None

    def close_all(self) -> None:
        """Close both windows and the connection (sign-out, quit); safe to repeat."""
        if self._wallboard is not None:
            self._wallboard.close()
        if self._reports is not None:
            self._reports.close()
            self._reports.deleteLater()
            self._reports = None
        if not self._closed:
            self._closed = True
            self._connection.close()

