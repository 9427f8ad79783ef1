"""What TLS the pjsua2 wheel can speak: its bundled OpenSSL's version and ciphers.

The PyPI wheels link their own OpenSSL 1.0.2 (no TLS 1.3). The library is
already loaded by pjsua2; ctypes asks it for its version and default cipher
list, so docs/telephony.md and ``python -m telephony tls-info`` state facts.
"""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pjsua2

# Cipher suites the engine offers over TLS 1.2 (IANA ids, which pjsip uses as
# pj_ssl_cipher values): forward-secret AEAD first, then AES-CBC fallbacks for
# older PBXs. No RC4, 3DES, IDEA, export or anonymous suites.
RECOMMENDED_TLS_CIPHERS: dict[str, int] = {
    "ECDHE-ECDSA-AES256-GCM-SHA384": 0xC02C,
    "ECDHE-RSA-AES256-GCM-SHA384": 0xC030,
    "ECDHE-ECDSA-AES128-GCM-SHA256": 0xC02B,
    "ECDHE-RSA-AES128-GCM-SHA256": 0xC02F,
    "DHE-RSA-AES256-GCM-SHA384": 0x009F,
    "DHE-RSA-AES128-GCM-SHA256": 0x009E,
    "ECDHE-ECDSA-AES256-SHA384": 0xC024,
    "ECDHE-RSA-AES256-SHA384": 0xC028,
    "ECDHE-ECDSA-AES128-SHA256": 0xC023,
    "ECDHE-RSA-AES128-SHA256": 0xC027,
    "AES256-GCM-SHA384": 0x009D,
    "AES128-GCM-SHA256": 0x009C,
    "AES256-SHA256": 0x003D,
    "AES128-SHA256": 0x003C,
}


@dataclass(frozen=True)
class TlsCapabilities:
    """OpenSSL version, the TLS versions it offers, and its default ciphers."""

    library: str
    openssl_version: str
    versions: tuple[str, ...]
    ciphers: tuple[str, ...]

    @property
    def highest_version(self) -> str:
        return self.versions[-1] if self.versions else "none"

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "library": self.library,
            "openssl_version": self.openssl_version,
            "versions": list(self.versions),
            "ciphers": list(self.ciphers),
        }


def bundled_libssl() -> Path | None:
    """The libssl shipped with the pjsua2 wheel (or the PyInstaller bundle)."""
    roots = [Path(pjsua2.__file__).resolve().parent.parent / "pjsua2_python.libs"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots += [Path(bundle), Path(bundle) / "pjsua2_python.libs"]
    for root in roots:
        found = sorted(root.glob("libssl*.so*"))
        if found:
            return found[0]
    return None


def _names(lib: ctypes.CDLL, method_name: str) -> list[str]:
    method = getattr(lib, method_name)
    method.restype = ctypes.c_void_p
    lib.SSL_CTX_new.restype = ctypes.c_void_p
    lib.SSL_CTX_new.argtypes = [ctypes.c_void_p]
    lib.SSL_new.restype = ctypes.c_void_p
    lib.SSL_new.argtypes = [ctypes.c_void_p]
    lib.SSL_get_cipher_list.restype = ctypes.c_char_p
    lib.SSL_get_cipher_list.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.SSL_free.argtypes = [ctypes.c_void_p]
    lib.SSL_CTX_free.argtypes = [ctypes.c_void_p]
    context = lib.SSL_CTX_new(method())
    ssl = lib.SSL_new(context)
    names: list[str] = []
    try:
        while True:
            name = lib.SSL_get_cipher_list(ssl, len(names))
            if not name:
                break
            names.append(name.decode())
    finally:
        lib.SSL_free(ssl)
        lib.SSL_CTX_free(context)
    return names


def tls_capabilities() -> TlsCapabilities:
    """Ask the wheel's OpenSSL what it supports (empty answer when not found)."""
    path = bundled_libssl()
    if path is None:
        return TlsCapabilities("", "unknown", (), ())
    lib = ctypes.CDLL(str(path))
    crypto = ctypes.CDLL(str(next(path.parent.glob("libcrypto*.so*"))))
    if hasattr(crypto, "OpenSSL_version"):  # OpenSSL >= 1.1
        version_fn = crypto.OpenSSL_version
        method = "TLS_method"
    else:
        version_fn = crypto.SSLeay_version
        lib.SSL_library_init()
        method = "SSLv23_method"
    version_fn.restype = ctypes.c_char_p
    version = version_fn(0).decode()
    versions = tuple(
        label
        for label, symbol in (
            ("TLSv1.0", "TLSv1_method"),
            ("TLSv1.1", "TLSv1_1_method"),
            ("TLSv1.2", "TLSv1_2_method"),
        )
        if hasattr(lib, symbol)
    )
    if hasattr(lib, "SSL_CTX_set_ciphersuites"):  # only OpenSSL >= 1.1.1 has TLS 1.3
        versions += ("TLSv1.3",)
    return TlsCapabilities(str(path.name), version, versions, tuple(_names(lib, method)))
