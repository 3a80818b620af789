"""Chinese typography (C101-C105), in Chinese pages only.

- Half-width punctuation between Han characters: ``中文,中文`` ``中文(中文`` (C101; which marks count
  is ``typography.halfwidth`` in checks.yml).
- Mixed-width pairs: ``（SDQ)`` or ``(SDQ）`` (C102).
- Doubled punctuation: ``。。`` ``，，`` (C103; ``typography.doubled``). ``……`` and ``——`` are fine.
- Spacing between Han characters and Latin letters or digits, and no space next to full-width
  punctuation, exactly as autocorrect-py formats the line (C104); any other change autocorrect would
  make (C105). Set ``typography.autocorrect: false`` to turn both off.

Code blocks, inline code, link targets, URLs, HTML tags, comments and attribute lists are left alone.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterator

from scripts.diagnostics import Diagnostic

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


def _inside(position: int, spans, end: int | None = None) -> bool:
    end = position if end is None else end
    return any(s <= position <= e or s <= end <= e or (position <= s and e <= end) for s, e in spans)


def check(site) -> Iterator[Diagnostic]:
    options = site.config.typography
    halfwidth = re.escape(options.halfwidth)
    between = re.compile(rf"(?<=[{HAN}])\s*([{halfwidth}])\s*(?=[{HAN}])") if options.halfwidth else None
    doubled = re.compile(rf"([{re.escape(options.doubled)}])\1+") if options.doubled else None
    for page in site.by_lang["zh"].values():
        for index, line in enumerate(page.lines):
            if page.kinds[index] != "text" or not re.search(f"[{HAN}]", line):
                continue
            number = index + 1
            spans = excluded_spans(line)
            masked = _masked(line, spans)
            flagged: list[tuple[int, int]] = []
            if between:
                for match in between.finditer(masked):
                    flagged.append(match.span())
                    yield Diagnostic(page.path, number, "C101", f"half-width '{match.group(1)}' between Chinese "
                                                                f"characters (col {match.start(1) + 1}): use the "
                                                                "full-width mark")
            for match in _MIXED_RE.finditer(masked):
                flagged.append(match.span())
                yield Diagnostic(page.path, number, "C102", f"bracket pair mixes widths: "
                                                            f"'{match.group(0)}': use （…） in Chinese text")
            if doubled:
                for match in doubled.finditer(masked):
                    flagged.append(match.span())
                    yield Diagnostic(page.path, number, "C103", f"doubled punctuation '{match.group(0)}'")
            if options.autocorrect and _AUTOCORRECT_CANDIDATE_RE.search(line):
                yield from _autocorrect(page.path, number, line, spans, flagged)


def _autocorrect(path: str, number: int, line: str, spans, flagged) -> Iterator[Diagnostic]:
    """autocorrect's fixes outside the excluded spans; those next to a C101-C103 finding are left to it."""
    import autocorrect_py

    fixed = autocorrect_py.format_for(line, "md")
    if fixed == line:
        return
    spacing, other = [], []
    matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or _inside(i1, spans, i2) or _inside(i1, flagged, i2):
            continue
        before, after = line[i1:i2], fixed[j1:j2]
        snippet = (line[max(0, i1 - 4):i2 + 4], fixed[max(0, j1 - 4):j2 + 4])
        (spacing if not before.strip() and not after.strip() else other).append((i1, snippet))
    if spacing:
        col, (old, new) = spacing[0]
        more = f" (and {len(spacing) - 1} more on this line)" if len(spacing) > 1 else ""
        yield Diagnostic(path, number, "C104", f"spacing: '{old.strip()}' -> '{new.strip()}' "
                                               f"(col {col + 1}){more}")
    if other:
        col, (old, new) = other[0]
        more = f" (and {len(other) - 1} more on this line)" if len(other) > 1 else ""
        yield Diagnostic(path, number, "C105", f"autocorrect: '{old.strip()}' -> '{new.strip()}' "
                                               f"(col {col + 1}){more}")
