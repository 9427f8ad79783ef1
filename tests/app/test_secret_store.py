"""The keyring: secrets round-trip, and a desk without a keyring gets words, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from app.secret_store import (
    SIP_KEYRING_SERVICE,
    KeyringUnavailableError,
    SecretStore,
    api_token_key,
    sip_password_key,
)
from telephony.sip_credentials import KEYRING_SERVICE, read_sip_password
from tests.app.desk_environment import (  # noqa: F401 (fixture)
    REPO_ROOT,
    make_desk,
    session_keyring_restored,
)

# Whatever a test stores in the session keyring is gone before the next test.
pytestmark = pytest.mark.usefixtures("session_keyring_restored")

EXPLICIT = {"PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}


def test_secrets_round_trip_and_are_handed_to_the_redactor(
        tmp_path: Path, file_keyring: PlaintextKeyring) -> None:
    seen: list[str] = []
    store = SecretStore.open("none", tmp_path, EXPLICIT, on_secret=seen.append)
    key = api_token_key("https://srv.example/", "agent7")

    store.set(key, "token-value-1")
    assert store.get(key) == "token-value-1"
    assert file_keyring.get_password("hatif", "api_token:agent7@https://srv.example") \
        == "token-value-1"
    store.delete(key)
    store.delete(key)  # deleting twice is harmless
    assert store.get(key) is None
    assert seen == ["token-value-1", "token-value-1"]
    assert store.status.origin == "explicit"
    assert store.status.insecure  # the plaintext test backend is flagged as such


def test_the_sip_password_lands_where_telephony_reads_it(
        tmp_path: Path, file_keyring: PlaintextKeyring) -> None:
    assert SIP_KEYRING_SERVICE == KEYRING_SERVICE
    store = SecretStore.open("none", tmp_path, EXPLICIT)
    store.set(sip_password_key("1001", "pbx.lan"), "sip-pass-1")
    assert read_sip_password("1001", "pbx.lan") == "sip-pass-1"


def test_without_a_keyring_every_operation_explains_the_way_out(tmp_path: Path) -> None:
    store = SecretStore(None, SecretStore.open("none", tmp_path, {}).status)
    if SecretStore.open("none", tmp_path, {}).available:
        pytest.skip("this machine has an OS keyring")
    with pytest.raises(KeyringUnavailableError) as caught:
        store.get(api_token_key("http://x", "a"))
    assert caught.value.code == "keyring.unavailable"
    assert "keyring.fallback = encrypted_file" in caught.value.message
    assert "docs/it-guide.md" in caught.value.message


def test_automatic_detection_never_picks_a_plaintext_file(tmp_path: Path) -> None:
    # keyrings.alt is installed, so keyring itself would fall back to its files here.
    store = SecretStore.open("none", tmp_path, {})
    assert "keyrings.alt" not in store.status.backend
    previous = keyring.get_keyring()
    try:
        store.install_as_default()
        if not store.available:
            with pytest.raises(keyring.errors.KeyringError):
                keyring.set_password("probe", "probe", "value")
    finally:
        keyring.set_keyring(previous)


def test_encrypted_fallback_needs_the_admins_passphrase(tmp_path: Path) -> None:
    missing = SecretStore.open("encrypted_file", tmp_path, {})
    if missing.status.origin == "os":
        pytest.skip("this machine has an OS keyring")
    assert not missing.available
    assert "HATIF_KEYRING_PASSPHRASE is not set" in missing.status.message

    store = SecretStore.open("encrypted_file", tmp_path, {"HATIF_KEYRING_PASSPHRASE": "pp-1"})
    store.set(sip_password_key("1", "d"), "enc-secret-77")
    reopened = SecretStore.open("encrypted_file", tmp_path,
                                {"HATIF_KEYRING_PASSPHRASE": "pp-1"})
    assert reopened.get(sip_password_key("1", "d")) == "enc-secret-77"
    assert b"enc-secret-77" not in (tmp_path / "keyring-encrypted.cfg").read_bytes()
    wrong = SecretStore.open("encrypted_file", tmp_path, {"HATIF_KEYRING_PASSPHRASE": "nope"})
    with pytest.raises(KeyringUnavailableError, match="does not open"):
        wrong.get(sip_password_key("1", "d"))


_WRONG_PASSPHRASE_SCRIPT = """
import sys
from pathlib import Path
from app.secret_store import KeyringUnavailableError, SecretStore, sip_password_key

folder, key = Path(sys.argv[1]), sip_password_key("1", "d")
SecretStore.open("encrypted_file", folder, {"HATIF_KEYRING_PASSPHRASE": "pp-1"}).set(key, "s-9")
for attempt in range(8):
    wrong = SecretStore.open("encrypted_file", folder, {"HATIF_KEYRING_PASSPHRASE": f"x{attempt}"})
    try:
        print("read", wrong.get(key))
    except KeyringUnavailableError as exc:
        print(exc.code)
"""


def test_wrong_passphrase_is_refused_without_asserts(tmp_path: Path) -> None:
    """The bundle runs at -OO (build.spec), where keyrings.alt's own assert-based
    passphrase check is gone: every wrong passphrase is still refused."""
    if SecretStore.open("encrypted_file", tmp_path, {}).status.origin == "os":
        pytest.skip("this machine has an OS keyring")
    result = subprocess.run(
        [sys.executable, "-OO", "-c", _WRONG_PASSPHRASE_SCRIPT, str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["keyring.wrong_passphrase"] * 8


def test_headless_desk_without_keyring_gets_a_clear_message(tmp_path: Path) -> None:
    desk = make_desk(tmp_path / "desk", keyring_file=None)
    source = tmp_path / "desk.ini"
    source.write_text("[sip]\nuser = 1001\ndomain = pbx\npassword = pw-headless\n")

    provisioned = desk.run("--provision", str(source))
    self_test = desk.run("--self-test", "--json")

    assert provisioned.returncode == 1
    assert "No OS keyring is available on this desk" in provisioned.stderr
    assert "Traceback" not in provisioned.stderr
    assert not desk.paths.user_settings_file.exists()
    report = json.loads(self_test.stdout)
    keyring_check = next(c for c in report["checks"] if c["name"] == "keyring")
    assert keyring_check["status"] == "fail"
    assert "keyring.fallback = encrypted_file" in keyring_check["message"]
    assert self_test.returncode == 1
