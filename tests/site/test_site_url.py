"""SITE_URL guarded (scripts/build.py): a build without a public address says so loudly, before and after
its output; `make release` refuses to build without one, exit 2, with the command to give."""

from __future__ import annotations

import os
import subprocess

import pytest

from scripts import build
from tests.conftest import ROOT


@pytest.mark.parametrize("value, problem", [
    (None, "not set"), ("", "not set"), ("http://127.0.0.1:8000/", "local address"),
    ("http://localhost/manual/", "local address"), ("example.org/manual/", "not an absolute"),
    ("https://example.org/manual/", None)])
def test_site_url_problem(value, problem):
    env = {} if value is None else {"SITE_URL": value}
    found = build.site_url_problem(env)
    assert (found is None) if problem is None else (problem in found)


def test_build_without_site_url_warns_before_and_after_and_still_builds(monkeypatch, capsys):
    monkeypatch.delenv("SITE_URL", raising=False)
    built = []
    monkeypatch.setattr(build, "build", lambda: built.append(True))
    assert build.main([]) == 0
    assert built == [True]
    err = capsys.readouterr().err
    assert err.count("WARNING: SITE_URL is not set") == 2 and "QR code" in err and "make release" in err


def test_build_with_site_url_is_quiet(monkeypatch, capsys):
    monkeypatch.setenv("SITE_URL", "https://example.org/manual/")
    monkeypatch.setattr(build, "build", lambda: None)
    assert build.main(["--release"]) == 0
    assert capsys.readouterr().err == ""


def test_make_release_refuses_without_site_url_exit_2():
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MAKELEVEL")}
    result = subprocess.run(["make", "--no-print-directory", "release"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "make release: SITE_URL is not set" in result.stderr
    assert "make release SITE_URL=https://" in result.stderr
    assert "Traceback" not in result.stderr


def test_release_with_a_local_site_url_is_refused_too():
    env = dict(os.environ, SITE_URL="http://127.0.0.1:8000/")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "scripts.build", "--release"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 2 and "local address" in result.stderr
