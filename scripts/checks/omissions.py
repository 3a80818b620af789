"""Omissions and additions (O101-O105): every Chinese paragraph and sentence has its English, and no more.

Inside each pair of sections (paired as the A codes pair them, ``scripts/align.py``), the blocks the
page model gives (paragraphs, list items, table rows, admonition titles) are aligned zh <-> en with
the Gale–Church dynamic programme (``scripts/lengthalign.py``: beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with
the published priors, the normal length model), strengthened with anchors a translation keeps
(numbers, glossary terms, link targets, inline code; ``scripts/paragraphs.py``, which the side-by-side
view and the translation-status page read too). Inside each pair of paragraphs, the sentences are
aligned the same way.

- O101: a Chinese paragraph with no English counterpart (a 1-0 bead; or one of two Chinese paragraphs
  that only one English paragraph answers, 2-1, which this manual, mirrored block for block, never has:
  ``scripts/paragraphs.py`` cuts such a bead into the pair that costs least and the block left alone).
  Reported on the English page where the paragraph should be, naming the Chinese line and quoting it.
- O102: an English paragraph with no Chinese counterpart (0-1, or 1-2 cut the same way): text added in
  English, or a paragraph moved. Reported on the English line, naming the Chinese line where it sits.
- O103: a pair of paragraphs whose English is shorter than its Chinese predicts (delta above
  ``SENTENCE_SHORT_DELTA``) because of sentences: aligned sentence by sentence (with a fixed cost for a sentence
  with no counterpart, see ``scripts/lengthalign.py``), the Chinese sentences left alone (or the one of
  two that a single English sentence answers worse) are reported one by one, when together they are at
  most half the paragraph (more than that is O105) and each is at least ``MIN_ZH_SENTENCE`` characters.
- O104: the same for English sentences with no Chinese counterpart in a paragraph longer than
  predicted (delta below ``-SENTENCE_LONG_DELTA``; each at least ``MIN_EN_SENTENCE`` characters).
- O105: a pair of blocks whose lengths are far outside this manual's distribution: English far shorter
  (delta above ``SHORT_DELTA``: truncated, or left in Chinese) or far longer (below ``-LONG_DELTA``:
  something added) than its Chinese predicts.

Lengths are characters (``scripts/lengthalign.py``: a Chinese CJK character counts 1, Latin text inside
Chinese its English length / 3.5; English counts every character, runs of spaces as one). Gale–Church's
``delta = (c l1 - l2) / sqrt(s2 (l1 + l2 / c) / 2)`` is how many standard deviations an English length
``l2`` lies from what the Chinese length ``l1`` predicts; positive is "English too short".

Calibration on this manual (``make bench`` measures it again: BENCHMARKS.md, "Omissions"), December
2026: 3916 block pairs (every section pair has the same blocks of the same kinds on both sides):

- ratio English characters / Chinese characters per block: mean c = 3.743, sd 0.619; percentiles
  1 % 2.11, 5 % 2.64, 25 % 3.43, 50 % 3.73, 75 % 4.08, 95 % 4.79, 99 % 5.24 (paragraphs alone, 739:
  mean 3.690, sd 0.518, 1 % 2.00, 5 % 2.86, 50 % 3.73, 95 % 4.43, 99 % 4.94; list items, 1691: mean
  3.766, 1 % 2.45, 99 % 5.25; table rows, 1398: mean 3.732; short cells make the rows' tails wider:
  1 % 2.00, 99 % 5.36; admonition titles, 88: mean 3.94);
- s2, the variance of ``(l2 - c l1) / sqrt(l1)``: 8.69;
- delta of the pairs: from -4.02 (an English table row longer than predicted) to +3.12; 1 % -2.42,
  median +0.02, 99 % +2.19; no 1-0, 0-1, 2-1 or 1-2 bead; 8 2-2 beads (two short list items or rows
  whose lengths pool better).

``make bench`` measures the same on the pairs the programme makes (1-1 beads only, 3900 in December
2026: c 3.747, s2 8.53, delta from -4.02 to +3.12) next to the detection figures. Sections whose pairs
all lie inside ``QUIET`` are paired block for block without the programme (``scripts/paragraphs.py``).

The thresholds sit past the clean manual's extremes: ``SHORT_DELTA`` 3.5 (clean max +3.12),
``LONG_DELTA`` 4.5 (clean min -4.02). A 2-2 bead is judged by its two lengths together (the clean
manual's 2-2 beads pool two list items or rows that are -3.1 and +4.8 apart on their own, which is why
the programme pooled them), then by its pair furthest out; each of its two pairs that is out of the
distribution on its own is looked at for sentences (O103, O104), and reported as O105 only beyond
``POOLED_SHORT_DELTA`` 5.0 or below ``-LONG_DELTA`` (the clean manual's pooled pairs reach +4.78 and
-3.09 on their own). Sentences are looked at only in a pair far
enough out: on the clean manual the sentence alignment leaves sentences unpaired in reference lists (a
publisher's name or a year) inside pairs whose lengths agree, and, in the direction that would explain
the pair's length, in pairs up to delta +1.96 (a Chinese sentence) and down to -3.41 (an English
sentence): hence ``SENTENCE_SHORT_DELTA`` 2.5 and ``SENTENCE_LONG_DELTA`` 4.0. A true exception is suppressed in
the Markdown, with a reason.
"""
from __future__ import annotations

