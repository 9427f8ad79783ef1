"""The layout DESIGN.md promises exists and the packages import cleanly."""

import importlib

import pytest


@pytest.mark.parametrize("package", ["core", "server", "sync", "telephony", "app", "ui"])
def test_top_level_package_imports(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__doc__, f"{package} needs a docstring saying what belongs in it"
