"""Settings: every source in its order, the source of each value, clear parse errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import settings_schema as schema
from app.app_paths import AppPaths
from app.settings_loader import (
    CommandLineOverride,
    SettingsFileError,
    load_settings,
    read_flat_file,
    write_settings_file,
)
from app.settings_schema import SettingValueError
from tests.app.desk_environment import make_desk


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_each_source_overrides_the_one_before_and_is_named(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    _write(paths.system_settings_file,
           "[server]\nurl = https://system.example\n[sip]\nuser = 100\ntransport = tcp\n"
           "registrar = pbx.system\n[log]\nlevel = warning\n")
    _write(paths.user_settings_file, "[sip]\nuser = 200\ntransport = tls\n[ui]\nlanguage = ar\n")
    env = {"HATIF_SIP_TRANSPORT": "udp", "HATIF_UI_LANGUAGE": "en",
           "HATIF_SOMETHING_ELSE": "ignored"}
    overrides = [CommandLineOverride("ui.language", "fr", "--lang")]

    settings = load_settings(paths, env, overrides)

    assert settings[schema.SERVER_URL] == "https://system.example"
    assert str(settings.source_of(schema.SERVER_URL)) == \
        f"system file {paths.system_settings_file}"
    assert settings[schema.SIP_USER] == "200"
    assert str(settings.source_of(schema.SIP_USER)) == f"user file {paths.user_settings_file}"
    assert settings[schema.SIP_TRANSPORT] == "udp"
    assert str(settings.source_of(schema.SIP_TRANSPORT)) == "environment HATIF_SIP_TRANSPORT"
    assert settings[schema.UI_LANGUAGE] == "fr"
    assert str(settings.source_of(schema.UI_LANGUAGE)) == "command line --lang"
    assert settings[schema.LOG_LEVEL] == "WARNING"  # choices are folded to their canonical case
    assert settings[schema.PHONE_DEFAULT_REGION] == "MA"
    assert str(settings.source_of(schema.PHONE_DEFAULT_REGION)) == "default"


def test_values_are_typed(tmp_path: Path) -> None:
    paths = AppPaths.for_current_user(config_file=tmp_path / "desk.json")
    paths = AppPaths(tmp_path / "no-system.ini", paths.user_settings_file,
                     tmp_path / "data", tmp_path / "log")
    _write(paths.user_settings_file, json.dumps(
        {"server": {"verify_tls": False, "timeout_seconds": "2.5"},
         "sip.local_port": 5070, "phone": {"default_region": "fr"}}))

    settings = load_settings(paths, {"HATIF_AUTH_STAY_SIGNED_IN": "yes"})

    assert settings[schema.SERVER_VERIFY_TLS] is False
    assert settings[schema.SERVER_TIMEOUT] == 2.5
    assert settings[schema.SIP_LOCAL_PORT] == 5070
    assert settings[schema.PHONE_DEFAULT_REGION] == "FR"
    assert settings[schema.AUTH_STAY_SIGNED_IN] is True


@pytest.mark.parametrize(("env", "expected"), [
    ({"HATIF_SIP_LOCAL_PORT": "five"},
     "Setting sip.local_port from environment HATIF_SIP_LOCAL_PORT: 'five' is not valid "
     "(not an integer); expected int."),
    ({"HATIF_SIP_LOCAL_PORT": "70000"}, "a port is between 0 and 65535"),
    ({"HATIF_SERVER_VERIFY_TLS": "maybe"}, "not a yes/no value"),
    ({"HATIF_SIP_TRANSPORT": "sctp"}, "expected one of udp, tcp, tls"),
    ({"HATIF_SERVER_URL": "hatif.example"}, "starts with http:// or https://"),
    ({"HATIF_PHONE_DEFAULT_REGION": "Morocco"}, "two-letter country code"),
])
def test_a_bad_value_names_setting_source_and_expectation(
        tmp_path: Path, env: dict[str, str], expected: str) -> None:
    with pytest.raises(SettingValueError) as caught:
        load_settings(AppPaths.under(tmp_path), env)
    assert expected in caught.value.message
    assert caught.value.code == "setting.invalid_value"


def test_bad_value_in_a_file_names_the_file(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    _write(paths.user_settings_file, "[log]\nmax_bytes = lots\n")
    with pytest.raises(SettingValueError, match=r"log\.max_bytes from user file .*settings\.ini"):
        load_settings(paths, {})


def test_a_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    _write(paths.user_settings_file, "url = no section header\n")
    with pytest.raises(SettingsFileError, match="is not a valid INI file"):
        load_settings(paths, {})
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('{"server": ', encoding="utf-8")
    with pytest.raises(SettingsFileError, match="is not valid JSON"):
        read_flat_file(broken_json)


def test_unknown_keys_in_files_are_reported_not_fatal(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    _write(paths.user_settings_file, "[sip]\nuser = 1\nregistar = typo\n")
    settings = load_settings(paths, {})
    assert settings[schema.SIP_USER] == "1"
    assert settings.warnings == (
        f"Unknown setting 'sip.registar' in user file {paths.user_settings_file} was ignored.",)


def test_an_unknown_setting_on_the_command_line_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingValueError, match=r"Unknown setting 'sip\.passwd'"):
        load_settings(AppPaths.under(tmp_path), {},
                      [CommandLineOverride("sip.passwd", "x", "--set sip.passwd")])


def test_written_file_reads_back_and_keeps_other_values(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    _write(paths.user_settings_file, "[ui]\nlanguage = ar\n")
    write_settings_file(paths.user_settings_file,
                        {schema.SIP_USER: "1001", schema.SERVER_VERIFY_TLS: False})
    settings = load_settings(paths, {})
    assert settings[schema.UI_LANGUAGE] == "ar"
    assert settings[schema.SIP_USER] == "1001"
    assert settings[schema.SERVER_VERIFY_TLS] is False

    json_file = tmp_path / "desk.json"
    write_settings_file(json_file, {schema.SIP_USER: "7"})
    assert json.loads(json_file.read_text()) == {"sip": {"user": "7"}}


def test_every_setting_has_a_description_and_a_parsable_default() -> None:
    for setting in schema.ALL_SETTINGS:
        assert setting.description
        assert setting.parse(setting.to_text(setting.default), "test") == setting.default


def test_self_test_shows_each_effective_value_with_its_source(
        tmp_path: Path, file_keyring: object) -> None:
    desk = make_desk(tmp_path, keyring_file=tmp_path / "keyring.cfg")
    _write(desk.paths.system_settings_file, "[sip]\nuser = 100\ndisplay_name = Desk\n")
    _write(desk.paths.user_settings_file, "[sip]\nuser = 200\n")
    config = tmp_path / "other.ini"
    _write(config, "[ui]\nlanguage = ar\n")

    result = desk.run("--self-test", "--json", "--lang", "en", "--set", "log.level=debug",
                      extra_env={"HATIF_DIAL_OUTSIDE_PREFIX": "0"})
    report = json.loads(result.stdout)
    rows = {row["name"]: row for row in report["checks"][0]["details"]["settings"]}
    assert rows["sip.display_name"]["source"] == f"system file {desk.paths.system_settings_file}"
    assert rows["sip.user"] == {"name": "sip.user", "value": "200", "default": "",
                                "source": f"user file {desk.paths.user_settings_file}"}
    assert rows["dial.outside_prefix"]["source"] == "environment HATIF_DIAL_OUTSIDE_PREFIX"
    assert (rows["ui.language"]["value"], rows["ui.language"]["source"]) == \
        ("en", "command line --lang")
    assert rows["log.level"]["value"] == "DEBUG"

    with_config = desk.run("--self-test", "--json", "--config", str(config))
    rows = {row["name"]: row
            for row in json.loads(with_config.stdout)["checks"][0]["details"]["settings"]}
    assert (rows["ui.language"]["value"], rows["ui.language"]["source"]) == \
        ("ar", f"user file {config}")
    assert rows["sip.user"]["value"] == "100"  # the normal user file is not read with --config
