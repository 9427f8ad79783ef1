"""The composition root: ``hatif`` parses its command line, sets up logging and the
crash handler, then provisions, self-tests or opens the window (one per user).

Qt's own messages are routed into the log from the first line of :func:`main`, and
Qt Multimedia (whose backend probing talks at load time) is imported only by the
modes that use it, so ``hatif --help`` or ``--provision`` print nothing of Qt's."""

from __future__ import annotations

import getpass
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)

from app import settings_schema as schema
from app.app_context import AppContext
from app.app_paths import AppPaths
from app.command_line import MODE_PROVISION, MODE_SELF_TEST, CommandLine, parse_command_line
from app.crash_report import collect_previous_crashes, install_crash_handler
from app.demo_server import DemoServer, DemoServerError, start_demo_server
from app.logging_setup import LoggingConfig, SecretRedactor, setup_logging
from app.provisioning import SECRET_KEYS, ProvisioningError, keyring_fallback_for, provision
from app.secret_store import KeyringUnavailableError, SecretStore
from app.self_test import (
    EXIT_CONFIG_ERROR,
    EXIT_FAILED,
    EXIT_OK,
    SelfTestInputs,
    config_error_report,
    run_self_test,
)
from app.settings_loader import EffectiveSettings, SettingSource, load_settings, read_flat_file
from app.settings_schema import SettingValueError
from app.single_instance import SingleInstance, server_name_for

_log = logging.getLogger("hatif")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Expected on a desk, so logged at INFO (log file only, not the console): Qt Multimedia
# looks for PipeWire first and warns when the desk has only PulseAudio; and it notes that
# no media backend is loaded, which is the bundle's choice (build.spec: Hatif's audio
# needs none).
_QT_PROBING_CATEGORIES = ("qt.multimedia.symbolsresolver",)
_QT_EXPECTED_MESSAGES = ("No QtMultimedia backends found",)


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: every Qt message becomes a record of logger ``qt.<category>``."""
    category = context.category or "default"
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if category.startswith(_QT_PROBING_CATEGORIES) or message.startswith(_QT_EXPECTED_MESSAGES):
        level = min(level, logging.INFO)
    name = category if category.startswith("qt.") else f"qt.{category}"
    logging.getLogger(name).log(level, "%s", message)


def _route_qt_messages() -> None:
    """Send Qt's messages to the log instead of Qt's default print to stderr.

    Until logging is set up (and for ``--help``) they are dropped, not printed: the
    NullHandler keeps Python's last-resort handler from writing them to the console."""
    logging.getLogger("qt").addHandler(logging.NullHandler())
    qInstallMessageHandler(_log_qt_message)


def _say(message: str) -> None:
    print(f"hatif: {message}", file=sys.stderr)


def _prompt_passphrase() -> str | None:
    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass("Passphrase of Hatif's encrypted keyring file: ") or None


def _run_provision(command: CommandLine, paths: AppPaths, settings: EffectiveSettings,
                   secrets: SecretStore) -> int:
    assert command.provision_file is not None
    try:
        result = provision(command.provision_file, paths.user_settings_file, settings, secrets)
        carried_secrets = any(read_flat_file(command.provision_file).get(k)
                              for k in SECRET_KEYS)
    except (ProvisioningError, SettingValueError, KeyringUnavailableError) as exc:
        # The console handler shows this line: one sentence, said once.
        _log.error("Provisioning from %s failed: %s", command.provision_file, exc.message)
        return EXIT_FAILED
    print(result.summary())
    if carried_secrets:
        print(f"{command.provision_file} holds secrets in clear: delete it now.")
    return EXIT_OK


def _report_stream() -> TextIO:
    """The real stdout for the report; fd 1 goes to stderr from here to the process end,
    so that what C libraries print there (pjlib's banner, pjsua's shutdown lines,
    even from atexit) never mixes with the JSON that scripts parse."""
    sys.stdout.flush()
    stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    return stream


def _run_self_test(command: CommandLine, paths: AppPaths, settings: EffectiveSettings,
                   secrets: SecretStore) -> int:
    # Loaded here, not at the top: it brings Qt Multimedia, which only the self-test and
    # the window use (and which talks while loading, see _route_qt_messages).
    from app.telephony_probes import (
        TlsChoice,
        audio_lister,
        call_probe,
        sip_registration_check,
    )

    output = _report_stream()
    tls = TlsChoice(settings[schema.SIP_TLS_VERIFY_SERVER], settings[schema.SIP_TLS_CA_FILE])
    report = run_self_test(SelfTestInputs(
        settings=settings, secrets=secrets, paths=paths,
        sip_check=sip_registration_check(tls), list_audio_devices=audio_lister(),
        call_check=call_probe(tls), call_target=command.call_target))
    output.write((report.to_json() if command.json_output else report.to_text()) + "\n")
    output.flush()
    _log.info("Self-test finished with exit code %d", report.exit_code)
    return report.exit_code


