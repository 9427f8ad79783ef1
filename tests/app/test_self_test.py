"""``hatif --self-test``: JSON report and exit codes against a real server, registrar and callee."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from server.version import server_version
from tests.app.desk_environment import Desk, make_desk
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import KamailioLauncher, SippLauncher


def _checks(stdout: str) -> dict[str, dict[str, Any]]:
    return {check["name"]: check for check in json.loads(stdout)["checks"]}


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")


def test_reachable_server_and_its_version(
        desk: Desk, sqlite_url: str,
        server_process_factory: Callable[..., RunningServer]) -> None:
    server = server_process_factory(sqlite_url)

    result = desk.run("--self-test", "--json", "--server-url", server.base_url)

    checks = _checks(result.stdout)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["ok"] is True
    assert checks["server"]["status"] == "pass"
    assert checks["server"]["details"]["version"] == server_version()
    assert checks["server"]["details"]["http_status"] == 200
    assert checks["configuration"]["status"] == "pass"
    assert checks["bundle"]["details"]["frozen"] is False
    assert checks["sip"]["status"] == "skip"
    assert checks["call"]["status"] == "skip"
    assert checks["audio"]["status"] in ("pass", "warn")

    elsewhere = desk.run("--self-test", "--json", "--server-url", server.base_url + "/nothing")
    assert elsewhere.returncode == 1
    assert "not Hatif's health" in _checks(elsewhere.stdout)["server"]["message"]

    server.stop()
    down = desk.run("--self-test", "--json", "--server-url", server.base_url)
    assert down.returncode == 1
    assert _checks(down.stdout)["server"]["status"] == "fail"
    assert "unreachable" in _checks(down.stdout)["server"]["message"]

    text = desk.run("--self-test", "--server-url", server.base_url)
    assert "FAIL  server" in text.stdout and "Self-test FAILED." in text.stdout


def test_invalid_configuration_exits_2_with_a_json_report(desk: Desk) -> None:
    desk.paths.user_settings_file.parent.mkdir(parents=True)
    desk.paths.user_settings_file.write_text("[sip]\ntransport = pigeon\n")
    result = desk.run("--self-test", "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["exit_code"] == 2
    assert report["checks"][0]["status"] == "fail"
    assert "sip.transport" in report["checks"][0]["message"]


@pytest.mark.sip
def test_sip_registration_is_checked_against_a_real_registrar(
        desk: Desk, tmp_path: Path, kamailio: KamailioLauncher) -> None:
    registrar = kamailio.start({"1001": "good-pass-1001"}, peer_port=9)
    provisioning = tmp_path / "desk.ini"
    provisioning.write_text(f"[sip]\nuser = 1001\nregistrar = {registrar.domain}\n"
                            "password = good-pass-1001\n")
    assert desk.run("--provision", str(provisioning)).returncode == 0

    good = desk.run("--self-test", "--json")
    checks = _checks(good.stdout)
    assert checks["sip"]["status"] == "pass", checks["sip"]
    assert checks["sip"]["details"]["sip_code"] == 200

    provisioning.write_text("[sip]\npassword = wrong-pass\n")
    assert desk.run("--provision", str(provisioning)).returncode == 0
    bad = desk.run("--self-test", "--json")
    assert bad.returncode == 1
    assert _checks(bad.stdout)["sip"]["status"] == "fail"
    assert "refused the user name or password" in _checks(bad.stdout)["sip"]["message"]
    assert "wrong-pass" not in bad.stdout + desk.log_text()


@pytest.mark.sip
def test_a_real_test_call_to_sipp(desk: Desk, sipp: SippLauncher) -> None:
    callee = sipp.start("uas_answer_agent_hangup", {"RING_MS": 200})

    result = desk.run("--self-test", "--json", "--call", callee.uri("echo"), timeout=90)

    call = _checks(result.stdout)["call"]
    assert call["status"] == "pass", call
    assert call["details"]["outcome"] == "answered"
    assert call["details"]["talk_seconds"] >= 1.5
    assert callee.wait(20) == 0, callee.errors()
