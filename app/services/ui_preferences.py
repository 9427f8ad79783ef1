"""The agent's own preferences: keyboard shortcuts and language.

Shortcuts live in a small JSON file in the user's data directory; the
language is the typed ``ui.language`` setting, written to the user's settings
file so it wins over the system file at the next start.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from app import settings_schema as schema
from app.settings_loader import write_settings_file
from app.settings_schema import Setting

log = logging.getLogger(__name__)


class UiPreferences:
    """Reads and writes the agent's shortcut overrides and language."""

    def __init__(self, data_dir: Path, user_settings_file: Path) -> None:
        self._shortcuts_file = data_dir / "shortcuts.json"
        self._settings_file = user_settings_file

    def shortcuts(self) -> dict[str, str]:
        try:
            raw = json.loads(self._shortcuts_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}

    def save_shortcuts(self, overrides: dict[str, str]) -> None:
        self._shortcuts_file.parent.mkdir(parents=True, exist_ok=True)
        self._shortcuts_file.write_text(json.dumps(overrides, indent=2), encoding="utf-8")

    def save_language(self, language: str) -> None:
        try:
            updates: dict[Setting[object], object] = {schema.UI_LANGUAGE: language}  # type: ignore[dict-item]
            write_settings_file(self._settings_file, updates)
        except OSError as exc:
            log.warning("language not saved: %s", exc)
