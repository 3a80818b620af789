"""The whole manual, loaded once: every page parsed, mkdocs.yml, the glossary, the lock and the config.

``load_site(root)`` raises :class:`UsageError` only when the root cannot be used at all (not a folder,
no mkdocs.yml, no docs folder, or a docs folder not laid out as ``docs/zh/`` + ``docs/en/``: no page in
either, or pages in one language only while other Markdown files sit elsewhere, as in ``docs/zh-cn/``,
``docs/en-us/``, the suffix layout ``a.zh.md`` or an empty ``docs/``; the message says what was expected
and what was found, so an unknown layout is never a silent "0 findings"); everything else that is wrong becomes a finding in ``site.problems``
or in a page's ``problems``.
"""
from __future__ import annotations

import os
from datetime import date
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from scripts.align import PagePair, SectionPair, align_pages, pair_pages
from scripts.config import Config, load_config
from scripts.diagnostics import Diagnostic
from scripts.cache import PageCache
from scripts.glossary import GLOSSARY_PAGE, MARKER, Glossary, load_glossary
from scripts.lock import Lock, PageStatus, load_lock, status_of
from scripts.model import LANGS, Page, VisibleText, parse_page
from scripts.published import Published, load_published
from scripts.redirects import Redirects, load_redirects
from scripts.shortlinks import ShortLinks, load_shortlinks
from scripts.yamlfile import YamlDoc, YamlError, load_yaml

MKDOCS = "mkdocs.yml"
GLOSSARY = "glossary.yml"
DEFAULT_LANGUAGE = "zh"     # the source language, built at the site's root


