"""``hatif --self-test`` says whom the softphone trusts over SIP/TLS, and the
registration check trusts exactly that: a private PBX certificate fails against
the system's CAs and passes once ``sip.tls_ca_file`` names its CA."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.app.desk_environment import Desk, make_desk
from tests.fixtures.sip_peers import KamailioLauncher, free_port


def _checks(stdout: str) -> dict[str, dict[str, Any]]:
    return {check["name"]: check for check in json.loads(stdout)["checks"]}


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_desk(tmp_path / "desk", keyring_file=tmp_path / "keyring.cfg")


def test_without_tls_the_line_says_so(desk: Desk) -> None:
    checks = _checks(desk.run("--self-test", "--json").stdout)
    assert checks["sip_tls"]["status"] == "skip"
    assert "sip.transport = udp" in checks["sip_tls"]["message"]


@pytest.mark.sip
def test_the_pbx_certificate_is_checked_against_the_configured_cas(
    desk: Desk, tmp_path: Path, kamailio: KamailioLauncher
) -> None:
    pbx = kamailio.start({"1001": "pass-1001"}, peer_port=free_port())
    provisioning = tmp_path / "desk.ini"
    provisioning.write_text(
        f"[sip]\nuser = 1001\nregistrar = 127.0.0.1:{pbx.tls_port}\ntransport = tls\n"
        "password = pass-1001\n"
    )
    assert desk.run("--provision", str(provisioning)).returncode == 0

    system = _checks(desk.run("--self-test", "--json").stdout)
    assert system["sip_tls"]["status"] == "pass"
    assert "system's CAs" in system["sip_tls"]["message"]
    assert system["sip"]["status"] == "fail", system["sip"]

    own = desk.run("--self-test", "--json", "--set", f"sip.tls_ca_file={pbx.ca_file}")
    checks = _checks(own.stdout)
    assert checks["sip_tls"]["status"] == "pass"
    assert f"CA file {pbx.ca_file}" in checks["sip_tls"]["message"]
    assert checks["sip"]["status"] == "pass", checks["sip"]

    missing = desk.run("--self-test", "--json", "--set", "sip.tls_ca_file=/nowhere/ca.pem")
    assert missing.returncode == 1
    assert _checks(missing.stdout)["sip_tls"]["status"] == "fail"
    assert "/nowhere/ca.pem does not exist" in _checks(missing.stdout)["sip_tls"]["message"]

    lab = _checks(
        desk.run("--self-test", "--json", "--set", "sip.tls_verify_server=false").stdout
    )
    assert lab["sip_tls"]["status"] == "warn"
    assert "NOT checked" in lab["sip_tls"]["message"]
    assert lab["sip"]["status"] == "pass", lab["sip"]
