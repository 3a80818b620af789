"""The checks on real bilingual documentation nobody here wrote: the trees in tests/corpus/ (FastAPI, Apache
APISIX and the CNCF glossary; sources, commits and licences in tests/corpus/SOURCES.md).

Real input has findings (exit 1 is expected); what is asserted is that the checker survives it, as a user
running it on their own docs would need: exit 0, 1 or 2 only, never a traceback or "internal error", no
control characters (NUL from masked text, escapes) in any output format, a summary that agrees with the
exit code, findings that name a real file and line with a known code, the same findings in the text, JSON
and GitHub formats and on every run, and a stamp after which no staleness finding is left.

Speed (issue #11: "time per page within 2x of this manual's") is measured here but asserted only in the
benchmark tier (``pytest -m bench``, out of ``make test``): speed goals live in benchmarks, never in the
suite a contributor must pass, because any timed assertion can fail on a loaded machine. The ratio is
measured so that load barely moves it:

- CPU time of this process (``time.process_time``), not wall time, so waiting for a busy CPU is not counted;
- the manual and every corpus tree are checked in the same process, interleaved, ``REPEATS`` times, and the
  minimum of each is taken: anything that slows the machine slows both sides of the ratio, and the minimum
  discards the run that paid for imports, a cold cache or a burst of load;
- the bound is the issue's 2x, against measured ratios of 0.13 (cncf-glossary), 0.35 (apisix) and 0.55
  (fastapi) to the manual's 11.5 ms per page (December 2026, 2 cores, load average 8; the manual's pages are
  about twice as long and have a glossary to match; per kilobyte the trees cost 0.65-1.05x the manual), so
  only a check that becomes about 4x slower per page on some feature of foreign input fails it. The corpus
  has no Chinese line of thousands of characters: the quadratic long-line case has its own benchmark.

In ``make test`` the module checks only the corpus (2 x 80 pages, then one run per extra format and per
stamp); the manual's reference runs belong to the benchmark test, which alone needs them.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import cli
from scripts.checks import all_codes

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MANUAL = Path(__file__).resolve().parents[2]
TREES = sorted(p.name for p in CORPUS.iterdir() if (p / "mkdocs.yml").is_file())
REPEATS = 2
MAX_RATIO = 2.0
# Every C0 and C1 control character and DEL, except the newline and tab a text line may hold.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FINDING = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<code>[A-Z]\d{3}) \S")
SUMMARY = re.compile(r"^(?P<n>\d+) findings? in \d+ files?, \d+ suppressed, (?P<notes>\d+) notes?$")
ROOT_FILES = {"mkdocs.yml", "glossary.yml", "translation-lock.yml", "checks.yml"}


@dataclass
class Run:
    code: int
    out: str
    err: str
    cpu: float


def run(argv: list[str]) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        start = time.process_time()
        code = cli.main(argv)
        cpu = time.process_time() - start
    return Run(code, out.getvalue(), err.getvalue(), cpu)


def check(root: Path, fmt: str = "text") -> Run:
    return run(["check", "--root", str(root), "--format", fmt])


def pages(root: Path) -> int:
    return sum(1 for lang in ("zh", "en") for _ in (root / "docs" / lang).rglob("*.md"))


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, Path]:
    """A copy of every corpus tree, so nothing the checker or stamp writes lands in tests/corpus/."""
    base = tmp_path_factory.mktemp("corpus")
    return {name: Path(shutil.copytree(CORPUS / name, base / name)) for name in TREES}


def interleaved_runs(trees, names: tuple[str, ...]) -> dict[str, list[Run]]:
    """``REPEATS`` text-format runs of each named tree ("manual": this manual), interleaved."""
    result: dict[str, list[Run]] = {name: [] for name in names}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHECKS_CACHE", "0")        # every run parses every page
        mp.delenv("CI", raising=False)
        for _ in range(REPEATS):
            for name in names:
                result[name].append(check(MANUAL if name == "manual" else trees[name]))
    return result


@pytest.fixture(scope="module")
def runs(trees) -> dict[str, list[Run]]:
    """The corpus trees, each run ``REPEATS`` times (the same output every time is asserted)."""
    return interleaved_runs(trees, TREES)


def assert_clean_output(r: Run) -> None:
    text = r.out + r.err
    assert r.code in (0, 1, 2), r.err
    assert "Traceback" not in text and "internal error" not in text, r.err
    bad = CONTROL.search(text)
    where = text[max(0, bad.start() - 80):bad.end() + 80] if bad else ""
    assert bad is None, f"control character {bad.group()!r} in the output: {where!r}"


def text_findings(r: Run) -> list[tuple[str, int, str]]:
    """(path, line, code) of every finding and note, from the text format."""
    lines = r.out.rstrip("\n").splitlines()
    found = [FINDING.match(line) for line in lines[:-1]]
    assert all(found), [line for line, m in zip(lines, found) if not m][:5]
    return [(m["path"], int(m["line"]), m["code"]) for m in found]


def test_corpus_is_what_sources_md_describes():
    listed = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(TREES) >= 2
    for name in TREES:
        assert f"## `{name}/`" in listed
        zh, en = ({p.relative_to(CORPUS / name / "docs" / lang).as_posix()
                   for p in (CORPUS / name / "docs" / lang).rglob("*.md")} for lang in ("zh", "en"))
        assert zh == en and zh, name
        assert all(f"`{rel}`" in listed for rel in zh), name


@pytest.mark.parametrize("name", TREES)
def test_checker_survives_real_docs(name, trees, runs):
    first = runs[name][0]
    for r in runs[name]:
        assert_clean_output(r)
        assert r.out == first.out and r.code == first.code      # deterministic
    summary = SUMMARY.match(first.out.rstrip("\n").splitlines()[-1])
    assert summary, first.out[-300:]
    findings = text_findings(first)
    assert len(findings) == int(summary["n"]) + int(summary["notes"])
    assert first.code == (1 if int(summary["n"]) else 0)
    codes = set(all_codes())
    for path, line, code in findings:
        assert code in codes, (path, line, code)
        file = trees[name] / path
        if file.is_file():
            assert 1 <= line <= max(1, len(file.read_bytes().splitlines())), (path, line, code)
        else:
            assert path in ROOT_FILES and line == 1, (path, line, code)


@pytest.mark.parametrize("name", TREES)
def test_json_and_github_formats_agree_and_are_clean(name, trees, runs, monkeypatch):
    monkeypatch.setenv("CHECKS_CACHE", "0")
    expected = sorted(text_findings(runs[name][0]))

    as_json = check(trees[name], "json")
    assert_clean_output(as_json)
    items = json.loads(as_json.out)

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    decoded = [s for s in strings(items) if CONTROL.search(s)]
    assert decoded == []                          # e.g. "\u0000" is clean JSON but not clean text
    assert sorted((i["path"], i["line"], i["code"]) for i in items) == expected

    github = check(trees[name], "github")
    assert_clean_output(github)
    annotations = [line for line in github.out.splitlines() if line.startswith("::")]
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in annotations)
    assert len(annotations) == len(github.out.splitlines()) == len(expected)


@pytest.mark.parametrize("name", TREES)
def test_stamp_then_check_leaves_no_staleness_finding(name, tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKS_CACHE", "0")
    root = Path(shutil.copytree(CORPUS / name, tmp_path / name))
    stamped = run(["stamp", "--root", str(root)])
    assert_clean_output(stamped)
    assert stamped.code == 0
    assert int(re.search(r"stamped (\d+) section", stamped.out)[1]) > 0
    after = check(root)
    assert_clean_output(after)
    assert [f for f in text_findings(after) if f[2].startswith("S1")] == []


@pytest.mark.bench
def test_time_per_page_within_2x_of_the_manual(trees):
    runs = interleaved_runs(trees, ("manual", *TREES))
    assert all(r.code in (0, 1) for r in runs["manual"]), \
        f"the manual itself could not be checked, so there is no reference time: {runs['manual'][-1].err}"
    manual = min(r.cpu for r in runs["manual"]) / pages(MANUAL)
    report = {name: min(r.cpu for r in runs[name]) / pages(CORPUS / name) / manual for name in TREES}
    slow = {name: round(ratio, 2) for name, ratio in report.items() if ratio > MAX_RATIO}
    assert slow == {}, (f"CPU time per page vs the manual's {manual * 1000:.1f} ms: "
                        + ", ".join(f"{n} {r:.2f}x" for n, r in report.items()))
