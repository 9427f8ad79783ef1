"""Effective settings: defaults < system file < user file < HATIF_* environment < flags.

Each effective value remembers where it came from (:class:`SettingSource`), so
``hatif --self-test`` can show IT why a desk uses the value it uses.
Settings files are INI (``[server]`` / ``url = ...``) or JSON (nested
``{"server": {"url": ...}}`` or flat ``{"server.url": ...}``), chosen by suffix.
"""

from __future__ import annotations

import configparser
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.app_paths import AppPaths
from app.settings_schema import (
    ALL_SETTINGS,
    BY_ENV_VAR,
    Setting,
    SettingValueError,
    lookup,
)

T = TypeVar("T")


class SettingsFileError(SettingValueError):
    """A settings or provisioning file that cannot be read or parsed."""


@dataclass(frozen=True)
class SettingSource:
    """Where an effective value came from."""

    kind: str  # default | system_file | user_file | environment | command_line | runtime
    detail: str = ""

    def __str__(self) -> str:
        label = self.kind.replace("_", " ")
        return f"{label} {self.detail}".strip()


DEFAULT_SOURCE = SettingSource("default")


@dataclass(frozen=True)
class CommandLineOverride:
    """A setting given on the command line, with the flag that gave it."""

    name: str
    text: str
    flag: str


@dataclass(frozen=True)
class EffectiveValue:
    setting: Setting[object]
    value: object
    source: SettingSource


class EffectiveSettings:
    """The typed value of every setting and its source. Read with ``settings[SETTING]``."""

    def __init__(self, values: Mapping[str, EffectiveValue], warnings: Iterable[str] = ()) -> None:
        self._values = dict(values)
        self.warnings: tuple[str, ...] = tuple(warnings)

    def __getitem__(self, setting: Setting[T]) -> T:
        return self._values[setting.name].value  # type: ignore[return-value]

    def source_of(self, setting: Setting[Any]) -> SettingSource:
        return self._values[setting.name].source

    def __iter__(self) -> Iterator[EffectiveValue]:
        return iter(self._values[s.name] for s in ALL_SETTINGS)

    def replaced(self, setting: Setting[T], value: T, source: SettingSource) -> EffectiveSettings:
        """A copy with one value changed at run time (e.g. the demo server's URL)."""
        values = dict(self._values)
        values[setting.name] = EffectiveValue(setting, value, source)  # type: ignore[arg-type]
        return EffectiveSettings(values, self.warnings)

    def report(self) -> list[dict[str, object]]:
        """JSON-ready rows: name, value, source, default."""
        return [
            {"name": item.setting.name, "value": item.value, "source": str(item.source),
             "default": item.setting.default}
            for item in self
        ]


def read_flat_file(path: Path) -> dict[str, object]:
    """All ``section.key`` entries of an INI or JSON file, keys lower-cased."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SettingsFileError(
            "settings.file_unreadable", {"path": str(path), "error": exc.strerror or str(exc)},
            f"Cannot read settings file {path}: {exc.strerror or exc}.") from None
    if path.suffix.lower() == ".json":
        return _flatten_json(path, text)
    return _flatten_ini(path, text)


def _flatten_json(path: Path, text: str) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsFileError(
            "settings.file_invalid", {"path": str(path), "line": exc.lineno},
            f"Settings file {path} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    if not isinstance(data, dict):
        raise SettingsFileError(
            "settings.file_invalid", {"path": str(path)},
            f"Settings file {path} must hold a JSON object.")
    flat: dict[str, object] = {}
    for section, value in data.items():
        if isinstance(value, dict):
            for key, inner in value.items():
                flat[f"{section}.{key}".lower()] = inner
        else:
            flat[str(section).lower()] = value
    return flat


def _flatten_ini(path: Path, text: str) -> dict[str, object]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise SettingsFileError(
            "settings.file_invalid", {"path": str(path)},
            f"Settings file {path} is not a valid INI file: {exc}".rstrip(".") + ".") from None
    return {
        f"{section}.{key}".lower(): value
        for section in parser.sections()
        for key, value in parser.items(section)
    }


def load_settings(
    paths: AppPaths,
    environ: Mapping[str, str] | None = None,
    overrides: Iterable[CommandLineOverride] = (),
) -> EffectiveSettings:
    """Merge every source in order; raise SettingValueError on the first bad value."""
    env = os.environ if environ is None else environ
    values = {s.name: EffectiveValue(s, s.default, DEFAULT_SOURCE) for s in ALL_SETTINGS}
    warnings: list[str] = []

    for kind, path in (("system_file", paths.system_settings_file),
                       ("user_file", paths.user_settings_file)):
        if not path.is_file():
            continue
        source = SettingSource(kind, str(path))
        for name, raw in read_flat_file(path).items():
            setting = lookup(name)
            if setting is None:
                warnings.append(f"Unknown setting {name!r} in {source} was ignored.")
                continue
            values[setting.name] = EffectiveValue(setting, setting.parse(raw, str(source)), source)

    for var, text in sorted(env.items()):
        setting = BY_ENV_VAR.get(var)
        if setting is None:
            continue
        source = SettingSource("environment", var)
        values[setting.name] = EffectiveValue(setting, setting.parse(text, str(source)), source)

    for override in overrides:
        setting = lookup(override.name)
        if setting is None:
            raise SettingValueError(
                "setting.unknown", {"setting": override.name, "source": override.flag},
                f"Unknown setting {override.name!r} given with {override.flag}; "
                f"known settings: {', '.join(s.name for s in ALL_SETTINGS)}.")
        source = SettingSource("command_line", override.flag)
        values[setting.name] = EffectiveValue(
            setting, setting.parse(override.text, str(source)), source)

    return EffectiveSettings(values, warnings)


def write_settings_file(path: Path, updates: Mapping[Setting[Any], object]) -> None:
    """Merge ``updates`` into the INI (or ``.json``) file at ``path``, atomically."""
    if path.suffix.lower() == ".json":
        text = _merged_json(path, updates)
    else:
        text = _merged_ini(path, updates)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _merged_ini(path: Path, updates: Mapping[Setting[Any], object]) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    if path.is_file():
        parser.read_string(path.read_text(encoding="utf-8-sig"), source=str(path))
    for setting, value in updates.items():
        if not parser.has_section(setting.section):
            parser.add_section(setting.section)
        parser.set(setting.section, setting.key, setting.to_text(value))
    buffer = io.StringIO()
    buffer.write("# Hatif settings; secrets are in the OS keyring, never here.\n")
    parser.write(buffer)
    return buffer.getvalue()


def _merged_json(path: Path, updates: Mapping[Setting[Any], object]) -> str:
    data: dict[str, dict[str, object]] = {}
    if path.is_file():
        for name, value in read_flat_file(path).items():
            section, _, key = name.partition(".")
            data.setdefault(section, {})[key] = value
    for setting, value in updates.items():
        data.setdefault(setting.section, {})[setting.key] = value
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
