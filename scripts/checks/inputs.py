"""Robust input (E101-E109): files the other checks cannot read as they should.

A page that is not valid UTF-8, starts with a byte-order mark, has CRLF line endings, has front matter
that is unclosed, not YAML or not a mapping, or is empty, is reported at the line of the problem; the
page is still checked as well as it can be read. A malformed mkdocs.yml, glossary.yml or
translation-lock.yml is reported at its line. (A missing mkdocs.yml or docs folder is not a finding but a
usage error: the command exits 2.)
"""
from __future__ import annotations

from typing import Iterator

from scripts.diagnostics import Diagnostic

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
}


def check(site) -> Iterator[Diagnostic]:
    yield from site.problems
    yield from (d for d in site.glossary.problems if d.code.startswith("E"))
    yield from (d for d in site.lock.problems if d.code.startswith("E"))
    for page in site.pages.values():
        yield from page.problems
