"""The desktop's access to ``/api/v1/reports`` for the Reports tab.

Plain blocking calls: the tab runs them through ``OperationRunner`` so the GUI
never waits on the network. CSV files are fetched as bytes exactly as the
server wrote them (the same file a lead gets from the API).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import requests

from core.wire.auth import TeamInfo
from core.wire.errors import ErrorBody
from sync.http_config import HttpConfig, describe_failure

CSV_KINDS = ("agent-hours", "outcomes", "cancel-reasons")


class ReportExportFailed(Exception):
    """The CSV could not be fetched: ``code`` and an English ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ReportsApi(Protocol):
    """What the client needs of ``sync.http_client.HttpClient`` (a protocol: the
    Reports tab imports this module and ``ui`` must not reach ``sync``)."""

    read_timeout: float
    base_url: str
    http: HttpConfig  # server.ca_file / server.verify_tls, as for every other request

    def get_json(self, path: str, params: Any = None, *, timeout: float | None = None) -> Any: ...

    def url(self, path: str) -> str: ...

    def auth_headers(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class ReportQuery:
    """Which days, whose team, in which time zone."""

    first: date
    last: date
    team_id: int | None = None
    #: None: the shop's own time zone (its settings), which the server applies.
    tz: str | None = None
    classify: bool = False

    def params(self) -> dict[str, Any]:
        params: dict[str, Any] = {"from": self.first.isoformat(), "to": self.last.isoformat()}
        if self.tz is not None:
            params["tz"] = self.tz
        if self.team_id is not None:
            params["team_id"] = self.team_id
        return params


@dataclass(frozen=True)
class ReportBundle:
    """The answers the Reports tab shows together."""

    agent_hours: dict[str, Any]
    outcomes: dict[str, Any]


class ReportsClient:
    """Reads reports and CSV exports for the signed-in lead or admin."""

    def __init__(self, api: ReportsApi) -> None:
        self._api = api

    def fetch(self, query: ReportQuery) -> ReportBundle:
        hours = self._api.get_json("/reports/agent-hours", query.params())
        outcome_params = {**query.params(), "classify": str(query.classify).lower()}
        outcomes = self._api.get_json("/reports/outcomes", outcome_params)
        return ReportBundle(hours, outcomes)

    def teams(self) -> list[TeamInfo]:
        """Every team, by name (``GET /teams``: what an admin may pick from)."""
        raw = self._api.get_json("/teams")
        teams = [TeamInfo.model_validate(item) for item in raw or []]
        return sorted(teams, key=lambda team: (team.name.casefold(), team.id))

    def download_csv(self, kind: str, query: ReportQuery) -> bytes:
        """The CSV export ``kind`` (one of ``CSV_KINDS``) as the server wrote it."""
        if kind not in CSV_KINDS:
            raise ValueError(f"unknown report {kind!r}")
        params = query.params()
        if kind == "outcomes":
            params["classify"] = str(query.classify).lower()
        try:
            response = self._api.http.new_session().get(
                self._api.url(f"/reports/{kind}.csv"),
                params=params,
                headers=self._api.auth_headers(),
                timeout=(3.05, max(self._api.read_timeout, 60.0)),
            )
        except (requests.RequestException, OSError) as error:
            failure = describe_failure(error, self._api.http, self._api.base_url)
            raise ReportExportFailed(failure.code, failure.message) from error
        if response.status_code >= 400:
            try:
                body = ErrorBody.model_validate(response.json())
            except ValueError:
                body = ErrorBody(code=f"http_{response.status_code}",
                                 message=f"The server refused the export ({response.status_code}).")
            raise ReportExportFailed(body.code, body.message)
        return response.content
