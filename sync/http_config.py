"""How the desk reaches the Hatif server over HTTP(S): one configuration for every client.

Sign-in, sync (push, pull, heartbeats, claims), the event stream, the lead's
reports and the self-test all take their ``requests.Session`` from
:meth:`HttpConfig.new_session`, so ``server.ca_file`` and ``server.verify_tls``
mean the same thing on every path. A request that fails before any answer is
described by :func:`describe_failure`: a code the window translates, and the
cause in words for the log (an untrusted certificate names OpenSSL's reason
and the setting that fixes it).
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import requests

# OpenSSL's X509_V_ERR_* codes a desk meets with an internal or self-signed server
# certificate, sorted into the reasons the window explains.
_SELF_SIGNED = frozenset({18, 19})  # DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN
_UNKNOWN_ISSUER = frozenset({2, 20, 21})  # UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), ..._LEAF_SIGNATURE
_EXPIRED = frozenset({9, 10})  # CERT_NOT_YET_VALID, CERT_HAS_EXPIRED
_HOSTNAME_MISMATCH = frozenset({62})

TLS_UNTRUSTED = "tls_untrusted"
TLS_FAILED = "tls_failed"
TLS_CA_FILE_MISSING = "tls_ca_file_missing"
SERVER_TIMEOUT = "server_timeout"
SERVER_UNREACHABLE = "server_unreachable"
#: Codes of a failure that no retry can fix: the desk's TLS configuration is wrong.
TLS_CODES = frozenset({TLS_UNTRUSTED, TLS_FAILED, TLS_CA_FILE_MISSING})


@dataclass(frozen=True)
class HttpConfig:
    """``server.ca_file`` and ``server.verify_tls`` as every desk client applies them.

    ``ca_file`` empty: the system's trusted CAs (through certifi, or the
    ``REQUESTS_CA_BUNDLE`` the environment names). Set: only that PEM file's CAs,
    whatever the environment says.
    """

    ca_file: str = ""
    verify_tls: bool = True

    @property
    def verify(self) -> bool | str:
        """The ``verify`` argument of requests."""
        if not self.verify_tls:
            return False
        return self.ca_file or True

    def new_session(self) -> requests.Session:
        """A session that verifies the server as configured, on every request."""
        session = _ConfiguredSession()
        session.verify = self.verify
        return session


class _ConfiguredSession(requests.Session):
    """requests lets ``REQUESTS_CA_BUNDLE`` replace a session's CA file (psf/requests
    #3829): here the session's own ``verify`` decides whenever a CA file is set."""

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> Any:
        return super().merge_environment_settings(
            url, proxies, stream, self.verify if verify is None else verify, cert)


@dataclass(frozen=True)
class TransportFailure:
    """Why a request got no answer: ``code`` for the window, ``reason`` the TLS
    detail (``self_signed``, ``unknown_issuer``, ``expired``, ``hostname_mismatch``,
    ``other``; empty otherwise), ``message`` an English sentence for the log."""

    code: str
    reason: str
    message: str


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, what caused it, and what urllib3 wrapped inside (depth-first)."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)


def _tls_reason(code: int) -> str:
    if code in _SELF_SIGNED:
        return "self_signed"
    if code in _UNKNOWN_ISSUER:
        return "unknown_issuer"
    if code in _EXPIRED:
        return "expired"
    if code in _HOSTNAME_MISMATCH:
        return "hostname_mismatch"
    return "other"


def describe_failure(error: BaseException, config: HttpConfig, server_url: str) -> TransportFailure:
    """What went wrong with a request to ``server_url`` that raised ``error``."""
    where = server_url.rstrip("/")
    causes = list(_causes(error))
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            trusted = (f"the CA file {config.ca_file} (server.ca_file)" if config.ca_file
                       else "the system's trusted CAs (set server.ca_file to your CA's PEM file)")
            return TransportFailure(
                TLS_UNTRUSTED, _tls_reason(cause.verify_code),
                f"The certificate of {where} is not trusted: {cause.verify_message}; "
                f"checked against {trusted}.")
    if config.ca_file and isinstance(error, OSError) and "CA certificate bundle" in str(error):
        return TransportFailure(
            TLS_CA_FILE_MISSING, "",
            f"server.ca_file names {config.ca_file}, which cannot be read.")
    for cause in causes:
        if isinstance(cause, ssl.SSLError):
            return TransportFailure(
                TLS_FAILED, "other", f"The TLS handshake with {where} failed: {cause}.")
    if isinstance(error, requests.Timeout):
        return TransportFailure(SERVER_TIMEOUT, "", f"{where} did not answer in time.")
    return TransportFailure(SERVER_UNREACHABLE, "", f"Server {where} unreachable: {error}")
