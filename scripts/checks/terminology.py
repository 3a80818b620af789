"""Terminology (T101-T115): the glossary's terms, and nothing else, in both languages.

- A variant the glossary says to avoid (``avoid_zh`` in Chinese pages, ``avoid_en`` in English pages)
  is reported with the canonical term to use (T101).
- Pairing: when a Chinese section uses a glossary term, its English section uses the canonical English
  term (T102). Matching is longest-first: ``心理咨询志愿者`` asks for "psychological-counselling
  volunteer", not also for "volunteer".
- A canonical English term with capitals (a proper noun such as "Law on the Protection of Minors") is
  written in exactly that case (T103); a spelling variant of a canonical term (American spelling,
  a hyphen dropped or turned into a space: "social organization", "psychological counselling
  volunteer") is reported even when the glossary does not list it (T104).
- T101 and T104 also read the text readers see outside the body (:meth:`Site.reader_text`): each
  page's front-matter ``description`` and HTML ``alt``/``title``, and the site name, description and nav
  titles of mkdocs.yml in the language they are shown in. (Markdown image alt text is prose and is read
  with its section.)
- glossary.yml itself is validated (T110-T115), at ``glossary.yml:line``; ``aliases`` (a term's standard
  short forms: PIPL, 个保法) must be a list of non-empty strings (T114) and, like every form, belong to
  one entry (T115).
"""
from __future__ import annotations

import re
from typing import Iterator

from scripts.diagnostics import Diagnostic, Location
from scripts.glossary import Glossary, Matcher, Term, normalise
from scripts.model import join_text

CODES = {
    "T101": "avoided variant of a glossary term",
    "T102": "Chinese section uses a glossary term whose English term is missing from the English section",
    "T103": "proper-noun glossary term written in a different case",
    "T104": "spelling variant of a canonical English term",
    "T110": "glossary entry lacks a required field (id, zh, en)",
    "T111": "glossary id used twice",
    "T112": "glossary id is not kebab-case",
    "T113": "glossary definition missing or still TODO",
    "T114": "glossary field unknown or of the wrong type",
    "T115": "glossary form used by two entries",
}

_US_SPELLINGS = [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("counselling", "counseling"),
                 ("counsellor", "counselor"), ("programme", "program"), ("behaviour", "behavior"),
                 ("labour", "labor"), ("centre", "center"), ("defence", "defense"), ("licence", "license")]


def spelling_variants(term: Term, others: set[str]) -> list[str]:
    """Variants of ``term.en`` that are not the canonical form, not listed in avoid_en, not another term."""
    base = term.en
    variants = set()
    for british, american in _US_SPELLINGS:
        if british in base.lower():
            variants.add(re.sub(british, american, base, flags=re.I))
    for form in list(variants) + [base]:
        if "-" in form:
            variants.add(form.replace("-", " "))
            variants.add(form.replace("-", ""))
    skip = {base.lower()} | {v.lower() for v in term.avoid_en} | others
    return sorted(v for v in variants if v.lower() not in skip)


class _Variants:
    def __init__(self, glossary: Glossary):
        canonical = {t.en.lower() for t in glossary.terms}
        forms = [(v, t) for t in glossary.terms for v in spelling_variants(t, canonical)]
        self.matcher = Matcher(forms, "en")


def check(site) -> Iterator[Diagnostic]:
    glossary: Glossary = site.glossary
    yield from (d for d in glossary.problems if d.code.startswith("T"))
    if not glossary.terms:
        return
    variants = _Variants(glossary).matcher
    found: dict[int, tuple] = {}                 # id(section) -> (canonical matches, avoided, line_at)
    for page in site.pages.values():
        for section in page.sections:
            text, line_at = join_text(section.text)
            canonical = glossary.find_terms(text, page.lang)
            avoided = glossary.find_avoided(text, page.lang)
            spelled = variants.find(text) if page.lang == "en" else []
            found[id(section)] = (canonical, avoided + spelled, line_at, text)
            for match in avoided:
                yield Diagnostic(page.path, line_at(match.start), "T101",
                                 f"'{match.text}' is a variant to avoid: write '{match.term.canonical(page.lang)}' "
                                 f"(glossary: {match.term.id})")
            if page.lang != "en":
                continue
            for match in canonical:
                if any(c.isupper() for c in match.term.en) and not _same_case(match.text, match.term.en):
                    yield Diagnostic(page.path, line_at(match.start), "T103",
                                     f"'{match.text}': write '{match.term.en}' in this case (glossary: "
                                     f"{match.term.id})")
            for match in spelled:
                yield Diagnostic(page.path, line_at(match.start), "T104",
                                 f"'{match.text}' is a spelling variant: write '{match.term.en}' (glossary: "
                                 f"{match.term.id})")
    for path, lang, item in site.reader_text():
        yield from _outside_body(glossary, variants, path, lang, item)
    for pair, sp in site.matched_sections():
        zh_matches, _, zh_line, _ = found[id(sp.zh)]
        _, en_avoided, _, en_text = found[id(sp.en)]
        # Chinese terms are taken longest-first (what the section uses); the English term only has to
        # occur, even inside a longer term. Avoided or misspelt variants are T101/T104, not T102 too.
        en_ids = glossary.present_terms(en_text, "en") | {m.term.id for m in en_avoided}
        reported = set()
        for match in zh_matches:
            if match.term.id in en_ids or match.term.id in reported:
                continue
            reported.add(match.term.id)
            line = zh_line(match.start)
            yield Diagnostic(pair.en.path, sp.en.line, "T102",
                             f"{sp.en.name} lacks '{match.term.en}': {pair.zh.path}:{line} uses "
                             f"'{match.term.zh}' (glossary: {match.term.id})", Location(pair.zh.path, line))


def _outside_body(glossary, variants, path, lang, item) -> Iterator[Diagnostic]:
    """T101 and, in English, T104 on a description, alt text, title or nav title (one line each)."""
    for match in glossary.find_avoided(item.text, lang):
        yield Diagnostic(path, item.line, "T101", f"{item.what}: '{match.text}' is a variant to avoid: write "
                                                  f"'{match.term.canonical(lang)}' (glossary: {match.term.id})")
    if lang == "en":
        for match in variants.find(item.text):
            yield Diagnostic(path, item.line, "T104", f"{item.what}: '{match.text}' is a spelling variant: "
                                                      f"write '{match.term.en}' (glossary: {match.term.id})")


def _same_case(written: str, canonical: str) -> bool:
    written = " ".join(normalise(written).split())
    canonical = " ".join(normalise(canonical).split())
    return written == canonical or written in (canonical + "s", canonical + "es")
