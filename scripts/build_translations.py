#!/usr/bin/env python3
"""Extract the interface strings into the .ts catalogues and compile them to .qm.

    python scripts/build_translations.py            # update .ts from ui/, compile .qm
    python scripts/build_translations.py --check    # fail when a .qm is stale, a
                                                    # source string is missing from a
                                                    # .ts, or fr/ar lack a translation

Uses pyside6-lupdate / pyside6-lrelease from the same environment as Python.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from app.settings_schema import UI_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = UI_LANGUAGE.choices  # one catalogue per language the ui.language setting offers
MUST_BE_TRANSLATED = ("fr", "ar")
TIMEOUT_S = 120


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install pyside6)")
    return found


def sources() -> list[Path]:
    """Every Python file of the interface (the only place strings are translated)."""
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"hatif_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"hatif_{language}.qm"


def lupdate(ts_files: list[Path]) -> None:
    command = [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete"]
    for ts in ts_files:
        subprocess.run(
            [*command, "-target-language", ts.stem.split("_")[1], "-ts", str(ts)],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT_S,
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> element."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def untranslated(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for key, message in messages(ts).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(key)
            continue
        forms = translation.findall("numerusform")
        text = "".join(f.text or "" for f in forms) if forms else translation.text or ""
        if not text.strip():
            missing.append(key)
    return missing


def build() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate([ts_path(lang) for lang in LANGUAGES])
    for lang in LANGUAGES:
        lrelease(ts_path(lang), qm_path(lang))
        todo = untranslated(ts_path(lang)) if lang in MUST_BE_TRANSLATED else []
        print(f"{lang}: {len(messages(ts_path(lang)))} strings, {len(todo)} to translate")
    return 0


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for lang in LANGUAGES:
            committed = ts_path(lang)
            if not committed.exists():
                problems.append(f"{committed.name} is missing")
                continue
            fresh = ts_path(lang, folder)
            shutil.copy(committed, fresh)
            lupdate([fresh])
            new = set(messages(fresh)) - set(messages(committed))
            for context, source in sorted(new):
                problems.append(f"{committed.name}: missing {context}: {source!r}")
            if lang in MUST_BE_TRANSLATED:
                for context, source in untranslated(committed):
                    problems.append(f"{committed.name}: not translated {context}: {source!r}")
            compiled = qm_path(lang, folder)
            lrelease(committed, compiled)
            shipped = qm_path(lang)
            if not shipped.exists() or shipped.read_bytes() != compiled.read_bytes():
                problems.append(f"{shipped.name} is stale: run scripts/build_translations.py")
    for problem in problems:
        print(problem)
    print("translations OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify, change nothing")
    args = parser.parse_args(argv)
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
