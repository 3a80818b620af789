"""Only the page model reads Markdown structure: no other module has a regex for headings or fences.

Issue #13 found the banner hook placing banners with regexes of its own (0 of 2 on a page with a
fence inside a fence); the model (``scripts/model.py``, markdown-it-py) is the one reader. This test
compiles every regex literal in ``scripts/`` and ``harness/`` outside the model and fails when one is
specific to a heading or a fence: it matches the Markdown line but not the same text without its
marker (``% Title``), so a generic pattern such as ``\\S+`` passes and ``^#{1,6}\\s`` does not.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = {"scripts/model.py"}
RE_FUNCS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}

# (Markdown structure, the same line with its marker replaced by other punctuation)
PROBES = [
    ("## 儿童的处境 {#situation}", "%% 儿童的处境 {#situation}"),
    ("# Title", "% Title"),
    ("```python", "'''python"),
    ("~~~", "+++"),
    ("    ```", "    '''"),
]
INLINE_CODE = "a `b` c"     # an inline-code pattern also sees a fence's backticks: that is no fence regex


def regex_literals(path: Path):
    """(line, pattern, flags) of every string literal given to a ``re`` function in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_FUNCS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value


def heading_or_fence_regexes(path: Path, root: Path = ROOT):
    for line, pattern in regex_literals(path):
        try:
            regex = re.compile(pattern, re.MULTILINE)
        except re.error:
            continue
        for structure, plain in PROBES:
            inline = "`" in structure and regex.search(INLINE_CODE)
            if regex.search(structure) and not regex.search(plain) and not inline:
                yield f"{path.relative_to(root)}:{line}: {pattern!r} reads {structure!r}"
                break


def modules():
    for folder in ("scripts", "harness"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.relative_to(ROOT).as_posix() not in MODEL:
                yield path


def test_no_module_outside_the_model_reads_headings_or_fences():
    found = [hit for path in modules() for hit in heading_or_fence_regexes(path)]
    assert found == [], "read headings and fences from scripts.model instead:\n" + "\n".join(found)


@pytest.mark.parametrize("pattern", [
    r"^#{1,6}\s+(.*)$",
    r"^(`{3,}|~{3,})",
    r"^(?P<level>#+) (?P<title>.*?)(?: \{#(?P<id>[\w-]+)\})?$"])
def test_the_probe_catches_a_heading_or_fence_regex(tmp_path, pattern):
    planted = tmp_path / "scripts" / "hook.py"
    planted.parent.mkdir()
    planted.write_text(f"import re\nHEADING = re.compile({pattern!r})\n", encoding="utf-8")
    assert list(heading_or_fence_regexes(planted, tmp_path))


def test_the_probe_lets_generic_patterns_pass(tmp_path):
    planted = tmp_path / "scripts" / "hook.py"
    planted.parent.mkdir()
    planted.write_text('import re\nWORD = re.compile(r"\\S+")\nCODE = re.compile(r"[A-Z]\\d{3}")\n', encoding="utf-8")
    assert list(heading_or_fence_regexes(planted, tmp_path)) == []
