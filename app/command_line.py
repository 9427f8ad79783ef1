"""The ``hatif`` command line: what to do (GUI, provision, self-test) and setting overrides."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import settings_schema as schema
from app.bundle_info import app_version
from app.settings_loader import CommandLineOverride

MODE_GUI = "gui"
MODE_PROVISION = "provision"
MODE_SELF_TEST = "self-test"


@dataclass(frozen=True)
class CommandLine:
    """The parsed command line."""

    mode: str
    overrides: tuple[CommandLineOverride, ...] = ()
    provision_file: Path | None = None
    config_file: Path | None = None
    json_output: bool = False
    call_target: str = ""
    debug: bool = False
    demo: bool = False
    wallboard: bool = False
    extra_qt_args: tuple[str, ...] = field(default_factory=tuple)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hatif",
        description="Hatif: softphone and order workspace for confirmation agents.",
        epilog="Settings: every setting can also come from the system-wide or user "
               "settings file, or an environment variable HATIF_<SECTION>_<KEY>. "
               "Known settings: " + ", ".join(s.name for s in schema.ALL_SETTINGS) + ".",
    )
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--provision", metavar="FILE", type=Path,
                         help="import a provisioning file (INI or JSON) into this user's "
                              "settings; secrets go to the OS keyring")
    actions.add_argument("--self-test", action="store_true",
                         help="check configuration, keyring, server, SIP, audio and exit "
                              "(0 ok, 1 a check failed, 2 configuration invalid)")
    actions.add_argument("--demo", action="store_true",
                         help="start a local demo server (SQLite, demo shop) and sign in "
                              "as a demo agent")
    actions.add_argument("--wallboard", action="store_true",
                         help="sign in as a team lead (or admin) and show only the team's "
                              "wallboard, full screen, for the big screen (Esc leaves full "
                              "screen, F11 returns)")
    parser.add_argument("--json", action="store_true",
                        help="with --self-test: print the report as JSON")
    parser.add_argument("--call", metavar="TARGET", default="",
                        help="with --self-test: place a real test call to TARGET (number, "
                             "extension or sip: URI), talk 2 s on the null audio device")
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="use FILE instead of the user settings file")
    parser.add_argument("--debug", action="store_true",
                        help="log everything (DEBUG) to the log file and the console")
    parser.add_argument("--server-url", metavar="URL", help="override server.url")
    parser.add_argument("--lang", choices=schema.UI_LANGUAGE.choices,
                        help="override ui.language")
    parser.add_argument("--log-level", choices=schema.LOG_LEVEL.choices,
                        help="override log.level")
    parser.add_argument("--set", metavar="NAME=VALUE", action="append", default=[],
                        dest="settings", help="override any setting, e.g. --set sip.user=1001")
    parser.add_argument("--version", action="version", version=f"hatif {app_version()}")
    return parser


def parse_command_line(argv: Sequence[str]) -> CommandLine:
    """Parse ``argv`` (without the program name); argparse exits 2 on a usage error."""
    parser = build_parser()
    # Qt's own options (-platform, -style ...) pass through to the application.
    args, unknown = parser.parse_known_args(list(argv))
    for item in unknown:
        if item.startswith("--"):
            parser.error(f"unrecognized argument: {item}")
    if args.json and not args.self_test:
        parser.error("--json goes with --self-test")
    if args.call and not args.self_test:
        parser.error("--call goes with --self-test")

    overrides: list[CommandLineOverride] = []
    if args.server_url is not None:
        overrides.append(CommandLineOverride(schema.SERVER_URL.name, args.server_url,
                                             "--server-url"))
    if args.lang is not None:
        overrides.append(CommandLineOverride(schema.UI_LANGUAGE.name, args.lang, "--lang"))
    if args.log_level is not None:
        overrides.append(CommandLineOverride(schema.LOG_LEVEL.name, args.log_level,
                                             "--log-level"))
    for item in args.settings:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--set expects NAME=VALUE, got {item!r}")
        overrides.append(CommandLineOverride(name.strip(), value, f"--set {name.strip()}"))

    mode = MODE_GUI
    if args.provision is not None:
        mode = MODE_PROVISION
    elif args.self_test:
        mode = MODE_SELF_TEST
    return CommandLine(
        mode=mode,
        overrides=tuple(overrides),
        provision_file=args.provision,
        config_file=args.config,
        json_output=args.json,
        call_target=args.call,
        debug=args.debug,
        demo=args.demo,
        wallboard=args.wallboard,
        extra_qt_args=tuple(unknown),
    )
