"""Which certificate authorities the softphone trusts for a PBX reached over SIP/TLS.

pjsua2 checks the PBX's certificate only against the CA list file it is given.
By default that is the system's CA bundle (what a PBX with a public certificate
needs); a private PBX names its own CA in a file. Turning verification off is
possible for a lab, and the self-test says so in plain words.
"""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import certifi


class TrustSource(StrEnum):
    """Where the trusted CAs come from."""

    CA_FILE = "ca_file"  # the CA file IT configured
    SYSTEM = "system"  # the operating system's bundle (certifi's where there is none)
    OFF = "off"  # the certificate is not checked


@dataclass(frozen=True)
class TlsTrust:
    """What pjsua2's TLS transport is told: verify or not, and against which file."""

    verify: bool
    ca_file: str
    source: TrustSource


def system_ca_file() -> str:
    """The system's CA bundle: ``SSL_CERT_FILE``, OpenSSL's default, else certifi's."""
    paths = ssl.get_default_verify_paths()
    for candidate in (
        os.environ.get(paths.openssl_cafile_env, ""),
        paths.cafile or "",
        paths.openssl_cafile,
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    # Windows keeps its CAs in a store OpenSSL cannot read as a file.
    return certifi.where()


def resolve_tls_trust(verify_server: bool, ca_file: str) -> TlsTrust:
    """The trust the TLS transport uses for these two settings."""
    if not verify_server:
        return TlsTrust(False, ca_file, TrustSource.OFF)
    if ca_file:
        return TlsTrust(True, ca_file, TrustSource.CA_FILE)
    return TlsTrust(True, system_ca_file(), TrustSource.SYSTEM)


def ca_file_problem(path: str) -> str | None:
    """Why ``path`` cannot serve as a CA list (None when it can)."""
    file = Path(path)
    if not file.is_file():
        return f"{path} does not exist or is not a file."
    try:
        text = file.read_text(encoding="ascii", errors="replace")
    except OSError as error:
        return f"{path} cannot be read: {error.strerror}."
    if "-----BEGIN CERTIFICATE-----" not in text:
        return f"{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)."
    return None
