"""The layers of scripts/ (pyproject.toml, [tool.importlinter]) hold: no cycle, no check importing
another, no hook importing another, no MkDocs below the build. A cycle fails `make test` here."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports(no_cache=True, no_logo=True))"


def lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, capture_output=True, text=True, timeout=300)


def test_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_a_cycle_breaks_the_contracts(tmp_path):
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "scripts" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom scripts import site  # noqa: E402\n",
                     encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "scripts.model -> scripts.site" in result.stdout
    assert "No import cycle between sibling modules or packages, at any depth BROKEN" in result.stdout
