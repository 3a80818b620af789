"""Untranslated text (U101-U104): Chinese left in English pages, English prose in Chinese pages, nav titles.

Text left in the other language, the commonest translation defect: a Chinese paragraph, description or
heading where its English should be, English prose in a Chinese page, a nav section never given an English
title.

Every text a reader sees is read through the page model: the prose of each section (headings, paragraphs,
list items, table cells, link text, Markdown image alt text, admonition titles; code, link targets, raw
HTML and comments are not prose), and the text outside the body (:meth:`Site.reader_text`: front-matter
``title`` and ``description``, HTML ``alt`` and ``title``, and in mkdocs.yml the site name, description
and nav titles in the language each is shown in). The text of raw HTML blocks is not read, only their
``alt`` and ``title``.

- U101: Chinese characters (Han) in an English page's prose, outside the forms in which English pages
  keep Chinese on purpose. Each line is reported once, quoting the start of the first Chinese that is not
  in such a form: a Chinese paragraph pasted where its translation should be, an untranslated heading,
  table cell, link text or admonition title.
- U102: Chinese in English text outside the body: an English page's front-matter ``title`` or
  ``description``, an HTML ``alt`` or ``title``, the English site name, description and nav titles
  (the values of ``nav_translations``) in mkdocs.yml, and the text of an SVG diagram in ``docs/en/``
  (``<title>``, ``<desc>``, ``<text>``, ``aria-label``), at the diagram's line. (English prose in a
  diagram in ``docs/zh/`` is U103.)
- U103: English prose in a Chinese page (body or text outside the body). Prose is a run of Latin-letter words
  (separated only by spaces and ASCII punctuation; Chinese characters and full-width punctuation end it) with
  at least ``untranslated.prose_words`` words, among them two lower-case words that are not function words and
  one function word (``untranslated.function_words``: "the", "of", "is", ...), or four lower-case words that
  are not function words. So acronyms (SDQ), names and titles in title case ("Rural Women and Children
  Cooperation & Development Association in Qingshen County"), URLs and file names (one token each, not words),
  code (not prose) and short glosses ("children in difficulties") are not prose; "the first column names the
  wrong practice" is. A heading, admonition title, description, alt text or nav title of a Chinese page that
  has no Chinese character at all but a Latin word that is no acronym is English however short ("Sources",
  "Key points").
- U104: a Chinese nav title in mkdocs.yml (a section, or a page given a title) that has no English title
  in the i18n plugin's ``nav_translations`` for English, at the nav entry's line. (A nav title that is
  translated but whose translation is still Chinese is U102.)

What is meant to stay in the other language is declared, never coded: in checks.yml ``untranslated``
(``chinese_in_english`` for U101/U102, ``english_in_chinese`` for U103), in the glossary, or in the page:

- Forms (U101-U103): a form is a name and up to three regular expressions: ``before`` must match the text
  right before the run (it is anchored at the run's start), ``text`` the whole run, ``after`` the text right
  after it (anchored at the run's end); a missing key matches anything. A run of Chinese (Han characters and
  what joins them inside Chinese text: full-width punctuation, spaces, digits) or of English prose is allowed
  when one form matches it. The shipped forms: a Chinese gloss in brackets after the English it renders
  (``Qingshen County (青神县)``); Chinese followed by its English in brackets (``监护人 (guardian)``, ``王才康 (Wang
  Caikang)``, a Chinese reference with its English title); a Chinese document title in 《》; a Chinese author
  before the year of a reference (``肖水源 (1994)``); a search term (``search for 精神卫生法``); the language's own
  name 中文. In Chinese pages: English in brackets (a gloss), in quotation marks (a quoted name or title), and a
  reference to an English-language source (``Perlman, H. H. (1957). Social Casework: ...``).
- Glossary (U101-U103): a glossary term's Chinese form on a line of an English page that also has its English
  form (``In Chinese this site uses 困境儿童; in English it uses children in difficulties``), and in a Chinese
  page, English prose that is exactly a glossary term's English form (``untranslated.glossary``).
- Marked in the page (U101-U103): text in an inline HTML element with a ``lang`` attribute in the other
  language (``<span lang="zh">困境儿童</span>`` in English, ``<span lang="en">...</span>`` in Chinese).
- A true one-off (U101-U103): ``<!-- check: ignore U101 reason -->`` on the line before, with the reason.

Measured on this manual (``tests/checks/test_untranslated.py::test_recall_on_the_manual`` repeats it): each of
its 6,713 Chinese lines that has a Han character, pasted into an English page, is reported in 99.8 % of cases
(every heading, title and description; the 11 lines missed are Chinese already in a declared form, such as
``S（具体）``); each of its 5,294 English lines of four words or more, headings and descriptions, pasted into a
Chinese page, in 91.5 % (every heading and description; missed: names and titles in title case, URLs, and
references, whose annotations the reference form lets through).

Time is linear in the length of the text: each line is cut into runs once by regular expressions that do
not backtrack across a run, and every form is tried only on a bounded window around a run
(``WINDOW`` characters on each side, the run itself for ``text``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from scripts.config import Option
from scripts.diagnostics import Diagnostic
from scripts.glossary import Glossary, normalise
from scripts.model import LANGS

CODES = {
    "U101": "Chinese text in an English page",
    "U102": "Chinese in an English title, description, alt text or nav title",
    "U103": "English prose in a Chinese page",
    "U104": "nav title without an English title in nav_translations",
}

WINDOW = 120            # characters of context each side of a run that a form's before/after may see
_FORM_KEYS = ("before", "text", "after")

HAN = ("\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\U00020000-\U0003134f")
_HAN_RE = re.compile(f"[{HAN}]")
# What joins Han characters inside one run of Chinese: full-width punctuation, spaces, digits, dashes.
_JOIN = "\\s,、，。：；！？·・《》〈〉「」『』“”‘’（）【】〔〕…—\\-–0-9０-９%％"
_RUN_RE = re.compile(f"[{HAN}](?:[{HAN}{_JOIN}]*[{HAN}])?")
# A token of Latin text: letters and digits, with inner marks that keep URLs, file names, e-mail
# addresses, "self-efficacy" and "isn't" one token. A phrase: tokens joined by spaces and ASCII marks.
_TOKEN = "[A-Za-z0-9](?:[A-Za-z0-9]|[-'’./:@_#%+=~?&]+(?=[A-Za-z0-9]))*"
_PHRASE_RE = re.compile(f"{_TOKEN}(?:[\\s,;:!?\"“”‘’'()\\[\\]&/*.–—-]+{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN)
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_LABEL_WORD_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]*[a-z][A-Za-z]*(?<=[A-Za-z]{2})")
_MASK = "\ufffc"        # stands in for text marked with lang="..." (neither Han, nor Latin, nor a joiner)


def _forms_problem(value) -> str | None:
    if not isinstance(value, dict):
        return "must be a mapping of form names to {before, text, after} regular expressions"
    for name, form in value.items():
        if not isinstance(form, dict) or not form or set(form) - set(_FORM_KEYS):
            return f"form '{name}' must be a mapping with one or more of: {', '.join(_FORM_KEYS)}"
        for key, pattern in form.items():
            if not isinstance(pattern, str):
                return f"form '{name}': '{key}' must be a regular expression (a string)"
            try:
                re.compile(pattern)
            except re.error as err:
                return f"form '{name}': '{key}' is not a valid regular expression: {err}"
    return None


def _positive(value) -> str | None:
    return None if value > 0 else "must be a positive number"


def _words_problem(value) -> str | None:
    if not all(isinstance(w, str) and w.strip() for w in value):
        return "must be a list of words"
    return None


_CHINESE_IN_ENGLISH = {
    "gloss": {"before": r'''[A-Za-z0-9.'’"”]\s?[(（]''', "after": r"[)）]"},
    "glossed": {"after": r"[）》”]?\s?[(（\[]\s?[A-Za-z]*[a-z]"},
    "title": {"before": r'''[A-Za-z0-9.'’"”)]\s?[(（]?《''', "after": "》"},
    "author": {"after": r"\s?(?:\([Ee]ds?\.\)\s?)?\(\d{4}[a-z]?\)"},
    "search": {"before": r"\bsearch for\s?"},
    "language": {"text": "中文"},
}
_ENGLISH_IN_CHINESE = {
    "gloss": {"before": r"[(（]\s?", "after": r"\s?[)）,，;；]"},
    "quoted": {"before": "[“\"‘']", "after": "[”\"’']"},
    "reference": {"text": r"(?:(?:[A-Z][\w'’-]*,(?: [A-Z]\.)+,?(?: &)? ?)+(?:\([Ee]ds?\.\) )?"
                          r"|[A-Z][\w'’.-]*(?: (?:[A-Z&][\w'’.-]*|of|and|for|the|in|on))* )\(\d{4}[a-z]?\)\..*"},
}
_FUNCTION_WORDS = ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
                   "but", "not", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
                   "those", "we", "you", "they", "he", "she", "his", "her", "their", "our", "your", "as", "if",
                   "when", "which", "who", "what", "can", "will", "should", "must", "may", "do", "does", "has",
                   "have", "had", "there", "here", "so", "than", "then", "into", "about"]

OPTIONS = {"untranslated": {
    "chinese_in_english": Option(dict, _CHINESE_IN_ENGLISH, _forms_problem,
                                 "forms in which an English page keeps Chinese on purpose (U101, U102): "
                                 "name -> {before, text, after} regular expressions"),
    "english_in_chinese": Option(dict, _ENGLISH_IN_CHINESE, _forms_problem,
                                 "forms in which a Chinese page keeps English prose on purpose (U103)"),
    "glossary": Option(bool, True, doc="a glossary term's Chinese form on a line with its English form (U101, "
                                       "U102), a glossary term's English form in Chinese (U103)"),
    "prose_words": Option(int, 4, _positive, "how many Latin-letter words make English prose (U103)"),
    "function_words": Option(list, _FUNCTION_WORDS, _words_problem,
                             "English function words: prose has at least one (U103)"),
}}


@dataclass(frozen=True)
class Form:
    name: str
    before: re.Pattern | None
    text: re.Pattern | None
    after: re.Pattern | None

    def allows(self, line: str, start: int, end: int, stats: "Stats | None" = None) -> bool:
        if self.text is not None:
            if stats:
                stats.examined += end - start
            if not self.text.fullmatch(line, start, end):
                return False
        if self.before is not None:
            window = max(0, start - WINDOW)
            if stats:
                stats.examined += start - window
            if not self.before.search(line, window, start):
                return False
        if self.after is not None:
            if stats:
                stats.examined += min(len(line), end + WINDOW) - end
            if not self.after.match(line, end, min(len(line), end + WINDOW)):
                return False
        return True


def compile_forms(declared: dict) -> list[Form]:
    """Forms from checks.yml (validated by the config): ``before`` anchored at the run's start."""
    forms = []
    for name, form in declared.items():
        before = form.get("before")
        forms.append(Form(str(name), re.compile(f"(?:{before})\\Z") if before else None,
                          re.compile(form["text"]) if form.get("text") else None,
                          re.compile(form["after"]) if form.get("after") else None))
    return forms


