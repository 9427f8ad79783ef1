"""The self-test's links to the telephony engine: audio devices, SIP registration, a test call.

Each probe runs the real engine (pjsua2 on its null audio device) for a bounded
time in the current thread's Qt event loop and never raises for SIP failures:
it returns an outcome with the registrar's or the callee's answer in words.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.self_test import AudioLister, CallCheck, SipCheck, SipCheckOutcome
from core.attempt_policy import CallOutcome
from telephony.audio import device_manager
from telephony.call_journal_entry import CallJournalEntry
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_engine import SipEngine, SipEngineError
from telephony.sip_engine_settings import SipEngineSettings
from telephony.sip_events import RegistrationState, RegistrationStatus

_log = logging.getLogger(__name__)
_DONE = (RegistrationStatus.REGISTERED, RegistrationStatus.FAILED)
TEST_CALL_SECONDS = 2.0  # talk time of the self-test call before it hangs up


def list_audio_devices() -> list[dict[str, Any]]:
    """Every capture and playback device Qt Multimedia sees, as JSON-ready dicts."""
    return [asdict(device) for device in device_manager.list_devices()]


def audio_lister() -> AudioLister:
    return list_audio_devices


def _application() -> QCoreApplication:
    return QCoreApplication.instance() or QCoreApplication([])


@dataclass(frozen=True)
class TlsChoice:
    """The desk's ``sip.tls_verify_server`` / ``sip.tls_ca_file``: the probes check the
    PBX's certificate exactly as the window's softphone does."""

    verify_server: bool = True
    ca_file: str = ""


def _engine(account: SipAccountSettings | None, ring_timeout_s: float,
            tls: TlsChoice) -> SipEngine:
    return SipEngine(SipEngineSettings(
        enable_tls=account is not None and account.transport is SipTransport.TLS,
        tls_verify_server=tls.verify_server, tls_ca_file=tls.ca_file,
        ring_timeout_s=ring_timeout_s))


def _wait_for_registration(engine: SipEngine, timeout_s: float) -> RegistrationState:
    loop = QEventLoop()
    engine.registration_changed.connect(
        lambda state: loop.quit() if state.status in _DONE else None)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if engine.registration.status not in _DONE:
        loop.exec()
    return engine.registration


def check_registration(account: SipAccountSettings, password: str,
                       timeout_s: float, tls: TlsChoice = TlsChoice()) -> SipCheckOutcome:
    """Register ``account`` once and report the registrar's answer."""
    _application()
    engine = _engine(account, timeout_s, tls)
    try:
        engine.configure_account(account, password)
        state = _wait_for_registration(engine, timeout_s)
    except SipEngineError as error:
        return SipCheckOutcome(False, error.message, {"error": error.code})
    finally:
        engine.shutdown()
    details = {"status": state.status.value, "sip_code": state.code,
               "sip_reason": state.reason, "expires_s": state.expires_s}
    if state.status not in _DONE:
        return SipCheckOutcome(False, f"No answer from the registrar within {timeout_s:.0f} s.",
                               details)
    return SipCheckOutcome(state.status is RegistrationStatus.REGISTERED, state.message,
                           details)


def place_test_call(account: SipAccountSettings | None, password: str, target: str,
                    timeout_s: float, tls: TlsChoice = TlsChoice()) -> SipCheckOutcome:
    """Call ``target``, talk TEST_CALL_SECONDS on the null audio device, hang up."""
    _application()
    engine = _engine(account, timeout_s, tls)
    entries: list[CallJournalEntry] = []
    try:
        if account is not None:
            engine.configure_account(account, password)
            if account.register and _wait_for_registration(engine, timeout_s).status \
                    is not RegistrationStatus.REGISTERED:
                return SipCheckOutcome(False, "Not registered: " + engine.registration.message,
                                       {"registration": engine.registration.status.value})
        loop = QEventLoop()
        handle = engine.dial(target, hangup_after_s=TEST_CALL_SECONDS)

        def collect(entry: CallJournalEntry) -> None:
            if entry.call_handle == handle:
                entries.append(entry)
                loop.quit()

        engine.call_journaled.connect(collect)
        QTimer.singleShot(int((timeout_s + TEST_CALL_SECONDS + 10) * 1000), loop.quit)
        if not entries:
            loop.exec()
    except SipEngineError as error:
        return SipCheckOutcome(False, error.message, {"error": error.code})
    finally:
        engine.shutdown()
    if not entries:
        return SipCheckOutcome(False, f"The test call to {target} did not end in time.", {})
    entry = entries[0]
    answered = entry.outcome is CallOutcome.ANSWERED
    return SipCheckOutcome(answered, entry.message, entry.to_json_dict())


def sip_registration_check(tls: TlsChoice = TlsChoice()) -> SipCheck:
    return partial(check_registration, tls=tls)


def call_probe(tls: TlsChoice = TlsChoice()) -> CallCheck:
    return partial(place_test_call, tls=tls)
