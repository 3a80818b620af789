"""Side-by-side reading: for every chapter, a page with the Chinese and English text aligned section by
section, next to the chapter itself (part1/model/parallel.html), in both language shells.

The pairing of sections is the editorial checks' alignment model (scripts.align), run on the Markdown
sources; this hook only cuts the built HTML of both pages at those section ids and lays the pairs out
in rows. On phones the rows stack and a toggle shows Chinese, English or both (site.js).
"""

from __future__ import annotations

import copy
import json
import posixpath
from pathlib import Path

from lxml import html
from mkdocs.plugins import event_priority

from _site import LANGUAGES, ROOT, i18n_is_building_alternate, language_prefix
from reader_kit import short_keys
from scripts import ui_strings
from scripts.align import align_pages
from scripts.model import parse_page

DOCS = ROOT / "docs"
_dest: dict[tuple[str, str], str] = {}  # (lang, rel) -> built file path relative to site_dir


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    for file in files.documentation_pages():
        lang, _, rel = file.src_uri.partition("/")
        if lang in LANGUAGES:
            _dest[(lang, rel)] = file.dest_uri
    return files


def parallel_dest(dest: str) -> str:
    """part1/model/index.html -> part1/model/parallel.html; part1/model.html -> part1/model.parallel.html"""
    if dest.endswith("/index.html") or dest == "index.html":
        return dest[: -len("index.html")] + "parallel.html"
    return dest[: -len(".html")] + ".parallel.html"


def split_sections(article) -> dict[str, list]:
    """Cut an article's children at every h2/h3 with an id; what comes first is '_intro'."""
    sections: dict[str, list] = {"_intro": []}
    current = "_intro"
    for child in article:
        if child.tag in ("h2", "h3") and child.get("id"):
            current = child.get("id")
            sections[current] = []
        sections[current].append(child)
    return sections


def relink(nodes, from_dir: str, to_dir: str, id_prefix: str = "") -> None:
    """Make relative links in nodes taken from a page in from_dir work from a page in to_dir."""
    def fix(link: str) -> str:
        if link.startswith(("#", "/", "data:", "mailto:", "tel:", "javascript:")) or "://" in link:
            return f"#{id_prefix}{link[1:]}" if link.startswith("#") and id_prefix else link
        target = posixpath.normpath(posixpath.join(from_dir, link.split("#")[0]))
        fragment = "#" + link.split("#", 1)[1] if "#" in link else ""
        rel = posixpath.relpath(target, to_dir or ".")
        return rel + ("/" if link.split("#")[0].endswith("/") and not rel.endswith("/") else "") + fragment
    for node in nodes:
        node.rewrite_links(fix, resolve_base_href=False)
        if id_prefix:
            for el in node.xpath("descendant-or-self::*[@id]"):
                el.set("id", id_prefix + el.get("id"))


def build_page(shell_lang: str, rel: str, site: Path, pairs) -> None:
    dest = {lang: _dest[(lang, rel)] for lang in LANGUAGES}
    built = {lang: site / language_prefix(lang) / dest[lang] if not dest[lang].startswith(language_prefix(lang))
             else site / dest[lang] for lang in LANGUAGES}
    docs = {lang: html.fromstring(built[lang].read_bytes()) for lang in LANGUAGES}
    dirs = {lang: posixpath.dirname(built[lang].relative_to(site).as_posix()) for lang in LANGUAGES}
    sections = {}
    for lang in LANGUAGES:
        article = docs[lang].xpath('//article[contains(@class, "md-content__inner")]')[0]
        for aside in article.xpath('.//aside[contains(@class, "reader-kit")]'):
            aside.getparent().remove(aside)
        sections[lang] = split_sections(article)
    shell = docs[shell_lang]
    article = shell.xpath('//article[contains(@class, "md-content__inner")]')[0]
    t = ui_strings.strings(shell_lang)["parallel"]
    title = docs[shell_lang].xpath("//article//h1")[0].text_content().replace("¶", "").strip()
    for child in list(article):
        article.remove(child)
    other = "en" if shell_lang == "zh" else "zh"
    article.append(html.fragment_fromstring(
        f'<p class="parallel-back"><a href="{posixpath.basename(dest[shell_lang]) if not dest[shell_lang].endswith("index.html") else "./"}">'
        f'← {t["back"]}</a></p>', create_parent=False))
    article.append(html.fragment_fromstring(f"<h1>{t['title']}{t['title_separator']}{title}</h1>"))
    article.append(html.fragment_fromstring(
        f'<div class="parallel-toggle" role="group" aria-label="{t["toggle"]}">'
        f'<button type="button" data-show="both" aria-pressed="true">{t["both"]}</button>'
        f'<button type="button" data-show="zh" aria-pressed="false">{t["zh"]}</button>'
        f'<button type="button" data-show="en" aria-pressed="false">{t["en"]}</button></div>'))
    grid = html.fragment_fromstring('<div class="parallel" data-show="both"></div>')
    shell_dir = dirs[shell_lang]
    for zh_id, en_id in pairs:
        row = html.fragment_fromstring('<div class="parallel-row"></div>')
        for lang, sid in (("zh", zh_id), ("en", en_id)):
            cell = html.fragment_fromstring(f'<div class="parallel-{lang}" lang="{lang}"></div>')
            nodes = [copy.deepcopy(n) for n in sections[lang].get(sid, [])] if sid else []
            if sid == "_intro":
                nodes = [n for n in nodes if n.tag != "h1"]
            relink(nodes, dirs[lang], shell_dir, id_prefix="" if lang == shell_lang else f"{lang}-")
            for n in nodes:
                cell.append(n)
            row.append(cell)
        grid.append(row)
    article.append(grid)
    head = shell.find("head")
    for link in head.xpath('link[@rel="canonical" or @hreflang]'):
        head.remove(link)
    head.append(html.fragment_fromstring('<meta name="robots" content="noindex">'))
    shell.find(".//title").text = f"{t['title']}: {title}"
    for a in shell.xpath('//a[contains(@class, "md-select__link")]'):
        href = a.get("href")
        a.set("href", (href if href.endswith("/") else href + "/") + "parallel.html"
              if not href.endswith(".html") else href.replace(".html", ".parallel.html"))
    out = site / parallel_dest(built[shell_lang].relative_to(site).as_posix())
    out.write_bytes(html.tostring(shell, doctype="<!doctype html>", encoding="utf-8"))


@event_priority(-150)  # after static-i18n has built every language; before search_split (-200) is fine
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    for rel in short_keys():
        if ("zh", rel) not in _dest or ("en", rel) not in _dest:
            continue
        zh_page, en_page = (parse_page(f"docs/{lang}/{rel}", (DOCS / lang / rel).read_bytes(), lang, rel)
                            for lang in LANGUAGES)
        pairs = [(p.zh.id if p.zh else None, p.en.id if p.en else None) for p in align_pages(zh_page, en_page)]
        for shell_lang in LANGUAGES:
            build_page(shell_lang, rel, site, pairs)
