"""Shop settings (attempt cap, call gap, lease length) stored as key/value rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.attempt_policy import AttemptPolicy
from core.order_transitions import Role
from core.rulebook import shop_rules
from core.wire.catalogue import SettingsWire, default_rescue_limits
from server.db.models_catalogue import Setting
from server.services.errors import ServiceError

SHOP_SETTINGS_KEY = "shop"
WEBHOOK_SECRET_KEY = "webhook_secret"


def load_settings(session: Session) -> SettingsWire:
    """Current settings, defaults where nothing was saved."""
    row = session.get(Setting, SHOP_SETTINGS_KEY)
    return SettingsWire.model_validate(row.value) if row else SettingsWire()


def with_all_roles(settings: SettingsWire) -> SettingsWire:
    """Rescue limits for exactly the three roles: missing ones get their defaults,
    an unknown role is refused (422 ``unknown_role``)."""
    roles = {role.value for role in Role}
    unknown = sorted(set(settings.rescue_limits) - roles)
    if unknown:
        raise ServiceError(
            422,
            "unknown_role",
            f"{unknown[0]!r} is not a role (agent, lead, admin).",
            {"role": unknown[0][:64]},
        )
    limits = {**default_rescue_limits(), **settings.rescue_limits}
    return settings.model_copy(update={"rescue_limits": limits})


def save_settings(session: Session, settings: SettingsWire) -> None:
    row = session.get(Setting, SHOP_SETTINGS_KEY)
    value: dict[str, Any] = settings.model_dump(mode="json")
    if row is None:
        session.add(Setting(key=SHOP_SETTINGS_KEY, value=value))
    else:
        row.value = value


def attempt_policy(settings: SettingsWire) -> AttemptPolicy:
    return shop_rules(settings).attempts


def load_webhook_secret(session: Session) -> str | None:
    row = session.execute(select(Setting).where(Setting.key == WEBHOOK_SECRET_KEY)).scalar()
    return str(row.value.get("secret")) if row and row.value.get("secret") else None


def save_webhook_secret(session: Session, secret: str) -> None:
    row = session.get(Setting, WEBHOOK_SECRET_KEY)
    if row is None:
        session.add(Setting(key=WEBHOOK_SECRET_KEY, value={"secret": secret}))
    else:
        row.value = {"secret": secret}
