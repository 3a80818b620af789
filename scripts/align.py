"""Pairing Chinese and English pages, and their sections.

Pages pair by their path inside ``docs/<lang>/``. Sections pair, in this order:

1. by explicit id (``{#id}``; an id used twice pairs its k-th occurrence with the k-th);
2. by slug: a zh id equal to the id MkDocs generates from the English heading (``## Getting started``
   is ``getting-started``), or the other way round: documentation translated elsewhere often gives ids
   to one language only;
3. by alignment: between two pairs made so far (the longest chain of them in the same order on both
   pages), the sections left over are aligned like a longest common subsequence, maximising how alike
   paired sections look (level, number of tables, rows, lists, admonitions, images, figures and link
   targets they share). One section added or removed is then one unpaired section, and every other pair
   stays in place (pairing by index alone shifted every pair below it). Two sections whose ids both
   exist on the other page are never paired with each other this way.

What is still left over has no counterpart. The parallel zh|en reading view reuses this::

    for pair in align_pages(zh_page, en_page):
        pair.zh, pair.en          # Section or None
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from scripts.model import Page, Section


@dataclass(frozen=True)
class SectionPair:
    zh: Section | None
    en: Section | None
    by: str = "id"          # "id", "slug" or "alignment" (how the pair was made), "" when one side is missing

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
    matched: dict[int, tuple[int, str]] = {}            # zh index -> (en index, how)
    _pair_equal(zh, en, matched, lambda s: s.id, "id")
    _pair_equal(zh, en, matched, lambda s: s.id or (s.heading.slug if s.heading else None), "slug")

    # anchors: the longest chain of pairs whose en indexes increase; pairs out of order stay pairs (A108)
    # but do not delimit the gaps that are aligned by content
    chain = _increasing_chain(sorted((i, j) for i, (j, _) in matched.items()))
    anchors = [(-1, -1)] + chain + [(len(zh), len(en))]
    used_en = {j for j, _ in matched.values()}
    zh_ids = {s.id for s in zh if s.id}
    en_ids = {s.id for s in en if s.id}
    for (zi, ei), (zj, ej) in zip(anchors, anchors[1:]):
        zh_gap = [i for i in range(zi + 1, zj) if i not in matched]
        en_gap = [j for j in range(ei + 1, ej) if j not in used_en]
        for i, j in _align_gap(zh, en, zh_gap, en_gap, zh_ids, en_ids):
            matched[i] = (j, "alignment")
            used_en.add(j)

    pairs: list[SectionPair] = []
    en_emitted: set[int] = set()
    next_en = 0
    for i, section in enumerate(zh):
        if i in matched:
            j, how = matched[i]
            # English sections with no counterpart that come before this one
            for k in range(next_en, j):
                if k not in used_en and k not in en_emitted:
                    pairs.append(SectionPair(None, en[k], ""))
                    en_emitted.add(k)
            pairs.append(SectionPair(section, en[j], how))
            en_emitted.add(j)
            next_en = max(next_en, j + 1)
        else:
            pairs.append(SectionPair(section, None, ""))
    for k in range(len(en)):
        if k not in used_en and k not in en_emitted:
            pairs.append(SectionPair(None, en[k], ""))
    return pairs


def _pair_equal(zh, en, matched, key, how) -> None:
    """Pair still unpaired sections whose ``key`` is equal, the k-th occurrence with the k-th."""
    used_en = {j for j, _ in matched.values()}
    en_by_key: dict[str, list[int]] = {}
    for j, section in enumerate(en):
        k = key(section)
        if k and j not in used_en:
            en_by_key.setdefault(k, []).append(j)
    for i, section in enumerate(zh):
        k = key(section)
        if k and i not in matched and en_by_key.get(k):
            matched[i] = (en_by_key[k].pop(0), how)


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by zh index) whose en indexes increase."""
    tails: list[int] = []            # tails[k]: index in pairs of the smallest end of a chain of length k+1
    ends: list[int] = []             # the en index at each tail
    before: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(ends, j)
        if k:
            before[n] = tails[k - 1]
        if k == len(tails):
            tails.append(n)
            ends.append(j)
        else:
            tails[k], ends[k] = n, j
    chain, n = [], tails[-1] if tails else -1
    while n != -1:
        chain.append(pairs[n])
        n = before[n]
    return chain[::-1]


_PAIR_THRESHOLD = -1.0      # a pair must look more alike than this to be better than no pair
_MAX_CELLS = 250_000        # larger gaps (pages of hundreds of sections without ids) pair in order


def _align_gap(zh, en, zh_gap, en_gap, zh_ids, en_ids):
    """Pairs between two anchors: the alignment (in order, like an LCS) that maximises how alike the
    paired sections are, so that one section added or removed leaves every other pair in place."""
    if not zh_gap or not en_gap:
        return []

    def allowed(z: Section, e: Section) -> bool:
        # never pair two sections whose ids exist, differently, on the other page
        return not (z.id and e.id and z.id != e.id and (z.id in en_ids or e.id in zh_ids))

    m, n = len(zh_gap), len(en_gap)
    if m * n > _MAX_CELLS:
        return [(i, j) for i, j in zip(zh_gap, en_gap) if allowed(zh[i], en[j])]
    zf = [_features(zh[i]) for i in zh_gap]
    ef = [_features(en[j]) for j in en_gap]
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for a in range(m - 1, -1, -1):
        row, below = score[a], score[a + 1]
        for b in range(n - 1, -1, -1):
            best = max(below[b], row[b + 1])
            if allowed(zh[zh_gap[a]], en[en_gap[b]]):
                best = max(best, below[b + 1] + _similarity(zf[a], ef[b]) - _PAIR_THRESHOLD)
            row[b] = best
    out, a, b = [], 0, 0
    while a < m and b < n:
        here = score[a][b]
        if (allowed(zh[zh_gap[a]], en[en_gap[b]])
                and here == score[a + 1][b + 1] + _similarity(zf[a], ef[b]) - _PAIR_THRESHOLD):
            out.append((zh_gap[a], en_gap[b]))
            a, b = a + 1, b + 1
        elif here == score[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


_DIGITS_RE = re.compile(r"\d+")


def _features(s: Section):
    return (s.level, tuple(t.rows for t in s.tables), tuple(lst.items for lst in s.lists),
            tuple(a.kind for a in s.admonitions), ("image",) * len(s.images),
            frozenset(_DIGITS_RE.findall(s.plain_text())), frozenset(link.target for link in s.links))


def _similarity(z, e) -> float:
    """How alike two sections look: positive for blocks, figures and links they share, negative for
    those that differ; kinds of block neither has count for nothing."""
    score = 0.5 if z[0] == e[0] else -0.5
    for mine, theirs in zip(z[1:5], e[1:5]):          # tables (rows), lists (items), admonitions, images
        if mine or theirs:
            score += 1.5 if mine == theirs else 0.5 if len(mine) == len(theirs) else -1.0
    for mine, theirs in zip(z[5:], e[5:]):            # figures, link targets
        if mine or theirs:
            score += 2 * len(mine & theirs) / len(mine | theirs) - 0.5
    return score


def align_pages(zh_page: Page | None, en_page: Page | None) -> list[SectionPair]:
    """Section pairs of two pages (either may be None: every section is then unpaired)."""
    return align_sections(zh_page.sections if zh_page else [], en_page.sections if en_page else [])
