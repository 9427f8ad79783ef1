"""Catalogue, cities, settings, predefined notes and templates (read: everyone
logged in; write: admins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.wire.catalogue import (
    ArticleWire,
    CityWire,
    PredefinedNoteWire,
    SettingsWire,
    TemplateWire,
)
from core.wire.changes import ChangeEntity
from server.api.deps import ERROR_RESPONSES, AdminDep, DbDep, PrincipalDep
from server.auth.principal import Principal
from server.db.models_catalogue import Article, City, MessageTemplate, PredefinedNoteRow
from server.db.session import Database
from server.services.audit import record_audit
from server.services.catalogue import article_wire, city_wire, upsert_article, upsert_city
from server.services.change_log import append_change
from server.services.db_clock import db_now
from server.services.settings_store import load_settings, save_settings, with_all_roles
from server.services.shop_texts import (
    note_wire,
    template_wire,
    upsert_predefined_note,
    upsert_template,
)

router = APIRouter(tags=["catalogue"], responses=ERROR_RESPONSES)


def _admin_write(
    db: Database,
    principal: Principal,
    entity: ChangeEntity,
    entity_id: str,
    change: Callable[[Session], dict[str, Any]],
) -> None:
    """Run ``change``, audit it and publish its payload, in one transaction."""
    with db.write() as session:
        now = db_now(session)
        payload = change(session)
        record_audit(
            session,
            actor=principal,
            action=f"{entity.value}.put",
            entity=entity.value,
            entity_id=entity_id,
            at=now,
        )
        append_change(
            session,
            entity=entity,
            entity_id=entity_id,
            payload=payload,
            at=now,
            user_id=principal.user_id,
        )


@router.get("/articles", response_model=list[ArticleWire])
def list_articles(db: DbDep, principal: PrincipalDep) -> list[ArticleWire]:
    with db.read() as session:
        rows = session.execute(select(Article).order_by(Article.ref)).scalars()
        return [article_wire(row) for row in rows]


@router.put("/articles/{ref}", response_model=ArticleWire)
def put_article(ref: str, body: ArticleWire, db: DbDep, principal: AdminDep) -> ArticleWire:
    body = body.model_copy(update={"ref": ref})
    _admin_write(
        db,
        principal,
        ChangeEntity.ARTICLE,
        ref,
        lambda s: article_wire(upsert_article(s, body, actor_id=principal.user_id)).model_dump(
            mode="json"
        ),
    )
    with db.read() as session:
        article = session.execute(select(Article).where(Article.ref == ref)).scalar_one()
        return article_wire(article)


@router.get("/cities", response_model=list[CityWire])
def list_cities(db: DbDep, principal: PrincipalDep) -> list[CityWire]:
    with db.read() as session:
        return [
            city_wire(row) for row in session.execute(select(City).order_by(City.name)).scalars()
        ]


@router.put("/cities/{name}", response_model=CityWire)
def put_city(name: str, body: CityWire, db: DbDep, principal: AdminDep) -> CityWire:
    body = body.model_copy(update={"name": name})
    _admin_write(
        db,
        principal,
        ChangeEntity.CITY,
        name,
        lambda s: city_wire(upsert_city(s, body)).model_dump(mode="json"),
    )
    return body


@router.get("/settings", response_model=SettingsWire)
def get_settings(db: DbDep, principal: PrincipalDep) -> SettingsWire:
    with db.read() as session:
        return load_settings(session)


@router.put("/settings", response_model=SettingsWire)
def put_settings(body: SettingsWire, db: DbDep, principal: AdminDep) -> SettingsWire:
    """Replace the shop settings; rescue limits missing for a role get the defaults."""
    body = with_all_roles(body)

    def change(session: Session) -> dict[str, Any]:
        save_settings(session, body)
        return body.model_dump(mode="json")

    _admin_write(db, principal, ChangeEntity.SETTINGS, "shop", change)
    return body


@router.get("/predefined-notes", response_model=list[PredefinedNoteWire])
def list_predefined_notes(db: DbDep, principal: PrincipalDep) -> list[PredefinedNoteWire]:
    with db.read() as session:
        rows = session.execute(select(PredefinedNoteRow).order_by(PredefinedNoteRow.id)).scalars()
        return [note_wire(row) for row in rows]


@router.put("/predefined-notes/{code}", response_model=PredefinedNoteWire)
def put_predefined_note(
    code: str, body: PredefinedNoteWire, db: DbDep, principal: AdminDep
) -> PredefinedNoteWire:
    body = body.model_copy(update={"code": code})
    _admin_write(
        db,
        principal,
        ChangeEntity.PREDEFINED_NOTE,
        code,
        lambda s: note_wire(upsert_predefined_note(s, body)).model_dump(mode="json"),
    )
    return body


@router.get("/templates", response_model=list[TemplateWire])
def list_templates(db: DbDep, principal: PrincipalDep) -> list[TemplateWire]:
    with db.read() as session:
        rows = session.execute(
            select(MessageTemplate).order_by(MessageTemplate.code, MessageTemplate.language)
        ).scalars()
        return [template_wire(row) for row in rows]


@router.put("/templates/{code}/{language}", response_model=TemplateWire)
def put_template(
    code: str, language: str, body: TemplateWire, db: DbDep, principal: AdminDep
) -> TemplateWire:
    body = TemplateWire.model_validate({**body.model_dump(), "code": code, "language": language})
    _admin_write(
        db,
        principal,
        ChangeEntity.TEMPLATE,
        f"{code}/{language}",
        lambda s: template_wire(upsert_template(s, body)).model_dump(mode="json"),
    )
    return body
