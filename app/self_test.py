"""``hatif --self-test``: can this desk work? A report for IT and an exit code for scripts.

Checks, in order: configuration (effective values and their sources),
keyring, server (``GET /api/v1/health``: reachable, version), SIP TLS
trust (which CAs check the PBX's certificate, or that none do), SIP
registration, audio devices, an optional test call (``--call TARGET``),
bundle. Each check is ``pass``, ``warn``,
``skip`` or ``fail``; the exit code is :data:`EXIT_OK` unless a check failed
(:data:`EXIT_FAILED`). An invalid configuration that stops Hatif from
starting is :data:`EXIT_CONFIG_ERROR` (see :func:`config_error_report`).

The SIP and audio checks use callables handed in by the composition root,
so this module works with or without the telephony engine.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import requests

from app import settings_schema as schema
from app.app_paths import AppPaths
from app.bundle_info import bundle_details
from app.http_settings import http_config
from app.secret_store import KeyringUnavailableError, SecretStore, sip_password_key
from app.settings_loader import EffectiveSettings
from app.sip_account_config import is_sip_configured, sip_account_from_settings
from sync.http_config import describe_failure
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.tls_trust import TrustSource, ca_file_problem, resolve_tls_trust

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG_ERROR = 2
HEALTH_PATH = "/api/v1/health"

PASS, WARN, SKIP, FAIL = "pass", "warn", "skip", "fail"


@dataclass(frozen=True)
class SipCheckOutcome:
    """What a SIP registration attempt gave."""

    registered: bool  # for a call check: answered
    message: str
    details: dict[str, Any] = field(default_factory=dict)


# (account, password, timeout in seconds) -> outcome. Must not raise for SIP failures.
SipCheck = Callable[[SipAccountSettings, str, float], SipCheckOutcome]
# (account or None for a direct call, password, target, timeout in seconds) -> outcome.
CallCheck = Callable[[SipAccountSettings | None, str, str, float], SipCheckOutcome]
# Every audio device as a JSON-ready dict with at least is_input / is_output.
AudioLister = Callable[[], Sequence[dict[str, Any]]]


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: str
    message: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class SelfTestReport:
    checks: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(check.status != FAIL for check in self.checks)

    @property
    def exit_code(self) -> int:
        if any(c.name == "configuration" and c.status == FAIL for c in self.checks):
            return EXIT_CONFIG_ERROR
        return EXIT_OK if self.ok else EXIT_FAILED

    def to_json(self) -> str:
        document = {
            "ok": self.ok,
            "exit_code": self.exit_code,
            "checks": [asdict(check) for check in self.checks],
        }
        return json.dumps(document, indent=2, ensure_ascii=False, default=str)

    def to_text(self) -> str:
        width = max(len(check.name) for check in self.checks)
        lines = [f"{check.status.upper():4}  {check.name:{width}}  {check.message}"
                 for check in self.checks]
        lines.append("Self-test " + ("passed." if self.ok else "FAILED."))
        return "\n".join(lines)


@dataclass(frozen=True)
class SelfTestInputs:
    settings: EffectiveSettings
    secrets: SecretStore
    paths: AppPaths
    sip_check: SipCheck | None = None
    list_audio_devices: AudioLister | None = None
    call_check: CallCheck | None = None
    call_target: str = ""  # hatif --self-test --call TARGET


def config_error_report(message: str, paths: AppPaths) -> SelfTestReport:
    """The report when the settings themselves cannot be loaded."""
    return SelfTestReport([CheckResult("configuration", FAIL, message, {
        "system_file": str(paths.system_settings_file),
        "user_file": str(paths.user_settings_file)})])


def check_configuration(inputs: SelfTestInputs) -> CheckResult:
    settings, paths = inputs.settings, inputs.paths
    details = {
        "system_file": str(paths.system_settings_file),
        "system_file_exists": paths.system_settings_file.is_file(),
        "user_file": str(paths.user_settings_file),
        "user_file_exists": paths.user_settings_file.is_file(),
        "log_dir": str(paths.log_dir),
        "data_dir": str(paths.data_dir),
        "warnings": list(settings.warnings),
        "settings": settings.report(),
    }
    missing = [s.name for s in (schema.SERVER_URL,) if not settings[s]]
    if missing or settings.warnings:
        problems = [f"{name} is not set" for name in missing] + list(settings.warnings)
        return CheckResult("configuration", WARN, "; ".join(problems), details)
    return CheckResult("configuration", PASS, "Settings loaded.", details)


def check_keyring(inputs: SelfTestInputs) -> CheckResult:
    status = inputs.secrets.status
    details: dict[str, Any] = {"backend": status.backend, "origin": status.origin}
    if not status.available:
        return CheckResult("keyring", FAIL, status.message, details)
    if is_sip_configured(inputs.settings):
        account = sip_account_from_settings(inputs.settings)
        try:
            stored = inputs.secrets.get(sip_password_key(account.user, account.domain))
        except KeyringUnavailableError as exc:
            return CheckResult("keyring", FAIL, exc.message, details)
        details["sip_password_stored"] = stored is not None
    if status.insecure:
        return CheckResult("keyring", WARN, f"{status.backend}: {status.message}", details)
    return CheckResult("keyring", PASS, f"{status.backend}: {status.message}", details)


def check_server(inputs: SelfTestInputs) -> CheckResult:
    url = inputs.settings[schema.SERVER_URL]
    if not url:
        return CheckResult("server", SKIP, "server.url is not set.")
    health = url + HEALTH_PATH
    details: dict[str, Any] = {"url": health}
    started = time.monotonic()
    config = http_config(inputs.settings)
    details["verify_tls"] = config.verify_tls
    details["ca_file"] = config.ca_file
    try:
        with config.new_session() as session:
            response = session.get(health, timeout=inputs.settings[schema.SERVER_TIMEOUT])
    except (requests.RequestException, OSError) as exc:
        failure = describe_failure(exc, config, url)
        details["failure"] = failure.code
        return CheckResult("server", FAIL, failure.message, details)
    details["elapsed_ms"] = round((time.monotonic() - started) * 1000, 1)
    details["http_status"] = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code != 200 or not isinstance(body, dict):
        return CheckResult("server", FAIL,
                           f"{health} answered HTTP {response.status_code}, not Hatif's health.",
                           details)
    details["version"] = body.get("version")
    details["health"] = body
    return CheckResult("server", PASS, f"Server {url} answers, version {body.get('version')}.",
                       details)


EVENTS_PROBE_PATH = "/api/v1/events/probe"
# The server sends the probe's two lines 0.5 s apart: less than half that between
# them at the desk means something held the first one back.
_PROBE_MIN_GAP_S = 0.25


def check_events(inputs: SelfTestInputs) -> CheckResult:
    """Open the live-update stream's probe for a moment, through the same proxy the
    desks use: a proxy that buffers the stream is caught here, not by agents."""
    url = inputs.settings[schema.SERVER_URL]
    if not url:
        return CheckResult("events", SKIP, "server.url is not set.")
    config = http_config(inputs.settings)
    timeout = inputs.settings[schema.SERVER_TIMEOUT]
    started = time.monotonic()
    try:
        with config.new_session() as session, session.get(
                url + EVENTS_PROBE_PATH, stream=True, timeout=(timeout, timeout)) as response:
            if response.status_code == 404:
                return CheckResult("events", SKIP, "This server has no stream probe (older "
                                   "version): live updates were not checked.")
            if response.status_code != 200:
                status = response.status_code
                return CheckResult("events", FAIL, f"The live-update stream answered HTTP "
                                   f"{status}.", {"http_status": status})
            arrivals = [time.monotonic() - started
                        for chunk in response.iter_content(chunk_size=None) if chunk]
    except (requests.RequestException, OSError) as exc:
        return CheckResult("events", SKIP, "Live updates not checked: "
                           + describe_failure(exc, config, url).message)
    details: dict[str, Any] = {"first_ms": round(arrivals[0] * 1000, 1) if arrivals else None,
                               "last_ms": round(arrivals[-1] * 1000, 1) if arrivals else None,
                               "chunks": len(arrivals)}
    if len(arrivals) < 2 or arrivals[-1] - arrivals[0] < _PROBE_MIN_GAP_S:
        return CheckResult(
            "events", WARN, "The live-update stream arrives in one piece: a proxy between "
            "this desk and the server buffers it, so agents would see changes late and in "
            "bursts. nginx: proxy_buffering off for /api/v1/events (docs/it-guide.md).",
            details)
    return CheckResult("events", PASS, "Live updates stream through without buffering "
                       f"(first line after {details['first_ms']:.0f} ms).", details)


def check_sip(inputs: SelfTestInputs) -> CheckResult:
    settings = inputs.settings
    if not is_sip_configured(settings):
        return CheckResult("sip", SKIP, "No SIP account configured (sip.user, sip.domain).")
    account = sip_account_from_settings(settings)
    details: dict[str, Any] = {"account": account.account_uri,
                               "registrar": account.registrar_uri,
                               "transport": account.transport.value}
    if not account.register:
        return CheckResult("sip", SKIP, "sip.register is off: nothing to register.", details)
    if inputs.sip_check is None:
        return CheckResult("sip", SKIP, "The SIP engine is not available in this build.",
                           details)
    try:
        password = inputs.secrets.get(sip_password_key(account.user, account.domain))
    except KeyringUnavailableError as exc:
        return CheckResult("sip", FAIL, exc.message, details)
    if not password:
        return CheckResult("sip", FAIL,
                           f"No SIP password in the keyring for {account.user}@{account.domain}; "
                           "provision it with hatif --provision.", details)
    outcome = inputs.sip_check(account, password, settings[schema.SIP_REGISTER_TIMEOUT])
    details.update(outcome.details)
    return CheckResult("sip", PASS if outcome.registered else FAIL, outcome.message, details)


def check_sip_tls(inputs: SelfTestInputs) -> CheckResult:
    """Whom the softphone trusts when it reaches the PBX over TLS, in one line."""
    settings = inputs.settings
    transport = SipTransport(settings[schema.SIP_TRANSPORT])
    trust = resolve_tls_trust(
        settings[schema.SIP_TLS_VERIFY_SERVER], settings[schema.SIP_TLS_CA_FILE])
    details: dict[str, Any] = {"transport": transport.value, "verify": trust.verify,
                               "ca_file": trust.ca_file, "source": trust.source.value}
    if transport is not SipTransport.TLS:
        return CheckResult("sip_tls", SKIP,
                           f"SIP does not use TLS (sip.transport = {transport.value}).", details)
    if trust.source is TrustSource.OFF:
        return CheckResult("sip_tls", WARN,
                           "The PBX's certificate is NOT checked (sip.tls_verify_server = "
                           "false): anyone on the network path could pose as the PBX.", details)
    problem = ca_file_problem(trust.ca_file)
    if problem is not None:
        return CheckResult("sip_tls", FAIL,
                           f"The PBX's certificate cannot be checked: {problem}", details)
    if trust.source is TrustSource.CA_FILE:
        return CheckResult("sip_tls", PASS,
                           f"The PBX's certificate is checked against the CA file "
                           f"{trust.ca_file} (sip.tls_ca_file).", details)
    return CheckResult("sip_tls", PASS,
                       f"The PBX's certificate is checked against the system's CAs "
                       f"({trust.ca_file}); a private PBX needs sip.tls_ca_file.", details)


def check_audio(inputs: SelfTestInputs) -> CheckResult:
    if inputs.list_audio_devices is None:
        return CheckResult("audio", SKIP, "Audio device support is not available in this build.")
    try:
        devices = list(inputs.list_audio_devices())
    except Exception as exc:  # a broken sound system must not stop the other checks
        return CheckResult("audio", FAIL, f"Listing audio devices failed: {exc}")
    inputs_count = sum(1 for d in devices if d.get("is_input"))
    outputs_count = sum(1 for d in devices if d.get("is_output"))
    details = {"devices": devices, "inputs": inputs_count, "outputs": outputs_count}
    message = f"{inputs_count} microphone(s), {outputs_count} speaker/headset output(s)."
    if not inputs_count or not outputs_count:
        return CheckResult("audio", WARN, message + " A headset needs both.", details)
    return CheckResult("audio", PASS, message, details)


def check_call(inputs: SelfTestInputs) -> CheckResult:
    """A real call to ``--call TARGET`` (an echo line, a test extension, a SIP URI)."""
    if not inputs.call_target:
        return CheckResult("call", SKIP, "No test call asked (--call TARGET).")
    if inputs.call_check is None:
        return CheckResult("call", SKIP, "The SIP engine is not available in this build.")
    settings = inputs.settings
    account: SipAccountSettings | None = None
    password = ""
    if is_sip_configured(settings):
        account = sip_account_from_settings(settings)
        try:
            password = inputs.secrets.get(sip_password_key(account.user, account.domain)) or ""
        except KeyringUnavailableError as exc:
            return CheckResult("call", FAIL, exc.message)
    outcome = inputs.call_check(account, password, inputs.call_target,
                                settings[schema.SIP_REGISTER_TIMEOUT])
    details = {"target": inputs.call_target, **outcome.details}
    return CheckResult("call", PASS if outcome.registered else FAIL, outcome.message, details)


def check_bundle(_inputs: SelfTestInputs) -> CheckResult:
    details = bundle_details()
    kind = "bundle" if details["frozen"] else "source install"
    if not details["collation"]:
        return CheckResult("bundle", WARN, f"Hatif {details['version']} ({kind}): Qt's ICU "
                           "data lacks French collation; lists may sort oddly.", details)
    return CheckResult("bundle", PASS, f"Hatif {details['version']} ({kind}).", details)


CHECKS: tuple[Callable[[SelfTestInputs], CheckResult], ...] = (
    check_configuration, check_keyring, check_server, check_events, check_sip_tls, check_sip,
    check_audio, check_call, check_bundle)


def run_self_test(inputs: SelfTestInputs) -> SelfTestReport:
    return SelfTestReport([check(inputs) for check in CHECKS])
