"""Secrets (SIP password, API token) in the OS keyring, and nowhere else.

Which keyring:

1. The one the admin named explicitly, through keyring's own configuration
   (``PYTHON_KEYRING_BACKEND`` or keyring's ``keyringrc.cfg``).
2. Otherwise the OS keyring: Windows Credential Locker, macOS Keychain, Secret
   Service / KWallet on Linux. keyrings.alt's file backends are *not* taken
   by automatic detection, even though they are installed: keyring would
   otherwise silently store secrets in a plaintext file on a headless desk.
3. Otherwise, only if the admin opted in with ``keyring.fallback =
   encrypted_file``: an encrypted file (keyrings.alt, AES) in the user's data
   directory, unlocked with a passphrase from ``HATIF_KEYRING_PASSPHRASE`` or
   asked by the caller's prompt.
4. Otherwise no keyring: every operation raises :class:`KeyringUnavailableError`
   whose message explains the two ways out (docs/it-guide.md, "Keyring").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import keyring.errors
from Crypto.Hash import SHA256
from keyring.backends import chainer, fail, null
from keyrings.alt.file import EncryptedKeyring

SERVICE = "hatif"
# Where telephony.sip_credentials reads the SIP password (kept equal by a test; not
# imported, because ui reaches this module through AppContext and ui may not
# depend on telephony, not even indirectly).
SIP_KEYRING_SERVICE = "hatif-sip"
PASSPHRASE_ENV = "HATIF_KEYRING_PASSPHRASE"
ENCRYPTED_FILE_NAME = "keyring-encrypted.cfg"
_KDF_ROUNDS = 600_000

NO_KEYRING_MESSAGE = (
    "No OS keyring is available on this desk, so Hatif cannot store the SIP password "
    "or the sign-in token. Either start a keyring service in the user's session "
    "(Secret Service such as gnome-keyring, or KWallet), or let IT opt in to an "
    "encrypted file: set keyring.fallback = encrypted_file in the settings and "
    f"{PASSPHRASE_ENV} in the environment. See docs/it-guide.md, section Keyring."
)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SecretKey:
    """Where one secret lives in the keyring (service + account) and what to call it."""

    service: str
    account: str
    label: str


def sip_password_key(user: str, domain: str) -> SecretKey:
    """The SIP password, where telephony.sip_credentials reads it."""
    return SecretKey(SIP_KEYRING_SERVICE, f"{user}@{domain}", "SIP password")


def api_token_key(server_url: str, username: str) -> SecretKey:
    """The API token of ``username`` on ``server_url`` ("stay signed in")."""
    return SecretKey(SERVICE, f"api_token:{username}@{server_url.rstrip('/')}", "API token")


class KeyringUnavailableError(RuntimeError):
    """No usable keyring, or the keyring refused the operation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class KeyringStatus:
    """What the self-test shows about the keyring."""

    available: bool
    backend: str
    origin: str  # explicit | os | encrypted_file_fallback | none
    message: str
    # Where a stored secret goes, in words for IT ("the OS keyring (Secret Service)",
    # "the encrypted file /home/…/keyring-encrypted.cfg"); empty without a keyring.
    location: str = ""

    @property
    def insecure(self) -> bool:
        return "Plaintext" in self.backend


class _PassphraseEncryptedKeyring(EncryptedKeyring):
    """keyrings.alt's encrypted file, unlocked with a given passphrase instead of getpass."""

    def __init__(self, file_path: Path, passphrase: str) -> None:
        super().__init__()
        self._file = file_path
        self._passphrase = passphrase

    @property
    def file_path(self) -> str:  # type: ignore[override]
        return str(self._file)

    @file_path.setter
    def file_path(self, _value: str) -> None:
        """Ignored: KEYRING_PROPERTY_FILE_PATH belongs to an explicitly chosen backend."""

    def _get_new_password(self) -> str:
        return self._passphrase

    def _create_cipher(self, password: str, salt: bytes, IV: bytes) -> object:
        # keyrings.alt's default (1000 rounds of PBKDF2-HMAC-SHA1) is weak for a file
        # that may be copied off the desk; this file is only ever read by Hatif.
        key = self.KDF.PBKDF2(password, salt, dkLen=self.block_size, count=_KDF_ROUNDS,
                              hmac_hash_module=SHA256)
        return self.AES.new(key[: self.block_size], self.AES.MODE_CFB, IV)

    def _unlock(self) -> None:
        # keyrings.alt checks the passphrase with `assert`, which the bundle's -OO
        # bytecode drops (build.spec): the check here is explicit. Under -OO a wrong key
        # decrypts to bytes that fail UTF-8 (ValueError) or do not match the reference.
        self.keyring_key = self._passphrase
        try:
            reference = self.get_password("keyring-setting", "password reference")
        except (AssertionError, ValueError):
            reference = None
        if reference != "password reference value":
            self._lock()
            raise KeyringUnavailableError(
                "keyring.wrong_passphrase",
                f"The passphrase in {PASSPHRASE_ENV} does not open {self._file}.")


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__name__}"


# Names IT knows the OS keyrings by, from the backend's module.
_OS_KEYRING_NAMES = {
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.libsecret": "Secret Service (libsecret)",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.Windows": "Windows Credential Locker",
    "keyring.backends.macOS": "macOS Keychain",
}


