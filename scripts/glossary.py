"""glossary.yml: loading, validation, and finding terms in text.

``load_glossary(path)`` returns a :class:`Glossary` whatever the file holds; problems are in
``glossary.problems`` (E107 for a file that is not a YAML list, T110-T115 for entries, each at
``glossary.yml:line``). ``aliases`` (optional) are a term's standard short forms and synonyms (PIPL,
个保法, SDQ): search finds the term's glossary entry by them and tooltips explain them; they are not the
canonical form, and, like any form, belong to one entry only (T115). Reuse it for tooltips or a jieba user dictionary::

    glossary = load_glossary(Path("glossary.yml"))
    for match in glossary.find_terms("心理咨询志愿者和志愿者", "zh"):
        print(match.term.id, match.start, match.end)       # counselling-volunteer 0 7, volunteer 7 10

Matching is longest-match-first with span consumption: a longer term consumes the shorter terms inside it
(``心理咨询志愿者`` consumes its ``志愿者``). Chinese matches by substring, never by word boundaries;
English matches case-insensitively on word boundaries, allowing a plural ``s``/``es``.

The glossary page (``GLOSSARY_PAGE`` in each language) holds ``MARKER``, which the build replaces with a
table of every term, one row per term with the term's id as its anchor: ``/appendix/glossary/#pipl`` is a
link the manual promises will last, so the checks count those ids among the page's anchors (links,
published ids: :meth:`scripts.site.Site.anchors`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.diagnostics import Diagnostic
from scripts.model import ID_RE
from scripts.yamlfile import YamlError, load_yaml

GLOSSARY_PAGE = "appendix/glossary.md"
MARKER = "<!-- glossary -->"

FIELDS = ("id", "zh", "en", "avoid_zh", "avoid_en", "aliases", "definition_zh", "definition_en", "note",
          "zh_hant")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-"})


@dataclass
class Term:
    id: str
    zh: str
    en: str
    avoid_zh: list[str] = field(default_factory=list)
    avoid_en: list[str] = field(default_factory=list)
    definition_zh: str = ""
    definition_en: str = ""
    note: str = ""
    line: int = 1
    aliases: list[str] = field(default_factory=list)   # standard short forms and synonyms (PIPL, 个保法)
    zh_hant: str = ""       # the Traditional form where OpenCC's is wrong or ambiguous (scripts/hant.py)
    zh_hant_line: int = 0

    def canonical(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def avoided(self, lang: str) -> list[str]:
        return self.avoid_zh if lang == "zh" else self.avoid_en

    def definition(self, lang: str) -> str:
        """The definition readers may see, or "" while it is missing or still a TODO (T113)."""
        text = (self.definition_zh if lang == "zh" else self.definition_en).strip()
        return "" if is_todo(text) else text


def is_todo(text) -> bool:
    """A definition not written yet: missing, empty, or starting with TODO (``TODO``, ``TODO: ask X``)."""
    return not isinstance(text, str) or not text.strip() or text.strip().upper().startswith("TODO")


@dataclass(frozen=True)
class TermMatch:
    term: Term
    start: int
    end: int
    text: str           # the text as written
    form: str           # the glossary form it matched (canonical, or the avoided variant)


def normalise(text: str) -> str:
    """Curly apostrophes and non-breaking hyphens as plain ones (same length, offsets stay valid)."""
    if "\u2019" in text or "\u2018" in text or "\u2011" in text or "\u2010" in text:
        return text.translate(_APOSTROPHES)
    return text


def lower(text: str) -> str:
    """Lower case, keeping the length (the few letters that lower-case to two characters stay as they are),
    so that offsets in the result are offsets in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@functools.lru_cache(maxsize=None)
def english_pattern(form: str) -> re.Pattern:
    """The form in lower-cased text: on word boundaries, any whitespace between words, an optional plural
    s/es. (The boundary before the first word is checked after it, so the regex engine can jump from one
    occurrence of the first word to the next: 25 times faster than a leading look-behind.)"""
    words = [re.escape(lower(normalise(w))) for w in form.split()]
    first = words[0]
    return re.compile(first + rf"(?<![a-z0-9]{first})" + "".join(r"\s+" + w for w in words[1:])
                      + r"(?:s|es)?(?![a-z0-9])")


