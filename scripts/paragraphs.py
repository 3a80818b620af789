"""Paragraphs and sentences of a Chinese section paired with those of its English section.

The one place where blocks (:class:`scripts.model.Block`: paragraphs, list items, table rows,
admonition titles) of two paired sections are aligned; the omissions check (O1xx), the side-by-side
view and the translation-status page all read it::

    for bead in align_section(site, pair.zh, pair.en, section_pair):
        bead.zh, bead.en        # tuples of Blocks; one is empty when a block has no counterpart
        bead.delta              # Gale–Church delta of the pair (None for 1-0 / 0-1)

Blocks are aligned with the Gale–Church programme (``scripts/lengthalign.py``) under this manual's
length model (``C``, ``S2`` below, measured by ``make bench``: see ``scripts/checks/omissions.py``),
with anchors a translation keeps: numbers (thousands separators dropped), glossary terms (by id), link
targets (compared as ``scripts/targets.py`` does for A115), inline code, and a bold lead (a block that
opens with ``**``, as in ``**Why.** ...``). Blocks pair only with
blocks of their kind (a row with a row, a list item with a list item): the A codes already hold the two
pages to the same tables and lists, so a paragraph left out never shifts the pairs below it onto a list.
Where a block is left with no counterpart next to a pair, words decide which of the two neighbours is
the one alone (CC-CEDICT, ``scripts/dictionary.py``; :func:`_settle`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from scripts.dictionary import similarity
from scripts.glossary import english_pattern, lower, normalise
from scripts.lengthalign import Model, Unit, align, bead_cost, delta, en_length, split_en, split_zh, zh_length
from scripts.model import Block, Page, Section
from scripts.targets import comparable

C = 3.743           # English characters per Chinese character, mean over 3914 block pairs of this manual
S2 = 8.68           # variance of (l2 - C l1) / sqrt(l1) over the same pairs

BLOCK_MODEL = Model(c=C, s2=S2, anchor_weight=1.5)
SENTENCE_MODEL = Model(c=C, s2=S2, anchor_weight=1.0, skip_cost=4.0)

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class BlockBead:
    zh: tuple[Block, ...]
    en: tuple[Block, ...]
    delta: float | None = None      # for a pair: how far the English length is from what the Chinese predicts
    zh_units: tuple[Unit, ...] = ()
    en_units: tuple[Unit, ...] = ()

    def without(self, side: str) -> int:
        """For a 2-1 (side "zh") or 1-2 (side "en") bead: the index, within ``side``, of the block whose
        removal leaves the cheaper 1-1 pair (lengths and anchors): the one with no counterpart."""
        mine, other = (self.zh_units, self.en_units) if side == "zh" else (self.en_units, self.zh_units)
        costs = []
        for k in range(len(mine)):
            rest = mine[:k] + mine[k + 1:]
            pair = (rest, other) if side == "zh" else (other, rest)
            costs.append(bead_cost(pair[0], pair[1], BLOCK_MODEL))
        return min(range(len(costs)), key=costs.__getitem__)


def block_text(block: Block, lang: str) -> str:
    """The block's prose as one string (a table row's cells joined as its language joins words)."""
    return ("" if lang == "zh" else " ").join(t.text.strip() for t in block.text)


def shown(block: Block) -> str:
    """The block's prose as messages quote it (a table row's cells joined with ' | ')."""
    return (" | " if block.kind == "row" else " ").join(t.text.strip() for t in block.text)


def length(text: str, lang: str) -> float:
    return zh_length(text) if lang == "zh" else en_length(text)


def numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER_RE.findall(text)}


_LEAD_RE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*(\*\*|__)")


def _terms_in(terms, text: str, lang: str) -> set[str]:
    """Ids of ``terms`` (those the section holds) whose canonical form occurs in ``text``."""
    if lang == "zh":
        return {f"term:{t.id}" for t in terms if t.canonical("zh") in text}
    flat = lower(normalise(text))
    return {f"term:{t.id}" for t in terms if english_pattern(t.canonical("en")).search(flat) is not None}


def _anchors(site, page: Page, by_line: dict, block: Block, text: str, terms) -> frozenset:
    found = {f"#{n}" for n in numbers(text)}
    if 0 < block.line <= len(page.lines) and _LEAD_RE.match(page.lines[block.line - 1]):
        found.add("lead:bold")          # "**Why.** ...": a bold lead a translation keeps
    if terms:
        found |= _terms_in(terms, text, page.lang)
    for line in range(block.line, block.end + 1):
        found.update(by_line.get(line, ()))
    return frozenset(found)


def _units(site, page: Page, section: Section) -> list[Unit]:
    texts = [block_text(block, page.lang) for block in section.blocks]
    # the glossary is searched once per section; each block is then asked only for the terms found there
    terms = [site.glossary.by_id[t] for t in sorted(site.glossary.present_terms("\n".join(texts), page.lang))
             if t in site.glossary.by_id]
    by_line: dict[int, list[str]] = {}          # link targets and inline code, by line
    for link in section.links:
        by_line.setdefault(link.line, []).append(f"link:{comparable(site, page, link)}")
    for code in section.code:
        by_line.setdefault(code.line, []).append(f"code:{code.text.strip()}")
    return [Unit(max(1, round(length(text, page.lang))), _anchors(site, page, by_line, block, text, terms), block.kind)
            for block, text in zip(section.blocks, texts)]


def align_section(site, zh_page: Page, en_page: Page, zh: Section, en: Section) -> list[BlockBead]:
    """The blocks of ``zh`` and ``en`` aligned (cached on the site: the check and the hooks share it)."""
    cache = vars(site).setdefault("_paragraph_beads", {})
    key = (id(zh), id(en))          # the sections themselves: a page parsed again is aligned again
    if key not in cache or cache[key][0] is not zh or cache[key][1] is not en:
        beads = _mirrored(zh, en)
        if beads is not None:
            cache[key] = (zh, en, beads)
            return beads
        zu, eu = _units(site, zh_page, zh), _units(site, en_page, en)
        beads = []
        for bead in align(zu, eu, BLOCK_MODEL):
            d = None
            if bead.zh and bead.en:
                d = delta(sum(zu[i].length for i in bead.zh), sum(eu[j].length for j in bead.en), BLOCK_MODEL)
            beads.extend(_refine(BlockBead(tuple(zh.blocks[i] for i in bead.zh), tuple(en.blocks[j] for j in bead.en),
                                           d, tuple(zu[i] for i in bead.zh), tuple(eu[j] for j in bead.en))))
        cache[key] = (zh, en, _settle(beads))      # holding the sections keeps their ids from being reused
    return cache[key][2]


QUIET = (-4.0, 2.5)      # deltas of a 1-1 pair the omissions check looks no further into (O103, O104)


def _mirrored(zh: Section, en: Section) -> list[BlockBead] | None:
    """The pairs of a section pair translated block for block, without the programme: the same number of
    blocks, of the same kinds in the same order, each pair's delta inside ``QUIET``; else None.

    What the programme would make of it: a 1-0 or 0-1 bead prices a block's whole length (12 standard
    deviations for a 50-character paragraph) against at most two anchor weights it could gain, so it
    keeps the pairs; it may pool two of them into a 2-2 bead for their anchors' sake (11 such beads on
    the clean manual, December 2026), which the omissions check, like the pairs, reports nothing on.
    Nearly every section of the clean manual is paired here; the rest, and every section with a block
    left out, added, truncated or left in Chinese, go through the programme. On the manual this spares
    about two thirds of the family's time (0.8 s to 0.25 s CPU).
    """
    if len(zh.blocks) != len(en.blocks) or any(a.kind != b.kind for a, b in zip(zh.blocks, en.blocks)):
        return None
    beads = []
    for zb, eb in zip(zh.blocks, en.blocks):
        zu = Unit(max(1, round(length(block_text(zb, "zh"), "zh"))), kind=zb.kind)
        eu = Unit(max(1, round(length(block_text(eb, "en"), "en"))), kind=eb.kind)
        d = delta(zu.length, eu.length, BLOCK_MODEL)
        if not QUIET[0] <= d <= QUIET[1]:
            return None
        beads.append(BlockBead((zb,), (eb,), d, (zu,), (eu,)))
    return beads


def _refine(bead: BlockBead) -> list[BlockBead]:
    """A 2-1 or 1-2 bead as a block with no counterpart and a 1-1 pair (in their order): this manual is
    translated block for block, so two blocks answering one mean one of them was left out or added;
    the one left alone is the one whose removal leaves the cheaper pair (:meth:`BlockBead.without`)."""
    shape = (len(bead.zh), len(bead.en))
    if shape not in ((2, 1), (1, 2)):
        return [bead]
    side = "zh" if shape == (2, 1) else "en"
    k = bead.without(side)
    blocks, units = (bead.zh, bead.zh_units) if side == "zh" else (bead.en, bead.en_units)
    alone_block, alone_unit = blocks[k], units[k]
    kept_block, kept_unit = blocks[1 - k], units[1 - k]
    if side == "zh":
        pair = BlockBead((kept_block,), bead.en, delta(kept_unit.length, bead.en_units[0].length, BLOCK_MODEL),
                         (kept_unit,), bead.en_units)
        alone = BlockBead((alone_block,), (), None, (alone_unit,), ())
    else:
        pair = BlockBead(bead.zh, (kept_block,), delta(bead.zh_units[0].length, kept_unit.length, BLOCK_MODEL),
                         bead.zh_units, (kept_unit,))
        alone = BlockBead((), (alone_block,), None, (), (alone_unit,))
    return [alone, pair] if k == 0 else [pair, alone]


WORDS_MARGIN = 0.15      # dictionary similarity the other neighbour must gain to take the pair


def _settle(beads: list[BlockBead]) -> list[BlockBead]:
    """A block with no counterpart next to a pair of blocks of its kind: which of the two neighbours is
    the one left alone is decided again by words (``scripts/dictionary.py``), when lengths and anchors
    could not tell them apart. The block that renders more of the other side's words (by
    ``WORDS_MARGIN`` or more), without sharing fewer of its anchors, keeps the pair; its delta is then
    measured again. Only sections with an unpaired block pay for the dictionary."""
    beads = list(beads)
    for k, bead in enumerate(beads):
        shape = (len(bead.zh), len(bead.en))
        if shape not in ((1, 0), (0, 1)):
            continue
        side = "en" if shape == (0, 1) else "zh"
        for n in (k - 1, k + 1):
            if not 0 <= n < len(beads) or (len(beads[n].zh), len(beads[n].en)) != (1, 1):
                continue
            swapped = _swap(bead, beads[n], side)
            if swapped is not None:
                alone, pair = swapped
                # the block now alone comes first when it was the pair's (which stood first)
                beads[min(k, n)], beads[max(k, n)] = (alone, pair) if n < k else (pair, alone)
                break
    return beads


def _swap(alone: BlockBead, pair: BlockBead, side: str) -> tuple[BlockBead, BlockBead] | None:
    """(the new block alone, the new pair) when ``alone``'s block should take ``pair``'s place."""
    if side == "en":
        block, unit, kept, kept_unit = alone.en[0], alone.en_units[0], pair.en[0], pair.en_units[0]
        other, other_unit = pair.zh[0], pair.zh_units[0]
    else:
        block, unit, kept, kept_unit = alone.zh[0], alone.zh_units[0], pair.zh[0], pair.zh_units[0]
        other, other_unit = pair.en[0], pair.en_units[0]
    if block.kind != kept.kind:
        return None
    if _jaccard(unit.anchors, other_unit.anchors) < _jaccard(kept_unit.anchors, other_unit.anchors):
        return None
    lang = "zh" if side == "en" else "en"
    texts = {lang: block_text(other, lang)}
    def words(b: Block) -> float:
        zh_text = texts["zh"] if side == "en" else block_text(b, "zh")
        en_text = block_text(b, "en") if side == "en" else texts["en"]
        return similarity(zh_text, en_text)
    if words(block) < words(kept) + WORDS_MARGIN:
        return None
    if side == "en":
        new_pair = BlockBead(pair.zh, (block,), delta(other_unit.length, unit.length, BLOCK_MODEL),
                             pair.zh_units, (unit,))
        return BlockBead((), (kept,), None, (), (kept_unit,)), new_pair
    new_pair = BlockBead((block,), pair.en, delta(unit.length, other_unit.length, BLOCK_MODEL), (unit,), pair.en_units)
    return BlockBead((kept,), (), None, (kept_unit,), ()), new_pair


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    unit: Unit = Unit(1)        # its length and anchors (numbers, glossary terms)


def sentences(site, block: Block, lang: str) -> list[Sentence]:
    """The sentences of a block, each with the source line it starts on."""
    text = block_text(block, lang)
    starts, pos, sep = [], 0, "" if lang == "zh" else " "
    for t in block.text:
        starts.append(pos)
        pos += len(t.text.strip()) + len(sep)
    out, at = [], 0
    for piece in (split_zh(text) if lang == "zh" else split_en(text)):
        found = text.find(piece[:20], at)
        found = at if found < 0 else found
        line = block.text[max(0, bisect_right(starts, found) - 1)].line if block.text else block.line
        anchors = {f"#{n}" for n in numbers(piece)}
        if site is not None:
            anchors |= {f"term:{t}" for t in site.glossary.present_terms(piece, lang)}
        out.append(Sentence(piece, line, Unit(max(1, round(length(piece, lang))), frozenset(anchors))))
        at = found + len(piece)
    return out


def align_sentences(site, zh_block: Block, en_block: Block):
    """``[(zh sentences, en sentences)]`` of a pair of blocks, by the same programme."""
    zs, es = sentences(site, zh_block, "zh"), sentences(site, en_block, "en")
    beads = align([s.unit for s in zs], [s.unit for s in es], SENTENCE_MODEL)
    return [([zs[i] for i in b.zh], [es[j] for j in b.en]) for b in beads]


def rows(beads: list[BlockBead], zh: Section, en: Section) -> list[tuple[list[int], list[int]]]:
    """The rows of the side-by-side view of a section pair: groups of top-level blocks (named by their
    first lines, :attr:`Section.tops`) such that every pair of blocks the alignment made sits in one row.
    A list or a table is one top-level block, so its items stay together; a paragraph with no
    counterpart is a row of its own with one side empty. Top-level blocks without prose (code, HTML)
    join the row of the block before them."""
    out: list[tuple[set[int], set[int]]] = []
    for bead in beads:
        bz, be = {b.top for b in bead.zh if b.top}, {b.top for b in bead.en if b.top}
        if not bz and not be:
            continue
        if out and (bz & out[-1][0] or be & out[-1][1]):
            out[-1][0].update(bz)
            out[-1][1].update(be)
        else:
            out.append((set(bz), set(be)))
    for side, section in ((0, zh), (1, en)):
        for top in section.tops:
            if any(top in row[side] for row in out):
                continue
            before = [k for k, row in enumerate(out) if row[side] and min(row[side]) < top]
            if before:
                out[before[-1]][side].add(top)
            elif out:
                out[0][side].add(top)
            else:
                out.append((set(), set()))
                out[0][side].add(top)
    return [(sorted(z), sorted(e)) for z, e in out]
