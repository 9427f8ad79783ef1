"""GUI entry: language, sign-in, the workspace window, and a clean shutdown.

``create_application(qt_args)`` makes the QApplication (QtWidgets stays in
ui/) and ``run_desktop(context)`` is what ``app.main`` calls next. With
``--demo`` it signs in as the demo agent and dials the built-in demo line;
otherwise it reuses the token from the keyring ("stay signed in") or shows
the sign-in dialog. A lead or admin also gets the Team menu (wallboard,
reports); with ``wallboard=True`` (``hatif --wallboard``) a lead's sign-in
opens only the wallboard, full screen, for the team's big screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app import settings_schema as schema
from app.app_context import AppContext
from app.services.audio_settings import AudioSettings
from app.services.operations import OperationRunner
from app.services.own_history_service import own_history_for
from app.services.session_service import SessionService, SignedIn, SignInError
from app.services.ui_preferences import UiPreferences
from app.services.workspace_session import RunningWorkspace, sip_setup_for, start_workspace
from app.wallboard.wallboard_session import connect_lead
from ui.dialog_service import DialogService, QtDialogs
from ui.icons import icon, stylesheet
from ui.login_dialog import LoginDialog
from ui.main_window import WorkspaceWindow
from ui.profile_dialog import ProfileDialog
from ui.settings_dialog import SettingsDialog
from ui.termination import termination_requested
from ui.translations import install_language
from ui.wallboard.lead_windows import LeadWindows

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_SIGNED_IN = 3
#: ``--wallboard`` signed in with an agent's account.
EXIT_NOT_A_LEAD = 4


def sign_in(
    context: AppContext, sessions: SessionService, runner: OperationRunner, dialogs: DialogService
) -> SignedIn | None:
    """The demo agent with --demo; else the keyring's token; else the sign-in dialog.

    A refused demo sign-in (its password changed, say) opens the sign-in dialog
    with the reason in the agent's language, rather than ending Hatif."""
    url = context.settings[schema.SERVER_URL]
    refused: SignInError | None = None
    if context.demo is not None:
        try:
            return sessions.sign_in(
                url, context.demo.username, context.demo.password, stay_signed_in=False
            )
        except SignInError as exc:
            log.warning("Demo sign-in refused (%s); the sign-in dialog takes over", exc.code)
            refused = exc
        username = context.demo.username
    else:
        username = context.settings[schema.AUTH_USERNAME]
        if context.settings[schema.AUTH_STAY_SIGNED_IN]:
            restored = sessions.restore(url, username)
            if restored is not None:
                return restored
    dialog = LoginDialog(
        sessions,
        runner,
        server_url=url,
        url_locked=bool(url),
        username=username,
        keyring_available=context.secrets.available,
    )
    if refused is not None:
        dialog.show_failure(refused)
    log.info("Sign-in dialog open for %s", url or "a server to be typed in")
    if not dialogs.run(dialog):
        return None
    return dialog.session


