"""The ``hatif`` command line: modes, setting overrides, usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.command_line import (
    MODE_GUI,
    MODE_PROVISION,
    MODE_SELF_TEST,
    parse_command_line,
)
from app.settings_loader import CommandLineOverride
from tests.app.desk_environment import make_desk


def test_plain_launch_opens_the_window() -> None:
    command = parse_command_line([])
    assert command.mode == MODE_GUI
    assert not command.demo and not command.debug and command.overrides == ()


def test_modes_and_flags() -> None:
    assert parse_command_line(["--provision", "desk.ini"]).provision_file == Path("desk.ini")
    assert parse_command_line(["--provision", "desk.ini"]).mode == MODE_PROVISION
    self_test = parse_command_line(["--self-test", "--json", "--debug", "--config", "x.ini"])
    assert (self_test.mode, self_test.json_output, self_test.debug, self_test.config_file) == \
        (MODE_SELF_TEST, True, True, Path("x.ini"))
    assert parse_command_line(["--demo"]).demo


def test_setting_flags_become_named_overrides() -> None:
    command = parse_command_line(["--server-url", "http://h:8", "--lang", "ar",
                                  "--log-level", "DEBUG", "--set", "sip.user=1001",
                                  "--set", "dial.outside_prefix="])
    assert command.overrides == (
        CommandLineOverride("server.url", "http://h:8", "--server-url"),
        CommandLineOverride("ui.language", "ar", "--lang"),
        CommandLineOverride("log.level", "DEBUG", "--log-level"),
        CommandLineOverride("sip.user", "1001", "--set sip.user"),
        CommandLineOverride("dial.outside_prefix", "", "--set dial.outside_prefix"),
    )


def test_qt_options_pass_through() -> None:
    assert parse_command_line(["-platform", "offscreen"]).extra_qt_args == \
        ("-platform", "offscreen")


@pytest.mark.parametrize(("argv", "message"), [
    (["--json"], "--json goes with --self-test"),
    (["--set", "sip.user"], "--set expects NAME=VALUE"),
    (["--lang", "de"], "invalid choice: 'de'"),
    (["--self-test", "--provision", "x"], "not allowed with argument"),
    (["--no-such-flag"], "unrecognized argument: --no-such-flag"),
])
def test_usage_errors_exit_2_with_a_message(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        parse_command_line(argv)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_bad_setting_on_the_real_command_exits_2_without_traceback(tmp_path: Path) -> None:
    desk = make_desk(tmp_path, keyring_file=tmp_path / "keyring.cfg")
    result = desk.run("--set", "sip.transport=carrier-pigeon")
    assert result.returncode == 2
    assert "hatif: Setting sip.transport from command line --set sip.transport: " \
           "'carrier-pigeon' is not valid" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_flag(tmp_path: Path) -> None:
    result = make_desk(tmp_path, keyring_file=None).run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("hatif ")
