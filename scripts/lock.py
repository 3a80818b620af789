"""translation-lock.yml: which version of each Chinese section the English translation follows.

For every English page and section id the lock records the fingerprint of the Chinese section it was
translated from (sha256 of the section's normalised text, 12 hex digits; whitespace, HTML comments and
full/half-width differences do not count, so typography fixes never make a translation stale).
``stamp`` records the current fingerprints; ``stamp --defer`` acknowledges a stale section without
claiming the translation caught up: the entry keeps the old fingerprint and gains ``deferred: <current
fingerprint>``, the check passes with a note, and the site shows the section as possibly out of date.
Changing the Chinese section again makes it stale again.

Entries are keyed by the Chinese section's lock key (:func:`section_keys`), which is unique on its page, so
the lock never merges two sections into one entry:

- a section with an id used once on the page: the id (``recruitment``);
- the second, third ... section with an id already used on the page: ``"recruitment #2"``;
- a section without an id (A104 asks for one; documentation written elsewhere often has none): by its
  position after the nearest section with an id, ``"recruitment +1"`` for the first one after it
  (``"_intro +1"`` before any). Such a section is still fingerprinted, so a change to it is S101; adding
  or removing an id-less section between two ids renumbers only the ones after it up to the next id.

``translation_status(root)`` gives the state of every page and section for the build hook.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from scripts.diagnostics import Diagnostic
from scripts.model import INTRO, Page, Section
from scripts.yamlfile import YamlError, load_yaml

LOCK_FILE = "translation-lock.yml"
STATES = ("current", "stale", "deferred", "unstamped", "missing")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SPACE_RE = re.compile(r"\s+")
_PLAIN_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_./-]*$")
_WIDTH = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'"})  # NFKC leaves these
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


@dataclass
class SectionStatus:
    id: str
    level: int
    zh_title: str
    en_title: str | None
    zh_line: int
    en_line: int | None
    state: str                      # current, stale, deferred, unstamped, missing


@dataclass
class PageStatus:
    rel: str
    zh_title: str | None
    en_title: str | None
    state: str                      # current, stale, deferred, unstamped, missing (no English page)
    sections: list[SectionStatus] = field(default_factory=list)

    @property
    def outdated(self) -> list[SectionStatus]:
        """Sections that may be out of date in English (stale, deferred or missing)."""
        return [s for s in self.sections if s.state in ("stale", "deferred", "missing")]


def fingerprint(page: Page, section: Section) -> str:
    text = "\n".join(page.lines[section.start - 1:section.end])
    text = _COMMENT_RE.sub("", text)
    text = _SPACE_RE.sub("", unicodedata.normalize("NFKC", text).translate(_WIDTH))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def section_keys(page: Page) -> dict[int, str]:
    """The lock key of every section of ``page``, by ``id(section)`` (see the module docstring)."""
    keys: dict[int, str] = {}
    seen: dict[str, int] = {}
    anchor, after = INTRO, 0
    for section in page.sections:
        if section.id:
            seen[section.id] = seen.get(section.id, 0) + 1
            key = section.id if seen[section.id] == 1 else f"{section.id} #{seen[section.id]}"
            anchor, after = key, 0
        else:
            after += 1
            key = f"{anchor} +{after}"
        keys[id(section)] = key
    return keys


def state_of(entry: LockEntry | None, current: str) -> str:
    if entry is None or entry.zh is None:
        return "unstamped"
    if entry.zh == current:
        return "current"
    if entry.deferred is True or entry.deferred == current:
        return "deferred"
    return "stale"


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


def status_of(site) -> dict[str, PageStatus]:
    """State of every Chinese page (by path inside docs/zh/) and of its sections."""
    lock: Lock = site.lock
    out: dict[str, PageStatus] = {}
    rank: dict[str, int] = {}
    for index, entry in enumerate(site.nav):
        rank.setdefault(entry.rel, index)                       # nav order first
    for pair in sorted(site.page_pairs, key=lambda p: (rank.get(p.rel, len(rank)), p.rel)):
        if pair.zh is None:
            continue
        if pair.en is None:
            out[pair.rel] = PageStatus(pair.rel, pair.zh.title, None, "missing", [
                SectionStatus(s.id or "", s.level, s.title, None, s.line, None, "missing")
                for s in pair.zh.sections if s.id])
            continue
        entries = lock.pages.get(pair.rel, {})
        keys = section_keys(pair.zh)
        sections = []
        for sp in site.section_pairs(pair.rel):
            if sp.zh is None or not sp.zh.id:
                continue                    # the status lists sections readers can link to
            if sp.en is None:
                state = "missing"
            else:
                state = state_of(entries.get(keys[id(sp.zh)]), fingerprint(pair.zh, sp.zh))
            sections.append(SectionStatus(sp.zh.id, sp.zh.level, sp.zh.title or pair.zh.title or "",
                                          (sp.en.title or pair.en.title) if sp.en else None,
                                          sp.zh.line, sp.en.line if sp.en else None, state))
        states = {s.state for s in sections}
        page_state = next((s for s in ("stale", "missing", "deferred", "unstamped") if s in states), "current")
        if page_state == "missing":
            page_state = "stale"
        out[pair.rel] = PageStatus(pair.rel, pair.zh.title, pair.en.title, page_state, sections)
    return out


def translation_status(root: Path | str) -> dict[str, PageStatus]:
    """For the build hook: ``{rel path inside docs/<lang>/: PageStatus}`` for every Chinese page."""
    from scripts.config import Config
    from scripts.site import load_site

    return status_of(load_site(Path(root), config=Config()))    # checks.yml plays no part in the status


@dataclass
class StampResult:
    pages: int = 0
    recorded: int = 0
    deferred: int = 0


def stamp(site, pages: list[str] | None = None, defer: bool = False) -> tuple[Lock, StampResult]:
    """A new lock: all pages (dropping entries for pages and sections that no longer exist), or the named
    ones. With ``defer``, stale sections keep their fingerprint and are marked deferred instead."""
    old: Lock = site.lock
    result = StampResult()
    targets = pages if pages is not None else [p.rel for p in site.page_pairs if p.zh and p.en]
    new = Lock(exists=True, pages={} if pages is None else {k: dict(v) for k, v in old.pages.items()})
    for rel in targets:
        zh_page = site.page("zh", rel)
        keys = section_keys(zh_page)
        previous = old.pages.get(rel, {})
        entries: dict[str, LockEntry] = {}
        for sp in site.section_pairs(rel):
            if sp.zh is None or sp.en is None:
                continue
            key = keys[id(sp.zh)]
            current = fingerprint(zh_page, sp.zh)
            before = previous.get(key)
            if not defer:
                entries[key] = LockEntry(current)
            elif before is not None:
                if before.zh == current:
                    entries[key] = LockEntry(current)
                else:
                    entries[key] = LockEntry(before.zh, current)
                    result.deferred += 1
        if not defer:
            result.recorded += len(entries)
        new.pages[rel] = entries
        result.pages += 1
    return new, result


def _key(value: str) -> str:
    if _PLAIN_KEY_RE.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def dump_lock(lock: Lock, order: list[str] | None = None) -> str:
    lines = [
        "# Which version of each Chinese section the English translation follows.",
        "# Written by `python -m scripts stamp` (see scripts/lock.py); do not edit by hand.",
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


__all__ = ["LOCK_FILE", "Lock", "LockEntry", "PageStatus", "SectionStatus", "fingerprint",
           "load_lock", "section_keys", "stamp", "status_of", "translation_status", "write_lock", "dump_lock"]