class Matcher:
    """Longest-first matching of a list of (form, term) with span consumption."""

    def __init__(self, forms: list[tuple[str, Term]], lang: str):
        self.lang = lang
        ordered = sorted(forms, key=lambda ft: (-len(ft[0]), ft[0]))
        # key: a cheap substring test that must pass before the form is searched for
        self.forms = [(form, term, " ".join(normalise(form).lower().split()) if lang == "en" else form)
                      for form, term in ordered]

    def _prepare(self, text: str) -> tuple[str, str]:
        text = normalise(text)
        return text, (" ".join(text.lower().split()) if self.lang == "en" else text)

    def _spans(self, form: str, text: str):
        if self.lang == "zh":
            return _substrings(text, form)
        return (m.span() for m in english_pattern(form).finditer(lower(text)))

    def present(self, text: str) -> set[str]:
        """Ids of every form that occurs anywhere in ``text``, even inside a longer form."""
        text, flat = self._prepare(text)
        return {term.id for form, term, key in self.forms
                if key in flat and next(iter(self._spans(form, text)), None) is not None}

    def find(self, text: str) -> list[TermMatch]:
        text, flat = self._prepare(text)
        taken = bytearray(len(text))
        found = []
        for form, term, key in self.forms:
            if key not in flat:
                continue
            for start, end in self._spans(form, text):
                if taken.find(1, start, end) != -1:
                    continue
                taken[start:end] = b"\x01" * (end - start)
                found.append(TermMatch(term, start, end, text[start:end], form))
        found.sort(key=lambda m: m.start)
        return found


def _substrings(text: str, form: str):
    start = text.find(form)
    while start != -1:
        yield start, start + len(form)
        start = text.find(form, start + len(form))


class Glossary:
    def __init__(self, terms: list[Term], problems: list[Diagnostic] | None = None, path: str = "glossary.yml"):
        self.terms = terms
        self.problems = problems or []
        self.path = path
        self.by_id = {t.id: t for t in terms}
        self._canonical = {lang: Matcher([(t.canonical(lang), t) for t in terms], lang) for lang in ("zh", "en")}
        self._avoided = {lang: Matcher([(v, t) for t in terms for v in t.avoided(lang)], lang)
                         for lang in ("zh", "en")}
        self._with_aliases = {lang: Matcher([(t.canonical(lang), t) for t in terms]
                                            + [(a, t) for t in terms for a in t.aliases], lang)
                              for lang in ("zh", "en")}

    def find_terms(self, text: str, lang: str) -> list[TermMatch]:
        """Canonical terms in ``text`` (``lang`` is "zh" or "en"), in text order."""
        return self._canonical[lang].find(text)

    def present_terms(self, text: str, lang: str) -> set[str]:
        """Ids of the canonical terms that occur anywhere in ``text``, also inside longer terms
        ("living allowance" in "living allowance disbursement"): for asking whether a term is there."""
        return self._canonical[lang].present(text)

    def find_terms_or_aliases(self, text: str, lang: str) -> list[TermMatch]:
        """Canonical terms and their aliases (``match.form`` says which), in text order: for tooltips,
        so the first use of a short form (PIPL, 个保法) is explained too."""
        return self._with_aliases[lang].find(text)

    def find_avoided(self, text: str, lang: str) -> list[TermMatch]:
        """Avoided variants (``avoid_zh``/``avoid_en``) in ``text``; ``match.term`` is the term to use."""
        return self._avoided[lang].find(text)


def find_terms(text: str, lang: str, glossary: Glossary) -> list[TermMatch]:
    return glossary.find_terms(text, lang)


