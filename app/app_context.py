"""What the composition root hands the desktop window: settings, secrets, paths, guards."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.app_paths import AppPaths
from app.http_settings import http_config
from app.logging_setup import SecretRedactor
from app.secret_store import SecretStore
from app.settings_loader import EffectiveSettings
from app.single_instance import SingleInstance
from sync.http_config import HttpConfig


@dataclass(frozen=True)
class DemoCredentials:
    """The demo agent ``hatif --demo`` signs in as."""

    username: str
    password: str


@dataclass
class AppContext:
    """Everything ``ui.desktop_app.run_desktop(context)`` needs from the application layer.

    - ``settings``: typed effective settings (``context.settings[SERVER_URL]``),
      each with its source; with ``--demo`` server.url is the demo server's.
    - ``secrets``: the keyring (SIP password, API token); check
      ``secrets.available`` before offering "stay signed in".
    - ``single_instance``: connect ``activation_requested`` to raise the window
      when the agent launches Hatif a second time.
    - ``demo``: credentials to sign in with automatically, or None.
    - ``previous_crash_reports``: crash files of earlier runs to tell the agent about.
    - ``qt_args``: argv for QApplication (program name + Qt's own options).

    The QApplication already exists when run_desktop is called
    (``QApplication.instance()``); run_desktop returns ``app.exec()``.
    """

    settings: EffectiveSettings
    secrets: SecretStore
    paths: AppPaths
    redactor: SecretRedactor
    log_file: Path
    single_instance: SingleInstance | None = None
    demo: DemoCredentials | None = None
    debug: bool = False
    previous_crash_reports: list[Path] = field(default_factory=list)
    qt_args: list[str] = field(default_factory=list)

    @property
    def http(self) -> HttpConfig:
        """How every client of this desk reaches the server (server.ca_file, verify_tls)."""
        return http_config(self.settings)
