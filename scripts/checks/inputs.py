"""Robust input (E101-E109, E114-E115): files the other checks cannot read as they should.

A page that is not valid UTF-8, starts with a byte-order mark, has CRLF line endings, has front matter
that is unclosed, not YAML or not a mapping, or is empty, is reported at the line of the problem; the
page is still checked as well as it can be read. A malformed mkdocs.yml, glossary.yml or
translation-lock.yml is reported at its line. (A missing mkdocs.yml or docs folder is not a finding but a
usage error: the command exits 2.)

The two files the build reads besides the pages are checked here too, so that an editor hears of a
mistake from ``make check`` in seconds rather than from a failed build:

- E114: ``shortlinks.yml`` is not a mapping of key to page, a key is not URL-safe (letters, digits and
  ``-`` only: keys are printed on handouts as ``/go/<key>/``), or a key points to a page that one of
  the languages does not have.
- E115: ``ui-strings.yml`` is not valid YAML, a language is missing, a value is not a string, or a
  string exists in one language only (the build would stop on the first such problem).

Either file may be absent (a site without short links or interface strings of its own).
"""
from __future__ import annotations

import re
from typing import Iterator

from scripts import ui_strings
from scripts.diagnostics import Diagnostic
from scripts.model import LANGS
from scripts.shortlinks import SHORTLINKS

CODES = {
    "E101": "file is not valid UTF-8",
    "E102": "file starts with a byte-order mark (BOM)",
    "E103": "file has CRLF (Windows) or CR line endings",
    "E104": "front matter is unclosed, not valid YAML, or not a mapping",
    "E105": "page is empty",
    "E106": "mkdocs.yml is not valid YAML or has a malformed nav",
    "E107": "glossary.yml is not valid YAML or not a list of entries",
    "E108": "translation-lock.yml is not valid YAML or not a mapping",
    "E109": "page could not be read or parsed",
    "E114": "shortlinks.yml is malformed, has a key that is not URL-safe, or points to a missing page",
    "E115": "ui-strings.yml is malformed or a string is missing in a language",
}

_KEY_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\Z")
UI_STRINGS = "ui-strings.yml"


def check(site) -> Iterator[Diagnostic]:
    yield from site.problems
    yield from (d for d in site.glossary.problems if d.code.startswith("E"))
    yield from (d for d in site.lock.problems if d.code.startswith("E"))
    for page in site.pages.values():
        yield from page.problems
    yield from _shortlinks(site)
    yield from _ui_strings(site)


def _shortlinks(site) -> Iterator[Diagnostic]:
    if not (site.root / SHORTLINKS).is_file():
        return
    links = site.shortlinks
    for problem in links.problems:
        line, message = problem.split(":", 2)[1:]
        yield Diagnostic(SHORTLINKS, int(line), "E114", message.strip())
    for key, rel in links.targets.items():
        line = links.lines[key]
        if not _KEY_RE.match(key):
            yield Diagnostic(SHORTLINKS, line, "E114", f"short-link key '{key}' is not URL-safe: use letters, "
                                                         "digits and '-' (it is printed as /go/<key>/)")
        missing = [lang for lang in LANGS if site.page(lang, rel) is None]
        if missing:
            where = ", ".join(f"{site.lang_root(lang)}/{rel}" for lang in missing)
            yield Diagnostic(SHORTLINKS, line, "E114", f"short link '{key}' points to {where}, which is not a page")


def _ui_strings(site) -> Iterator[Diagnostic]:
    path = site.root / UI_STRINGS
    if not path.is_file():
        return
    try:
        ui_strings.parse(path.read_text(encoding="utf-8"), UI_STRINGS)
    except UnicodeDecodeError as err:
        yield Diagnostic(UI_STRINGS, 1, "E115", f"cannot be read as UTF-8 text: {err}")
    except ui_strings.UiStringsError as err:
        _, line, message = str(err).split(":", 2)
        yield Diagnostic(UI_STRINGS, int(line), "E115", message.strip())
