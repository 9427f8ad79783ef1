"""Predefined notes and message templates managed by admins."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.dispositions import Disposition
from core.message_templates import template_placeholders
from core.wire.catalogue import PredefinedNoteWire, TemplateWire
from server.db.models_catalogue import MessageTemplate, PredefinedNoteRow
from server.services.errors import ServiceError
from server.services.settings_store import load_settings


def note_wire(row: PredefinedNoteRow) -> PredefinedNoteWire:
    return PredefinedNoteWire(
        code=row.code,
        title=row.title,
        text=row.text,
        tags=list(row.tags or []),
        disposition=row.disposition,
    )


def upsert_predefined_note(session: Session, wire: PredefinedNoteWire) -> PredefinedNoteRow:
    if wire.disposition is not None:
        try:
            Disposition(wire.disposition)
        except ValueError:
            raise ServiceError(
                422,
                "invalid_disposition",
                f"{wire.disposition!r} is not a disposition.",
                {"disposition": wire.disposition},
            ) from None
    row = session.execute(
        select(PredefinedNoteRow).where(PredefinedNoteRow.code == wire.code)
    ).scalar()
    if row is None:
        row = PredefinedNoteRow(code=wire.code, title=wire.title, text=wire.text)
        session.add(row)
    row.title, row.text, row.tags, row.disposition = (
        wire.title,
        wire.text,
        sorted(set(wire.tags)),
        wire.disposition,
    )
    session.flush()
    return row


def template_wire(row: MessageTemplate) -> TemplateWire:
    return TemplateWire(
        code=row.code, language=row.language, channel=row.channel, title=row.title, body=row.body
    )


def upsert_template(session: Session, wire: TemplateWire) -> MessageTemplate:
    names = template_placeholders(wire.body)  # unknown placeholder -> TemplateError (422)
    if "shop_name" in names and not load_settings(session).shop_name.strip():
        # Saved as is, every message would end with a literal "{shop_name}".
        raise ServiceError(
            422,
            "shop_name_not_set",
            "The template signs with {shop_name} but the shop settings have no shop name; "
            "set it first.",
            {"placeholder": "shop_name"},
        )
    row = session.execute(
        select(MessageTemplate).where(
            MessageTemplate.code == wire.code, MessageTemplate.language == wire.language
        )
    ).scalar()
    if row is None:
        row = MessageTemplate(
            code=wire.code, language=wire.language, title=wire.title, body=wire.body
        )
        session.add(row)
    row.channel, row.title, row.body = wire.channel, wire.title, wire.body
    session.flush()
    return row
