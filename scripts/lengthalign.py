"""Gale–Church length-based alignment of two sequences of text units (paragraphs or sentences).

The dynamic programme of W. A. Gale and K. W. Church, "A program for aligning sentences in bilingual
corpora" (Computational Linguistics 19(1), 1993): the units of two texts are cut into *beads* of
1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 units, in order, and the alignment is the sequence of beads with the
least total cost. A bead's cost is ``-log P(bead kind) - log P(delta)``: the published priors
(1-1 0.89, 1-0 and 0-1 0.0099 each, 2-1 and 1-2 0.089 each, 2-2 0.011) and the normal length model,
in which the English length ``l2`` of a translation of a Chinese text of length ``l1`` is normal with
mean ``c * l1`` and variance ``s2 * l1``::

    mean = (l1 + l2 / c) / 2;  delta = (c * l1 - l2) / sqrt(s2 * mean);  P(delta) = 2 (1 - Phi(|delta|))

``c`` and ``s2`` are measured on this manual (:func:`calibrate`; the figures are in the docstring of
``scripts/checks/omissions.py``, which passes them in). Lengths are characters: a Chinese text counts
every character but whitespace, an English text every character with runs of whitespace as one.

Two things are added to the published cost, both optional:

- *anchors*: each unit may carry a set of tokens that a translation keeps (numbers, glossary terms, link
  targets, inline code). A bead whose two sides hold anchors pays ``anchor_weight * (1 - 2 J)``, where
  ``J`` is the Jaccard similarity of the anchors of its two sides: a pair sharing all its anchors gains
  ``anchor_weight``, one sharing none pays it, and so does a 1-0 or 0-1 bead with anchors. Each bead
  gains at most once, so merging two good pairs into a 2-2 bead gains less than keeping them apart.
- *kinds*: units of different kinds (a table row and a paragraph) never share a bead; ``kind_cost``
  prices a pairing of two kinds that may stand for each other (a list item and a paragraph).

A 1-0 or 0-1 bead's length cost as published is the cost of a translation of length 0, which grows with
the unit's length: a long sentence left out is then "explained" by merging it into a neighbour's bead
(2-1) rather than by a 1-0 bead. ``skip_cost`` replaces it by a constant, so that a unit with no
counterpart costs the same whatever its length (hunalign and Vecalign price a skip the same way).

The search is confined to a band around the diagonal (``band`` cells either side, widened by the
difference of the two lengths), so its time is linear in the number of units for a fixed band.
:func:`align` never raises on any input: empty sequences give an empty alignment, and every unit of
both sides is in exactly one bead.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from statistics import mean, pstdev

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
_INF = float("inf")
_SPACE_RE = re.compile(r"\s+")


LATIN_PER_HAN = 3.5      # English characters per Chinese character, to weigh Latin text inside Chinese
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2014\u2026·]")


def zh_length(text: str) -> float:
    """Length of a Chinese text in Chinese characters: each CJK character or punctuation mark counts 1;
    Latin text inside it (a name, a title, a URL, kept as it is in the English) counts its English length
    divided by ``LATIN_PER_HAN``, so that a Chinese sentence quoting an English title is not taken for
    a short one."""
    cjk = len(_CJK_RE.findall(text))
    latin = en_length(_CJK_RE.sub(" ", text))
    return cjk + latin / LATIN_PER_HAN


def en_length(text: str) -> int:
    """Characters of an English text, each run of whitespace counted as one."""
    return len(_SPACE_RE.sub(" ", text).strip())


@dataclass(frozen=True)
class Unit:
    """One paragraph or sentence: its length, the anchors it holds and its kind."""
    length: int
    anchors: frozenset = frozenset()
    kind: str = ""


@dataclass(frozen=True)
class Bead:
    """Units ``zh`` (indexes) aligned with units ``en``; one side is empty for a 1-0 or 0-1 bead."""
    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float = 0.0

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.zh), len(self.en)


@dataclass(frozen=True)
class Model:
    """The length model and the extras: ``c`` English characters per Chinese character, ``s2`` the
    variance of ``(l2 - c l1) / sqrt(l1)``."""
    c: float = 3.0
    s2: float = 6.8
    priors: dict = field(default_factory=lambda: dict(PRIORS))
    anchor_weight: float = 1.0
    kind_costs: dict = field(default_factory=dict)      # {(zh kind, en kind): cost}; absent and unequal: never
    band: int = 3
    skip_cost: float | None = None   # None: a 1-0 / 0-1 bead's length cost as published; else this constant


def _neg_log_tail(z: float) -> float:
    """-log(2 (1 - Phi(|z|))), without underflow for large z."""
    z = abs(z)
    if z < 30:
        tail = math.erfc(z / math.sqrt(2))
        if tail > 0:
            return -math.log(tail)
    # asymptotic: erfc(x) ~ exp(-x^2) / (x sqrt(pi))
    x = z / math.sqrt(2)
    return x * x + math.log(x * math.sqrt(math.pi))


def delta(l1: float, l2: float, model: Model) -> float:
    """Gale–Church's delta: how many standard deviations ``l2`` lies from what ``l1`` predicts."""
    if l1 <= 0 and l2 <= 0:
        return 0.0
    m = (l1 + l2 / model.c) / 2
    return (model.c * l1 - l2) / math.sqrt(model.s2 * m)