from typing import Iterator

from scripts.diagnostics import Diagnostic, Location
from scripts.lengthalign import bead_cost, delta, en_length, zh_length
from scripts.model import Block, Section
from scripts.paragraphs import (BLOCK_MODEL, QUIET, SENTENCE_MODEL, BlockBead, align_section, align_sentences, block_text,
                                 shown)

CODES = {
    "O101": "Chinese paragraph has no English counterpart (left out of the English)",
    "O102": "English paragraph has no Chinese counterpart (added in the English)",
    "O103": "Chinese sentence has no English counterpart inside a paired paragraph",
    "O104": "English sentence has no Chinese counterpart inside a paired paragraph",
    "O105": "English paragraph far shorter or longer than its Chinese predicts (truncated or padded)",
}

SHORT_DELTA = 3.5
LONG_DELTA = 4.5
SENTENCE_SHORT_DELTA = QUIET[1]         # 2.5: scripts/paragraphs.py pairs the blocks of sections
POOLED_SHORT_DELTA = 5.0
SENTENCE_LONG_DELTA = -QUIET[0]         # 4.0: whose pairs all lie inside these without the programme
MIN_ZH_SENTENCE = 6
MIN_EN_SENTENCE = 20
QUOTE = 40


def quote(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text[:QUOTE]}…'" if len(text) > QUOTE else f"'{text}'"


def check(site) -> Iterator[Diagnostic]:
    for pair, sp in site.matched_sections():
        beads = align_section(site, pair.zh, pair.en, sp.zh, sp.en)
        yield from _blocks(site, pair, sp.zh, sp.en, beads)


def _where_en(beads: list[BlockBead], k: int, section: Section) -> int:
    """The English line where bead ``k``'s missing English belongs: the next English block, else the
    line after the previous one, else the section's heading."""
    for bead in beads[k + 1:]:
        if bead.en:
            return bead.en[0].line
    for bead in reversed(beads[:k]):
        if bead.en:
            return bead.en[-1].end
    return section.line


def _where_zh(beads: list[BlockBead], k: int, section: Section) -> int:
    for bead in reversed(beads[:k]):
        if bead.zh:
            return bead.zh[-1].end
    for bead in beads[k + 1:]:
        if bead.zh:
            return bead.zh[0].line
    return section.line


def _runs(beads: list[BlockBead]):
    """(first index, shape, beads) for each run of consecutive beads of the same shape (runs only of
    1-0 or 0-1 beads: a table left out is one finding)."""
    k = 0
    while k < len(beads):
        shape = (len(beads[k].zh), len(beads[k].en))
        last = k
        while last + 1 < len(beads) and shape in ((1, 0), (0, 1)) and \
                (len(beads[last + 1].zh), len(beads[last + 1].en)) == shape:
            last += 1
        yield k, shape, beads[k:last + 1]
        k = last + 1


def _several(blocks: list[Block]) -> str:
    kinds = {b.kind for b in blocks}
    kind = kinds.pop() if len(kinds) == 1 else "block"
    if len(blocks) > 1:
        return f"{len(blocks)} {kind}s"
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _blocks(site, pair, zh: Section, en: Section, beads: list[BlockBead]) -> Iterator[Diagnostic]:
    zh_path, en_path = pair.zh.path, pair.en.path
    for k, shape, run in _runs(beads):
        missing: list[Block] = []
        added: list[Block] = []
        if shape == (1, 0):
            missing = [b.zh[0] for b in run]
        elif shape == (0, 1):
            added = [b.en[0] for b in run]
        if missing:
            at = _where_en(beads, k + len(run) - 1, en)
            first = missing[0]
            yield Diagnostic(en_path, at, "O101",
                             f"{zh_path}:{first.line} has {_several(missing)} with no English counterpart in "
                             f"{en.name}: {quote(shown(first))}", Location(zh_path, first.line))
        if added:
            at = _where_zh(beads, k, zh)
            first = added[0]
            yield Diagnostic(en_path, first.line, "O102",
                             f"{_several(added).capitalize()} with no Chinese counterpart (near {zh_path}:{at}, "
                             f"{zh.name}): {quote(shown(first))}", Location(zh_path, at))
        if shape == (1, 1):
            yield from _pair(site, zh_path, en_path, run[0])
        elif shape == (2, 2):
            yield from _two_by_two(site, zh_path, en_path, run[0])


