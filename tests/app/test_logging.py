"""Logs: rotating files in the log directory, --debug, and never a secret in them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from app.logging_setup import LoggingConfig, SecretRedactor, setup_logging
from app.secret_store import SecretStore, sip_password_key
from tests.app.desk_environment import session_keyring_restored  # noqa: F401 (fixture)

# Whatever a test stores in the session keyring is gone before the next test.
pytestmark = pytest.mark.usefixtures("session_keyring_restored")

SECRET = "Zq7-hunter2-Xk"


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_secret_never_reaches_the_log_file(
        tmp_path: Path, file_keyring: PlaintextKeyring, restore_root_logger: None) -> None:
    redactor = SecretRedactor()
    log_file = setup_logging(LoggingConfig(tmp_path / "log", debug=True, console=False),
                             redactor)
    store = SecretStore.open("none", tmp_path, {"PYTHON_KEYRING_BACKEND": "explicit"},
                             on_secret=redactor.add)
    store.set(sip_password_key("1001", "pbx"), SECRET)
    log = logging.getLogger("hatif.test")

    log.info("Registering 1001 with %s", SECRET)
    log.debug("request body %s", {"username": "agent1", "password": "typed-pass-1"})
    log.warning("GET /api?token=abc123def&x=1 Authorization: Bearer eyJhbGciOi.J9")
    try:
        raise RuntimeError(f"pjsua2 refused password {SECRET}")
    except RuntimeError:
        log.exception("Registration failed")
    log.info("secret-looking pair in INI style: api_token = tk_live_42")

    text = log_file.read_text()
    assert "Registering 1001 with ***" in text
    assert "Registration failed" in text and "RuntimeError" in text
    for leaked in (SECRET, "typed-pass-1", "abc123def", "eyJhbGciOi", "tk_live_42"):
        assert leaked not in text


def test_info_level_hides_debug_and_debug_shows_it(
        tmp_path: Path, restore_root_logger: None) -> None:
    redactor = SecretRedactor()
    quiet = setup_logging(LoggingConfig(tmp_path / "quiet", level="INFO", console=False),
                          redactor)
    logging.getLogger("hatif.test").debug("detail only for --debug")
    logging.getLogger("hatif.test").info("normal line")
    loud = setup_logging(LoggingConfig(tmp_path / "loud", level="INFO", debug=True,
                                       console=False), redactor)
    logging.getLogger("hatif.test").debug("detail only for --debug")

    assert "normal line" in quiet.read_text()
    assert "detail only for --debug" not in quiet.read_text()
    assert "detail only for --debug" in loud.read_text()


def test_log_files_rotate(tmp_path: Path, restore_root_logger: None) -> None:
    log_file = setup_logging(LoggingConfig(tmp_path, max_bytes=2000, backup_count=2,
                                           console=False), SecretRedactor())
    for number in range(200):
        logging.getLogger("hatif.test").info("line %03d %s", number, "x" * 40)
    files = sorted(p.name for p in tmp_path.glob("hatif.log*"))
    assert files == ["hatif.log", "hatif.log.1", "hatif.log.2"]
    assert "line 199" in log_file.read_text()
