"""``hatif-server`` names the database it works on, never invents one, and says what
``migrate`` applied; ``create-user`` refuses a short password."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.cli import build_parser, legacy_default_database, main, shown_url
from server.db.migrate import MIGRATIONS_DIR, current_revisions


@pytest.fixture(autouse=True)
def no_database_in_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HATIF_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_without_a_database_every_command_refuses_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["migrate"], ["create-user", "amal", "--password", "long-enough-1"],
                    ["catalogue"]):
        code, _out, err = run(capsys, *command)
        assert code == 2, command
        assert "set HATIF_DATABASE_URL" in err and "--db" in err, err
    assert not legacy_default_database().exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_migrate_names_the_database_and_lists_what_it_applied(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"

    code, out, err = run(capsys, "migrate", "--db", url)
    assert code == 0
    assert f"hatif-server: database {url} (from --db)" in err
    revisions = sorted(path.name[:4] for path in (MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert f"Applied {len(revisions)} migration(s):" in out
    assert "  0001: initial schema" in out
    assert current_revisions(url) == (revisions[-1],)

    monkeypatch.setenv("HATIF_DATABASE_URL", url)
    code, out, err = run(capsys, "migrate")
    assert code == 0
    assert f"hatif-server: database {url} (from HATIF_DATABASE_URL)" in err
    assert out.strip() == "Nothing to apply: the database was already at the newest schema."


def test_an_existing_file_at_the_old_default_place_is_used_and_named(
        capsys: pytest.CaptureFixture[str]) -> None:
    legacy = legacy_default_database()
    legacy.parent.mkdir(parents=True)
    assert main(["migrate", "--db", f"sqlite:///{legacy}"]) == 0
    capsys.readouterr()

    code, _out, err = run(capsys, "migrate")

    assert code == 0
    assert f"database sqlite:///{legacy} (from the old default file; set HATIF_DATABASE_URL" \
        in err


def test_the_password_of_a_database_url_is_never_shown() -> None:
    assert shown_url("postgresql+psycopg://hatif:s3cr3t@db.lan:5432/hatif") == \
        "postgresql+psycopg://hatif:***@db.lan:5432/hatif"


def test_help_names_the_environment_variable() -> None:
    assert "HATIF_DATABASE_URL" in build_parser().format_help()
    assert "HATIF_DATABASE_URL" in build_parser()._subparsers._group_actions[0] \
        .choices["serve"].format_help()  # type: ignore[union-attr]


def test_create_user_refuses_a_weak_password(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'shop.db'}"

    code, _out, err = run(capsys, "create-user", "amal", "--password", "12345", "--db", url)

    assert code == 2
    assert "at least 12 characters" in err and "weak_password" in err
    assert "amal not created" in err
    assert not (tmp_path / "shop.db").exists()
