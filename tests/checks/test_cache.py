"""The checks' result cache (scripts/cache.py, ResultCache): a run on an unchanged tree prints the stored
report without running a check; any change to what the checks read, or to the day, runs them again."""
from __future__ import annotations

import pytest

from scripts import cache, cli, runner

ZH = "docs/zh/part1/model.md"


@pytest.fixture
def cached(control_root, monkeypatch, capsys):
    """The control, checked once with the cache on; ``again()`` checks it again and tells whether the
    checks ran, with the output."""
    monkeypatch.setenv("CHECKS_CACHE", "1")
    real, calls = runner.run, []

    def counting(site):
        calls.append(site)
        return real(site)

    monkeypatch.setattr(runner, "run", counting)
    assert cli.main(["check", "--root", str(control_root)]) == 0
    first = capsys.readouterr().out

    def again(*extra):
        before = len(calls)
        code = cli.main(["check", "--root", str(control_root), *extra])
        return code, len(calls) > before, capsys.readouterr().out

    assert (control_root / ".cache/checks-result.pickle").is_file() and len(calls) == 1
    return control_root, first, again


def test_unchanged_tree_prints_the_stored_report(cached):
    root, first, again = cached
    assert again() == (0, False, first)


def test_a_changed_page_runs_the_checks(cached):
    root, first, again = cached
    page = root / ZH
    page.write_text(page.read_text(encoding="utf-8").replace("志愿者须年满", "志愿者应年满"), encoding="utf-8")
    code, ran, out = again()
    assert (code, ran) == (1, True) and "S101" in out
    assert again() == (1, False, out)


@pytest.mark.parametrize("change", ["checks.yml", "translation-lock.yml", "image", "today", "code"])
def test_what_else_the_checks_read_runs_them(cached, change, monkeypatch):
    root, first, again = cached
    extra = ()
    if change == "checks.yml":
        (root / "checks.yml").write_text("disable: [C105]\n", encoding="utf-8")
    elif change == "translation-lock.yml":
        with open(root / "translation-lock.yml", "a", encoding="utf-8") as handle:
            handle.write("# a comment\n")
    elif change == "image":
        (root / "docs/zh/assets/model.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    elif change == "code":   # the package's code or an installed version (one digest a process)
        monkeypatch.setattr(cache, "_package_code", lambda: b"another version of the code")
    else:
        extra = ("--today", "2026-12-07")
    code, ran, out = again(*extra)
    assert ran


def test_off_with_checks_cache_0(cached, monkeypatch):
    root, first, again = cached
    monkeypatch.setenv("CHECKS_CACHE", "0")
    assert again()[1] is True
