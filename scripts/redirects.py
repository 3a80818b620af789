"""redirects.yml: where published pages and section ids went, the one file behind every redirect and alias.

Format (both parts optional; paths are inside ``docs/<lang>/`` and hold for both languages)::

    pages:                              # old page path: its new path
      part1/model.md: part1/service-model.md
    sections:                           # page (its path now): {old id: new id}
      part2/volunteers.md:
        recruiting: recruitment

A page redirect becomes a small redirect page at the old URL in each language (the build hook
``scripts/mkdocs_hooks/redirects.py``); a section alias becomes an extra empty anchor with the old id
at the renamed section, in each language. ``python -m scripts move`` and ``rename-id`` write this file
(``scripts/moves.py``); ``make check`` (M1xx, ``scripts/checks/permanence.py``) proves every target
exists and no redirect goes through another.

``load_redirects(root)`` never raises: the maps, the line of each entry and the file's problems.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.yamlfile import YamlError, load_yaml

REDIRECTS = "redirects.yml"
_PLAIN_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}
HEADER = """\
# Redirects and section aliases: where published pages and section ids went (see scripts/redirects.py).
# Written by `python -m scripts move OLD NEW` and `python -m scripts rename-id PAGE OLD NEW`; editable by hand.
# pages:    <old page path inside docs/<lang>/>: <its new path>          (both languages)
# sections: <page path now>: {<old id>: <new id>}                        (both languages)
"""


@dataclass
class Redirects:
    exists: bool = False
    pages: dict[str, str] = field(default_factory=dict)                  # old path -> new path
    sections: dict[str, dict[str, str]] = field(default_factory=dict)    # page -> {old id: new id}
    page_lines: dict[str, int] = field(default_factory=dict)             # old path -> line
    section_lines: dict[tuple[str, str], int] = field(default_factory=dict)   # (page, old id) -> line
    sections_page_lines: dict[str, int] = field(default_factory=dict)    # page -> line of its key
    problems: list[tuple[int, str]] = field(default_factory=list)        # (line, message)

    def follow(self, rel: str) -> tuple[str, list[str], bool]:
        """Where ``rel`` ends after its redirects: (final path, the paths passed, True if it loops)."""
        seen = [rel]
        while rel in self.pages:
            rel = self.pages[rel]
            if rel in seen:
                return rel, seen + [rel], True
            seen.append(rel)
        return rel, seen, False


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back as the same string, else double-quoted."""
    if _PLAIN_RE.match(value) and value.lower() not in _YAML_WORDS and not value.replace("-", "").isdigit() \
            and not _looks_numeric(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _looks_numeric(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def load_redirects(root: Path) -> Redirects:
    redirects = Redirects()
    path = Path(root) / REDIRECTS
    if not path.is_file():
        return redirects
    redirects.exists = True
    try:
        doc = load_yaml(path.read_bytes().decode("utf-8").lstrip("\ufeff"))
    except (OSError, UnicodeDecodeError) as err:
        redirects.problems.append((1, f"cannot be read as UTF-8 text: {err}"))
        return redirects
    except YamlError as err:
        redirects.problems.append((err.line, f"not valid YAML: {err.message}"))
        return redirects
    if doc.data is None:
        return redirects
    if not isinstance(doc.data, dict) or set(map(str, doc.data)) - {"pages", "sections"}:
        redirects.problems.append((1, "expected a mapping with 'pages' and 'sections'"))
        return redirects
    pages = doc.data.get("pages") or {}
    if not isinstance(pages, dict):
        redirects.problems.append((doc.line(("pages",)), "'pages' must map an old page path to its new path"))
        pages = {}
    for old, new in pages.items():
        line = doc.line(("pages", old))
        if not isinstance(new, str) or not str(old).endswith(".md") or not new.endswith(".md"):
            redirects.problems.append((line, f"'{old}: {new}' must map a page path (…/page.md) to a page path"))
            continue
        redirects.pages[str(old)] = new
        redirects.page_lines[str(old)] = line
    sections = doc.data.get("sections") or {}
    if not isinstance(sections, dict):
        redirects.problems.append((doc.line(("sections",)), "'sections' must map a page path to {old id: new id}"))
        sections = {}
    for page, ids in sections.items():
        page = str(page)
        line = doc.line(("sections", page))
        if not isinstance(ids, dict) or not page.endswith(".md"):
            redirects.problems.append((line, f"'{page}' must be a page path mapping old section ids to new ones"))
            continue
        redirects.sections_page_lines[page] = line
        for old, new in ids.items():
            at = doc.line(("sections", page, old))
            if not isinstance(new, str) or not new:
                redirects.problems.append((at, f"alias '{old}' on {page} must name the new id"))
                continue
            redirects.sections.setdefault(page, {})[str(old)] = new
            redirects.section_lines[(page, str(old))] = at
    return redirects


def dump_redirects(redirects: Redirects) -> str:
    """The file's text: sorted, one entry a line."""
    lines = [HEADER.rstrip("\n")]
    lines.append("pages:" + ("" if redirects.pages else " {}"))
    for old in sorted(redirects.pages):
        lines.append(f"  {scalar(old)}: {scalar(redirects.pages[old])}")
    sections = {page: ids for page, ids in redirects.sections.items() if ids}
    lines.append("sections:" + ("" if sections else " {}"))
    for page in sorted(sections):
        lines.append(f"  {scalar(page)}:")
        for old in sorted(sections[page]):
            lines.append(f"    {scalar(old)}: {scalar(sections[page][old])}")
    return "\n".join(lines) + "\n"


def write_redirects(root: Path, redirects: Redirects) -> None:
    (Path(root) / REDIRECTS).write_text(dump_redirects(redirects), encoding="utf-8")
