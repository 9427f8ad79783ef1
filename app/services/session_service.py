"""Signing in and out: credentials to the server, the token to the OS keyring.

``sign_in`` is a network round trip (call it through the OperationRunner);
with "stay signed in" the token goes to the keyring and ``restore`` finds it
at the next start. The password itself is never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from app.secret_store import KeyringUnavailableError, SecretStore, api_token_key
from app.services.desktop_services import AgentIdentity
from core.wire.auth import LoginResponse, UserInfo
from sync.http_config import HttpConfig, describe_failure

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


class SignInError(Exception):
    """Sign-in failed; ``code`` is stable, ``message`` an English sentence, ``reason``
    the detail of a TLS failure (``self_signed``, ``hostname_mismatch``, ...),
    ``retry_after`` the seconds the server asks to wait (throttled or busy)."""

    def __init__(
        self, code: str, message: str, reason: str = "", retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason
        self.retry_after = retry_after


@dataclass(frozen=True)
class SignedIn:
    """A valid session: where, who, and the bearer token."""

    server_url: str
    token: str
    identity: AgentIdentity


def _identity(user: UserInfo) -> AgentIdentity:
    return AgentIdentity(user.id, user.username, user.display_name, user.role, user.team_name)


class SessionService:
    """Talks to ``/auth`` and keeps the token in the keyring when asked."""

    def __init__(self, secrets: SecretStore, *, timeout: float = 10.0,
                 http: HttpConfig | None = None) -> None:
        self._secrets = secrets
        self._timeout = timeout
        self._config = http or HttpConfig()
        self._http = self._config.new_session()

    def _unreachable(self, server_url: str, error: Exception) -> SignInError:
        """The sign-in error for a request that got no answer, its cause logged."""
        failure = describe_failure(error, self._config, server_url)
        log.warning("sign-in: %s", failure.message)
        return SignInError(failure.code, failure.message, failure.reason)

    def _url(self, server_url: str, path: str) -> str:
        return server_url.rstrip("/") + API_PREFIX + path

    def _post(self, url: str, body: dict[str, Any], token: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self._http.post(url, json=body, headers=headers, timeout=self._timeout)
        except (requests.RequestException, OSError) as exc:
            # OSError: requests checks server.ca_file's path before connecting.
            raise self._unreachable(url.split(API_PREFIX)[0], exc) from exc
        if response.status_code in (401, 403):
            raise SignInError("bad_credentials", "Wrong username or password.")
        if response.status_code >= 400:
            try:
                detail = response.json()
                message = detail.get("message") or detail.get("detail") or response.text
                code = detail.get("code", f"http_{response.status_code}")
            except ValueError:
                message, code = response.text, f"http_{response.status_code}"
            raise SignInError(
                str(code), str(message), retry_after=_retry_after(response.headers)
            )
        return response.json() if response.content else {}

    def sign_in(
        self, server_url: str, username: str, password: str, *, stay_signed_in: bool
    ) -> SignedIn:
        """Log in; store the token in the keyring when ``stay_signed_in``."""
        raw = self._post(
            self._url(server_url, "/auth/login"), {"username": username, "password": password}
        )
        login = LoginResponse.model_validate(raw)
        if stay_signed_in and self._secrets.available:
            try:
                self._secrets.set(api_token_key(server_url, username), login.token)
            except KeyringUnavailableError as exc:
                log.warning("token not kept: %s", exc)
        return SignedIn(server_url.rstrip("/"), login.token, _identity(login.user))

    def restore(self, server_url: str, username: str) -> SignedIn | None:
        """A session from the keyring's token, if it is still valid."""
        if not username or not self._secrets.available:
            return None
        try:
            token = self._secrets.get(api_token_key(server_url, username))
        except KeyringUnavailableError:
            return None
        if not token:
            return None
        try:
            response = self._http.get(
                self._url(server_url, "/auth/me"),
                headers={"Authorization": f"Bearer {token}"},
                timeout=self._timeout,
            )
        except (requests.RequestException, OSError) as exc:
            log.warning("stored session not checked: %s",
                        describe_failure(exc, self._config, server_url).message)
            return None
        if response.status_code != 200:
            return None
        raw = response.json()
        user = UserInfo.model_validate(raw.get("user", raw))
        return SignedIn(server_url.rstrip("/"), token, _identity(user))

    def server_features(self, server_url: str, token: str | None = None) -> frozenset[str]:
        """What this server offers beyond the core protocol, from its OpenAPI paths.

        ``create_order``, ``escalate`` and ``change_password`` are offered only
        when the server has the matching endpoint, so the window never shows a
        command that would fail. The server publishes its description only to a
        signed-in caller unless IT switched the public docs on: send ``token``.
        """
        headers = {"Authorization": f"Bearer {token}"} if token else None
        try:
            response = self._http.get(
                server_url.rstrip("/") + "/openapi.json", headers=headers, timeout=self._timeout
            )
            paths = response.json().get("paths", {}) if response.status_code == 200 else {}
        except (requests.RequestException, OSError, ValueError):
            paths = {}
        wanted = {
            "create_order": ("post", API_PREFIX + "/orders"),
            "escalate": ("post", API_PREFIX + "/orders/{order_id}/escalate"),
            "change_password": ("post", API_PREFIX + "/auth/password"),
        }
        return frozenset(
            name for name, (method, path) in wanted.items() if method in paths.get(path, {})
        )

    def sign_out(self, session: SignedIn) -> None:
        """Forget the token locally and revoke it on the server (best effort)."""
        try:
            self._secrets.delete(api_token_key(session.server_url, session.identity.username))
        except KeyringUnavailableError:
            pass
        try:
            self._post(self._url(session.server_url, "/auth/logout"), {}, session.token)
        except SignInError as exc:
            log.info("logout not confirmed by the server: %s", exc.message)

    def change_password(self, session: SignedIn, old: str, new: str) -> None:
        """Change the signed-in user's password; the server signs out their other sessions.

        Refusals keep the server's code (``wrong_password``, ``password_unchanged``,
        ``too_many_attempts``, ``validation_error``); a refused token is
        ``login_required``, never mistaken for a wrong current password.
        """
        url = self._url(session.server_url, "/auth/password")
        try:
            response = self._http.post(
                url,
                json={"old_password": old, "new_password": new},
                headers={"Authorization": f"Bearer {session.token}"},
                timeout=self._timeout,
            )
        except (requests.RequestException, OSError) as exc:
            raise self._unreachable(session.server_url, exc) from exc
        if response.status_code == 401:
            raise SignInError("login_required", "Your session has expired; sign in again.")
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = {}
            detail = body.get("detail", body) if isinstance(body, dict) else {}
            detail = detail if isinstance(detail, dict) else {}
            raise SignInError(
                str(detail.get("code", f"http_{response.status_code}")),
                str(detail.get("message") or f"The server refused ({response.status_code})."),
            )


def _retry_after(headers: Mapping[str, str]) -> int | None:
    """The seconds of a ``Retry-After`` header (429, 503), if it gives a number."""
    value = headers.get("Retry-After", "")
    return int(value) if value.isdigit() else None
