"""The API's description and its browsable docs are not public unless IT switches
them on: anonymous callers get 404 (docs) or 401 (description); a signed-in desk
still reads the description to know which commands the server offers."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop


def test_docs_are_off_by_default_and_the_description_needs_a_sign_in(
    shop: Shop, server: RunningServer
) -> None:
    assert httpx.get(f"{server.base_url}/docs").status_code == 404
    assert httpx.get(f"{server.base_url}/redoc").status_code == 404
    anonymous = httpx.get(f"{server.base_url}/openapi.json")
    assert anonymous.status_code == 401
    signed_in = shop.agents[0].client.get(f"{server.base_url}/openapi.json")
    assert signed_in.status_code == 200
    assert "/api/v1/orders/{order_id}/claim" in signed_in.json()["paths"]


def test_serve_docs_publishes_them(
    sqlite_url: str, server_process_factory: Callable[..., RunningServer]
) -> None:
    server = server_process_factory(sqlite_url, extra_args=["--docs"])
    assert httpx.get(f"{server.base_url}/docs").status_code == 200
    assert httpx.get(f"{server.base_url}/openapi.json").json()["info"]["title"] == "Hatif server"
