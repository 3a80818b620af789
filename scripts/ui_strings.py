"""The site's own interface text, both languages, from one file: ui-strings.yml.

Templates, build hooks and site.js all read their words from here, so a wording change (or a third
language) is one edit in one place instead of `if zh else` branches spread over templates and Python.
The file maps each language to groups of named strings; both languages must hold the same names, or
loading fails with `ui-strings.yml:LINE: ...` naming the missing one.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from scripts.yamlfile import YamlError, load_yaml

ROOT = Path(__file__).resolve().parents[1]
PATH = ROOT / "ui-strings.yml"
LANGUAGES = ("zh", "en")


class UiStringsError(Exception):
    """ui-strings.yml is unreadable or incomplete; the message starts with `path:line:`."""


def _leaves(data, path=()) -> dict[tuple, object]:
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            out.update(_leaves(value, path + (key,)))
        return out
    return {path: data}


def parse(text: str, name: str = "ui-strings.yml") -> dict[str, dict]:
    """The strings of every language, checked: same names in each language, every value a string."""
    try:
        doc = load_yaml(text)
    except YamlError as err:
        raise UiStringsError(f"{name}:{err.line}: {err.message}") from None
    data = doc.data
    if not isinstance(data, dict) or set(data) != set(LANGUAGES):
        raise UiStringsError(f"{name}:{doc.line()}: expected one mapping per language: {', '.join(LANGUAGES)}")
    leaves = {lang: _leaves(data[lang], (lang,)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for path, value in leaves[lang].items():
            if not isinstance(value, str):
                raise UiStringsError(f"{name}:{doc.line(path)}: {'.'.join(path)} is not a string")
            for other in LANGUAGES:
                if (other,) + path[1:] not in leaves[other]:
                    raise UiStringsError(f"{name}:{doc.line(path)}: {'.'.join(path)} has no {other} text")
    return data


@lru_cache(maxsize=1)
def load() -> dict[str, dict]:
    """ui-strings.yml, read once per process."""
    return parse(PATH.read_text(encoding="utf-8"), PATH.name)


def strings(lang: str) -> dict:
    """The groups of strings for one language: strings('en')['kit']['print']."""
    return load()[lang]


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def localised_date(day: date, lang: str) -> str:
    """A date as readers of ``lang`` write it: 2026 年 12 月 2 日, 2 December 2026."""
    if lang == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
