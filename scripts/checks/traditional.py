"""Traditional Chinese edition (H101-H102): the glossary decides how its terms read in Traditional characters.

The edition at /zh-hant/ is generated from docs/zh/ by OpenCC ``s2hk`` with the glossary's ``zh_hant``
forms applied (scripts/hant.py; the configuration and its reasons are in that module's docstring). These
checks run only when mkdocs.yml builds that edition (an i18n language ``locale: zh-hant``).

- H101: a glossary term comes out of the conversion, at this place in a Chinese page, in another form than
  its Traditional form: the declared ``zh_hant``, or, when none is declared, what OpenCC makes of the term
  on its own. OpenCC converts by the phrases it knows, and a phrase can straddle the term's edge: in
  ``本地志愿者`` it reads ``地志`` as a word and writes ``本地誌願者``, while ``志愿者`` alone is
  ``志願者``. Declare the right form as ``zh_hant:`` on the glossary entry (the build then writes it
  wherever the term occurs), or fix an override in scripts/hant.py's PHRASES that swallows the term.
  Also read: descriptions, alt and title texts and mkdocs.yml's Chinese titles.
- H102: a glossary term holds a Simplified character that stands for two or more Traditional ones
  (干 → 乾/幹/干, 发 → 發/髮, 面 → 面/麪, 里 → 里/裏, 系 → 系/係/繫, 台 → 台/臺/檯/颱, 后 → 后/後,
  复 → 復/複/覆, 范 → 范/範, 制 → 制/製, 志 → 志/誌, 余 → 余/餘 … the list is ``AMBIGUOUS`` in
  scripts/hant.py) and declares no ``zh_hant``: a term is too short, and its neighbours in the text too
  varied, for OpenCC to be trusted with it. Check the converted form (the message gives it) and declare
  it, corrected if need be, at the entry (reported at ``glossary.yml:line``).

Time is linear in the length of the pages (one OpenCC pass per section, one override scan).
"""
from __future__ import annotations

from typing import Iterator

from scripts import hant
from scripts.diagnostics import Diagnostic
from scripts.model import join_text

CODES = {
    "H101": "glossary term converted to another Traditional form than the glossary's at this place",
    "H102": "glossary term with a one-to-many Simplified character declares no zh_hant form",
}


def builds_edition(site) -> bool:
    """True when mkdocs.yml's i18n plugin builds the Traditional edition."""
    for plugin in site.mkdocs.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") == hant.LOCALE:
                    return True
    return False


def _expected(term) -> str:
    return term.zh_hant or hant.opencc_convert(term.zh)


def misconverted(text: str, glossary, converter: hant.Converter):
    """(offset, term, what the edition prints there) for each glossary term in ``text`` that the edition
    prints in another form than :func:`_expected`."""
    matches = glossary.find_terms(text, "zh")
    if not matches:
        return
    raw = hant.opencc_convert(text)
    if len(raw) != len(text):           # never seen with s2hk; the offsets below would be meaningless
        return
    overrides = converter.spans(text)
    for match in matches:
        covering = [(s, e, form) for s, e, form in overrides if s < match.end and match.start < e]
        if len(covering) == 1 and covering[0][:2] == (match.start, match.end):
            printed = covering[0][2]
        elif all(len(form) == e - s for s, e, form in covering):   # same-length overrides: character by character
            chars = list(raw[match.start:match.end])
            for s, e, form in covering:
                for i in range(max(s, match.start), min(e, match.end)):
                    chars[i - match.start] = form[i - s]
            printed = "".join(chars)
        else:
            s, e, form = next((s, e, f) for s, e, f in covering if len(f) != e - s)
            printed = f"part of '{form}' (override for '{text[s:e]}')"
        if printed != _expected(match.term):
            yield match.start, match.term, printed


def check(site) -> Iterator[Diagnostic]:
    if not builds_edition(site):
        return
    glossary = site.glossary
    for term in glossary.terms:
        if term.zh_hant:
            continue
        chars = hant.ambiguous_in(term.zh)
        if chars:
            readings = "; ".join(f"{c} → {'/'.join(hant.AMBIGUOUS[c])}" for c in chars)
            yield Diagnostic(glossary.path, term.line, "H102",
                             f"'{term.zh}' holds {readings}: OpenCC writes '{hant.opencc_convert(term.zh)}'; "
                             f"check it and declare zh_hant (glossary: {term.id})")
    converter = hant.Converter(hant.glossary_overrides(glossary))

    def report(path, line_at, text, what=""):
        for offset, term, printed in misconverted(text, glossary, converter):
            yield Diagnostic(path, line_at(offset), "H101",
                             f"{what}'{term.zh}' becomes '{printed}' in the Traditional edition here, not "
                             f"'{_expected(term)}': declare zh_hant at the glossary entry (glossary: {term.id})")

    for page in site.pages.values():
        if page.lang != "zh":
            continue
        for section in page.sections:
            text, line_at = join_text(section.text)
            yield from report(page.path, line_at, text)
    for path, lang, item in site.reader_text():
        if lang == "zh":
            yield from report(path, lambda _offset, line=item.line: line, item.text, f"{item.what}: ")