def _two_by_two(site, zh_path: str, en_path: str, bead: BlockBead) -> Iterator[Diagnostic]:
    """A 2-2 bead: judged by its two lengths together (O105 on its pair furthest out); a pair out of the
    distribution on its own, hidden by its neighbour, only by its sentences (O103, O104)."""
    pooled = bead.delta or 0.0
    pairs = []
    for k in (0, 1):
        d = delta(bead.zh_units[k].length, bead.en_units[k].length, BLOCK_MODEL)
        pairs.append(BlockBead((bead.zh[k],), (bead.en[k],), d, (bead.zh_units[k],), (bead.en_units[k],)))
    if not -LONG_DELTA <= pooled <= SHORT_DELTA:
        sign = 1 if pooled > 0 else -1
        yield from _pair(site, zh_path, en_path, max(pairs, key=lambda p: sign * (p.delta or 0.0)), force=True)
        return
    for pair in pairs:
        d = pair.delta or 0.0
        out = d > POOLED_SHORT_DELTA or d < -LONG_DELTA
        yield from _pair(site, zh_path, en_path, pair, force=out, sentences_only=not out)


def _pair(site, zh_path: str, en_path: str, bead: BlockBead, force: bool = False,
          sentences_only: bool = False) -> Iterator[Diagnostic]:
    """A 1-1 pair whose lengths are out of this manual's distribution: the sentences that explain it
    (O103, O104), else the pair itself (O105). ``force``: the pair is known to be out (a 2-2 bead);
    ``sentences_only``: report only sentences that explain it."""
    zb, eb, d = bead.zh[0], bead.en[0], bead.delta or 0.0
    if not force and -SENTENCE_LONG_DELTA <= d <= SENTENCE_SHORT_DELTA:
        return
    zl, el = zh_length(block_text(zb, "zh")), en_length(block_text(eb, "en"))
    if zb.kind in ("paragraph", "item"):
        side = "zh" if d > 0 else "en"
        orphans = _orphan_sentences(site, zb, eb, side)
        total = zl if side == "zh" else el
        measure = zh_length if side == "zh" else en_length
        if orphans and sum(measure(s.text) for s in orphans) <= total / 2:
            for s in orphans:
                if side == "zh":
                    yield Diagnostic(en_path, eb.line, "O103",
                                     f"{zh_path}:{s.line} has a sentence this {eb.kind} does not render (or the "
                                     f"English was cut short): {quote(s.text)}", Location(zh_path, s.line))
                else:
                    yield Diagnostic(en_path, s.line, "O104",
                                     f"sentence with no Chinese counterpart in {zh_path}:{zb.line}: "
                                     f"{quote(s.text)}", Location(zh_path, zb.line))
            return
    if sentences_only or (not force and -LONG_DELTA <= d <= SHORT_DELTA):
        return
    expected = BLOCK_MODEL.c * zl
    how = "shorter" if d > 0 else "longer"
    what = "truncated or left untranslated?" if d > 0 else "something added?"
    yield Diagnostic(en_path, eb.line, "O105",
                     f"{eb.kind} is {el} characters, far {how} than the {expected:.0f} its Chinese "
                     f"{zh_path}:{zb.line} ({zl:.0f} characters) predicts (delta {d:+.1f}; {what}): "
                     f"{quote(shown(eb))}", Location(zh_path, zb.line))


def _orphan_sentences(site, zb: Block, eb: Block, side: str) -> list:
    """Sentences of ``side`` with no counterpart: alone in a bead (1-0, 0-1), or the one of two in a 2-1
    (1-2) bead whose removal leaves the cheaper 1-1 pair (lengths and anchors)."""
    out = []
    for zs, es in align_sentences(site, zb, eb):
        mine, other = (zs, es) if side == "zh" else (es, zs)
        if mine and not other:
            out.extend(s for s in mine if _long_enough(s.text, side))
        elif len(mine) == 2 and len(other) == 1:
            def cost(k):
                kept = [mine[1 - k].unit]
                pair = (kept, [other[0].unit]) if side == "zh" else ([other[0].unit], kept)
                return bead_cost(pair[0], pair[1], SENTENCE_MODEL)
            k = min((0, 1), key=cost)
            if _long_enough(mine[k].text, side):
                out.append(mine[k])
    return out


def _long_enough(text: str, side: str) -> bool:
    return zh_length(text) >= MIN_ZH_SENTENCE if side == "zh" else en_length(text) >= MIN_EN_SENTENCE
