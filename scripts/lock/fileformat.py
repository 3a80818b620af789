"""translation-lock.yml on disk: reading it (with a finding per bad entry, at its line) and writing it.

The file maps each page (path inside docs/<lang>/) to its sections' lock keys, each to
``{zh: <fingerprint>}`` with an optional ``deferred: <fingerprint>`` (see :mod:`scripts.lock`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.diagnostics import Diagnostic
from scripts.yamlfile import YamlError, load_yaml

LOCK_FILE = "translation-lock.yml"
_PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_./-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


@dataclass
class LockEntry:
    zh: str | None                  # fingerprint of the zh section the translation follows
    deferred: str | bool | None = None
    line: int = 1


@dataclass
class Lock:
    exists: bool = False
    pages: dict[str, dict[str, LockEntry]] = field(default_factory=dict)
    page_lines: dict[str, int] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)


def load_lock(root: Path) -> Lock:
    path = Path(root) / LOCK_FILE
    lock = Lock()
    if not path.is_file():
        return lock
    lock.exists = True

    def problem(line: int, code: str, message: str) -> None:
        lock.problems.append(Diagnostic(LOCK_FILE, line, code, message))

    try:
        doc = load_yaml(path.read_bytes().decode("utf-8").lstrip("\ufeff"))
    except (OSError, UnicodeDecodeError) as err:
        problem(1, "E108", f"cannot be read as UTF-8 text: {err}; regenerate it with `python -m scripts stamp`")
        return lock
    except YamlError as err:
        problem(err.line, "E108", f"not valid YAML: {err.message}; regenerate it with `python -m scripts stamp`")
        return lock
    if doc.data is None:
        return lock
    if not isinstance(doc.data, dict):
        problem(1, "E108", "must map page paths to sections; regenerate it with `python -m scripts stamp`")
        return lock
    for rel, sections in doc.data.items():
        rel = str(rel)
        lock.page_lines[rel] = doc.line((rel,))
        if not isinstance(sections, dict):
            problem(doc.line((rel,)), "S104", f"lock entry for '{rel}' must map section ids to fingerprints")
            continue
        entries = lock.pages.setdefault(rel, {})
        for section_id, value in sections.items():
            line = doc.line((rel, section_id))
            if isinstance(value, str):
                value = {"zh": value}
            if (not isinstance(value, dict) or not isinstance(value.get("zh"), str)
                    or set(value) - {"zh", "deferred"}
                    or not isinstance(value.get("deferred"), (str, bool, type(None)))):
                problem(line, "S104", f"lock entry '{rel}' #{section_id} must be "
                                      "'{zh: <fingerprint>}' with an optional 'deferred: <fingerprint>'")
                continue
            entries[str(section_id)] = LockEntry(value["zh"], value.get("deferred"), line)
    return lock


def _key(value: str) -> str:
    if _PLAIN_KEY_RE.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def dump_lock(lock: Lock, order: list[str] | None = None) -> str:
    lines = [
        "# Which version of each Chinese section the English translation follows.",
        "# Written by `python -m scripts stamp` (see scripts/lock/); do not edit by hand.",
        "# <page inside docs/en/>: <section id>: {zh: <fingerprint of the zh section translated>,",
        "#                                      deferred: <zh fingerprint acknowledged as not yet translated>}",
    ]
    rels = list(lock.pages)
    if order:
        rank = {rel: i for i, rel in enumerate(order)}
        rels.sort(key=lambda r: (rank.get(r, len(rank)), r))
    for rel in rels:
        entries = lock.pages[rel]
        if not entries:
            lines.append(f"{_key(rel)}: {{}}")
            continue
        lines.append(f"{_key(rel)}:")
        for section_id, entry in entries.items():
            value = f"zh: {json.dumps(entry.zh)}"
            if entry.deferred:
                value += f", deferred: {'true' if entry.deferred is True else json.dumps(entry.deferred)}"
            lines.append(f"  {_key(section_id)}: {{{value}}}")
    return "\n".join(lines) + "\n"


def write_lock(root: Path, lock: Lock, order: list[str] | None = None) -> None:
    (Path(root) / LOCK_FILE).write_text(dump_lock(lock, order), encoding="utf-8")
