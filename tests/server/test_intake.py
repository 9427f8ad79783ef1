"""Order intake: the shop sheet in its encodings and separators, broken rows with
line numbers, idempotent re-import, duplicate flags; the signed webhook."""

from __future__ import annotations

import json

import httpx

from server.services.settings_store import save_webhook_secret
from server.services.webhook import sign_body
from tests.fixtures.server_process import RunningServer
from tests.server.shop import Shop, random_phone

HEADER_FR = "N° Commande;Date Création;Client;Téléphone;Adresse;Ville;Produit;Prix;Opérateur;Statut"


def _import(shop: Shop, data: bytes) -> dict:
    answer = shop.lead.client.post(
        "/import/orders", content=data, headers={"Content-Type": "text/csv"}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_semicolon_sheet_in_utf8_with_bom_imports_and_reimport_changes_nothing(shop: Shop) -> None:
    p1, p2 = random_phone(), random_phone()
    rows = [
        HEADER_FR,
        f"{shop.prefix}-S1;23/11/2026 09:15;Fatima Zahra Benali;0{p1[4:]};Rue Allal, 12;Casablanca;"
        f"2 x Sandale {shop.prefix} (Noir, 40);498,00 MAD;;Non affectée",
        f"{shop.prefix}-S2;23/11/2026;Hamza Tazi;{p2};Hay Riad;Rabat;Babouche inconnue;179;;",
        f"{shop.prefix}-S3;22/11/2026;Imane Alaoui;{p1};Maârif;Casablanca;;249;"
        f"{shop.agents[0].username};Reportée",
    ]
    data = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
    report = _import(shop, data)
    assert (report["rows"], report["created"], report["errors"]) == (3, 3, [])
    assert report["encoding"] == "utf-8-sig" and report["delimiter"] == ";"
    assert report["flagged_duplicates"] == 1  # S3 has S1's phone while S1 is open

    orders = {
        o["reference"]: o
        for o in shop.lead.client.get(
            "/orders", params={"q": shop.prefix + "-S", "limit": 10}
        ).json()["items"]
    }
    first = orders[f"{shop.prefix}-S1"]
    assert first["customer"]["phones"] == [p1]
    assert [(line["quantity"], line["color"]) for line in first["lines"]] == [(2, "Noir")]
    assert first["total"] == "488.00"  # tier 1 price 229 x 2 + 30 delivery: repriced, not 498
    assert orders[f"{shop.prefix}-S2"]["lines"] == []
    assert orders[f"{shop.prefix}-S2"]["total"] == "179.00"
    third = orders[f"{shop.prefix}-S3"]
    assert third["possible_duplicate_of"] == f"{shop.prefix}-S1"
    assert third["status"] == "callback" and third["owner_id"] == shop.agents[0].id

    again = _import(shop, data)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)


def test_comma_sheet_in_windows_1252_with_broken_rows_reports_line_numbers(shop: Shop) -> None:
    good = random_phone()
    text = (
        "\r\n".join(
            [
                "Numéro,Date,Client,Téléphone,Adresse,Ville,Produit,Total,Opérateur,Statut",
                f"{shop.prefix}-W1,21/11/2026 18:40,Aïcha Chraïbi,{good},Derb Sultan,Fès,Sac,"
                '"299,00",,',
                f"{shop.prefix}-W2,21/11/2026,Omar,06 12,Rue,Fès,Sac,299,,",
                f",21/11/2026,Sans Numéro,{random_phone()},Rue,Fès,Sac,299,,",
                f"{shop.prefix}-W4,31/02/2026,Karim,{random_phone()},Rue,Fès,Sac,299,,",
                f"{shop.prefix}-W5,21/11/2026,Nabil,{random_phone()},Rue,Fès",
                f"{shop.prefix}-W6,21/11/2026,Ilham,{random_phone()},Rue,Fès,Sac,douze,,",
                f"{shop.prefix}-W7,21/11/2026,Houda,{random_phone()},Rue,Fès,Sac,149,,"
                "Livrée peut-être",
            ]
        )
        + "\r\n"
    )
    report = _import(shop, text.encode("cp1252"))
    assert report["encoding"] == "cp1252" and report["delimiter"] == ","
    assert report["created"] == 1
    errors = {(e["line"], e["code"]) for e in report["errors"]}
    assert errors == {
        (3, "invalid_phone"),
        (4, "missing_reference"),
        (5, "invalid_date"),
        (6, "wrong_column_count"),
        (7, "invalid_price"),
        (8, "invalid_status"),
    }
    assert all(e["message"] for e in report["errors"])
    order = shop.lead.client.get("/orders", params={"q": f"{shop.prefix}-W1"}).json()["items"][0]
    assert order["customer"]["name"] == "Aïcha Chraïbi"


def test_sheet_without_required_columns_is_refused_on_line_one(shop: Shop) -> None:
    report = _import(shop, b"Client,Ville\nAli,Fes\n")
    assert report["created"] == 0
    assert report["errors"][0]["line"] == 1 and report["errors"][0]["code"] == "missing_columns"


def test_webhook_needs_the_hmac_signature_and_replays_are_harmless(
    shop: Shop, server: RunningServer
) -> None:
    with shop.db.write() as session:
        save_webhook_secret(session, "s3cret-shop")
    body = json.dumps(
        {
            "reference": f"{shop.prefix}-WH1",
            "customer_name": "Salma Idrissi",
            "phone": random_phone(),
            "city": "Casablanca",
            "lines": [
                {"article_ref": shop.article_ref, "quantity": 1, "color": "Camel", "size": "41"}
            ],
        }
    ).encode()
    url = f"{server.api}/webhooks/orders"
    headers = {"Content-Type": "application/json"}
    unsigned = httpx.post(url, content=body, headers=headers)
    assert unsigned.status_code == 401
    forged = httpx.post(
        url, content=body, headers={**headers, "X-Hatif-Signature": sign_body("x", body)}
    )
    assert forged.status_code == 401
    signed = {**headers, "X-Hatif-Signature": sign_body("s3cret-shop", body)}
    first = httpx.post(url, content=body, headers=signed)
    assert first.status_code == 200, first.text
    assert first.json()["created"] is True
    replay = httpx.post(url, content=body, headers=signed)
    assert replay.json() == {**first.json(), "created": False}
    order = shop.admin.client.get(f"/orders/{first.json()['order_id']}").json()
    assert order["source"] == "webhook" and order["total"] == "279.00"
