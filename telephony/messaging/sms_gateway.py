"""Sending an SMS through the server's SMS gateway endpoint (HTTP POST, JSON).

The URL and the bearer token come from the caller (the app reads the token from
the OS keyring); nothing here stores or logs them. Request body::

    {"to": "+212612345678", "text": "...", "template_code": "confirm_request",
     "client_ref": "<uuid4, lets the server drop a retried duplicate>"}

Any 2xx is success; the server may answer ``{"id": "..."}`` with its message id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import requests

DEFAULT_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class GatewayResult:
    """What the gateway said: ``ok`` with its message id, or an error code and message."""

    ok: bool
    message_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    http_status: int | None = None


class SmsGatewayClient:
    """Posts SMS to one gateway URL with an optional bearer token."""

    def __init__(
        self,
        url: str,
        token: Callable[[], str | None] | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        session: requests.Session | None = None,
    ) -> None:
        self._url = url
        self._token = token
        self._timeout_s = timeout_s
        self._session = session or requests.Session()

    @property
    def url(self) -> str:
        return self._url

    def send(self, to_e164: str, text: str, template_code: str | None) -> GatewayResult:
        headers = {"Accept": "application/json"}
        token = self._token() if self._token else None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = {
            "to": to_e164,
            "text": text,
            "template_code": template_code,
            "client_ref": str(uuid.uuid4()),
        }
        try:
            response = self._session.post(
                self._url, json=body, headers=headers, timeout=self._timeout_s
            )
        except requests.Timeout:
            return GatewayResult(
                False,
                error_code="gateway_timeout",
                error_message="The SMS gateway did not answer in time.",
            )
        except requests.RequestException as error:
            return GatewayResult(
                False,
                error_code="gateway_unreachable",
                error_message=f"The SMS gateway cannot be reached ({type(error).__name__}).",
            )
        if 200 <= response.status_code < 300:
            message_id = None
            try:
                payload = response.json()
                if isinstance(payload, dict) and payload.get("id") is not None:
                    message_id = str(payload["id"])
            except ValueError:
                pass  # a 2xx without JSON is still a sent SMS
            return GatewayResult(True, message_id=message_id, http_status=response.status_code)
        return GatewayResult(
            False,
            error_code="gateway_refused",
            error_message=f"The SMS gateway refused the message (HTTP {response.status_code}).",
            http_status=response.status_code,
        )
