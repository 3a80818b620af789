"""MkDocs hook: show readers which English sections may be out of date, and list it on one page.

Register it in mkdocs.yml::

    hooks:
      - scripts/mkdocs_hooks/translation.py

(a) On every English page, each section whose Chinese original changed since it was translated (stale,
    or deferred with ``stamp --defer``) gets a banner at its top: ``<div class="stale-banner"
    role="note">`` saying it may be out of date, with a link to the same section of the Chinese page.
(b) ``appendix/translation-status.md`` (both languages): the marker ``<!-- translation-status -->`` is
    replaced by a table of every page and its state (current / N sections may be out of date, listed and
    linked / missing), in the page's language, and the sections where the paragraph alignment of the
    omissions check (O1xx, ``scripts/checks/omissions.py``; not suppressed in the Markdown) suspects
    text left out of the English or added to it.

The state comes from ``Site.translation_status`` (``scripts.lock.status_of``) on the build's one Site (``shared.manual``), the same
code ``make check`` uses; where each banner goes comes from that Site's page model (the line after each
section's heading, indented like it, so a heading inside an admonition keeps its banner inside).
"""
from __future__ import annotations

import html
import posixpath

from mkdocs.exceptions import PluginError

from scripts.checks import all_codes, omissions, suppressions
from scripts.lock import PageStatus
from scripts.mkdocs_hooks.shared import manual, page_lang_rel
from scripts.model import INTRO, Page
from scripts import ui_strings

MARKER = "<!-- translation-status -->"
STATUS_PAGE = "appendix/translation-status.md"
_OUTDATED = ("stale", "deferred")


# --- state ----------------------------------------------------------------------------------------------

def status(config) -> dict[str, PageStatus]:
    """The state of every page, computed once per build (a property of the build's Site)."""
    return manual(config).translation_status
def suspected(site) -> dict[str, list[tuple[str, str, str]]]:
    """By page (path inside docs/<lang>/): (section id, Chinese title, English title) of every English
    section with an omissions finding that the Markdown does not suppress; computed once per Site."""
    cache = vars(site)
    if "_suspected_omissions" not in cache:
        kept, _, _ = suppressions.apply(site, list(omissions.check(site)), all_codes())
        out: dict[str, list[tuple[str, str, str]]] = {}
        for finding in kept:
            page = site.pages.get(finding.path)
            if page is None or page.lang != "en":
                continue
            section = next((s for s in page.sections if s.start <= finding.line <= s.end), None)
            if section is None or not section.id:
                continue
            zh = site.page("zh", page.rel)
            zh_section = zh.section(section.id) if zh else None
            entry = (section.id, zh_section.title if zh_section else section.title, section.title)
            if entry not in out.setdefault(page.rel, []):
                out[page.rel].append(entry)
        cache["_suspected_omissions"] = out
    return cache["_suspected_omissions"]


# --- URLs -----------------------------------------------------------------------------------------------

def page_url(rel: str, use_directory_urls: bool) -> str:
    """The URL (from the language root) MkDocs gives the page at ``rel``."""
    stem = rel[:-3] if rel.endswith(".md") else rel
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-len("index")]
    return f"{stem}/"


def relative_url(target: str, from_page_url: str, use_directory_urls: bool) -> str:
    """``target`` (from the site root) as seen from the page served at ``from_page_url``."""
    if use_directory_urls or from_page_url.endswith("/") or not from_page_url:
        base = from_page_url.rstrip("/")
    else:
        base = posixpath.dirname(from_page_url)
    rel = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel


def chinese_url(rel: str, en_page_url: str, use_directory_urls: bool) -> str:
    """Link from an English page (served at ``en_page_url``) to its Chinese original (zh is at the root)."""
    return relative_url(page_url(rel, use_directory_urls), en_page_url, use_directory_urls)


# --- (a) banners ----------------------------------------------------------------------------------------

def banner(href: str, deferred: bool) -> str:
    state = "deferred" if deferred else "stale"
    return (f'<div class="stale-banner" role="note" data-state="{state}">\n'
            f"<p><strong>This section may be out of date.</strong> The Chinese original has changed since "
            f'it was translated. <a href="{html.escape(href)}" hreflang="zh">Read the Chinese original of '
            f"this section</a>.</p>\n</div>\n")


