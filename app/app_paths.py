"""Where Hatif keeps its files on this desk (platformdirs, Linux and Windows).

Linux; Windows:

- system-wide settings: /etc/xdg/hatif/settings.ini; C:\\ProgramData\\hatif\\settings.ini
- user settings: ~/.config/hatif/settings.ini; %LOCALAPPDATA%\\hatif\\settings.ini
- data (demo database): ~/.local/share/hatif; %LOCALAPPDATA%\\hatif
- logs and crash reports: ~/.local/state/hatif/log; %LOCALAPPDATA%\\hatif\\Logs

The XDG_* variables move them on Linux as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "hatif"
SETTINGS_FILE_NAME = "settings.ini"


@dataclass(frozen=True)
class AppPaths:
    """The directories and files of one user's Hatif."""

    system_settings_file: Path
    user_settings_file: Path
    data_dir: Path
    log_dir: Path

    @property
    def crash_dir(self) -> Path:
        """Crash reports go next to the logs, where IT already looks."""
        return self.log_dir

    @classmethod
    def for_current_user(cls, config_file: Path | None = None) -> AppPaths:
        """The platform's usual places; ``config_file`` replaces the user settings file."""
        return cls(
            system_settings_file=Path(
                platformdirs.site_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE_NAME,
            user_settings_file=config_file or Path(
                platformdirs.user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE_NAME,
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (tests, portable installs)."""
        return cls(
            system_settings_file=root / "system" / SETTINGS_FILE_NAME,
            user_settings_file=root / "config" / SETTINGS_FILE_NAME,
            data_dir=root / "data",
            log_dir=root / "log",
        )
