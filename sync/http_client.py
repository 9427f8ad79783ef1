"""The desk's HTTP client: one ``requests.Session``, timeouts, retries with jitter.

Every call has a connect and a read timeout. Calls that are safe to repeat
(GETs, pushes carrying an ``Idempotency-Key``, heartbeats) are retried a few
times with exponential backoff and full jitter on network errors and 502/503/
504; the callers' loops back off further. Answers are sorted into three
exceptions the rest of sync reacts to: the server is unreachable, the token is
refused (the app must log in again), or the server refused the request with a
readable ``ErrorBody``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

import requests

from core.wire import API_PREFIX, DEVICE_HEADER
from core.wire.errors import ErrorBody
from sync.backoff import Backoff
from sync.http_config import TLS_CODES, HttpConfig, describe_failure

log = logging.getLogger(__name__)

TokenProvider = Callable[[], str | None]

_RETRYABLE_STATUS = frozenset({502, 503, 504})


class ServerUnreachable(Exception):
    """No definite answer: network down, timeout, or the server failing (5xx)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class AuthenticationRequired(Exception):
    """The server refused the token (401) or there is none: log in again."""

    def __init__(self, message: str = "Your session has expired; please log in again.") -> None:
        super().__init__(message)
        self.code = "login_required"
        self.message = message


class ApiRefusal(Exception):
    """A definite refusal (4xx other than 401) with the server's code and params."""

    def __init__(self, status: int, body: ErrorBody) -> None:
        super().__init__(f"{status} {body.code}: {body.message}")
        self.status = status
        self.code = body.code
        self.message = body.message
        self.params = body.params


class HttpClient:
    """JSON calls to ``{base_url}/api/v1`` with the bearer token of ``token_provider``."""

    def __init__(
        self,
        base_url: str,
        token_provider: TokenProvider,
        *,
        device_id: str | None = None,
        connect_timeout: float = 3.05,
        read_timeout: float = 15.0,
        retries: int = 2,
        backoff_base: float = 0.2,
        backoff_cap: float = 2.0,
        http: HttpConfig | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = http or HttpConfig()
        self._token_provider = token_provider
        self._device_id = device_id
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retries = retries
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._session = self.http.new_session()
        self._session.headers["Accept"] = "application/json"
        self._closed = threading.Event()

    def url(self, path: str) -> str:
        """Absolute URL of an API path such as ``/sync/push``."""
        return f"{self.base_url}{API_PREFIX}{path}"

    def auth_headers(self) -> dict[str, str]:
        """Authorization (and device) headers; raises if there is no token."""
        token = self._token_provider()
        if not token:
            raise AuthenticationRequired("You are not logged in.")
        headers = {"Authorization": f"Bearer {token}"}
        if self._device_id:
            headers[DEVICE_HEADER] = self._device_id
        return headers

    def get_json(
        self, path: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> Any:
        """GET (always retried: reading twice is harmless)."""
        return self._call("GET", path, params=params, retry=True, timeout=timeout)

    def post_json(
        self,
        path: str,
        body: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        retry: bool = False,
        authenticated: bool = True,
        timeout: float | None = None,
    ) -> Any:
        """POST a JSON body; ``retry`` only for calls that are safe to repeat."""
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        return self._call(
            "POST",
            path,
            data=data,
            headers=headers,
            retry=retry,
            authenticated=authenticated,
            timeout=timeout,
        )

    def post_bytes(
        self,
        path: str,
        data: bytes,
        *,
        headers: Mapping[str, str] | None = None,
        retry: bool = False,
    ) -> Any:
        """POST an already encoded JSON body (the push hashes exactly these bytes)."""
        return self._call("POST", path, data=data, headers=headers, retry=retry)

    def close(self) -> None:
        self._closed.set()
        self._session.close()

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        retry: bool,
        authenticated: bool = True,
        timeout: float | None = None,
    ) -> Any:
        all_headers: dict[str, str] = self.auth_headers() if authenticated else {}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        if headers:
            all_headers.update(headers)
        backoff = Backoff(base=self._backoff_base, cap=self._backoff_cap)
        attempts = 1 + (self.retries if retry else 0)
        last_error = ServerUnreachable("server_unreachable", "The server cannot be reached.")
        for attempt in range(attempts):
            if attempt and self._closed.wait(backoff.next_delay()):
                break
            try:
                response = self._session.request(
                    method,
                    self.url(path),
                    params=params,
                    data=data,
                    headers=all_headers,
                    timeout=(self.connect_timeout, timeout or self.read_timeout),
                )
            except requests.Timeout:
                last_error = ServerUnreachable(
                    "server_timeout", "The server did not answer in time."
                )
                continue
            except (requests.RequestException, OSError) as error:
                # OSError: requests checks server.ca_file's path before connecting.
                failure = describe_failure(error, self.http, self.base_url)
                if failure.code in TLS_CODES:
                    # A configuration problem: no retry fixes it, and IT needs the cause.
                    log.warning("%s %s failed: %s", method, path, failure.message)
                    raise ServerUnreachable(failure.code, failure.message) from None
                log.debug("%s %s failed: %s", method, path, error)
                last_error = ServerUnreachable(
                    "server_unreachable", "The server cannot be reached."
                )
                continue
            if response.status_code in _RETRYABLE_STATUS or response.status_code >= 500:
                last_error = ServerUnreachable(
                    "server_error", f"The server failed ({response.status_code})."
                )
                if response.status_code in _RETRYABLE_STATUS or retry:
                    continue
                break
            return self._answer(response)
        raise last_error

    @staticmethod
    def _answer(response: requests.Response) -> Any:
        if response.status_code == 401:
            raise AuthenticationRequired()
        if response.status_code >= 400:
            raise ApiRefusal(response.status_code, HttpClient._error_body(response))
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError as error:
            raise ServerUnreachable(
                "server_bad_answer", "The server answered something unreadable."
            ) from error

    @staticmethod
    def _error_body(response: requests.Response) -> ErrorBody:
        try:
            raw = response.json()
        except ValueError:
            raw = None
        if isinstance(raw, dict):
            # FastAPI wraps HTTPException details in {"detail": ...}.
            candidate = raw.get("detail", raw) if "code" not in raw else raw
            if isinstance(candidate, dict) and "code" in candidate:
                return ErrorBody.model_validate({"message": "", "params": {}, **candidate})
        return ErrorBody(
            code=f"http_{response.status_code}",
            message=f"The server refused the request ({response.status_code}).",
        )
