"""``/api/v1/reports``: report figures for leads and admins, as JSON and CSV.

Scope: a lead always gets their own team (a ``team_id`` naming another team
is refused); an admin gets every team or the one ``team_id`` names; agents
may only read their own journal. Days are local days in ``tz`` (default: the
shop's time zone, shop setting ``time_zone``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from core.wire import API_PREFIX
from core.wire.base import MAX_INT32
from core.wire.time_bounds import PlausibleDay
from server.api.deps import AdminDep, DbDep, PrincipalDep, SupervisorDep
from server.auth.principal import Principal
from server.db.models_catalogue import Setting
from server.db.models_orders import JournalRow, OrderRow
from server.db.models_users import User
from server.reports.agent_hour_report import build_agent_hour_report
from server.reports.fact_queries import ReportScope, load_facts, utc_window
from server.reports.live_figures import live_figures
from server.reports.note_classifier import (
    SETTING_KEY,
    ClassifierSettings,
    NoteClassifier,
    read_api_key,
    store_api_key,
)
from server.reports.outcome_report import build_outcome_report, unclassified_notes
from server.reports.report_tables import (
    AGENT_HOUR_COLUMNS,
    CANCEL_REASON_COLUMNS,
    OUTCOME_COLUMNS,
    agent_hour_body,
    outcome_body,
    to_csv,
)
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.settings_store import load_settings

router = APIRouter(prefix=f"{API_PREFIX}/reports", tags=["reports"])

MAX_RANGE_DAYS = 93

FromDay = Annotated[
    PlausibleDay, Query(alias="from", description="First local day (YYYY-MM-DD, 2000-2099)")
]
ToDay = Annotated[PlausibleDay, Query(alias="to", description="Last local day, inclusive")]
# Ids are bounded like every other id of the protocol: an absurd number is a 422, not a 500.
TeamQuery = Annotated[
    int | None,
    Query(ge=1, le=MAX_INT32, description="Admins: one team; leads: their own"),
]
TzQuery = Annotated[
    str | None,
    Query(max_length=64, description="IANA time zone; the shop's own (settings) by default"),
]
ClassifyQuery = Annotated[
    bool, Query(description="Use the note classifier when an admin switched it on")
]


def _scope(principal: Principal, team_id: int | None) -> ReportScope:
    if principal.is_admin:
        return ReportScope(team_id)
    if team_id is not None and team_id != principal.team_id:
        raise ServiceError(
            403, "forbidden", "A lead only sees their own team.", {"team_id": team_id}
        )
    if principal.team_id is None:
        raise ServiceError(403, "forbidden", "You lead no team.")
    return ReportScope(principal.team_id)


def _zone_name(db: Any, tz: str | None) -> str:
    """The zone asked for, else the shop's."""
    if tz:
        return tz
    with db.read() as session:
        return load_settings(session).time_zone


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ServiceError(
            422, "invalid_input", f"Unknown time zone {name!r}.", {"field": "tz"}
        ) from None


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise ServiceError(422, "invalid_input", "The range ends before it starts.",
                           {"field": "to"})
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ServiceError(422, "invalid_input",
                           f"A report covers at most {MAX_RANGE_DAYS} days.",
                           {"field": "to", "max_days": MAX_RANGE_DAYS})


def _range_meta(first: date, last: date, tz: str, scope: ReportScope) -> dict[str, Any]:
    return {"from": first.isoformat(), "to": last.isoformat(), "tz": tz, "team_id": scope.team_id}


def _agent_hours(db: DbDep, principal: Principal, first: date, last: date, tz: str | None,
                 team_id: int | None) -> dict[str, Any]:
    scope = _scope(principal, team_id)
    tz = _zone_name(db, tz)
    zone = _zone(tz)
    _check_range(first, last)
    with db.read() as session:
        facts = load_facts(session, scope, *utc_window(zone, first, last))
    report = build_agent_hour_report(facts, zone, first, last)
    return {**_range_meta(first, last, tz, scope), **agent_hour_body(report, facts.agents)}


