"""Side-by-side reading: for every chapter, a page with the Chinese and English text aligned section by
section, next to the chapter itself (part1/model/parallel.html), in both language shells.

The pairing of sections is the editorial checks' alignment (``Site.section_pairs`` of the build's one
Site, ``scripts.align``); this hook only cuts the built article of both pages where the model's sections
start (``scripts.article``) and lays the pairs out in rows. On phones the rows stack and a toggle shows Chinese, English or both (site.js).
"""

from __future__ import annotations

import copy
import posixpath
from pathlib import Path

from lxml import html
from mkdocs.plugins import event_priority

from scripts import article as articles
from scripts.mkdocs_hooks.shared import (LANGUAGES, building_source_language, i18n_is_building_alternate, lang_rel,
                                         language_prefix, manual)
from scripts import ui_strings

_dest: dict[tuple[str, str], str] = {}  # (lang, rel) -> built file path relative to site_dir


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    if not building_source_language(config):
        return files
    for file in files.documentation_pages():
        if file.src_uri.partition("/")[0] in LANGUAGES:
            _dest[lang_rel(file.src_uri)] = file.dest_uri
    return files


def parallel_dest(dest: str) -> str:
    """part1/model/index.html -> part1/model/parallel.html; part1/model.html -> part1/model.parallel.html"""
    if dest.endswith("/index.html") or dest == "index.html":
        return dest[: -len("index.html")] + "parallel.html"
    return dest[: -len(".html")] + ".parallel.html"


def relink(nodes, from_dir: str, to_dir: str, id_prefix: str = "") -> None:
    """Make relative links in nodes taken from a page in from_dir work from a page in to_dir."""
    def path(target: str, suffix: str, folder: bool) -> str:
        rel = posixpath.relpath(target, to_dir or ".")
        return rel + ("/" if folder and not rel.endswith("/") else "") + suffix

    articles.relink(nodes, from_dir, lambda fragment: f"#{id_prefix}{fragment}", path)
    if id_prefix:
        articles.prefix_ids(nodes, id_prefix)


def build_page(shell_lang: str, rel: str, site: Path, pairs, section_ids: dict[str, set[str]]) -> None:
    dest = {lang: _dest[(lang, rel)] for lang in LANGUAGES}
    built = {lang: site / language_prefix(lang) / dest[lang] if not dest[lang].startswith(language_prefix(lang))
             else site / dest[lang] for lang in LANGUAGES}
    out = site / parallel_dest(built[shell_lang].relative_to(site).as_posix())
    if out.is_file() and out.stat().st_mtime >= max(built[lang].stat().st_mtime for lang in LANGUAGES):
        return          # `mkdocs serve --dirty` rebuilt neither page (mkdocs_hooks/preview.py): the view stands
    docs = {lang: articles.read(built[lang]) for lang in LANGUAGES}
    dirs = {lang: posixpath.dirname(built[lang].relative_to(site).as_posix()) for lang in LANGUAGES}
    sections = {}
    for lang in LANGUAGES:
        article = articles.article_of(docs[lang])
        articles.remove(article, articles.READER_KIT)
        sections[lang] = articles.split_at(article, section_ids[lang])
    shell = docs[shell_lang]
    article = articles.article_of(shell)
    t = ui_strings.strings(shell_lang)["parallel"]
    title = articles.title_of(article)
    for child in list(article):
        article.remove(child)
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
    # The chapter's own canonical link stays: this view is the chapter's text twice, so search engines are
    # told to index the chapter (rather than told not to index this page: Lighthouse's SEO audit fails
    # noindex). The hreflang alternates name the chapters, not this view: removed.
    for link in head.xpath('link[@hreflang]'):
        head.remove(link)
    shell.find(".//title").text = f"{t['title']}: {title}"
    for a in shell.xpath('//a[contains(@class, "md-select__link")]'):
        href = a.get("href")
        a.set("href", (href if href.endswith("/") else href + "/") + "parallel.html"
              if not href.endswith(".html") else href.replace(".html", ".parallel.html"))
    out.write_bytes(html.tostring(shell, doctype="<!doctype html>", encoding="utf-8"))


@event_priority(-150)  # after static-i18n has built every language; before search_split (-200) is fine
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    manual_ = manual(config)
    for rel in manual_.shortlinks.keys:
        if ("zh", rel) not in _dest or ("en", rel) not in _dest or not manual_.section_pairs(rel):
            continue
        pairs = [(p.zh.id if p.zh else None, p.en.id if p.en else None) for p in manual_.section_pairs(rel)]
        section_ids = {lang: {s.id for s in manual_.page(lang, rel).sections if s.id} for lang in LANGUAGES}
        for shell_lang in LANGUAGES:
            build_page(shell_lang, rel, site, pairs, section_ids)
