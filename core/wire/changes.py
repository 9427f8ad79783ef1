"""The change log: pulled by cursor and streamed over SSE.

``GET /api/v1/sync/pull?cursor=N&limit=M`` answers a ``PullPage`` of changes
with ``seq > N`` in ascending order. A client stores ``next_cursor`` and asks
again while ``has_more``. When its cursor is older than what the server keeps,
``reset_required`` is true: drop local copies and pull from ``next_cursor``
after a full refresh (``GET /api/v1/orders``).

``GET /api/v1/events`` streams the same ``ChangeEvent`` objects as SSE:
``id:`` = ``seq``, ``event:`` = ``entity``, ``data:`` = the JSON of the event.
Resume with the ``Last-Event-ID`` header (or ``?cursor=``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import Field

from core.wire.base import WireModel


class ChangeEntity(StrEnum):
    """What kind of thing changed; ``payload`` is the matching wire model."""

    ORDER = "order"  # OrderWire
    JOURNAL = "journal"  # JournalEntryWire
    NOTE = "note"  # NoteWire
    PRESENCE = "presence"  # PresenceWire
    ARTICLE = "article"  # ArticleWire
    CITY = "city"  # CityWire
    SETTINGS = "settings"  # SettingsWire
    TEMPLATE = "template"  # TemplateWire
    PREDEFINED_NOTE = "predefined_note"  # PredefinedNoteWire
    TEAM_SETTINGS = "team_settings"  # TeamSettingsWire (seen by that team only)


class ChangeEvent(WireModel):
    """One entry of the change log."""

    seq: int = Field(description="Cursor; strictly rising, never reused")
    entity: ChangeEntity
    entity_id: str
    op: str = Field(default="upsert", description="upsert | delete")
    team_id: int | None = Field(default=None, description="Team the change belongs to")
    at: datetime
    payload: dict[str, Any] = Field(default_factory=dict)


class PullPage(WireModel):
    """A page of the change log."""

    changes: list[ChangeEvent]
    next_cursor: int
    has_more: bool = False
    reset_required: bool = False
