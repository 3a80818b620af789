"""The state of every page and section of the translation: current, stale, deferred, unstamped, missing.

``status_of(site)`` reads a loaded Site (its pages, pairs, nav and lock); the checks (S1xx) and the build
(``Site.translation_status``: banners and the status page) both use it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from scripts.lock.fileformat import Lock, LockEntry
from scripts.lock.fingerprints import fingerprint, section_keys

STATES = ("current", "stale", "deferred", "unstamped", "missing")


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


def state_of(entry: LockEntry | None, current: str) -> str:
    if entry is None or entry.zh is None:
        return "unstamped"
    if entry.zh == current:
        return "current"
    if entry.deferred is True or entry.deferred == current:
        return "deferred"
    return "stale"


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