def length_cost(l1: float, l2: float, model: Model) -> float:
    return _neg_log_tail(delta(l1, l2, model))


def _kinds_cost(zh_units, en_units, model: Model) -> float:
    if not zh_units or not en_units:
        return 0.0
    a, b = zh_units[0].kind, en_units[0].kind
    if any(u.kind != a for u in zh_units) or any(u.kind != b for u in en_units):
        return _INF
    if a == b:
        return 0.0
    return model.kind_costs.get((a, b), _INF)


def _anchor_set(units) -> frozenset:
    if len(units) == 1:
        return units[0].anchors
    return frozenset().union(*(u.anchors for u in units)) if units else frozenset()


def bead_cost(zh_units, en_units, model: Model) -> float:
    shape = (len(zh_units), len(en_units))
    prior = model.priors.get(shape, 0.0)
    if prior <= 0:
        return _INF
    kinds = _kinds_cost(zh_units, en_units, model)
    if kinds == _INF:
        return _INF
    cost = -math.log(prior) + kinds
    if (not zh_units or not en_units) and model.skip_cost is not None:
        cost += model.skip_cost
    else:
        cost += length_cost(sum(u.length for u in zh_units), sum(u.length for u in en_units), model)
    if model.anchor_weight:
        a, b = _anchor_set(zh_units), _anchor_set(en_units)
        if a or b:
            cost += model.anchor_weight * (1 - 2 * len(a & b) / len(a | b))
    return cost


