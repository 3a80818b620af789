"""MkDocs hook: show readers which English sections may be out of date, and list it on one page.

Register it in mkdocs.yml::

    hooks:
      - scripts/mkdocs_hooks/translation.py

(a) On every English page, each section whose Chinese original changed since it was translated (stale,
    or deferred with ``stamp --defer``) gets a banner at its top: ``<div class="stale-banner"
    role="note">`` saying it may be out of date, with a link to the same section of the Chinese page.
(b) ``appendix/translation-status.md`` (both languages): the marker ``<!-- translation-status -->`` is
    replaced by a table of every page and its state (current / N sections may be out of date, listed and
    linked / missing), in the page's language.

The state comes from ``scripts.lock.translation_status(root)``, the same code ``make check`` uses, with
the site root taken from the mkdocs.yml being built.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from _site import DEFAULT_LANGUAGE, LANGUAGES, ROOT as _ROOT  # noqa: E402  (also makes `scripts` importable)

from scripts import ui_strings  # noqa: E402
from scripts.lock import PageStatus, translation_status  # noqa: E402

MARKER = "<!-- translation-status -->"
STATUS_PAGE = "appendix/translation-status.md"
_OUTDATED = ("stale", "deferred")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_HEADING_ID_RE = re.compile(r"^(#{2,3})\s.*\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_H1_RE = re.compile(r"^#\s")

_cache: dict = {"root": None, "status": None}


# --- state ----------------------------------------------------------------------------------------------

def status(root: Path) -> dict[str, PageStatus]:
    """translation_status(root), computed once per build (on_config clears it: mkdocs serve rebuilds)."""
    if _cache["status"] is None or _cache["root"] != root:
        _cache["status"] = translation_status(root)
        _cache["root"] = root
    return _cache["status"]


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent if config.config_file_path else _ROOT


def _language_and_rel(page) -> tuple[str, str]:
    src = page.file.src_uri
    lang, _, rel = src.partition("/")
    if lang in LANGUAGES and rel:
        return lang, rel
    return DEFAULT_LANGUAGE, src


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


def add_banners(markdown: str, outdated: dict[str, str], href_for) -> str:
    """Insert a banner below the heading of each section id in ``outdated`` (id -> state); ``_intro``
    goes below the H1 title (or at the top)."""
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    intro_done = "_intro" not in outdated
    for line in lines:
        out.append(line)
        if _FENCE_RE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if not intro_done and _H1_RE.match(line):
            out += ["", banner(href_for("_intro"), outdated["_intro"] == "deferred")]
            intro_done = True
            continue
        match = _HEADING_ID_RE.match(line)
        if match and match.group(2) in outdated:
            out += ["", banner(href_for(match.group(2)), outdated[match.group(2)] == "deferred")]
    if not intro_done:
        out = [banner(href_for("_intro"), outdated["_intro"] == "deferred"), ""] + out
    return "\n".join(out)


# --- (b) the status table -------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def status_table(statuses: dict[str, PageStatus], lang: str, from_rel: str = STATUS_PAGE) -> str:
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
        rows.append(f"| {page_cell} | {state} |")
    return "\n".join(rows) + "\n"


# --- MkDocs events --------------------------------------------------------------------------------------

def on_config(config):
    _cache["status"] = None
    return config


def on_page_markdown(markdown, page, config, files):
    root = _root(config)
    lang, rel = _language_and_rel(page)
    statuses = None
    if rel == STATUS_PAGE and MARKER in markdown:
        statuses = status(root)
        markdown = markdown.replace(MARKER, status_table(statuses, lang, rel))
    if lang != "en":
        return markdown
    statuses = statuses if statuses is not None else status(root)
    page_status = statuses.get(rel)
    if page_status is None:
        return markdown
    outdated = {s.id: s.state for s in page_status.sections if s.state in _OUTDATED}
    if not outdated:
        return markdown
    use_directory_urls = bool(config.get("use_directory_urls", True))
    base = chinese_url(rel, page.url, use_directory_urls)

    def href_for(section_id: str) -> str:
        return base if section_id == "_intro" else f"{base}#{section_id}"

    return add_banners(markdown, outdated, href_for)