def _run_gui(command: CommandLine, paths: AppPaths, settings: EffectiveSettings,
             secrets: SecretStore, redactor: SecretRedactor, log_file: Path,
             previous_crashes: list[Path]) -> int:
    guard = SingleInstance(server_name_for(paths.data_dir))
    if guard.ask_running_instance():
        _log.info("Hatif already runs for this user; asked its window to come forward")
        _say("Hatif is already running; its window was brought forward.")
        return EXIT_OK
    # The ui package (and with it QtWidgets) is loaded only for the window, so
    # that --provision and --self-test work on a desk whose display stack is broken.
    from ui.desktop_app import create_application, run_desktop
    from ui.termination import install_termination

    qt_args = [sys.argv[0] if sys.argv else "hatif", *command.extra_qt_args]
    # SIGTERM/SIGINT close Hatif like Quit, from any state (ui/termination.py), so the
    # window's shutdown runs and the demo server and demo line stop with Hatif.
    wake = install_termination(create_application(qt_args))
    guard.listen()
    demo: DemoServer | None = None
    try:
        if command.demo:
            _say("starting a fresh demo shop (the previous run's demo data is replaced)")
            try:
                demo = start_demo_server(paths.data_dir)
            except DemoServerError as exc:
                _log.error("Demo server failed: %s", exc.message)
                _say(exc.message)
                return EXIT_FAILED
            settings = settings.replaced(schema.SERVER_URL, demo.url,
                                         SettingSource("runtime", "--demo"))
        context = AppContext(
            settings=settings, secrets=secrets, paths=paths, single_instance=guard,
            redactor=redactor, log_file=log_file, previous_crash_reports=previous_crashes,
            demo=demo.credentials if demo else None, debug=command.debug, qt_args=qt_args)
        return run_desktop(context, wallboard=command.wallboard)
    finally:
        wake.stop()
        guard.close()
        if demo is not None:
            demo.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``hatif`` command; returns the process exit code."""
    _route_qt_messages()
    command = parse_command_line(sys.argv[1:] if argv is None else argv)
    paths = AppPaths.for_current_user(command.config_file)
    try:
        settings = load_settings(paths, os.environ, command.overrides)
    except SettingValueError as exc:
        if command.mode == MODE_SELF_TEST:
            report = config_error_report(exc.message, paths)
            print(report.to_json() if command.json_output else report.to_text())
        else:
            _say(exc.message)
        return EXIT_CONFIG_ERROR

    redactor = SecretRedactor()
    log_file = setup_logging(LoggingConfig(
        log_dir=paths.log_dir, level=settings[schema.LOG_LEVEL], debug=command.debug,
        max_bytes=settings[schema.LOG_MAX_BYTES],
        backup_count=settings[schema.LOG_BACKUP_COUNT]), redactor)
    previous_crashes = collect_previous_crashes(paths.crash_dir)
    crash_handler = install_crash_handler(paths.crash_dir, redactor.redact)
    for report_path in previous_crashes:
        _log.warning("A previous run of Hatif crashed; its report is %s", report_path)
        _say(f"a previous run crashed; its crash report is {report_path}")
    _log.info("Hatif starting (%s); log file %s", command.mode, log_file)

    try:
        fallback = settings[schema.KEYRING_FALLBACK]
        if command.mode == MODE_PROVISION and command.provision_file is not None:
            fallback = keyring_fallback_for(command.provision_file, settings)
        secrets = SecretStore.open(
            fallback, paths.data_dir, os.environ,
            on_secret=redactor.add, passphrase_prompt=_prompt_passphrase)
        secrets.install_as_default()
        if not secrets.available and command.mode != MODE_PROVISION:
            # Provisioning says it itself, once, when the file carries a secret.
            _log.warning("%s", secrets.status.message)
        if command.mode == MODE_PROVISION:
            return _run_provision(command, paths, settings, secrets)
        if command.mode == MODE_SELF_TEST:
            return _run_self_test(command, paths, settings, secrets)
        return _run_gui(command, paths, settings, secrets, redactor, log_file,
                        previous_crashes)
    finally:
        crash_handler.close()


if __name__ == "__main__":
    sys.exit(main())
