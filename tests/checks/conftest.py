"""Fixture sites for the checks (assembled by :mod:`harness.fixtures`, which documents their layout), and
checks run without their page cache or CI annotations."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import fixtures
from harness.fixtures import FIXTURES, expected  # noqa: F401 - the tests' names for them

CONTROL = FIXTURES / fixtures.CONTROL
MUTATIONS = fixtures.mutations()


def build_root(tmp_path: Path, name: str = fixtures.CONTROL) -> Path:
    """A fresh copy of the control site with the mutation ``name`` applied."""
    return fixtures.assemble(tmp_path / "site-root", name)


@pytest.fixture(autouse=True)
def _no_page_cache(monkeypatch):
    monkeypatch.setenv("CHECKS_CACHE", "0")
    monkeypatch.setenv("CHECKS_TODAY", "2026-12-06")     # the fixtures' reviews are judged on their own calendar
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def control_root(tmp_path) -> Path:
    return build_root(tmp_path)


@pytest.fixture
def mutated_root(tmp_path):
    return lambda name: build_root(tmp_path, name)