def _os_keyring_location(backend: keyring.backend.KeyringBackend) -> str:
    module = type(backend).__module__
    return f"the OS keyring ({_OS_KEYRING_NAMES.get(module, _backend_name(backend))})"


def _is_real(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def _is_os_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    return (_is_real(backend) and not module.startswith("keyrings.alt")
            and not isinstance(backend, chainer.ChainerBackend))


def _recommended_os_backend() -> keyring.backend.KeyringBackend | None:
    candidates = []
    for backend in keyring.backend.get_all_keyring():
        try:
            priority = float(backend.priority)  # type: ignore[arg-type]
        except Exception:  # a backend's priority probe may fail on a headless desk
            continue
        if priority >= 1 and _is_os_keyring(backend):
            candidates.append((priority, backend))
    if not candidates:
        return None
    return max(candidates, key=lambda pair: pair[0])[1]


def _explicit_backend(environ: Mapping[str, str]) -> keyring.backend.KeyringBackend | None:
    if environ.get("PYTHON_KEYRING_BACKEND") or keyring.core.load_config() is not None:
        return keyring.get_keyring()
    return None


class SecretStore:
    """Get, set and delete Hatif's secrets. Every secret seen goes to ``on_secret``.

    ``on_secret`` is how the log redaction filter learns the exact values it
    must mask (see :class:`app.logging_setup.SecretRedactor`).
    """

    def __init__(
        self,
        backend: keyring.backend.KeyringBackend | None,
        status: KeyringStatus,
        on_secret: Callable[[str], None] = lambda _value: None,
    ) -> None:
        self._backend = backend
        self.status = status
        self._on_secret = on_secret

    @classmethod
    def open(
        cls,
        fallback: str,
        data_dir: Path,
        environ: Mapping[str, str],
        on_secret: Callable[[str], None] = lambda _value: None,
        passphrase_prompt: Callable[[], str | None] | None = None,
    ) -> SecretStore:
        """Pick the keyring as the module docstring says; never raises."""
        explicit = _explicit_backend(environ)
        if explicit is not None and _is_real(explicit):
            name = _backend_name(explicit)
            note = " (plaintext file: for tests only)" if "Plaintext" in name else ""
            return cls(explicit, KeyringStatus(
                True, name, "explicit", f"Keyring chosen by keyring's configuration{note}.",
                f"the keyring chosen by keyring's configuration ({name})"), on_secret)
        os_backend = _recommended_os_backend()
        if os_backend is not None:
            location = _os_keyring_location(os_backend)
            return cls(os_backend, KeyringStatus(
                True, _backend_name(os_backend), "os", location[0].upper() + location[1:] + ".",
                location), on_secret)
        if fallback == "encrypted_file":
            passphrase = environ.get(PASSPHRASE_ENV) or (
                passphrase_prompt() if passphrase_prompt else None)
            if not passphrase:
                return cls(None, KeyringStatus(
                    False, "none", "none",
                    f"keyring.fallback is encrypted_file but {PASSPHRASE_ENV} is not set."),
                    on_secret)
            on_secret(passphrase)
            path = data_dir / ENCRYPTED_FILE_NAME
            path.parent.mkdir(parents=True, exist_ok=True)
            backend = _PassphraseEncryptedKeyring(path, passphrase)
            return cls(backend, KeyringStatus(
                True, _backend_name(backend), "encrypted_file_fallback",
                f"Encrypted file {path} (opted in with keyring.fallback).",
                f"the encrypted file {path}"), on_secret)
        return cls(None, KeyringStatus(False, "none", "none", NO_KEYRING_MESSAGE), on_secret)

    def _require(self) -> keyring.backend.KeyringBackend:
        if self._backend is None:
            raise KeyringUnavailableError("keyring.unavailable", self.status.message)
        return self._backend

    @property
    def available(self) -> bool:
        return self._backend is not None

    def install_as_default(self) -> None:
        """Make keyring's module-level functions use this backend (telephony reads them).

        Without a usable backend, keyring's failing backend is installed, so no
        library falls back to a plaintext file behind our back.
        """
        keyring.set_keyring(self._backend if self._backend is not None else fail.Keyring())

    def get(self, key: SecretKey) -> str | None:
        """The secret, or None when it is not stored."""
        try:
            value = self._require().get_password(key.service, key.account)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                "keyring.read_failed", f"The keyring refused to read the {key.label}: {exc}"
            ) from None
        if value:
            self._on_secret(value)
        return value

    def set(self, key: SecretKey, value: str) -> None:
        self._on_secret(value)
        try:
            self._require().set_password(key.service, key.account, value)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                "keyring.write_failed", f"The keyring refused to store the {key.label}: {exc}"
            ) from None
        _log.info("Stored the %s of %s in %s", key.label, key.account, self.status.location)

    def delete(self, key: SecretKey) -> None:
        """Forget the secret; nothing happens when it was not stored."""
        try:
            self._require().delete_password(key.service, key.account)
        except keyring.errors.PasswordDeleteError:
            return
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                "keyring.write_failed", f"The keyring refused to delete the {key.label}: {exc}"
            ) from None