class DesktopApp:
    """Owns the window and the running workspace for one signed-in session."""

    def __init__(self, context: AppContext, app: QApplication, dialogs: DialogService) -> None:
        self.context = context
        self.app = app
        self.dialogs = dialogs
        self.sessions = SessionService(context.secrets, http=context.http)
        self.preferences = UiPreferences(context.paths.data_dir, context.paths.user_settings_file)
        self.runner = OperationRunner(app)
        self.running: RunningWorkspace | None = None
        self.window: WorkspaceWindow | None = None
        self.audio: AudioSettings | None = None
        self.lead_windows: LeadWindows | None = None
        self._board_session: SignedIn | None = None  # --wallboard: whose token the board uses

    @property
    def config_dir(self) -> Path:
        """Where the wallboard keeps its alert thresholds: next to the user settings."""
        return self.context.paths.user_settings_file.parent

    def start(self, session: SignedIn) -> WorkspaceWindow:
        self.running = start_workspace(
            session,
            self.context.paths.data_dir,
            sip_setup_for(self.context),
            features=self.sessions.server_features(session.server_url, session.token),
            http=self.context.http,
        )
        self.audio = self.running.audio
        window = WorkspaceWindow(self.running.services, self.dialogs, self.preferences.shortcuts())
        window.settings_requested.connect(self.show_settings)
        window.profile_requested.connect(self.show_profile)
        window.sign_out_requested.connect(self.sign_out)
        self.running.services.connection.login_required.connect(self.sign_in_again)
        if self.context.single_instance is not None:
            self.context.single_instance.activation_requested.connect(self._bring_forward)
        self.window = window
        if LeadWindows.offered_to(session.identity.role):
            running = self.running
            leads = self._open_lead_windows(session, lambda: running.token.token)
            window.add_team_menu(leads.show_wallboard, leads.show_reports)
            leads.close_with(window)
        return window

    def _open_lead_windows(
        self, session: SignedIn, token: Callable[[], str | None]
    ) -> LeadWindows:
        """The lead's windows on ``session``'s server, reading the token through ``token``."""
        self.lead_windows = LeadWindows(
            connect_lead(session.server_url, token, self.context.http),
            self.runner, self.config_dir, session.identity.role,
        )
        return self.lead_windows

    def start_wallboard(self, session: SignedIn) -> LeadWindows | None:
        """The wallboard alone, full screen; None when the account is not a lead's."""
        role = session.identity.role
        if not LeadWindows.offered_to(role):
            return None
        self._board_session = session
        leads = self._open_lead_windows(session, self._board_token)
        # Nobody else signs the big screen in again when its token is revoked.
        leads.login_required.connect(self.sign_board_in_again)
        leads.show_kiosk()
        log.info("Wallboard opened full screen for %s (%s)", session.identity.username, role)
        return leads

    def _bring_forward(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def sign_in_again(self) -> None:
        """The server refused the token (revoked, expired): ask for the password again;
        nothing queued is lost meanwhile."""
        if self.running is None:
            return
        again = self._password_again(self.running.session, self.window)
        if again is not None:
            self.running.resume_with(again)
            if self.lead_windows is not None:
                self.lead_windows.resume_after_login()  # its token follows the workspace's

    def _board_token(self) -> str | None:
        return self._board_session.token if self._board_session is not None else None

    def sign_board_in_again(self) -> None:
        """``--wallboard``: the server refused the board's token; ask the lead's password
        on the big screen, then the board goes live again."""
        leads, session = self.lead_windows, self._board_session
        if leads is None or session is None:
            return
        again = self._password_again(session, leads.wallboard)
        if again is not None:
            self._board_session = again
            leads.resume_after_login()

    def _password_again(self, session: SignedIn, parent: QWidget | None) -> SignedIn | None:
        """The sign-in dialog for the same server and user; the new session, or None."""
        dialog = LoginDialog(
            self.sessions,
            self.runner,
            server_url=session.server_url,
            url_locked=True,
            username=session.identity.username,
            keyring_available=self.context.secrets.available,
            parent=parent,
        )
        dialog.username.setReadOnly(True)
        if self.dialogs.run(dialog):
            return dialog.session
        return None

    def show_settings(self) -> None:
        dialog = SettingsDialog(
            self.audio,
            self.context.settings[schema.UI_LANGUAGE],
            self.preferences.shortcuts(),
            self.window,
        )
        if self.dialogs.run(dialog):
            self.preferences.save_shortcuts(dialog.shortcuts())
            self.preferences.save_language(dialog.chosen_language())

    def show_profile(self) -> None:
        running = self.running
        if running is None:
            return
        dialog = ProfileDialog(
            running.services.identity,
            self.sessions,
            running.session,
            self.runner,
            self.window,
            can_change_password="change_password" in running.services.features,
            history=own_history_for(running.session.server_url, lambda: running.token.token,
                                    http=self.context.http),
        )
        self.dialogs.run(dialog)

    def sign_out(self) -> None:
        if self.running is not None:
            self.sessions.sign_out(self.running.session)
        if self.window is not None:
            self.window.close()

    def shutdown(self) -> None:
        if self.lead_windows is not None:
            self.lead_windows.close_all()
            self.lead_windows = None
        if self.running is not None:
            self.running.shutdown()
            self.running = None


def create_application(qt_args: list[str]) -> QApplication:
    """The process's QApplication, created once; later calls return the same one."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(qt_args)
    application.setApplicationName("Hatif")
    application.setOrganizationName("Hatif")
    return application


def run_desktop(context: AppContext, *, wallboard: bool = False) -> int:
    """The workspace until the agent quits, or with ``wallboard`` the team's wallboard
    full screen until it is closed; returns the process exit code."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "app.main calls create_application first"
    app.setWindowIcon(icon("hatif"))
    app.setStyleSheet(stylesheet("workspace"))
    translators = install_language(app, context.settings[schema.UI_LANGUAGE])
    dialogs = QtDialogs()
    desktop = DesktopApp(context, app, dialogs)
    session = sign_in(context, desktop.sessions, desktop.runner, dialogs)
    if termination_requested():
        return EXIT_OK  # SIGTERM/SIGINT during sign-in: nothing to shut down yet
    if session is None:
        return EXIT_NOT_SIGNED_IN
    if wallboard:
        try:
            return _run_wallboard(app, desktop, session)
        finally:
            del translators
    window = desktop.start(session)
    if context.previous_crash_reports:
        dialogs.inform(
            window,
            "Hatif",
            # translate() with the context lupdate sees here (window.tr would look the
            # text up under WorkspaceWindow, where the catalogue does not have it).
            QCoreApplication.translate(
                "DesktopApp", "Hatif closed unexpectedly last time. A report was saved in %1."
            ).replace("%1", str(context.previous_crash_reports[-1])),
        )
    window.show()
    try:
        if termination_requested():
            return EXIT_OK  # SIGTERM while the crash notice was open
        return app.exec()
    finally:
        desktop.shutdown()
        del translators


def _run_wallboard(app: QApplication, desktop: DesktopApp, session: SignedIn) -> int:
    if desktop.start_wallboard(session) is None:
        desktop.dialogs.warn(
            None,
            "Hatif",
            QCoreApplication.translate(
                "DesktopApp",
                "The wallboard is for team leads and administrators; %1 signs in as an agent.",
            ).replace("%1", session.identity.display_name),
        )
        return EXIT_NOT_A_LEAD
    try:
        return app.exec()
    finally:
        desktop.shutdown()
