"""Every desktop setting, declared once: name, type, default and description.

A setting's name is ``section.key`` (``server.url``). The same name is used in
the INI / JSON settings files (``[server] url = ...``), as an environment
variable (``HATIF_SERVER_URL``) and with ``--set server.url=...`` on the
command line. Secrets (SIP password, API token) are *not* settings: they live
in the OS keyring (see :mod:`app.secret_store`).

Values read from text (files, environment, flags) are parsed by the setting's
own type; a value that does not parse raises :class:`SettingValueError` naming
the setting, the source and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

_TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
_FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


class SettingValueError(ValueError):
    """A value that does not fit its setting's type; ``code`` and ``params`` for the UI."""

    def __init__(self, code: str, params: dict[str, object], message: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
        self.message = message


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One typed setting. ``parse`` turns text into a ``T`` or raises ValueError."""

    name: str
    kind: str  # "str" | "int" | "float" | "bool" | "choice" (shown in docs and errors)
    default: T
    description: str
    parse_text: Callable[[str], T] = field(repr=False, compare=False, default=str)  # type: ignore[assignment]
    choices: tuple[str, ...] = ()

    @property
    def env_var(self) -> str:
        """The environment variable that overrides this setting."""
        return "HATIF_" + self.name.replace(".", "_").upper()

    @property
    def section(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        return self.name.split(".", 1)[1]

    def parse(self, raw: object, source: str) -> T:
        """Typed value from ``raw`` (text from a file/env/flag, or a JSON value)."""
        text = raw if isinstance(raw, str) else _json_scalar_to_text(raw)
        try:
            return self.parse_text(text.strip())
        except ValueError as exc:
            expected = self.kind if not self.choices else "one of " + ", ".join(self.choices)
            raise SettingValueError(
                "setting.invalid_value",
                {"setting": self.name, "value": text, "source": source, "expected": expected},
                f"Setting {self.name} from {source}: {text!r} is not valid ({exc}); "
                f"expected {expected}.",
            ) from None

    def to_text(self, value: object) -> str:
        """How the value is written back into an INI file."""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)


def _json_scalar_to_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise ValueError(f"expected a single value, got {type(value).__name__}")


def _parse_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE_WORDS:
        return True
    if lowered in _FALSE_WORDS:
        return False
    raise ValueError("not a yes/no value (true/false, yes/no, on/off, 1/0)")


def _parse_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError("not an integer") from None


def _parse_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError("not a number") from None


def _parse_port(text: str) -> int:
    port = _parse_int(text)
    if not 0 <= port <= 65535:
        raise ValueError("a port is between 0 and 65535")
    return port


def _parse_url(text: str) -> str:
    if text and not re.match(r"^https?://[^\s/]+", text):
        raise ValueError("a server URL starts with http:// or https://")
    return text.rstrip("/")


def _parse_region(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", text):
        raise ValueError("a region is a two-letter country code such as MA")
    return text.upper()


def _parse_positive(text: str) -> float:
    number = _parse_float(text)
    if number <= 0:
        raise ValueError("must be greater than zero")
    return number


def _parse_count(text: str) -> int:
    number = _parse_int(text)
    if number < 0:
        raise ValueError("must be zero or more")
    return number


def _choice(name: str, default: str, description: str, choices: tuple[str, ...],
            fold: Callable[[str], str] = str.lower) -> Setting[str]:
    def parse(text: str) -> str:
        folded = fold(text)
        if folded not in choices:
            raise ValueError("unknown choice")
        return folded

    return Setting(name, "choice", default, description, parse, choices)


SERVER_URL: Setting[str] = Setting(
    "server.url", "str", "", "Base URL of the Hatif server, e.g. https://hatif.example.ma",
    _parse_url)
SERVER_VERIFY_TLS: Setting[bool] = Setting(
    "server.verify_tls", "bool", True,
    "Check the server's TLS certificate (turn off only for a lab server)", _parse_bool)
SERVER_CA_FILE: Setting[str] = Setting(
    "server.ca_file", "str", "",
    "PEM file of the CA that signed the server's certificate (internal or self-signed); "
    "empty trusts the system's CAs")
SERVER_TIMEOUT: Setting[float] = Setting(
    "server.timeout_seconds", "float", 10.0, "Timeout of one HTTP request to the server",
    _parse_positive)

SIP_DOMAIN: Setting[str] = Setting(
    "sip.domain", "str", "",
    "SIP domain (host[:port]) of the account URI; empty uses the registrar's host")
SIP_REGISTRAR: Setting[str] = Setting(
    "sip.registrar", "str", "",
    "SIP registrar (PBX) host[:port] or sip: URI, e.g. pbx.example.ma")
SIP_PROXY: Setting[str] = Setting(
    "sip.proxy", "str", "",
    "Outbound proxy host[:port] or sip: URI; empty sends requests to the registrar")
SIP_REGISTER: Setting[bool] = Setting(
    "sip.register", "bool", True,
    "Register with the registrar (off: dial straight at a trunk or peer)", _parse_bool)
SIP_SRTP: Setting[str] = _choice(
    "sip.srtp", "disabled", "Media encryption (SDES SRTP)", ("disabled", "optional", "mandatory"))
SIP_TRANSPORT: Setting[str] = _choice(
    "sip.transport", "udp", "SIP transport", ("udp", "tcp", "tls"))
SIP_USER: Setting[str] = Setting("sip.user", "str", "", "SIP account user (extension), e.g. 1001")
SIP_AUTH_USER: Setting[str] = Setting(
    "sip.auth_user", "str", "", "Digest authentication user when it differs from sip.user")
SIP_DISPLAY_NAME: Setting[str] = Setting(
    "sip.display_name", "str", "", "Name shown to the called party's phone")
SIP_LOCAL_PORT: Setting[int] = Setting(
    "sip.local_port", "int", 0, "Local SIP port; 0 picks a free one", _parse_port)
SIP_REGISTER_TIMEOUT: Setting[float] = Setting(
    "sip.register_timeout_seconds", "float", 8.0,
    "How long the self-test waits for the SIP registration", _parse_positive)

# What a PBX may need beyond the account itself (docs/telephony.md, "Settings").
SIP_REALM: Setting[str] = Setting(
    "sip.realm", "str", "*",
    "Digest realm the password is for; * answers any realm the registrar names")
SIP_KEEPALIVE: Setting[int] = Setting(
    "sip.keepalive_seconds", "int", 15,
    "Interval of the UDP keep-alive that holds a NAT binding open; 0 turns it off",
    _parse_count)
SIP_REGISTRATION_INTERVAL: Setting[int] = Setting(
    "sip.registration_interval_seconds", "int", 300,
    "Registration lifetime asked of the registrar (Expires); renewed before it ends",
    lambda text: _at_least(text, 30))
SIP_MEDIA_ADDRESS: Setting[str] = Setting(
    "sip.media_address", "str", "",
    "Address written in the SDP for the call audio (a NAT's public address, or the "
    "desk's VPN address); empty uses the desk's own")


def _at_least(text: str, minimum: int) -> int:
    number = _parse_int(text)
    if number < minimum:
        raise ValueError(f"must be {minimum} or more")
    return number

# SIP over TLS: whom the softphone trusts.
SIP_TLS_VERIFY_SERVER: Setting[bool] = Setting(
    "sip.tls_verify_server", "bool", True,
    "Check the PBX's TLS certificate (turn off only for a lab PBX)", _parse_bool)
SIP_TLS_CA_FILE: Setting[str] = Setting(
    "sip.tls_ca_file", "str", "",
    "PEM file of the CA that signed a private PBX's certificate; empty trusts the system's CAs")
# Transfer to the lead: this desk's override of the team's setting.
SIP_LEAD_EXTENSION: Setting[str] = Setting(
    "sip.lead_extension", "str", "",
    "Where 'Transfer to lead' sends calls from this desk; empty uses the team's setting "
    "on the server")
# -----------------------------------------------------------------------------

DIAL_OUTSIDE_PREFIX: Setting[str] = Setting(
    "dial.outside_prefix", "str", "", "Digits the PBX needs before an outside number, e.g. 0")
DIAL_NUMBER_FORMAT: Setting[str] = _choice(
    "dial.number_format", "e164",
    "How a customer number is dialled: e164 (+212612…), e164_digits (212612…) "
    "or national (0612…)",
    ("e164", "e164_digits", "national"))

UI_LANGUAGE: Setting[str] = _choice(
    "ui.language", "fr", "Language of the application: fr, ar or en", ("fr", "ar", "en"))
PHONE_DEFAULT_REGION: Setting[str] = Setting(
    "phone.default_region", "str", "MA",
    "Country assumed for phone numbers written without +, e.g. MA", _parse_region)

LOG_LEVEL: Setting[str] = _choice(
    "log.level", "INFO", "Log level of the files in the log directory",
    ("DEBUG", "INFO", "WARNING", "ERROR"), fold=str.upper)
LOG_MAX_BYTES: Setting[int] = Setting(
    "log.max_bytes", "int", 5_000_000, "Size at which a log file is rotated", _parse_count)
LOG_BACKUP_COUNT: Setting[int] = Setting(
    "log.backup_count", "int", 5, "Rotated log files kept", _parse_count)

AUTH_USERNAME: Setting[str] = Setting(
    "auth.username", "str", "", "Agent user name pre-filled on the sign-in screen")
AUTH_STAY_SIGNED_IN: Setting[bool] = Setting(
    "auth.stay_signed_in", "bool", False,
    "Keep the API token in the keyring between sessions", _parse_bool)

KEYRING_FALLBACK: Setting[str] = _choice(
    "keyring.fallback", "none",
    "What to do without an OS keyring: none (refuse, explain) or encrypted_file "
    "(keyrings.alt encrypted file unlocked with HATIF_KEYRING_PASSPHRASE)",
    ("none", "encrypted_file"))


ALL_SETTINGS: tuple[Setting[object], ...] = (  # type: ignore[assignment]
    SERVER_URL, SERVER_VERIFY_TLS, SERVER_CA_FILE, SERVER_TIMEOUT,
    SIP_DOMAIN, SIP_REGISTRAR, SIP_PROXY, SIP_REGISTER, SIP_TRANSPORT, SIP_SRTP,
    SIP_USER, SIP_AUTH_USER, SIP_DISPLAY_NAME,
    SIP_LOCAL_PORT, SIP_REGISTER_TIMEOUT,
    SIP_REALM, SIP_KEEPALIVE, SIP_REGISTRATION_INTERVAL, SIP_MEDIA_ADDRESS,
    SIP_TLS_VERIFY_SERVER, SIP_TLS_CA_FILE, SIP_LEAD_EXTENSION,
    DIAL_OUTSIDE_PREFIX, DIAL_NUMBER_FORMAT,
    UI_LANGUAGE, PHONE_DEFAULT_REGION,
    LOG_LEVEL, LOG_MAX_BYTES, LOG_BACKUP_COUNT,
    AUTH_USERNAME, AUTH_STAY_SIGNED_IN,
    KEYRING_FALLBACK,
)

BY_NAME: dict[str, Setting[object]] = {setting.name: setting for setting in ALL_SETTINGS}
BY_ENV_VAR: dict[str, Setting[object]] = {setting.env_var: setting for setting in ALL_SETTINGS}


def lookup(name: str) -> Setting[object] | None:
    """The setting called ``name`` (case-insensitive), or None."""
    return BY_NAME.get(name.strip().lower())