def _outcomes(db: DbDep, principal: Principal, first: date, last: date, tz: str | None,
              team_id: int | None, classify: bool) -> dict[str, Any]:
    scope = _scope(principal, team_id)
    tz = _zone_name(db, tz)
    zone = _zone(tz)
    _check_range(first, last)
    with db.read() as session:
        facts = load_facts(session, scope, *utc_window(zone, first, last))
        settings = _classifier_settings(session)
    classifier_meta: dict[str, Any] = {"used": False, "model": None, "classified": 0,
                                       "failed": 0, "error": None}
    note_classes = None
    if classify and settings.usable:
        result = NoteClassifier(settings, read_api_key()).classify(
            unclassified_notes(facts, zone, first, last)
        )
        note_classes = result.classes
        classifier_meta = {"used": True, "model": settings.model,
                           "classified": len(result.classes), "failed": result.failed,
                           "error": result.error}
    report = build_outcome_report(facts, zone, first, last, note_classes)
    return {**_range_meta(first, last, tz, scope), **outcome_body(report, facts.agents),
            "classifier": classifier_meta}


def _csv(name: str, columns: Any, rows: list[dict[str, Any]], first: date, last: date) -> Response:
    filename = f"hatif-{name}-{first.isoformat()}-{last.isoformat()}.csv"
    return Response(
        to_csv(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/agent-hours", summary="Per agent × hour slot figures over a date range")
def agent_hours(db: DbDep, principal: SupervisorDep, first: FromDay, last: ToDay,
                team_id: TeamQuery = None, tz: TzQuery = None) -> dict[str, Any]:
    return _agent_hours(db, principal, first, last, tz, team_id)


@router.get("/agent-hours.csv", summary="The agent × hour report as CSV",
            response_class=Response)
def agent_hours_csv(db: DbDep, principal: SupervisorDep, first: FromDay, last: ToDay,
                    team_id: TeamQuery = None, tz: TzQuery = None) -> Response:
    body = _agent_hours(db, principal, first, last, tz, team_id)
    rows = body["slots"] + body["agents"] + [{**body["total"], "agent": "total"}]
    return _csv("agent-hours", AGENT_HOUR_COLUMNS, rows, first, last)


@router.get("/outcomes", summary="Outcome classes per agent and cancel reasons")
def outcomes(db: DbDep, principal: SupervisorDep, first: FromDay, last: ToDay,
             team_id: TeamQuery = None, tz: TzQuery = None,
             classify: ClassifyQuery = False) -> dict[str, Any]:
    return _outcomes(db, principal, first, last, tz, team_id, classify)


@router.get("/outcomes.csv", summary="Outcome classes as CSV", response_class=Response)
def outcomes_csv(db: DbDep, principal: SupervisorDep, first: FromDay, last: ToDay,
                 team_id: TeamQuery = None, tz: TzQuery = None,
                 classify: ClassifyQuery = False) -> Response:
    body = _outcomes(db, principal, first, last, tz, team_id, classify)
    rows = body["agents"] + [{**body["total"], "agent": "total"}]
    return _csv("outcomes", OUTCOME_COLUMNS, rows, first, last)


@router.get("/cancel-reasons.csv", summary="Cancel reasons as CSV", response_class=Response)
def cancel_reasons_csv(db: DbDep, principal: SupervisorDep, first: FromDay, last: ToDay,
                       team_id: TeamQuery = None, tz: TzQuery = None) -> Response:
    body = _outcomes(db, principal, first, last, tz, team_id, False)
    return _csv("cancel-reasons", CANCEL_REASON_COLUMNS, body["cancel_reasons"], first, last)


@router.get("/live", summary="Today's wallboard extras (beside GET /api/v1/wallboard)")
def live(db: DbDep, principal: SupervisorDep, team_id: TeamQuery = None) -> dict[str, Any]:
    scope = _scope(principal, team_id)
    with db.read() as session:
        return live_figures(session, scope, db_now(session))


@router.get("/journal", summary="One agent's contact attempts of one local day")
def journal(db: DbDep, principal: PrincipalDep,
            agent_id: Annotated[int, Query(ge=1, le=MAX_INT32)],
            day: Annotated[PlausibleDay | None, Query()] = None,
            tz: TzQuery = None) -> dict[str, Any]:
    tz = _zone_name(db, tz)
    zone = _zone(tz)
    with db.read() as session:
        agent = session.get(User, agent_id)
        if agent is None:
            raise ServiceError(404, "not_found", f"No user {agent_id} here.",
                               {"what": "user", "id": agent_id})
        allowed = (principal.user_id == agent_id or principal.is_admin
                   or (principal.is_supervisor and agent.team_id == principal.team_id))
        if not allowed:
            raise ServiceError(403, "forbidden", "You cannot read this agent's journal.",
                               {"agent_id": agent_id})
        local_day = day or db_now(session).astimezone(zone).date()
        start, end = utc_window(zone, local_day, local_day)
        rows = session.execute(
            select(JournalRow, OrderRow.reference)
            .join(OrderRow, OrderRow.id == JournalRow.order_id)
            .where(JournalRow.agent_id == agent_id)
            .where(JournalRow.started_at >= start)
            .where(JournalRow.started_at < end)
            .order_by(JournalRow.started_at.desc())
        ).all()
    entries = [
        {
            "id": str(row.id),
            "started_at": row.started_at.isoformat(),
            "time": row.started_at.astimezone(zone).strftime("%H:%M:%S"),
            "order_id": row.order_id,
            "order_reference": reference,
            "channel": row.channel,
            "outcome": row.outcome,
            "ring_seconds": row.ring_seconds,
            "talk_seconds": row.talk_seconds,
            "sip_code": row.sip_code,
            "note": row.note,
        }
        for row, reference in rows
    ]
    return {"agent_id": agent_id, "agent": agent.display_name, "day": local_day.isoformat(),
            "tz": tz, "entries": entries}


class ClassifierSettingsBody(BaseModel):
    """The note classifier's settings; ``api_key`` is write-only (kept in the keyring)."""

    enabled: bool = False
    url: str = Field(default="", max_length=500)
    model: str = Field(default="", max_length=200)
    api_key: str | None = Field(default=None, max_length=500,
                                description="Set to store, empty string to forget")


def _classifier_settings(session: Any) -> ClassifierSettings:
    row = session.get(Setting, SETTING_KEY)
    return ClassifierSettings.from_setting(row.value if row is not None else None)


@router.get("/classifier", summary="Note classifier settings (admin)")
def classifier_settings(db: DbDep, principal: AdminDep) -> dict[str, Any]:
    with db.read() as session:
        settings = _classifier_settings(session)
    return {**settings.to_setting(), "has_api_key": bool(read_api_key())}


@router.put("/classifier", summary="Switch the note classifier on or off (admin)")
def put_classifier_settings(db: DbDep, principal: AdminDep,
                            body: ClassifierSettingsBody) -> dict[str, Any]:
    if body.enabled and not (body.url and body.model):
        raise ServiceError(422, "invalid_input", "The classifier needs a URL and a model.",
                           {"field": "url"})
    settings = ClassifierSettings(body.enabled, body.url.strip(), body.model.strip())
    if body.api_key is not None:
        store_api_key(body.api_key)
    with db.write() as session:
        record_audit(
            session, actor=principal, action="settings.note_classifier", entity="settings",
            entity_id=SETTING_KEY, at=db_now(session),
            detail={**settings.to_setting(), "api_key_changed": body.api_key is not None},
        )
        row = session.get(Setting, SETTING_KEY)
        if row is None:
            session.add(Setting(key=SETTING_KEY, value=settings.to_setting()))
        else:
            row.value = settings.to_setting()
    return {**settings.to_setting(), "has_api_key": bool(read_api_key())}