@dataclass
class Stats:
    """Characters handed to regular expressions (tests assert it stays proportional to the text)."""
    examined: int = 0


class Scanner:
    """Finds text in the other language on one line of a page in ``lang``: ``first(text)`` gives the span
    ``(start, end)`` of the first run in the other language that no form allows, or None; ``label(text)``
    the span of a Chinese page's heading or label written in English."""

    def __init__(self, lang: str, options, glossary: Glossary | None = None, stats: Stats | None = None):
        self.lang = lang                   # the page's language
        self.stats = stats
        self.glossary = glossary if options.glossary and glossary is not None and glossary.terms else None
        if lang == "en":
            self.forms = compile_forms(options.chinese_in_english)
            self.zh_terms = {t.zh: t for t in self.glossary.terms} if self.glossary else {}
        else:
            self.forms = compile_forms(options.english_in_chinese)
            self.en_terms = {" ".join(normalise(t.en).lower().split()) for t in self.glossary.terms} \
                if self.glossary else set()
            self.min_words = options.prose_words
            self.function_words = {w.lower() for w in options.function_words}

    def first(self, text: str, marked=()) -> tuple[int, int] | None:
        """The span of the first run in the other language not in an allowed form. ``marked``: text of
        this line inside elements marked with the other language (``lang=...``), in order."""
        text = _mask(text, marked)
        if self.stats:
            self.stats.examined += len(text)
        if self.lang == "en":
            if not _HAN_RE.search(text):
                return None
            english: set[str] | None = None          # glossary terms in English on this line, when needed
            for match in _RUN_RE.finditer(text):
                start, end = match.span()
                if any(form.allows(text, start, end, self.stats) for form in self.forms):
                    continue
                term = self.zh_terms.get(match.group(0))
                if term is not None:
                    if english is None:
                        english = self.glossary.present_terms(text, "en")
                        if self.stats:
                            self.stats.examined += len(text)
                    if term.id in english:
                        continue
                return start, end
            return None
        for match in _PHRASE_RE.finditer(text):
            if self.is_prose(match.group(0)) and not self._english_allowed(text, match):
                return match.span()
        return None

    def _english_allowed(self, text: str, match: re.Match) -> bool:
        if " ".join(normalise(match.group(0)).lower().split()) in self.en_terms:
            return True
        start, end = match.span()
        return any(form.allows(text, start, end, self.stats) for form in self.forms)

    def label(self, text: str, marked=()) -> tuple[int, int] | None:
        """A Chinese page's heading, title or label written in English: no Han, and a word with a
        lower-case letter (acronyms such as SDQ are not English text). Its span, or None."""
        text = _mask(text, marked)
        if self.stats:
            self.stats.examined += len(text)
        if _HAN_RE.search(text) or not _LABEL_WORD_RE.search(text):
            return None
        start = len(text) - len(text.lstrip())
        return start, len(text.rstrip())

    def is_prose(self, phrase: str) -> bool:
        """At least ``prose_words`` words; two lower-case content words and a function word, or four
        lower-case content words (names and titles capitalise their content words)."""
        words = [t for t in _TOKEN_RE.findall(phrase) if _WORD_RE.fullmatch(t)]
        if len(words) < self.min_words:
            return False
        function = [w for w in words if w in self.function_words]
        content = [w for w in words if w[0].islower() and w not in self.function_words]
        return len(content) >= 4 or (len(content) >= 2 and bool(function))


