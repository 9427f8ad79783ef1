"""``hatif-server`` as the desktop's demo mode and IT use it: seed-demo, serve
(with its "listening" line), import, create-user; plus presence and wallboard
on the demo shop."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from server.cli import main
from tests.fixtures.server_process import RunningServer


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run ``hatif-server ARGS`` in this process (``serve`` runs as a subprocess)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def login(server: RunningServer, username: str, password: str = "demo") -> httpx.Client:
    answer = httpx.post(
        f"{server.api}/auth/login", json={"username": username, "password": password}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return httpx.Client(
        base_url=server.api,
        timeout=30,
        headers={"Authorization": f"Bearer {answer.json()['token']}"},
    )


def test_demo_shop_serves_agents_lead_and_wallboard(
    seeded_server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "Hatif server listening on http://127.0.0.1:" in seeded_server.log()
    agent = login(seeded_server, "agent1")
    page = agent.get("/orders", params={"limit": 1}).json()
    assert page["total"] >= 300
    cities = {city["name"] for city in agent.get("/cities").json()}
    assert {"Casablanca", "Marrakech", "Fès", "Tanger"} <= cities
    articles = agent.get("/articles").json()
    assert any(a["upsell"] and len(a["variants"]) > 5 for a in articles)
    assert {t["language"] for t in agent.get("/templates").json()} == {"fr", "ar"}
    assert len(agent.get("/predefined-notes").json()) >= 5

    claimed = agent.post("/orders/claim-next").json()
    assert claimed["order"]["customer"]["phones"][0].startswith("+212")
    assert (
        agent.put(
            "/presence", json={"state": "in_call", "order_id": claimed["order"]["id"]}
        ).status_code
        == 200
    )
    assert agent.put("/presence", json={"state": "paused"}).json()["code"] == "pause_needs_reason"

    lead = login(seeded_server, "lead1")
    board = lead.get("/wallboard").json()
    by_name = {a["username"]: a for a in board["agents"]}
    assert {f"agent{i}" for i in range(1, 6)} <= set(by_name)
    assert by_name["agent1"]["state"] == "in_call" and by_name["agent1"]["orders_held"] == 1
    assert board["queue"]["open_total"] > 0 and board["queue"]["held_now"] >= 1
    assert board["confirmed_today"] == sum(a["confirmed_today"] for a in board["agents"])
    assert [(lease["holder_name"], lease["order_id"]) for lease in board["leases"]] == [
        (by_name["agent1"]["display_name"], claimed["order"]["id"])
    ]
    assert board["leases"][0]["claimed_at"] is not None
    agent.close()
    lead.close()

    # IT prunes the change log: a desk with an older cursor is told to resync.
    agent = login(seeded_server, "agent2")
    head = agent.get("/sync/pull", params={"cursor": 0, "limit": 1}).json()
    assert head["reset_required"] is False and head["changes"]
    code, out = cli(capsys, "prune-changes", "--keep-days", "0", "--db", seeded_server.db_url)
    assert code == 0 and "changes older than 0.0 days removed" in out
    old = agent.get("/sync/pull", params={"cursor": 0}).json()
    assert old["reset_required"] is True
    fresh = agent.get("/sync/pull", params={"cursor": old["next_cursor"]}).json()
    assert fresh["reset_required"] is False
    agent.post("/orders/claim-next")
    assert [
        c["entity"]
        for c in agent.get("/sync/pull", params={"cursor": old["next_cursor"]}).json()["changes"]
    ] == ["order"]
    agent.close()


def test_seed_demo_refuses_a_weak_password_unless_it_is_the_desktop_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    code, out = cli(capsys, "seed-demo", "--db", url, "--password", "demo", "--orders", "1")
    assert code == 2 and "weak_password" in out
    code, out = cli(capsys, "seed-demo", "--db", url, "--orders", "1")
    assert code == 0 and "Demo shop created" in out
    demo_url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out = cli(
        capsys, "seed-demo", "--demo", "--db", demo_url, "--password", "demo", "--orders", "1"
    )
    assert code == 0 and "Demo shop created" in out


def test_import_create_user_and_catalogue_commands(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "commandes.csv"
    sheet.write_text(
        "N° Commande;Client;Téléphone;Ville;Prix\n"
        "C-1;Ali Berrada;0661234567;Rabat;249\n"
        "C-2;Sara;12;Rabat;249\n",
        encoding="utf-8-sig",
    )
    code, out = cli(capsys, "import", str(sheet), "--db", sqlite_url)
    assert code == 1  # one bad row
    assert "2 rows: 1 created" in out and "line 3:" in out
    code, out = cli(capsys, "import", str(sheet), "--db", sqlite_url)
    assert "0 created, 0 updated, 1 unchanged" in out

    statuses = tmp_path / "statuts.csv"
    statuses.write_text(
        "N° Commande;Client;Téléphone;Ville;Prix;Statut\n"
        "C-3;Hind Fassi;0661234568;Rabat;249;En attente de contact\n"
        "C-4;Adil Kettani;0661234569;Rabat;249;Livraison express\n",
        encoding="utf-8",
    )
    code, out = cli(capsys, "import", str(statuses), "--db", sqlite_url)
    assert code == 0 and "2 rows: 2 created" in out and "0 errors, 1 warnings" in out
    assert "line 3: warning: Unknown status 'Livraison express'" in out

    code, out = cli(
        capsys,
        "create-user",
        "nadia",
        "--role",
        "lead",
        "--team",
        "Équipe Rabat",
        "--password",
        "rabat-Sud-7#lumiere",
        "--db",
        sqlite_url,
    )
    assert code == 0 and "User nadia (lead) created" in out, out
    code, out = cli(
        capsys, "create-user", "nadia", "--password", "rabat-Sud-7#lumiere", "--db", sqlite_url
    )
    assert code == 2 and "username_taken" in out
    for weak in ("password", "Motdepasse2026!", "s3cret!"):
        code, out = cli(capsys, "create-user", "omar", "--password", weak, "--db", sqlite_url)
        assert code == 2 and "weak_password" in out, (weak, out)

    source = tmp_path / "catalogue.json"
    source.write_text(
        json.dumps(
            {
                "articles": [
                    {
                        "ref": "SAC-1",
                        "name": "Sac Cabas",
                        "normal_price": "299.00",
                        "upsell": True,
                        "upsell_prices": ["279.00", "259.00", None, None],
                        "variants": [{"color": "Noir", "stock": 12}],
                    }
                ],
                "cities": [{"name": "Tanger", "region": "Nord", "delivery_fee": "40.00"}],
            }
        ),
        encoding="utf-8",
    )
    code, out = cli(capsys, "catalogue", "--load", str(source), "--db", sqlite_url)
    assert "1 articles and 1 cities saved." in out, out
    code, out = cli(capsys, "catalogue", "--db", sqlite_url)
    printed = json.loads(out[: out.rindex("}") + 1])  # stderr (the database line) follows
    assert printed["articles"][0]["variants"][0]["stock"] == 12
    assert printed["cities"][0]["delivery_fee"] == "40.00"
