"""``hatif --provision FILE``: import IT's provisioning file on one desk.

The file is INI (``[sip]`` / ``user = 1001``) or JSON (``{"sip": {"user":
"1001"}}``), with the setting names of :mod:`app.settings_schema` plus two
secrets: ``sip.password`` and ``server.api_token``. Everything is checked
before anything is written; secrets go to the OS keyring and never into the
saved settings file; an unknown key is an error (a typo must not vanish).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app import settings_schema as schema
from app.secret_store import (
    NO_KEYRING_MESSAGE,
    SecretKey,
    SecretStore,
    api_token_key,
    sip_password_key,
)
from app.settings_loader import (
    EffectiveSettings,
    SettingSource,
    read_flat_file,
    write_settings_file,
)
from app.settings_schema import Setting
from app.sip_account_config import sip_domain

SIP_PASSWORD_KEY = "sip.password"
API_TOKEN_KEY = "server.api_token"
SECRET_KEYS = (SIP_PASSWORD_KEY, API_TOKEN_KEY)

_log = logging.getLogger(__name__)


class ProvisioningError(Exception):
    """The file cannot be applied; nothing was written. ``code``/``params`` for the UI."""

    def __init__(self, code: str, params: dict[str, object], message: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
        self.message = message


@dataclass
class ProvisioningResult:
    settings_file: Path
    settings_written: list[str] = field(default_factory=list)
    secrets_stored: list[str] = field(default_factory=list)
    secrets_location: str = ""  # e.g. "the OS keyring (Secret Service)"

    def summary(self) -> str:
        lines = [f"Settings written to {self.settings_file}: "
                 + (", ".join(self.settings_written) or "none")]
        if self.secrets_stored:
            lines.append(f"Stored in {self.secrets_location}: "
                         + ", ".join(self.secrets_stored))
        return "\n".join(lines)


def _secret_key(name: str, merged: EffectiveSettings) -> SecretKey:
    if name == SIP_PASSWORD_KEY:
        user, domain = merged[schema.SIP_USER], sip_domain(merged)
        if not (user and domain):
            raise ProvisioningError(
                "provisioning.sip_account_missing", {},
                "sip.password needs sip.user and sip.domain (or sip.registrar), in the file "
                "or already configured on this desk.")
        return sip_password_key(user, domain)
    url, username = merged[schema.SERVER_URL], merged[schema.AUTH_USERNAME]
    if not (url and username):
        raise ProvisioningError(
            "provisioning.api_account_missing", {},
            "server.api_token needs server.url and auth.username, in the file or already "
            "configured on this desk.")
    return api_token_key(url, username)


def keyring_fallback_for(source_file: Path, current: EffectiveSettings) -> str:
    """``keyring.fallback`` as the provisioning run must open the keyring: the file's
    own value when it sets one (the secrets of that same file depend on it), else the
    desk's. A file that cannot be read leaves the desk's value; provision() then
    reports what is wrong with it."""
    try:
        value = read_flat_file(source_file).get(schema.KEYRING_FALLBACK.name)
        if value is None:
            return current[schema.KEYRING_FALLBACK]
        return schema.KEYRING_FALLBACK.parse(value, f"provisioning file {source_file}")
    except Exception:  # any reading or parsing error: provision() says which, once
        return current[schema.KEYRING_FALLBACK]


def provision(
    source_file: Path,
    settings_file: Path,
    current: EffectiveSettings,
    secrets: SecretStore,
) -> ProvisioningResult:
    """Apply ``source_file``: settings into ``settings_file``, secrets into ``secrets``."""
    raw = read_flat_file(source_file)
    origin = f"provisioning file {source_file}"
    unknown = sorted(name for name in raw if name not in SECRET_KEYS and not schema.lookup(name))
    if unknown:
        raise ProvisioningError(
            "provisioning.unknown_keys", {"keys": unknown},
            f"Unknown key(s) in {source_file}: {', '.join(unknown)}. Known: "
            + ", ".join([s.name for s in schema.ALL_SETTINGS] + list(SECRET_KEYS)) + ".")

    updates: dict[Setting[object], object] = {}
    merged = current
    source = SettingSource("provisioning", str(source_file))
    for name, value in raw.items():
        setting = schema.lookup(name)
        if setting is None:
            continue
        parsed = setting.parse(value, origin)
        updates[setting] = parsed
        merged = merged.replaced(setting, parsed, source)

    secret_values: dict[SecretKey, str] = {}
    for name in SECRET_KEYS:
        value = raw.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise ProvisioningError(
                "provisioning.secret_not_text", {"key": name}, f"{name} must be a text value.")
        secret_values[_secret_key(name, merged)] = value
    if secret_values and not secrets.available:
        raise ProvisioningError("keyring.unavailable", {},
                                secrets.status.message or NO_KEYRING_MESSAGE)

    result = ProvisioningResult(settings_file, secrets_location=secrets.status.location)
    for key, value in secret_values.items():
        secrets.set(key, value)
        result.secrets_stored.append(f"{key.label} ({key.account})")
    if updates:
        write_settings_file(settings_file, updates)
    result.settings_written = sorted(setting.name for setting in updates)
    _log.info("Provisioned from %s: %s", source_file, result.summary().replace("\n", "; "))
    return result
