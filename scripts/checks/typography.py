"""Chinese typography (C101-C105), in Chinese pages only.

- Half-width punctuation between Han characters: ``中文,中文`` ``中文(中文`` (C101; which marks count
  is ``typography.halfwidth`` in checks.yml).
- Mixed-width pairs: ``（SDQ)`` or ``(SDQ）`` (C102).
- Doubled punctuation: ``。。`` ``，，`` (C103; ``typography.doubled``). ``……`` and ``——`` are fine.
- Spacing between Han characters and Latin letters or digits, and no space next to full-width
  punctuation, exactly as autocorrect-py formats the line (C104); any other change autocorrect would
  make (C105). Set ``typography.autocorrect: false`` to turn both off.

The same rules read the text readers see outside the body (:meth:`Site.reader_text`): front-matter
``description``, HTML ``alt`` and ``title``, and the Chinese site name, description and nav titles in
mkdocs.yml; the message names which (``description: half-width ','…``).

Code blocks, inline code, link targets, URLs, HTML tags, comments and attribute lists are left alone;
messages quote the text as written (never the masked line the rules search).

Time is linear in the length of a line. autocorrect only changes a line locally (a space added or
removed, a mark changed to the other width, one character for one), so its output is compared with the
line character for character, white space apart (:func:`edits`), not by a general diff, whose quadratic
cost made a 5,000-character line take minutes; unwrapped Chinese paragraphs of 2,000-8,000 characters
are common in documentation written elsewhere.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from scripts.config import Option
from scripts.diagnostics import Diagnostic

OPTIONS = {"typography": {           # checks.yml; Chinese pages only
    "autocorrect": Option(bool, True, doc="Han/Latin/digit spacing as autocorrect-py formats it (C104, C105)"),
    "halfwidth": Option(str, ",;:?!(", doc="half-width marks not allowed between Han characters (C101)"),
    "doubled": Option(str, "。，、；：？！", doc="marks that must not be doubled (C103)"),
}}

CODES = {
    "C101": "half-width punctuation between Han characters",
    "C102": "bracket pair mixes full-width and half-width",
    "C103": "doubled punctuation",
    "C104": "Han/Latin/digit spacing differs from autocorrect",
    "C105": "other autocorrect fix (punctuation width, spacing around marks)",
}

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_EXCLUDED_RE = re.compile(
    r"<!--.*?-->"                          # comments
    r"|(`+).+?\1"                          # inline code
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"      # link and image targets
    r"|^\s*\[[^\]]+\]:\s*\S+.*$"           # reference definitions
    r"|<[A-Za-z/!][^<>]*>"                 # HTML tags
    r"|(?:https?|ftp)://[^\s)>\]）]+|www\.[^\s)>\]）]+"
    r"|\{:?\s*[#.][^{}]*\}"                # attribute lists
    r"|\[\^[^\]]+\]"                       # footnote references
    r"|^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]"  # task list boxes
)
_FULL = "，。、；：？！（）“”‘’《》【】「」『』〔〕…—"
# Lines where autocorrect can change nothing: no Han or full-width mark touching ASCII, no space touching a
# full-width mark, no full-width ASCII form. (Checked against autocorrect on the manual and 60,000 random
# lines; it only saves time.)
_AUTOCORRECT_CANDIDATE_RE = re.compile(
    rf"[{HAN}][\x21-\x7e]|[\x21-\x7e][{HAN}]|[{HAN}]\s+[\x21-\x7e]|[\x21-\x7e]\s+[{HAN}]|\s[{_FULL}]|"
    rf"[{_FULL}]\s|[\x21-\x7e][{_FULL}]|[{_FULL}][\x21-\x7e]|[\uff01-\uff5e]")
_MIXED_RE = re.compile(r"（[^（）()\n]*\)|\([^（）()\n]*）")


def excluded_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _EXCLUDED_RE.finditer(line)]


def _masked(line: str, spans) -> str:
    chars = list(line)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = "\x00"
    return "".join(chars)


class _Spans:
    """Sorted intervals; ``touches(start, end)`` in O(log n) (closed intervals, as the rules need)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def touches(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end) - 1          # the last interval starting at or before ``end``
        return i >= 0 and self.ends[i] >= start


_WINDOW = 8         # how far apart (in characters) a difference may resynchronise (fallback walk)
_ANCHOR = 4         # how many equal characters make a resynchronisation (fallback walk)


