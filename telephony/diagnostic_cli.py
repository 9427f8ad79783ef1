"""``python -m telephony``: diagnostics for IT and tests.

* ``call NUMBER_OR_URI``: place one call on pjsua2's null audio device and print
  its journal entry (``--json`` for JSON). Exit code 0 when answered, 2 for any
  other outcome, 1 when the command itself cannot run.
* ``devices``: list audio devices as Qt Multimedia sees them.
* ``tls-info``: TLS versions and ciphers of the OpenSSL inside the pjsua2 wheel.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict

from PySide6.QtCore import QCoreApplication, QTimer

from core.attempt_policy import CallOutcome
from telephony.audio.device_manager import list_devices
from telephony.call_journal_entry import CallJournalEntry
from telephony.dial_plan import DialFormat, DialPlan
from telephony.sip_account_settings import SipAccountSettings, SipTransport
from telephony.sip_credentials import SipCredentialError, read_sip_password
from telephony.sip_engine import SipEngine, SipEngineError
from telephony.sip_engine_settings import SipEngineSettings
from telephony.sip_events import RegistrationState, RegistrationStatus
from telephony.tls_capabilities import tls_capabilities

EXIT_ANSWERED, EXIT_ERROR, EXIT_NOT_ANSWERED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m telephony", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    call = commands.add_parser("call", help="place one call and print its journal entry")
    call.add_argument("target", help="E.164 / national number, extension, or sip: URI")
    call.add_argument("--registrar", help="registrar URI, e.g. sip:pbx.example.com;transport=tls")
    call.add_argument("--user", help="SIP user name (password from --password-stdin or keyring)")
    call.add_argument("--domain", help="SIP domain (default: the registrar's host[:port])")
    call.add_argument("--proxy", help="outbound proxy URI")
    call.add_argument("--transport", choices=[t.value for t in SipTransport], default=None)
    call.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    call.add_argument("--dial-format", choices=[f.value for f in DialFormat], default="e164")
    call.add_argument("--prefix", default="", help="dial prefix put before the number")
    call.add_argument("--region", default="MA", help="default country of national numbers")
    call.add_argument("--hangup-after", type=float, default=None, metavar="S",
                      help="hang up S seconds after the answer")
    call.add_argument("--timeout", type=float, default=30.0, metavar="S",
                      help="give up ringing after S seconds (outcome no_answer)")
    call.add_argument("--bind", default="0.0.0.0", help="local address for SIP and RTP")
    call.add_argument("--json", action="store_true", help="print the journal entry as JSON")
    devices = commands.add_parser("devices", help="list audio devices")
    devices.add_argument("--json", action="store_true")
    tls = commands.add_parser("tls-info", help="TLS versions and ciphers of the bundled OpenSSL")
    tls.add_argument("--json", action="store_true")
    return parser


def _domain_of(uri: str) -> str:
    match = re.match(r"^sips?:(?:[^@]*@)?([^;>]+)", uri)
    return match.group(1) if match else uri


def _transport_of(args: argparse.Namespace) -> SipTransport:
    if args.transport:
        return SipTransport(args.transport)
    found = re.search(r";transport=(\w+)", args.registrar or "", re.IGNORECASE)
    return SipTransport(found.group(1).lower()) if found else SipTransport.UDP


def _account(args: argparse.Namespace) -> tuple[SipAccountSettings, str] | None:
    if not args.user:
        return None
    domain = args.domain or (_domain_of(args.registrar) if args.registrar else "")
    if not domain:
        raise SystemExit("--user needs --registrar or --domain")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = read_sip_password(args.user, domain)
    settings = SipAccountSettings(
        user=args.user,
        domain=domain,
        registrar=args.registrar,
        outbound_proxy=args.proxy,
        transport=_transport_of(args),
        register=bool(args.registrar),
        dial_plan=DialPlan(DialFormat(args.dial_format), args.prefix, args.region),
    )
    return settings, password


def run_call(args: argparse.Namespace) -> tuple[CallJournalEntry | None, RegistrationState]:
    """Register if asked, place the call, and return its journal entry."""
    app = QCoreApplication.instance() or QCoreApplication([])
    engine = SipEngine(
        SipEngineSettings(bind_address=args.bind, ring_timeout_s=args.timeout,
                          enable_tls=True)
    )
    result: list[CallJournalEntry] = []
    try:
        account = _account(args)
        if account is not None:
            engine.configure_account(*account)
            if account[0].register:
                # Wait (bounded) for the registrar's answer before dialling.
                done = (RegistrationStatus.REGISTERED, RegistrationStatus.FAILED)
                engine.registration_changed.connect(
                    lambda state: app.quit() if state.status in done else None
                )
                QTimer.singleShot(int(min(args.timeout, 10.0) * 1000), app.quit)
                if engine.registration.status not in done:
                    app.exec()
        handle = engine.dial(args.target, hangup_after_s=args.hangup_after)

        def collect(entry: CallJournalEntry) -> None:
            if entry.call_handle == handle:
                result.append(entry)
                app.quit()

        engine.call_journaled.connect(collect)
        bound_s = args.timeout + (args.hangup_after or 3600.0) + 15.0
        QTimer.singleShot(int(bound_s * 1000), app.quit)
        if not result:
            app.exec()
        return (result[0] if result else None), engine.registration
    finally:
        engine.shutdown()


def _print_entry(entry: CallJournalEntry, as_json: bool) -> None:
    if as_json:
        print(json.dumps(entry.to_json_dict(), indent=2))
    else:
        print(
            f"{entry.outcome.value}: {entry.message} | SIP {entry.sip_code} {entry.sip_reason}"
            f" | ring {entry.ring_seconds:.2f} s, talk {entry.talk_seconds:.2f} s"
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "devices":
        devices = list_devices()
        if args.json:
            print(json.dumps([asdict(device) for device in devices], indent=2))
        else:
            for device in devices:
                kind = "input " if device.is_input else "output"
                default = " (default)" if device.is_default else ""
                print(f"{kind}  {device.description}{default}  [{device.id}]")
        return EXIT_ANSWERED
    if args.command == "tls-info":
        info = tls_capabilities()
        if args.json:
            print(json.dumps(info.to_json_dict(), indent=2))
        else:
            print(f"OpenSSL in the pjsua2 wheel: up to {info.highest_version}")
            print("\n".join(info.ciphers))
        return EXIT_ANSWERED
    try:
        entry, _registration = run_call(args)
    except (SipEngineError, SipCredentialError) as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    if entry is None:
        print("error: the call did not end in time", file=sys.stderr)
        return EXIT_ERROR
    _print_entry(entry, args.json)
    return EXIT_ANSWERED if entry.outcome is CallOutcome.ANSWERED else EXIT_NOT_ANSWERED