def add_banners(markdown: str, page: Page, outdated: dict[str, str], href_for) -> str:
    """Insert a banner below the heading of each section id in ``outdated`` (id -> state); ``_intro``
    goes below the H1 title (or at the top). ``page`` is the model of the file ``markdown`` comes from:
    MkDocs hands hooks the file without its front matter (and without the empty lines after it)."""
    lines = markdown.split("\n")
    offset = body_offset(page)
    after: dict[int, tuple[str, str]] = {}          # index in lines -> (section id, indentation)
    top = False
    for section in page.sections:
        state = outdated.get(section.id or "")
        if state is None:
            continue
        heading = section.heading
        if section.id == INTRO:
            h1 = next((h for h in page.headings if h.level == 1 and h.line == page.title_line), None)
            if h1 is None:
                top = True
                continue
            heading = h1
        index = heading.line - 1 - offset
        source = page.lines[heading.line - 1]
        if not 0 <= index < len(lines) or lines[index] != source:
            raise PluginError(f"translation banners: {page.path}:{heading.line}: heading not found where the "
                              "page model has it (did another hook change the Markdown's lines above it?)")
        indent = source[:len(source) - len(source.lstrip())]
        after[heading.last - 1 - offset] = (section.id, indent)
    out: list[str] = []
    if top:
        out += [banner(href_for(INTRO), outdated[INTRO] == "deferred"), ""]
    for index, line in enumerate(lines):
        out.append(line)
        if index in after:
            section_id, indent = after[index]
            text = banner(href_for(section_id), outdated[section_id] == "deferred")
            out += ["", "\n".join(indent + piece if piece else piece for piece in text.split("\n"))]
    return "\n".join(out)


def body_offset(page: Page) -> int:
    """How many lines of the file MkDocs strips before handing hooks its Markdown: the YAML front
    matter and the empty lines right after it."""
    offset = 0
    while offset < len(page.lines) and page.kind(offset + 1) == "front":
        offset += 1
    if offset:
        while offset < len(page.lines) and page.lines[offset] == "":
            offset += 1
    return offset


# --- (b) the status table -------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def status_table(statuses: dict[str, PageStatus], lang: str, from_rel: str = STATUS_PAGE,
                 suspects: dict[str, list[tuple[str, str, str]]] | None = None) -> str:
    words = ui_strings.strings(lang)["translation"]
    base = posixpath.dirname(from_rel)
    rows = [f"| {words['page']} | {words['state']} |", "|---|---|"]
    for rel, page in statuses.items():
        link = posixpath.relpath(rel, base or ".")
        title = (page.en_title or page.zh_title or rel) if lang == "en" else (page.zh_title or rel)
        if lang == "en" and page.state == "missing":
            page_cell = _cell(title)
        else:
            page_cell = f"[{_cell(title)}]({link})"
        outdated = [s for s in page.sections if s.state in _OUTDATED + ("missing",)]
        if page.state == "missing":
            state = words["missing"]
        elif outdated:
            parts = []
            for section in outdated:
                name = (section.en_title or section.zh_title) if lang == "en" else section.zh_title
                name = _cell(name) or section.id
                target = link if section.id == "_intro" else f"{link}#{section.id}"  # the intro has no anchor
                if section.state == "missing":
                    parts.append(name + words["missing_section"] if lang == "en" else
                                 f"[{name}]({target}){words['missing_section']}")
                else:
                    parts.append(f"[{name}]({target})"
                                 + (words["deferred"] if section.state == "deferred" else ""))
            n = len(outdated)
            state = words["outdated" if n == 1 else "outdated_plural"].format(n=n) + words["separator"].join(parts)
        elif page.state == "unstamped":
            state = words["unstamped"]
        else:
            state = words["current"]
        found = (suspects or {}).get(rel, [])
        if found and page.state != "missing":
            names = []
            for section_id, zh_title, en_title in found:
                name = _cell(en_title if lang == "en" else zh_title) or section_id
                names.append(f"[{name}]({link if section_id == INTRO else f'{link}#{section_id}'})")
            n = len(found)
            state += words["then"] + words["suspected" if n == 1 else "suspected_plural"].format(n=n) \
                + words["separator"].join(names)
        rows.append(f"| {page_cell} | {state} |")
    return "\n".join(rows) + "\n"


# --- MkDocs events --------------------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    lang, rel = page_lang_rel(page)
    statuses = None
    if rel == STATUS_PAGE and MARKER in markdown:
        statuses = status(config)
    if lang == "en":
        page_status = (statuses or status(config)).get(rel)
        outdated = {s.id: s.state for s in page_status.sections if s.state in _OUTDATED} if page_status else {}
        if outdated:
            use_directory_urls = bool(config.get("use_directory_urls", True))
            base = chinese_url(rel, page.url, use_directory_urls)

            def href_for(section_id: str) -> str:
                return base if section_id == INTRO else f"{base}#{section_id}"

            markdown = add_banners(markdown, manual(config).page("en", rel), outdated, href_for)
    if statuses is not None:
        markdown = markdown.replace(MARKER, status_table(statuses, lang, rel, suspected(manual(config))))
    return markdown