def load_glossary(path: Path, display: str = "glossary.yml") -> Glossary:
    """Load and validate; never raises. A missing file is an empty glossary."""
    path = Path(path)
    if not path.is_file():
        return Glossary([], path=display)
    problems: list[Diagnostic] = []

    def problem(line: int, code: str, message: str) -> None:
        problems.append(Diagnostic(display, line, code, message))

    try:
        text = path.read_bytes().decode("utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError) as err:
        problem(1, "E107", f"glossary cannot be read as UTF-8 text: {err}")
        return Glossary([], problems, display)
    try:
        doc = load_yaml(text)
    except YamlError as err:
        problem(err.line, "E107", f"glossary is not valid YAML: {err.message}")
        return Glossary([], problems, display)
    if doc.data is None:
        return Glossary([], problems, display)
    if not isinstance(doc.data, list):
        problem(1, "E107", "glossary must be a YAML list of entries ('- id: ...')")
        return Glossary([], problems, display)

    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[tuple[str, str], tuple[str, int]] = {}
    for index, entry in enumerate(doc.data):
        line = doc.line((index,))
        if not isinstance(entry, dict):
            problem(line, "T110", "glossary entry must be a mapping with id, zh, en, ...")
            continue
        where = f"entry '{entry.get('id')}'" if isinstance(entry.get("id"), str) else f"entry {index + 1}"
        ok = True
        for key in entry:
            if key not in FIELDS:
                problem(doc.line((index, key)), "T114", f"{where}: unknown field '{key}' (fields: {', '.join(FIELDS)})")
        for key in ("id", "zh", "en"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                problem(doc.line((index, key), line), "T110", f"{where}: field '{key}' is missing or empty")
                ok = False
        for key in ("avoid_zh", "avoid_en", "aliases"):
            value = entry.get(key)
            if value is not None and (not isinstance(value, list) or
                                      not all(isinstance(v, str) and v.strip() for v in value)):
                problem(doc.line((index, key)), "T114", f"{where}: '{key}' must be a list of non-empty strings")
                entry[key] = [v for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []
        for key in ("definition_zh", "definition_en", "note", "zh_hant"):
            value = entry.get(key)
            if value is not None and (not isinstance(value, str) or (key == "zh_hant" and not value.strip())):
                problem(doc.line((index, key)), "T114", f"{where}: '{key}' must be text")
        for key in ("definition_zh", "definition_en"):
            value = entry.get(key)
            if is_todo(value):
                problem(doc.line((index, key), line), "T113", f"{where}: '{key}' is missing or still TODO")
        term_id = entry.get("id")
        if isinstance(term_id, str) and term_id.strip():
            if not ID_RE.match(term_id):
                problem(doc.line((index, "id")), "T112", f"id '{term_id}' must be kebab-case (a-z, 0-9, hyphens)")
            if term_id in seen_ids:
                problem(doc.line((index, "id")), "T111",
                        f"duplicate id '{term_id}' (first at {display}:{seen_ids[term_id]})")
                ok = False
            else:
                seen_ids[term_id] = doc.line((index, "id"))
        if not ok:
            continue
        term = Term(id=term_id, zh=entry["zh"].strip(), en=entry["en"].strip(),
                    avoid_zh=list(entry.get("avoid_zh") or []), avoid_en=list(entry.get("avoid_en") or []),
                    definition_zh=entry.get("definition_zh") or "" if isinstance(entry.get("definition_zh"), str) else "",
                    definition_en=entry.get("definition_en") or "" if isinstance(entry.get("definition_en"), str) else "",
                    note=entry.get("note") if isinstance(entry.get("note"), str) else "", line=line,
                    zh_hant=entry["zh_hant"].strip() if isinstance(entry.get("zh_hant"), str) else "",
                    zh_hant_line=doc.line((index, "zh_hant"), line) if "zh_hant" in entry else 0,
                    aliases=[a.strip() for a in entry.get("aliases") or []])
        for lang in ("zh", "en"):
            forms = ([(term.canonical(lang), lang)] + [(v, f"avoid_{lang}") for v in term.avoided(lang)]
                     + [(a, "aliases") for a in term.aliases])  # an alias stands for its term in both languages
            for form, key in forms:
                norm = normalise(form).lower() if lang == "en" else form
                other = seen_forms.get((lang, norm))
                if other and other[0] != term.id:
                    problem(doc.line((index, key)), "T115",
                            f"'{form}' appears in entries '{other[0]}' and '{term.id}' (first at "
                            f"{display}:{other[1]})")
                else:
                    seen_forms[(lang, norm)] = (term.id, doc.line((index, key)))
        terms.append(term)
    return Glossary(terms, problems, display)