def language_prefix(lang: str) -> str:
    """Where a language lives in the built site: zh at the root, every other under /<lang>/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


class UsageError(Exception):
    """The command cannot run at all (exit 2)."""


@dataclass
class NavEntry:
    rel: str                # path inside docs/<lang>/
    line: int               # line in mkdocs.yml
    title: str | None = None
    depth: int = 0          # 0 at the top of the nav, 1 inside a section (a part), ...


@dataclass
class Site:
    root: Path
    config: Config
    docs_dir: str = "docs"
    pages: dict[str, Page] = field(default_factory=dict)           # by path from the root
    by_lang: dict[str, dict[str, Page]] = field(default_factory=lambda: {lang: {} for lang in LANGS})
    files: set[str] = field(default_factory=set)                   # every file under docs/, from the root
    mkdocs: dict = field(default_factory=dict)
    mkdocs_doc: YamlDoc | None = None
    nav: list[NavEntry] = field(default_factory=list)
    nav_groups: list[tuple[str, int]] = field(default_factory=list)   # (title, line) of nav sections
    mkdocs_text: dict[str, list[VisibleText]] = field(default_factory=lambda: {lang: [] for lang in LANGS})
    site_url: str = ""
    glossary: Glossary = field(default_factory=lambda: Glossary([]))
    lock: Lock = field(default_factory=Lock)
    problems: list[Diagnostic] = field(default_factory=list)
    online: bool = False
    today: date = field(default_factory=date.today)     # the day reviews are judged on (G1xx)

    def lang_root(self, lang: str) -> str:
        return f"{self.docs_dir}/{lang}"

    def page(self, lang: str, rel: str) -> Page | None:
        return self.by_lang.get(lang, {}).get(rel)

    def generated_ids(self, page: Page) -> set[str]:
        """Ids the build writes into ``page`` beyond its Markdown: on the glossary page, each term's row
        (``#<term id>``; scripts.glossary)."""
        if page.rel == GLOSSARY_PAGE and any(MARKER in line for line in page.lines):
            return {term.id for term in self.glossary.terms}
        return set()

    def anchors(self, page: Page) -> set[str]:
        """Every id a link may name on ``page``: its own (headings, attribute lists, HTML) and the
        generated ones. ``page.anchors`` is not changed: parsed pages are shared between runs."""
        generated = self.generated_ids(page)
        return page.anchors | generated if generated else page.anchors

    @cached_property
    def page_pairs(self) -> list[PagePair]:
        return pair_pages(self.by_lang["zh"], self.by_lang["en"])

    @cached_property
    def _section_pairs(self) -> dict[str, list[SectionPair]]:
        return {pair.rel: align_pages(pair.zh, pair.en) for pair in self.page_pairs if pair.zh and pair.en}

    def section_pairs(self, rel: str) -> list[SectionPair]:
        """Aligned sections of the zh and en page at ``rel`` (empty if either page is missing)."""
        return self._section_pairs.get(rel, [])

    def matched_sections(self):
        """(page pair, section pair) for every section present in both languages, page by page."""
        for pair in self.page_pairs:
            for sp in self._section_pairs.get(pair.rel, []):
                if sp.zh is not None and sp.en is not None:
                    yield pair, sp

    @cached_property
    def translation_status(self) -> dict[str, PageStatus]:
        """State of every Chinese page and its sections, by path inside docs/zh/ (scripts.lock.status)."""
        return status_of(self)

    @cached_property
    def shortlinks(self) -> ShortLinks:
        """shortlinks.yml (read when first asked; checked by E114)."""
        return load_shortlinks(self.root)

    @cached_property
    def redirects(self) -> Redirects:
        """redirects.yml: where moved pages and renamed section ids went (checked by M1xx)."""
        return load_redirects(self.root)

    @cached_property
    def published(self) -> Published:
        """published.yml: what the manual has published (checked by M1xx)."""
        return load_published(self.root)

    @cached_property
    def folders(self) -> set[str]:
        """Every folder that holds a file under docs/, from the root."""
        return {parent.as_posix() for f in self.files for parent in Path(f).parents if parent.as_posix() != "."}

    @cached_property
    def nav_rels(self) -> set[str]:
        return {entry.rel for entry in self.nav}

    def reader_text(self):
        """``(path, lang, VisibleText)`` for the text readers see outside the page bodies: each page's
        front-matter description and HTML alt/title (:attr:`Page.visible`), and the site name,
        description and nav titles in mkdocs.yml, each in the language it is shown in."""
        for page in self.pages.values():
            for item in page.visible:
                yield page.path, page.lang, item
        for lang, items in self.mkdocs_text.items():
            for item in items:
                yield MKDOCS, lang, item

    @property
    def site_host(self) -> str:
        return (urlsplit(self.site_url).hostname or "").lower()


def load_site(root: Path | str, config: Config | None = None, online: bool = False,
              today: date | None = None) -> Site:
    """``today`` (the day reviews are judged on): given, else the environment's ``CHECKS_TODAY``
    (YYYY-MM-DD, for tests and CI runs that must not depend on the calendar), else the real day."""
    root = Path(root)
    if today is None and os.environ.get("CHECKS_TODAY"):
        try:
            today = date.fromisoformat(os.environ["CHECKS_TODAY"].strip())
        except ValueError:
            raise UsageError(f"CHECKS_TODAY='{os.environ['CHECKS_TODAY']}' is not a date YYYY-MM-DD") from None
    if not root.is_dir():
        raise UsageError(f"root '{root}' is not a folder")
    if not (root / MKDOCS).is_file():
        raise UsageError(f"no {MKDOCS} in '{root}': run from the repository root or pass --root")
    site = Site(root=root, config=config if config is not None else load_config(root), online=online)
    if today is not None:
        site.today = today
    _load_mkdocs(site)
    docs = root / site.docs_dir
    if not docs.is_dir():
        raise UsageError(f"no docs folder '{site.docs_dir}/' in '{root}' (docs_dir in {MKDOCS})")
    elsewhere = _load_files(site, docs)
    _check_layout(site, elsewhere)
    site.glossary = load_glossary(root / GLOSSARY, GLOSSARY)
    site.lock = load_lock(root)
    return site


def _load_mkdocs(site: Site) -> None:
    def problem(line: int, message: str) -> None:
        site.problems.append(Diagnostic(MKDOCS, line, "E106", message))

    try:
        text = (site.root / MKDOCS).read_bytes().decode("utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError) as err:
        problem(1, f"cannot be read as UTF-8 text: {err}")
        return
    try:
        doc = load_yaml(text)
    except YamlError as err:
        problem(err.line, f"not valid YAML: {err.message}")
        return
    if not isinstance(doc.data, dict):
        problem(1, "must be a YAML mapping (site_name: ..., nav: ...)")
        return
    site.mkdocs, site.mkdocs_doc = doc.data, doc
    docs_dir = doc.data.get("docs_dir", "docs")
    if isinstance(docs_dir, str) and docs_dir.strip() and not os.path.isabs(docs_dir):
        site.docs_dir = docs_dir.strip().strip("/")
    site.site_url = _env_value(doc.data.get("site_url"))
    nav = doc.data.get("nav")
    if nav is not None:
        if not isinstance(nav, list):
            problem(doc.line(("nav",)), "'nav' must be a list")
        else:
            _walk_nav(site, doc, nav, ("nav",), problem)
    _mkdocs_text(site, doc)


def _mkdocs_text(site: Site, doc: YamlDoc) -> None:
    """The site name and description (Chinese at the top level, English in the i18n plugin's ``en``
    entry), the Chinese nav titles and their English ``nav_translations``."""
    def add(lang: str, value, path: tuple, what: str) -> None:
        if isinstance(value, str) and value.strip():
            site.mkdocs_text[lang].append(VisibleText(doc.line(path), value, what))

    for key in ("site_name", "site_description"):
        add("zh", doc.data.get(key), (key,), key.replace("_", " "))
    for entry in site.nav:
        if entry.title:
            site.mkdocs_text["zh"].append(VisibleText(entry.line, entry.title, "nav title"))
    for title, line in site.nav_groups:
        site.mkdocs_text["zh"].append(VisibleText(line, title, "nav title"))
    for index, plugin in enumerate(doc.data.get("plugins") or []):
        if not (isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict)):
            continue
        here = ("plugins", index, "i18n", "languages")
        for number, language in enumerate(plugin["i18n"].get("languages") or []):
            if not isinstance(language, dict) or language.get("locale") != "en":
                continue
            at = here + (number,)
            for key in ("site_name", "site_description"):
                add("en", language.get(key), at + (key,), key.replace("_", " "))
            translations = language.get("nav_translations")
            if isinstance(translations, dict):
                for zh_title, en_title in translations.items():
                    add("en", en_title, at + ("nav_translations", zh_title), "nav title")


def _env_value(value) -> str:
    """site_url may be ``!ENV [NAME, ..., default]``: the first set variable, else the default."""
    if isinstance(value, list):
        for name in value[:-1]:
            if isinstance(name, str) and os.environ.get(name):
                return os.environ[name]
        return str(value[-1]) if value and value[-1] is not None else ""
    return value if isinstance(value, str) else ""


def _walk_nav(site: Site, doc: YamlDoc, items: list, path: tuple, problem, depth: int = 0) -> None:
    for index, item in enumerate(items):
        here = path + (index,)
        if isinstance(item, str):
            _nav_entry(site, item, doc.line(here), None, depth)
        elif isinstance(item, dict) and len(item) == 1:
            title, value = next(iter(item.items()))
            if isinstance(value, str):
                _nav_entry(site, value, doc.line(here + (title,)), str(title), depth)
            elif isinstance(value, list):
                site.nav_groups.append((str(title), doc.line(here + (title,))))
                _walk_nav(site, doc, value, here + (title,), problem, depth + 1)
            else:
                problem(doc.line(here), f"nav entry '{title}' must be a page path or a list")
        else:
            problem(doc.line(here), "nav entry must be a page path or 'Title: path'")


def _nav_entry(site: Site, target: str, line: int, title: str | None, depth: int) -> None:
    if "://" in target or target.startswith(("mailto:", "/", "#")):
        return
    site.nav.append(NavEntry(target.strip().lstrip("./") if target.startswith("./") else target.strip(), line, title,
                             depth))


def _check_layout(site: Site, elsewhere: list[str]) -> None:
    counts = {lang: len(site.by_lang[lang]) for lang in LANGS}
    if all(counts.values()) or (any(counts.values()) and not elsewhere):
        return                                   # both languages, or one not yet started (A101/A102)
    docs = site.docs_dir
    expected = (f"expected Markdown pages in {docs}/zh/ (the Chinese source) and {docs}/en/ (the English "
                "translation), with the same file names")
    found = [f"{n} in {docs}/{lang}/" for lang, n in counts.items() if n]
    suffix = [f for f in elsewhere if f.endswith((".zh.md", ".en.md", ".zh-cn.md", ".zh-CN.md"))]
    if suffix:
        found.append(f"{len(suffix)} named like {suffix[0]} (the suffix layout: move them to {docs}/zh/ and "
                     f"{docs}/en/ without the language suffix)")
    folders: dict[str, int] = {}
    for f in elsewhere:
        if f not in suffix:
            inside = f[len(docs) + 1:]
            top = f"{docs}/{inside.split('/')[0]}/" if "/" in inside else f"{docs}/ itself"
            folders[top] = folders.get(top, 0) + 1
    found += [f"{n} in {folder}" for folder, n in sorted(folders.items())]
    if not site.files:
        what = f"{docs}/ is empty"
    elif not found:
        what = f"no Markdown page in {docs}/ ({len(site.files)} other file(s))"
    else:
        what = "Markdown pages: " + ", ".join(found)
    raise UsageError(f"{expected}; found {what}")


def _load_files(site: Site, docs: Path) -> list[str]:
    """Parse every page in docs/<lang>/; returns the Markdown files found elsewhere under docs/."""
    root = site.root
    cache = PageCache(root)
    elsewhere: list[str] = []
    for dirpath, dirnames, filenames in os.walk(docs):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel_root = full.relative_to(root).as_posix()
            site.files.add(rel_root)
            if not name.endswith(".md"):
                continue
            inside = full.relative_to(docs).as_posix()
            lang, _, rel = inside.partition("/")
            if lang not in LANGS or not rel:
                elsewhere.append(rel_root)
                continue
            try:
                data = full.read_bytes()
            except OSError as err:
                page = Page(path=rel_root, lang=lang, rel=rel)
                page.problem(1, "E109", f"page cannot be read: {err.strerror or err}")
                data = None
            if data is not None:
                page = cache.get(rel_root, data)
                if page is None:
                    page = parse_page(rel_root, data, lang, rel)
                    cache.put(rel_root, data, page)
            site.pages[rel_root] = page
            site.by_lang[lang][rel] = page
    cache.save(set(site.pages))
    return elsewhere
