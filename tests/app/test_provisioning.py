"""``hatif --provision FILE``: settings saved, secrets only in the keyring, typos refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from app import settings_schema as schema
from app.app_paths import AppPaths
from app.provisioning import ProvisioningError, provision
from app.secret_store import SecretStore, api_token_key, sip_password_key
from app.settings_loader import load_settings
from tests.app.desk_environment import make_desk, session_keyring_restored  # noqa: F401 (fixture)

# Whatever a test stores in the session keyring is gone before the next test.
pytestmark = pytest.mark.usefixtures("session_keyring_restored")

SIP_SECRET = "Sip-Secret-4471"
TOKEN_SECRET = "tok_9f8e7d6c5b4a3210"


def _provisioning_json(tmp_path: Path) -> Path:
    path = tmp_path / "desk-1001.json"
    path.write_text(json.dumps({
        "server": {"url": "https://hatif.example.ma", "api_token": TOKEN_SECRET},
        "sip": {"registrar": "pbx.example.ma:5060", "transport": "tcp", "user": "1001",
                "display_name": "Agent 1001", "password": SIP_SECRET},
        "auth": {"username": "agent1"},
        "dial": {"outside_prefix": "0", "number_format": "national"},
        "ui": {"language": "ar"},
        "phone": {"default_region": "MA"},
        "log": {"level": "debug"},
    }), encoding="utf-8")
    return path


def _no_secret_in(files: list[Path], skip: set[Path]) -> None:
    assert files, "the desk wrote no file at all"
    for path in files:
        if path in skip:
            continue
        data = path.read_bytes()
        for secret in (SIP_SECRET, TOKEN_SECRET):
            assert secret.encode() not in data, f"{secret} found in {path}"


def test_provision_command_puts_secrets_in_the_keyring_and_nowhere_on_disk(
        tmp_path: Path) -> None:
    keyring_file = tmp_path / "os-keyring.cfg"
    desk = make_desk(tmp_path / "desk", keyring_file=keyring_file)
    source = _provisioning_json(tmp_path)

    result = desk.run("--debug", "--provision", str(source))

    assert result.returncode == 0, result.stderr
    assert ("Stored in the keyring chosen by keyring's configuration (keyrings.alt.file."
            "PlaintextKeyring): SIP password (1001@pbx.example.ma:5060)") in result.stdout
    assert "holds secrets in clear: delete it now" in result.stdout
    saved = desk.paths.user_settings_file.read_text()
    assert "[sip]" in saved and "user = 1001" in saved and "password" not in saved
    # The keyring (a file here, standing for the OS keyring) holds both secrets.
    backend = PlaintextKeyring()
    backend.file_path = str(keyring_file)  # type: ignore[misc]
    assert backend.get_password("hatif-sip", "1001@pbx.example.ma:5060") == SIP_SECRET
    assert backend.get_password(
        "hatif", "api_token:agent1@https://hatif.example.ma") == TOKEN_SECRET
    # Every file the run wrote, debug log included, is free of both secrets.
    assert desk.log_text()
    _no_secret_in(desk.files_on_disk(), skip=set())
    # And the next start sees the provisioned values, from the user file.
    check = desk.run("--self-test", "--json")
    rows = {row["name"]: row
            for row in json.loads(check.stdout)["checks"][0]["details"]["settings"]}
    assert rows["sip.transport"]["value"] == "tcp"
    assert rows["ui.language"]["source"] == f"user file {desk.paths.user_settings_file}"
    keyring_check = json.loads(check.stdout)["checks"][1]
    assert keyring_check["details"]["sip_password_stored"] is True


def test_encrypted_file_fallback_keeps_every_byte_on_disk_secret_free(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=None)
    source = _provisioning_json(tmp_path)
    env = {"HATIF_KEYRING_FALLBACK": "encrypted_file",
           "HATIF_KEYRING_PASSPHRASE": "correct horse battery staple"}

    result = desk.run("--provision", str(source), extra_env=env)

    assert result.returncode == 0, result.stderr
    encrypted = desk.paths.data_dir / "keyring-encrypted.cfg"
    assert encrypted.is_file()
    _no_secret_in(desk.files_on_disk(), skip=set())  # the encrypted keyring included
    check = desk.run("--self-test", "--json", extra_env=env)
    keyring_check = json.loads(check.stdout)["checks"][1]
    assert keyring_check["details"]["origin"] == "encrypted_file_fallback"
    assert keyring_check["details"]["sip_password_stored"] is True

    wrong = desk.run("--self-test", "--json",
                     extra_env={**env, "HATIF_KEYRING_PASSPHRASE": "wrong"})
    assert "does not open" in wrong.stdout + wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_an_unknown_key_is_refused_and_nothing_is_written(
        tmp_path: Path, file_keyring: PlaintextKeyring) -> None:
    paths = AppPaths.under(tmp_path)
    source = tmp_path / "desk.ini"
    source.write_text("[sip]\nuser = 1001\nregistar = pbx\npassword = x1x2x3\n", encoding="utf-8")
    store = SecretStore.open("none", paths.data_dir, {"PYTHON_KEYRING_BACKEND": "explicit"})
    keyring_file = Path(file_keyring.file_path)
    keyring_before = keyring_file.read_bytes() if keyring_file.exists() else None

    with pytest.raises(ProvisioningError) as caught:
        provision(source, paths.user_settings_file, load_settings(paths, {}), store)

    assert caught.value.code == "provisioning.unknown_keys"
    assert "sip.registar" in caught.value.message
    assert not paths.user_settings_file.exists()
    assert file_keyring.get_password("hatif-sip", "1001@pbx") is None
    # Nothing at all was stored: the keyring file is as the test found it.
    assert (keyring_file.read_bytes() if keyring_file.exists() else None) == keyring_before


def test_ini_file_with_a_bad_value_names_the_file(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    source = tmp_path / "desk.ini"
    source.write_text("[sip]\nlocal_port = many\n", encoding="utf-8")
    store = SecretStore.open("none", paths.data_dir, {"PYTHON_KEYRING_BACKEND": "explicit"})
    with pytest.raises(ValueError, match=rf"sip\.local_port from provisioning file {source}"):
        provision(source, paths.user_settings_file, load_settings(paths, {}), store)
    assert not paths.user_settings_file.exists()


def test_a_sip_password_needs_an_account(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    source = tmp_path / "desk.ini"
    source.write_text("[sip]\npassword = lonely-secret\n", encoding="utf-8")
    store = SecretStore.open("none", paths.data_dir, {"PYTHON_KEYRING_BACKEND": "explicit"})
    with pytest.raises(ProvisioningError, match=r"sip\.password needs sip\.user"):
        provision(source, paths.user_settings_file, load_settings(paths, {}), store)


def test_in_process_provisioning_uses_the_current_account(
        tmp_path: Path, file_keyring: PlaintextKeyring) -> None:
    paths = AppPaths.under(tmp_path)
    paths.user_settings_file.parent.mkdir(parents=True)
    paths.user_settings_file.write_text("[sip]\nuser = 2002\ndomain = pbx.lan\n"
                                        "[server]\nurl = http://srv\n[auth]\nusername = lead\n")
    source = tmp_path / "secrets-only.ini"
    source.write_text("[sip]\npassword = pw-2002\n[server]\napi_token = tk-2002\n")
    store = SecretStore.open("none", paths.data_dir, {"PYTHON_KEYRING_BACKEND": "explicit"})

    result = provision(source, paths.user_settings_file, load_settings(paths, {}), store)

    assert result.settings_written == []
    assert store.get(sip_password_key("2002", "pbx.lan")) == "pw-2002"
    assert store.get(api_token_key("http://srv", "lead")) == "tk-2002"
    assert "pw-2002" not in paths.user_settings_file.read_text()
    assert load_settings(paths, {})[schema.SIP_USER] == "2002"
