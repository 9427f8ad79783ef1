"""The sip.* settings a PBX needs (realm, registration interval, keep-alive, media
address), from the settings file to pjsua2 and, for the registration, to Kamailio."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app import settings_schema as schema
from app.settings_loader import EffectiveSettings, SettingSource, load_settings
from app.sip_account_config import sip_account_from_settings
from telephony.pjsua_setup import account_config
from telephony.sip_engine_settings import SipEngineSettings
from tests.app.desk_environment import Desk, make_desk
from tests.fixtures.sip_peers import KamailioLauncher

PASSWORD = "pbx-pass-1001"


def _sip(desk: Desk) -> dict[str, Any]:
    result = desk.run("--self-test", "--json", timeout=120)
    return next(c for c in json.loads(result.stdout)["checks"] if c["name"] == "sip")


def _provision(desk: Desk, tmp_path: Path, registrar: str, extra: str) -> None:
    source = tmp_path / "desk.ini"
    source.write_text(f"[sip]\nuser = 1001\nregistrar = {registrar}\npassword = {PASSWORD}\n"
                      + extra)
    result = desk.run("--provision", str(source))
    assert result.returncode == 0, result.stderr


@pytest.mark.sip
def test_realm_and_registration_interval_reach_kamailio(
        tmp_path: Path, kamailio: KamailioLauncher) -> None:
    registrar = kamailio.start({"1001": PASSWORD}, peer_port=9)
    desk = make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")
    # Kamailio challenges with the To domain as its realm (www_challenge("$td")).
    _provision(desk, tmp_path, registrar.domain,
               "realm = 127.0.0.1\nregistration_interval_seconds = 120\n")

    registered = _sip(desk)

    assert registered["status"] == "pass", registered
    assert registered["details"]["expires_s"] == 120  # what Kamailio granted

    # A password for another realm is not offered to this registrar: refused.
    _provision(desk, tmp_path, registrar.domain, "realm = pbx.elsewhere.example\n")
    refused = _sip(desk)
    assert refused["status"] == "fail", refused


def _settings(tmp_path: Path, **values: object) -> EffectiveSettings:
    settings = load_settings(make_desk(tmp_path / "desk", keyring_file=None).paths, {})
    source = SettingSource("test", "test")
    settings = settings.replaced(schema.SIP_USER, "1001", source)
    settings = settings.replaced(schema.SIP_REGISTRAR, "pbx.example.ma", source)
    for name, value in values.items():
        setting = schema.lookup(name)
        assert setting is not None
        settings = settings.replaced(setting, setting.parse(str(value), "test"), source)
    return settings


def test_keepalive_and_media_address_reach_pjsua2(tmp_path: Path) -> None:
    account = sip_account_from_settings(_settings(tmp_path, **{
        "sip.keepalive_seconds": 25, "sip.media_address": "10.8.0.12"}))

    config = account_config(account, "pw", SipEngineSettings())

    assert config.natConfig.udpKaIntervalSec == 25
    assert config.mediaConfig.transportConfig.publicAddress == "10.8.0.12"


def test_defaults_and_limits(tmp_path: Path) -> None:
    account = sip_account_from_settings(_settings(tmp_path))
    assert (account.realm, account.keepalive_s, account.registration_timeout_s,
            account.media_address) == ("*", 15, 300, "")
    assert sip_account_from_settings(
        _settings(tmp_path, **{"sip.keepalive_seconds": 0})).keepalive_s == 0
    with pytest.raises(ValueError):
        schema.SIP_REGISTRATION_INTERVAL.parse("10", "test")
