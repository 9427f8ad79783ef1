"""Per-team settings (SMS gateway, WhatsApp calls and voice, the lead's extension),
stored as one key/value row per team."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from core.wire.catalogue import TeamSettingsWire
from server.db.models_catalogue import Setting


def _key(team_id: int) -> str:
    return f"team:{team_id}"


def load_team_settings(session: Session, team_id: int | None) -> TeamSettingsWire:
    """The team's settings; defaults for a team that saved none (or no team)."""
    if team_id is None:
        return TeamSettingsWire()
    row = session.get(Setting, _key(team_id))
    return TeamSettingsWire.model_validate(row.value) if row else TeamSettingsWire()


def save_team_settings(session: Session, team_id: int, settings: TeamSettingsWire) -> None:
    row = session.get(Setting, _key(team_id))
    value: dict[str, Any] = settings.model_dump(mode="json")
    if row is None:
        session.add(Setting(key=_key(team_id), value=value))
    else:
        row.value = value
