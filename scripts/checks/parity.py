"""Parity of facts (P101, P102): the same figures on both sides of every pair of sections.

Numbers, percentages, ages and ranges (``6–16``), dates, money and article numbers in a Chinese section
must appear in its English section and vice versa. Each section is reduced to a set of values:

- thousands separators go (``45,000`` = ``45000``); ``4.5 万`` = ``45000``, ``1.2 亿`` = ``120000000``,
  ``1.2 million`` = ``1200000``; ``03`` = ``3``;
- English month names count as their number, so ``2023 年 3 月 3 日`` = ``3 March 2023`` =
  ``2023-03-03`` (``May`` and ``March`` only next to a number or another month);
- numbers in link targets, URLs, code, HTML and comments, and ordered-list markers, are ignored;
  numbers written in words (三类 / three categories) are not figures and are not compared.

The finding is reported where the number is missing, with the line where it occurs on the other side.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterator

from scripts.diagnostics import Diagnostic, Location
from scripts.model import Section

CODES = {
    "P101": "number in the Chinese section is missing from the English section",
    "P102": "number in the English section is missing from the Chinese section",
}

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s)>\]]+", re.I)
_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9_.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                        r"(?:\s*(万|亿)|\s+(thousand|million|billion)\b)?")
_SCALE = {"万": 10_000, "亿": 100_000_000, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUMBER.update({name[:3]: i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUMBER["sept"] = 9
_MONTH_WORD = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_MONTH_RE = re.compile(rf"(?<![A-Za-z]){_MONTH_WORD}(?![A-Za-z])\.?")
_DATE_CONTEXT_BEFORE = re.compile(rf"(?:\d|{_MONTH_WORD})\s*(?:[–—-]|to|and|or|through)?\s*$")
_DATE_CONTEXT_AFTER = re.compile(rf"^\.?,?\s*(?:\d|(?:[–—-]|to|and|or|through)\s*{_MONTH_WORD})")
_AMBIGUOUS = {"may", "march", "jan", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
              "feb"}


def _canonical(number: str, scale: str | None) -> str | None:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALE[scale.lower()]
    value = value.normalize()
    return format(value, "f")


def numbers(section: Section, lang: str) -> dict[str, tuple[int, str]]:
    """The values in a section, each with the line and the text of its first occurrence."""
    found: dict[str, tuple[int, str]] = {}
    for item in section.text:
        text = _URL_RE.sub(" ", item.text)
        for match in _NUMBER_RE.finditer(text):
            value = _canonical(match.group(1), match.group(2) or match.group(3))
            if value is not None:
                found.setdefault(value, (item.line, match.group(0).strip()))
        if lang == "en":
            for match in _MONTH_RE.finditer(text):
                word = match.group(0).rstrip(".").lower()
                if word in _AMBIGUOUS:
                    before = text[max(0, match.start() - 16):match.start()]
                    after = text[match.end():match.end() + 20]
                    if not (_DATE_CONTEXT_BEFORE.search(before) or _DATE_CONTEXT_AFTER.search(after)):
                        continue
                found.setdefault(str(_MONTH_NUMBER[word]), (item.line, match.group(0)))
    return found


def check(site) -> Iterator[Diagnostic]:
    for pair, sp in site.matched_sections():
        zh_numbers = numbers(sp.zh, "zh")
        en_numbers = numbers(sp.en, "en")
        for value, (line, written) in zh_numbers.items():
            if value not in en_numbers:
                yield Diagnostic(pair.en.path, sp.en.line, "P101",
                                 f"{sp.en.name} lacks {_show(value, written)}, which {pair.zh.path}:{line} "
                                 "has", Location(pair.zh.path, line))
        for value, (line, written) in en_numbers.items():
            if value not in zh_numbers:
                yield Diagnostic(pair.zh.path, sp.zh.line, "P102",
                                 f"{sp.zh.name} lacks {_show(value, written)}, which {pair.en.path}:{line} "
                                 "has", Location(pair.en.path, line))


def _show(value: str, written: str) -> str:
    return value if written == value else f"{value} ('{written}')"

