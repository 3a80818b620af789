"""The checks' fixture sites (tests/checks/fixtures/): the clean control, and the control plus one mutation.

A mutation fixture (``<name>/``) holds only the files it changes or adds, a ``delete.txt`` listing files it
removes, and ``expected.txt``: every finding it must give, as ``path:line: CODE``, and ``# suppressed: N``.
The checks' tests assert those findings; the detection-matrix benchmark runs the strict build and the
checks on the same assembled sites.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import ROOT

FIXTURES = ROOT / "tests" / "checks" / "fixtures"
CONTROL = "control"
_NOT_COPIED = shutil.ignore_patterns(".cache", "__pycache__")


def mutations(base: Path = FIXTURES) -> list[str]:
    """Every defect class, sorted (the control excluded)."""
    return sorted(p.name for p in base.iterdir() if p.is_dir() and p.name != CONTROL)


def assemble(dest: Path, name: str = CONTROL, base: Path = FIXTURES) -> Path:
    """A fresh copy of the control at `dest` with the mutation `name` laid over it: the files listed in
    delete.txt removed, and expected.txt (the answer, not part of the site) taken out."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(base / CONTROL, dest, ignore=_NOT_COPIED)
    if name != CONTROL:
        shutil.copytree(base / name, dest, dirs_exist_ok=True, ignore=_NOT_COPIED)
        deletions = dest / "delete.txt"
        if deletions.exists():
            for rel in deletions.read_text(encoding="utf-8").split():
                (dest / rel).unlink()
            deletions.unlink()
    (dest / "expected.txt").unlink(missing_ok=True)
    return dest


def expected(name: str, base: Path = FIXTURES) -> tuple[list[str], int]:
    """The findings `name` must give (sorted ``path:line: CODE`` lines) and how many it suppresses."""
    path = base / name / "expected.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    findings = sorted(line for line in lines if line.strip() and not line.startswith("#"))
    suppressed = next((int(line.split(":")[1]) for line in lines if line.startswith("# suppressed:")), 0)
    return findings, suppressed


def expected_codes(name: str, base: Path = FIXTURES) -> list[str]:
    """The codes among `name`'s expected findings, sorted, once each."""
    return sorted({line.rsplit(" ", 1)[-1] for line in expected(name, base)[0]})
