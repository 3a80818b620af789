"""Pairing Chinese and English pages, and their sections.

Pages pair by their path inside ``docs/<lang>/``. Sections pair by explicit id first; sections left over
pair by position between the same id-matched neighbours (the way the Kubernetes localization scripts do);
what is still left over has no counterpart. The parallel zh|en reading view reuses this::

    for pair in align_pages(zh_page, en_page):
        pair.zh, pair.en          # Section or None
"""
from __future__ import annotations

from dataclasses import dataclass

from scripts.model import Page, Section


@dataclass(frozen=True)
class SectionPair:
    zh: Section | None
    en: Section | None
    by: str = "id"          # "id" or "position" (how the pair was made), "" when one side is missing

    @property
    def id(self) -> str | None:
        return (self.zh.id if self.zh else None) or (self.en.id if self.en else None)


@dataclass(frozen=True)
class PagePair:
    rel: str
    zh: Page | None
    en: Page | None


def pair_pages(zh_pages: dict[str, Page], en_pages: dict[str, Page]) -> list[PagePair]:
    """All pages by path inside the language folder, zh order first (sorted)."""
    rels = sorted(set(zh_pages) | set(en_pages))
    return [PagePair(rel, zh_pages.get(rel), en_pages.get(rel)) for rel in rels]


def align_sections(zh: list[Section], en: list[Section]) -> list[SectionPair]:
    en_by_id: dict[str, int] = {}
    for j, section in enumerate(en):
        if section.id and section.id not in en_by_id:
            en_by_id[section.id] = j
    zh_ids_seen: set[str] = set()
    matched: dict[int, int] = {}                   # zh index -> en index
    for i, section in enumerate(zh):
        if section.id and section.id not in zh_ids_seen and section.id in en_by_id:
            matched[i] = en_by_id[section.id]
            zh_ids_seen.add(section.id)

    # anchors: id-matched pairs whose en indexes keep increasing (pairs out of order stay id pairs,
    # but do not delimit the gaps for positional pairing)
    anchors: list[tuple[int, int]] = [(-1, -1)]
    for i in sorted(matched):
        if matched[i] > anchors[-1][1]:
            anchors.append((i, matched[i]))
    anchors.append((len(zh), len(en)))
    used_en = set(matched.values())
    positional: dict[int, int] = {}
    for (zi, ei), (zj, ej) in zip(anchors, anchors[1:]):
        zh_gap = [i for i in range(zi + 1, zj) if i not in matched]
        en_gap = [j for j in range(ei + 1, ej) if j not in used_en]
        for i, j in zip(zh_gap, en_gap):
            if not (zh[i].id and en[j].id and zh[i].id != en[j].id and _known_elsewhere(zh[i], en[j], en, zh)):
                positional[i] = j
    used_en |= set(positional.values())

    pairs: list[SectionPair] = []
    en_emitted: set[int] = set()
    next_en = 0
    for i, section in enumerate(zh):
        j = matched.get(i, positional.get(i))
        if j is not None:
            # English sections with no counterpart that come before this one
            for k in range(next_en, j):
                if k not in used_en and k not in en_emitted:
                    pairs.append(SectionPair(None, en[k], ""))
                    en_emitted.add(k)
            pairs.append(SectionPair(section, en[j], "id" if i in matched else "position"))
            en_emitted.add(j)
            next_en = max(next_en, j + 1)
        else:
            pairs.append(SectionPair(section, None, ""))
    for k in range(len(en)):
        if k not in used_en and k not in en_emitted:
            pairs.append(SectionPair(None, en[k], ""))
    return pairs


def _known_elsewhere(zh_section: Section, en_section: Section, en: list[Section], zh: list[Section]) -> bool:
    """Never pair by position two sections whose ids exist, differently, on the other page."""
    return any(s.id == zh_section.id for s in en) or any(s.id == en_section.id for s in zh)


def align_pages(zh_page: Page | None, en_page: Page | None) -> list[SectionPair]:
    """Section pairs of two pages (either may be None: every section is then unpaired)."""
    return align_sections(zh_page.sections if zh_page else [], en_page.sections if en_page else [])