def _mask(text: str, marked) -> str:
    """``text`` with each marked piece (found in order) replaced by ``_MASK`` characters."""
    if not marked:
        return text
    out, pos = [], 0
    for piece in marked:
        at = text.find(piece, pos)
        if at < 0:
            continue
        out.append(text[pos:at])
        out.append(_MASK * len(piece))
        pos = at + len(piece)
    out.append(text[pos:])
    return "".join(out)


def quote(text: str, start: int, limit: int = 40) -> str:
    """The offending text from ``start``, one line, shortened."""
    piece = " ".join(text[start:].split())
    return piece if len(piece) <= limit else piece[:limit].rstrip() + "…"


def check(site) -> Iterator[Diagnostic]:
    options = site.config.section("untranslated", OPTIONS["untranslated"])
    scanners = {lang: Scanner(lang, options, site.glossary) for lang in LANGS}
    other = {"en": "zh", "zh": "en"}
    for page in site.pages.values():
        scanner = scanners.get(page.lang)
        if scanner is None:
            continue
        marked: dict[int, list[str]] = {}
        for span in page.lang_spans:
            if span.lang.split("-")[0] == other[page.lang]:
                marked.setdefault(span.line, []).append(span.text)
        labels = {h.line for h in page.headings} | {a.line for s in page.sections for a in s.admonitions if a.title}
        reported: set[int] = set()               # one finding a line (a table row holds one text per cell)
        for section in page.sections:
            for item in section.text:
                if item.line in reported:
                    continue
                found = scanner.first(item.text, marked.get(item.line, ()))
                if not found and page.lang == "zh" and item.line in labels:
                    found = scanner.label(item.text, marked.get(item.line, ()))
                if found:
                    reported.add(item.line)
                    yield _finding(page.path, item.line, page.lang, item.text, found[0])
    for path, lang, item in site.reader_text():
        scanner = scanners.get(lang)
        if scanner is None:
            continue
        for part in item.text.splitlines():
            found = scanner.first(part) or (scanner.label(part) if lang == "zh" else None)
            if found:
                yield _finding(path, item.line, lang, part, found[0], item.what)
                break
    for path in sorted(site.files):
        lang = path[len(site.docs_dir) + 1:].split("/", 1)[0]
        if path.endswith(".svg") and lang in scanners:
            yield from _diagram(site.root / path, path, lang, scanners[lang])
    yield from _nav_titles(site)