def edits(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` for every place where ``a[i1:i2]`` became ``b[j1:j2]``, in order, touching
    edits merged; applying them to ``a`` gives ``b``. Linear in ``len(a) + len(b)``.

    autocorrect adds and removes spaces and changes marks to the other width, one character for one: so
    the characters that are not white space are compared one for one, and the white space between each
    two of them. When autocorrect added or removed other characters too (rare), a two-pointer walk
    resynchronises after each difference within ``_WINDOW`` characters (:func:`_walk`)."""
    pa = [k for k, c in enumerate(a) if not c.isspace()]
    pb = [k for k, c in enumerate(b) if not c.isspace()]
    if len(pa) != len(pb):
        return _merge(_walk(a, b))
    out = []
    prev_a = prev_b = -1
    for ka, kb in zip(pa + [len(a)], pb + [len(b)]):
        if a[prev_a + 1:ka] != b[prev_b + 1:kb]:                 # the white space before this character
            out.append((prev_a + 1, ka, prev_b + 1, kb))
        if ka < len(a) and a[ka] != b[kb]:
            out.append((ka, ka + 1, kb, kb + 1))
        prev_a, prev_b = ka, kb
    return _merge(out)


def _merge(items):
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in items:
        if out and out[-1][1] == i1 and out[-1][3] == j1:
            out[-1] = (out[-1][0], i2, out[-1][2], j2)
        else:
            out.append((i1, i2, j1, j2))
    return out


def _walk(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """The fallback: after a difference, look for the nearest point (at most ``_WINDOW`` characters on
    each side) where ``_ANCHOR`` characters agree again, of equally near points the one that leaves the
    rests of the two lines nearest in length; if there is none, the rest is one edit."""
    out = []
    i = j = 0
    n, m = len(a), len(b)
    while i < n and j < m:
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        found = None
        for cost in range(1, 2 * _WINDOW + 1):
            for k in range(max(0, cost - _WINDOW), min(cost, _WINDOW) + 1):
                x, y = i + k, j + cost - k
                if x > n or y > m:
                    continue
                if a[x:x + _ANCHOR] == b[y:y + _ANCHOR] and (x + _ANCHOR <= n) == (y + _ANCHOR <= m):
                    # of two points as near, the one that leaves the rests nearest in length: in repetitive
                    # text (估儿估儿…) a skip on the wrong side agrees for a while too
                    if found is None or abs(n - x - (m - y)) < abs(n - found[0] - (m - found[1])):
                        found = (x, y)
            if found:
                break
        if found is None:
            out.append((i, n, j, m))
            return out
        out.extend(_refine(a, b, i, found[0], j, found[1]))
        i, j = found
    if i < n or j < m:
        out.append((i, n, j, m))
    return out


def _refine(a: str, b: str, i1: int, i2: int, j1: int, j2: int):
    """Split one resynchronised difference (at most ``_WINDOW`` characters a side, so constant time)
    into its smallest edits: ``目`` -> `` 目 `` is two added spaces, not a changed character."""
    import difflib

    matcher = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
    for op, x1, x2, y1, y2 in matcher.get_opcodes():
        if op != "equal":
            yield i1 + x1, i1 + x2, j1 + y1, j1 + y2


def _quote(line: str, start: int, end: int, limit: int = 40) -> str:
    """The original text of ``line[start:end]``, shortened in the middle when long."""
    text = line[start:end]
    return text if len(text) <= limit else f"{text[:limit // 2]}…{text[-limit // 2:]}"


def check(site) -> Iterator[Diagnostic]:
    options = site.config.section("typography", OPTIONS["typography"])
    halfwidth = re.escape(options.halfwidth)
    rules = _Rules(
        re.compile(rf"(?<=[{HAN}])\s*([{halfwidth}])\s*(?=[{HAN}])") if options.halfwidth else None,
        re.compile(rf"([{re.escape(options.doubled)}])\1+") if options.doubled else None,
        options.autocorrect)
    for page in site.by_lang["zh"].values():
        for index, line in enumerate(page.lines):
            if page.kinds[index] == "text":
                yield from rules.line(page.path, index + 1, line)
    for path, lang, item in site.reader_text():
        if lang == "zh":
            for part in item.text.splitlines():
                yield from rules.line(path, item.line, part, f"{item.what}: ")


class _Rules:
    """C101-C105 on one line of text; ``where`` names text outside the body ("description: ")."""

    def __init__(self, between, doubled, autocorrect: bool):
        self.between, self.doubled, self.autocorrect = between, doubled, autocorrect

    def line(self, path: str, number: int, line: str, where: str = "") -> Iterator[Diagnostic]:
        if not re.search(f"[{HAN}]", line):
            return
        spans = excluded_spans(line)
        masked = _masked(line, spans)
        flagged: list[tuple[int, int]] = []
        if self.between:
            for match in self.between.finditer(masked):
                flagged.append(match.span())
                yield Diagnostic(path, number, "C101", f"{where}half-width '{line[match.start(1)]}' between "
                                                       f"Chinese characters (col {match.start(1) + 1}): "
                                                       "use the full-width mark")
        for match in _MIXED_RE.finditer(masked):
            flagged.append(match.span())
            yield Diagnostic(path, number, "C102", f"{where}bracket pair mixes widths: "
                                                   f"'{_quote(line, *match.span())}': use （…） in Chinese text")
        if self.doubled:
            for match in self.doubled.finditer(masked):
                flagged.append(match.span())
                yield Diagnostic(path, number, "C103", f"{where}doubled punctuation '{line[slice(*match.span())]}'")
        if self.autocorrect and _AUTOCORRECT_CANDIDATE_RE.search(line):
            yield from _autocorrect(path, number, line, _Spans(spans), _Spans(flagged), where)


def _autocorrect(path: str, number: int, line: str, spans, flagged, where: str = "") -> Iterator[Diagnostic]:
    """autocorrect's fixes outside the excluded spans; those next to a C101-C103 finding are left to it."""
    import autocorrect_py

    fixed = autocorrect_py.format_for(line, "md")
    if fixed == line:
        return
    spacing, other = [], []
    for i1, i2, j1, j2 in edits(line, fixed):
        if spans.touches(i1, i2) or flagged.touches(i1, i2):
            continue
        before, after = line[i1:i2], fixed[j1:j2]
        snippet = (line[max(0, i1 - 4):i2 + 4], fixed[max(0, j1 - 4):j2 + 4])
        (spacing if not before.strip() and not after.strip() else other).append((i1, snippet))
    if spacing:
        col, (old, new) = spacing[0]
        more = f" (and {len(spacing) - 1} more on this line)" if len(spacing) > 1 else ""
        yield Diagnostic(path, number, "C104", f"{where}spacing: '{old.strip()}' -> '{new.strip()}' "
                                               f"(col {col + 1}){more}")
    if other:
        col, (old, new) = other[0]
        more = f" (and {len(other) - 1} more on this line)" if len(other) > 1 else ""
        yield Diagnostic(path, number, "C105", f"{where}autocorrect: '{old.strip()}' -> '{new.strip()}' "
                                               f"(col {col + 1}){more}")