def align(zh: list[Unit], en: list[Unit], model: Model | None = None) -> list[Bead]:
    """The least-cost sequence of beads covering every unit of ``zh`` and ``en`` once, in order."""
    model = model or Model()
    m, n = len(zh), len(en)
    if m == 0 and n == 0:
        return []
    width = model.band + abs(m - n)
    shapes = sorted(((s, -math.log(p)) for s, p in model.priors.items() if p > 0), key=lambda x: x[1])
    aw = model.anchor_weight
    zl = [0]
    for u in zh:
        zl.append(zl[-1] + u.length)
    el = [0]
    for u in en:
        el.append(el[-1] + u.length)
    # cost[i][j]: best cost of aligning zh[:i] with en[:j]; only cells inside the band are stored
    cost: list[dict[int, float]] = [dict() for _ in range(m + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(m + 1)]
    cost[0][0] = 0.0
    for i in range(m + 1):
        centre = i * n / m if m else 0
        lo, hi = max(0, int(centre) - width), min(n, int(math.ceil(centre)) + width)
        row, back_row = cost[i], back[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, how = _INF, None
            for (di, dj), prior_cost in shapes:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                before = cost[pi].get(pj)
                if before is None or before + prior_cost - aw >= best:
                    continue                    # this bead cannot beat the best one found
                zs, es = zh[pi:i], en[pj:j]
                if di == 1 and dj == 1:
                    a, b = zs[0].kind, es[0].kind
                    kinds = 0.0 if a == b else model.kind_costs.get((a, b), _INF)
                else:
                    kinds = _kinds_cost(zs, es, model)
                if kinds == _INF:
                    continue
                if (di == 0 or dj == 0) and model.skip_cost is not None:
                    c = before + prior_cost + model.skip_cost
                else:
                    c = before + prior_cost + kinds + length_cost(zl[i] - zl[pi], el[j] - el[pj], model)
                if model.anchor_weight and c < best + model.anchor_weight:
                    a, b = _anchor_set(zs), _anchor_set(es)
                    if a or b:
                        c += model.anchor_weight * (1 - 2 * len(a & b) / len(a | b))
                elif model.anchor_weight:
                    continue
                if c < best:
                    best, how = c, (di, dj)
            if how is not None:
                row[j] = best
                back_row[j] = how
    if n not in cost[m]:
        return _fallback(m, n)
    beads: list[Bead] = []
    i, j = m, n
    while i or j:
        di, dj = back[i][j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), cost[i][j] - cost[i - di][j - dj]))
        i, j = i - di, j - dj
    return beads[::-1]


def _fallback(m: int, n: int) -> list[Bead]:
    """When no path is allowed (every pairing forbidden by kinds): every unit is on its own."""
    return [Bead((i,), ()) for i in range(m)] + [Bead((), (j,)) for j in range(n)]


# --- sentences ----------------------------------------------------------------------------------------

_ZH_SENTENCE_RE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”」』）)]*|$)")
_EN_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_EN_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Mr.", "Ms.", "Dr.", "No.", "cf.", "vs.", "St.", "p.", "pp.")


def split_zh(text: str) -> list[str]:
    """Chinese sentences: each ends at 。！？ with the closing quotes that follow it (not at ；, which
    English renders as a semicolon inside a sentence)."""
    return [s.strip() for s in _ZH_SENTENCE_RE.findall(text) if s.strip()]


def split_en(text: str) -> list[str]:
    """English sentences: each ends at . ! ? (and closing quotes) before a capital or a digit; not after
    a common abbreviation (e.g., i.e., No.)."""
    text = _SPACE_RE.sub(" ", text).strip()
    out, start = [], 0
    for match in _EN_END_RE.finditer(text):
        piece = text[start:match.end()].strip()
        if piece.endswith(_EN_ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", piece):
            continue
        out.append(piece)
        start = match.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


# --- calibration ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Calibration:
    pairs: int
    c: float                # mean of l2 / l1 (English characters per Chinese character)
    s2: float               # variance of (l2 - c l1) / sqrt(l1)
    ratio_sd: float         # standard deviation of l2 / l1
    percentiles: dict       # {1: ..., 5: ..., 50: ..., 95: ..., 99: ...} of l2 / l1


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(math.floor(k))
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def calibrate(lengths: list[tuple[int, int]]) -> Calibration:
    """The length model measured on pairs of (Chinese length, English length) known to translate each
    other; pairs with an empty side are left out."""
    pairs = [(a, b) for a, b in lengths if a > 0 and b > 0]
    if not pairs:
        return Calibration(0, 3.0, 6.8, 0.0, {})
    ratios = [b / a for a, b in pairs]
    c = mean(ratios)
    residuals = [(b - c * a) / math.sqrt(a) for a, b in pairs]
    s2 = mean(r * r for r in residuals)
    return Calibration(len(pairs), c, s2, pstdev(ratios),
                       {p: percentile(ratios, p) for p in (1, 5, 25, 50, 75, 95, 99)})