def _diagram(full, path: str, lang: str, scanner: Scanner) -> Iterator[Diagnostic]:
    """U102/U103 in the text of one SVG diagram (a file that is not well-formed XML is left alone)."""
    from lxml import etree

    try:
        root = etree.parse(str(full), etree.XMLParser(resolve_entities=False, no_network=True,
                                                      remove_comments=True)).getroot()
    except (etree.Error, OSError, ValueError):
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        texts = [element.text, element.tail, element.get("aria-label")]
        for text in texts:
            found = scanner.first(text.strip()) if isinstance(text, str) and text.strip() else None
            if found:
                yield _finding(path, element.sourceline or 1, lang, text.strip(), found[0], "diagram text")
                break


def _finding(path: str, line: int, lang: str, text: str, start: int, what: str = "") -> Diagnostic:
    if lang == "en":
        code = "U102" if what else "U101"
        where = f"{what}: " if what else ""
        return Diagnostic(path, line, code, f"{where}Chinese in English text: '{quote(text, start)}' "
                                            f"(translate it; Chinese meant to stay: `codes --explain {code}`)")
    where = f"{what}: " if what else ""
    return Diagnostic(path, line, "U103", f"{where}English in a Chinese page: '{quote(text, start)}' "
                                          "(translate it; English meant to stay: `codes --explain U103`)")


def _nav_titles(site) -> Iterator[Diagnostic]:
    """U104: a Chinese nav title with no English title, when the i18n plugin builds an English site."""
    translations = english_nav_translations(site.mkdocs)
    if translations is None:
        return
    titles = [(entry.title, entry.line) for entry in site.nav if entry.title] + list(site.nav_groups)
    for title, line in sorted(titles, key=lambda t: t[1]):
        if not _HAN_RE.search(title):
            continue
        english = translations.get(title)
        if not isinstance(english, str) or not english.strip():
            yield Diagnostic("mkdocs.yml", line, "U104",
                             f"nav title '{quote(title, 0)}' has no English title: add '{title}: <English>' "
                             "to nav_translations of the i18n plugin's en language")


def english_nav_translations(mkdocs: dict) -> dict | None:
    """The i18n plugin's ``nav_translations`` for English ({} when it has none), or None when the plugin
    builds no English site."""
    for plugin in (mkdocs or {}).get("plugins") or []:
        if not (isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict)):
            continue
        for language in plugin["i18n"].get("languages") or []:
            if isinstance(language, dict) and language.get("locale") == "en":
                translations = language.get("nav_translations")
                return translations if isinstance(translations, dict) else {}
    return None
