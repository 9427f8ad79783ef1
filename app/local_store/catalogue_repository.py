"""The catalogue, cities, templates, predefined notes and settings as the server sent them."""

from __future__ import annotations

from sqlalchemy import select

from app.local_store import schema
from app.local_store.local_sync_store import read_meta
from app.local_store.store_database import StoreDatabase
from core.wire.catalogue import (
    ArticleWire,
    CityWire,
    PredefinedNoteWire,
    SettingsWire,
    TemplateWire,
)


class CatalogueRepository:
    """Read-only access to the reference data kept in the local store."""

    def __init__(self, database: StoreDatabase) -> None:
        self._db = database

    def articles(self) -> list[ArticleWire]:
        with self._db.reader.connect() as connection:
            rows = connection.execute(
                select(schema.articles.c.payload).order_by(schema.articles.c.name)
            ).scalars()
            return [ArticleWire.model_validate_json(raw) for raw in rows]

    def article(self, ref: str) -> ArticleWire | None:
        with self._db.reader.connect() as connection:
            raw = connection.execute(
                select(schema.articles.c.payload).where(schema.articles.c.ref == ref)
            ).scalar()
        return ArticleWire.model_validate_json(raw) if raw else None

    def cities(self) -> list[CityWire]:
        with self._db.reader.connect() as connection:
            rows = connection.execute(
                select(schema.cities.c.payload).order_by(schema.cities.c.name)
            ).scalars()
            return [CityWire.model_validate_json(raw) for raw in rows]

    def templates(self, language: str | None = None) -> list[TemplateWire]:
        query = select(schema.templates.c.payload).order_by(schema.templates.c.code)
        if language:
            query = query.where(schema.templates.c.language == language)
        with self._db.reader.connect() as connection:
            return [
                TemplateWire.model_validate_json(raw) for raw in connection.execute(query).scalars()
            ]

    def predefined_notes(self) -> list[PredefinedNoteWire]:
        with self._db.reader.connect() as connection:
            rows = connection.execute(
                select(schema.predefined_notes.c.payload).order_by(schema.predefined_notes.c.code)
            ).scalars()
            return [PredefinedNoteWire.model_validate_json(raw) for raw in rows]

    def settings(self) -> SettingsWire:
        """The shop settings (defaults until the server sent them)."""
        with self._db.reader.connect() as connection:
            raw = read_meta(connection, "settings")
        return SettingsWire.model_validate_json(raw) if raw else SettingsWire()
