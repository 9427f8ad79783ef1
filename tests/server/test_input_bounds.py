"""Dates the API takes are bounded: an absurd day is a 422 that names the
field, never a 500."""

from __future__ import annotations

import json
import time

import httpx

from server.services.settings_store import save_webhook_secret
from server.services.webhook_signature import sign_event
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, random_phone


def test_report_days_out_of_the_calendar_are_refused_with_422(shop: Shop) -> None:
    lead = shop.lead.client
    agent_id = shop.agents[0].id
    asked = {
        "/reports/journal": {"agent_id": agent_id, "day": "9999-12-31"},
        "/reports/agent-hours": {"from": "9999-12-30", "to": "9999-12-31"},
        "/reports/agent-hours.csv": {"from": "0001-01-01", "to": "0001-01-02"},
        "/reports/outcomes": {"from": "1900-01-01", "to": "1900-01-02"},
        "/reports/cancel-reasons.csv": {"from": "2026-11-01", "to": "9999-12-31"},
    }
    for path, params in asked.items():
        answer = lead.get(path, params=params)
        assert answer.status_code == 422, (path, answer.status_code, answer.text)
        assert answer.json()["code"] == "invalid_input"
        assert "2099-12-31" in answer.json()["message"]
    assert (
        lead.get("/reports/journal", params={"agent_id": agent_id, "day": "2026-11-20"}).status_code
        == 200
    )


def test_a_webhook_order_dated_out_of_the_calendar_is_refused(
    shop: Shop, server: RunningServer
) -> None:
    with shop.db.write() as session:
        save_webhook_secret(session, "s3cret-shop")
    body = json.dumps(
        {
            "reference": f"{shop.prefix}-D1",
            "customer_name": "Salma",
            "phone": random_phone(),
            "created_at": "9999-12-31T23:00:00-05:00",
        }
    ).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Hatif-Signature": sign_event("s3cret-shop", int(time.time()), "evt-d1", body),
    }
    answer = httpx.post(f"{server.api}/webhooks/orders", content=body, headers=headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["params"]["field"] == "created_at"


def test_a_team_id_past_the_database_integer_is_a_422_not_a_500(shop: Shop) -> None:
    # Found by the fuzz test: the id reached the database and overflowed its integer.
    body = {"whatsapp_voice": False, "sms_gateway_url": ""}
    for team_id in ("17425392418780195206463488", "0", "-1"):
        answer = shop.admin.client.put(f"/teams/{team_id}/settings", json=body)
        assert answer.status_code == 422, (team_id, answer.status_code, answer.text)
