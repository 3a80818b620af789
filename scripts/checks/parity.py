"""Parity of facts (P101, P102): the same figures on both sides of every pair of sections.

Numbers, percentages, ages and ranges (``6–16``), dates, money and article numbers in a Chinese section
must appear in its English section and vice versa. Each section is reduced to a set of values:

- thousands separators go (``45,000`` = ``45000``); ``4.5 万`` = ``45000``, ``1.2 亿`` = ``120000000``,
  ``1.2 million`` = ``1200000``; ``03`` = ``3``;
- English month names count as their number, so ``2023 年 3 月 3 日`` = ``3 March 2023`` =
  ``2023-03-03`` (``May`` and ``March`` only next to a number or another month);
- ``20 000`` (space, no-break or thin space as the thousands separator) = ``20000``; since a space may
  also just separate two numbers, ``20 000`` is also matched by ``20`` and ``000`` on the other side;
- ``v1.20`` = ``1.20``, but decimals are kept as written: ``1.20`` is not ``1.2`` (versions differ,
  and translators copy figures as written; only ``万``/``million`` scaling normalises, ``4.50 万`` =
  ``45000``); dotted versions ``1.20.3`` are one value;
- numbers in link targets, URLs, HTML and comments, and ordered-list markers, are ignored;
- a number one side writes in code (``replicas: 3``, a code block) and the other in prose is the same
  number: code counts on the side that lacks it, but is never required of the other side (code is not
  translated, and may hold figures prose does not repeat);
- numbers written in words are not figures, so they are never required; but they count as present:
  "set to zero" answers ``设为 0``, "three categories" answers ``3 类`` (English zero to twelve;
  ``零``, and ``一``-``十`` before a measure word such as ``个 名 类 项``).

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
_SPACES = " \u00a0\u202f\u2009"
_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9_.])(\d+(?:\.\d+){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                        rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d.,])|\d+(?:\.\d+)?)"
                        r"(?:\s*(万|亿)|\s+(thousand|million|billion)\b)?")
_VERSION_PREFIX_RE = re.compile(r"(?<![A-Za-z0-9_.])[vV](?=\d)")
_EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve"]
_EN_WORD_RE = re.compile(rf"(?<![A-Za-z-])({'|'.join(_EN_WORDS)})(?![A-Za-z-])", re.I)
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10}
_ZH_WORD_RE = re.compile(r"(?<![一二两三四五六七八九十百千万])([一二两三四五六七八九十])"
                         r"(?=[个名类项次种条位家人份步天年月周岁章节组户所])|[零〇]")
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
    number = re.sub(f"[,{_SPACES}]", "", number)
    if number.count(".") > 1:
        return number                                   # a version: 1.20.3
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    if scale:
        return format((value * _SCALE[scale.lower()]).normalize(), "f")
    whole, _, fraction = number.partition(".")
    whole = whole.lstrip("0") or "0"
    return f"{whole}.{fraction}" if fraction else whole     # decimals as written: 1.20 is not 1.2


def _parts(match) -> list[str]:
    """The other reading of ``20 000``: two numbers, 20 and 0."""
    if match.group(2) or match.group(3) or not any(c in match.group(1) for c in _SPACES):
        return []
    return [_canonical(part, None) for part in re.split(f"[{_SPACES}]", match.group(1))]


def _figures(text: str):
    text = _VERSION_PREFIX_RE.sub(" ", _URL_RE.sub(" ", text))
    for match in _NUMBER_RE.finditer(text):
        value = _canonical(match.group(1), match.group(2) or match.group(3))
        if value is not None:
            yield match, value


def present(section: Section, lang: str) -> set[str]:
    """Every value the section can be said to have: its figures, their other readings, figures in its
    code, and numbers written in words."""
    values = set(numbers(section, lang))
    for item in section.text + section.code:
        for match, value in _figures(item.text):
            values.add(value)
            values.update(_parts(match))
    for item in section.text:
        if lang == "en":
            values.update(str(_EN_WORDS.index(m.group(1).lower())) for m in _EN_WORD_RE.finditer(item.text))
        else:
            values.update(str(_ZH_DIGITS[m.group(0)[0]]) for m in _ZH_WORD_RE.finditer(item.text))
    return values


def numbers(section: Section, lang: str) -> dict[str, tuple[int, str]]:
    """The values a section's prose requires of the other side, each with the line and the text of its
    first occurrence (see the module docstring for what is left out)."""
    found: dict[str, tuple[int, str]] = {}
    for item in section.text:
        text = _URL_RE.sub(" ", item.text)
        for match, value in _figures(item.text):
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
        zh_present, en_present = present(sp.zh, "zh"), present(sp.en, "en")
        for value, (line, written) in zh_numbers.items():
            if value not in en_present and not _answered(sp.zh, value, en_present):
                yield Diagnostic(pair.en.path, sp.en.line, "P101",
                                 f"{sp.en.name} lacks {_show(value, written)}, which {pair.zh.path}:{line} "
                                 "has", Location(pair.zh.path, line))
        for value, (line, written) in en_numbers.items():
            if value not in zh_present and not _answered(sp.en, value, zh_present):
                yield Diagnostic(pair.zh.path, sp.zh.line, "P102",
                                 f"{sp.zh.name} lacks {_show(value, written)}, which {pair.en.path}:{line} "
                                 "has", Location(pair.en.path, line))


def _answered(section: Section, value: str, other: set[str]) -> bool:
    """``20 000`` is also answered by 20 and 0 on the other side (the space may separate two numbers)."""
    for item in section.text:
        for match, found in _figures(item.text):
            parts = _parts(match)
            if found == value and parts and all(p in other for p in parts):
                return True
    return False


def _show(value: str, written: str) -> str:
    return value if written == value else f"{value} ('{written}')"

