"""Secrets in a real Secret Service (gnome-keyring unlocked in its own D-Bus session).

The source install here; tests/app/test_bundle.py runs the same round trip with the
frozen bundle, whose link-walk once dropped the extension module secretstorage needs.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.desk_environment import Desk, make_desk
from tests.fixtures.secret_service import keyring_files, with_secret_service

SIP_SECRET = "pw-secret-service-17"


def provision_and_read_back(desk: Desk, tmp_path: Path) -> None:
    """Provision a SIP password in one session, find it from the next: what a desk
    does across a logout. Asserts what IT reads on the console and in the self-test."""
    source = tmp_path / "desk.ini"
    source.write_text(f"[sip]\nuser = 1001\ndomain = pbx.lan\npassword = {SIP_SECRET}\n")

    provisioned = desk.run("--provision", str(source), timeout=120)
    checked = desk.run("--self-test", "--json", timeout=120)

    assert provisioned.returncode == 0, provisioned.stdout + provisioned.stderr[-3000:]
    assert ("Stored in the OS keyring (Secret Service): SIP password (1001@pbx.lan)"
            in provisioned.stdout), provisioned.stdout
    assert "No OS keyring" not in provisioned.stderr
    assert keyring_files(desk), "gnome-keyring wrote no keyring file"
    for path in desk.files_on_disk():
        assert SIP_SECRET.encode() not in path.read_bytes(), path
    keyring_check = next(c for c in json.loads(checked.stdout)["checks"]
                         if c["name"] == "keyring")
    assert keyring_check["details"]["origin"] == "os", keyring_check
    assert keyring_check["details"]["sip_password_stored"] is True, keyring_check
    assert keyring_check["status"] == "pass", keyring_check


def test_source_install_stores_the_sip_password_in_the_secret_service(tmp_path: Path) -> None:
    desk = with_secret_service(make_desk(tmp_path / "desk", keyring_file=None))
    provision_and_read_back(desk, tmp_path)
