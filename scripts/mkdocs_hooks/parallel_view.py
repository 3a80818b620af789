"""Side-by-side reading: for every chapter, a page with the Chinese and English text aligned section by
section, next to the chapter itself (part1/model/parallel.html), in both language shells.

The pairing of sections is the editorial checks' alignment (``Site.section_pairs`` of the build's one
Site, ``scripts.align``); this hook only cuts the built article of both pages where the model's sections
start (``scripts.article``) and lays the pairs out in rows. Inside a pair of sections, the rows follow
the paragraph alignment of the omissions check (``scripts.paragraphs``: Gale–Church with anchors), so a
Chinese paragraph and its English sit side by side on desktop: each top-level block of the built
section (paragraph, list, table, admonition) is matched to the model's top-level block at the same
place, and the blocks go into the rows ``paragraphs.rows`` makes of the aligned pairs; where the built
section does not have the model's number of top-level blocks (something a hook added, footnotes), the
section stays one row. A paragraph with no counterpart gets a row with an empty cell on the other side.
On phones the rows stack and a toggle shows Chinese, English or both (site.js). The view's own rules
(overrides/assets/stylesheets/parallel.css) are linked by this view only.
"""

from __future__ import annotations

import copy
import posixpath
from pathlib import Path

from lxml import html
from mkdocs.plugins import event_priority

from scripts import article as articles
from scripts import paragraphs
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
    for zh_id, en_id, block_rows in pairs:
        nodes = {}
        for lang, sid in (("zh", zh_id), ("en", en_id)):
            found = [copy.deepcopy(n) for n in sections[lang].get(sid, [])] if sid else []
            if sid == "_intro":
                found = [n for n in found if n.tag != "h1"]
            relink(found, dirs[lang], shell_dir, id_prefix="" if lang == shell_lang else f"{lang}-")
            nodes[lang] = found
        for cells, block_row in split_rows(nodes, block_rows):
            row = html.fragment_fromstring(f'<div class="parallel-row{" parallel-block" if block_row else ""}"></div>')
            for lang in LANGUAGES:
                cell = html.fragment_fromstring(f'<div class="parallel-{lang}" lang="{lang}"></div>')
                for n in cells[lang]:
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
    for link in head.xpath('link[@rel="stylesheet"][contains(@href, "assets/stylesheets/site.css")]'):
        link.addnext(html.fragment_fromstring(   # this view's rules, which no other page loads
            f'<link rel="stylesheet" href="{link.get("href").replace("/site.css", "/parallel.css")}">'))
    shell.find(".//title").text = f"{t['title']}: {title}"
    for a in shell.xpath('//a[contains(@class, "md-select__link")]'):
        href = a.get("href")
        a.set("href", (href if href.endswith("/") else href + "/") + "parallel.html"
              if not href.endswith(".html") else href.replace(".html", ".parallel.html"))
    out.write_bytes(html.tostring(shell, doctype="<!doctype html>", encoding="utf-8"))


def _is_block(node) -> bool:
    """A top-level block of the built section as the page model counts them (not a comment, not the
    section's heading, not a banner a hook put there)."""
    return (isinstance(node.tag, str) and node.tag not in ("h1", "h2", "h3")
            and "stale-banner" not in (node.get("class") or ""))


def split_rows(nodes: dict[str, list], block_rows) -> list[tuple[dict[str, list], bool]]:
    """The nodes of a pair of sections cut into rows, each with whether it is a row of blocks: the
    heading (and what is not a block) first, then one row per entry of ``block_rows`` ([(zh top lines,
    en top lines)], from ``paragraphs.rows``) with each language's blocks in their order. One row when
    the built blocks do not match the model's."""
    if not block_rows:
        return [(nodes, False)]
    blocks = {lang: [n for n in nodes[lang] if _is_block(n)] for lang in LANGUAGES}
    tops = {lang: sorted(t for row in block_rows for t in row[k]) for k, lang in enumerate(LANGUAGES)}
    if any(len(blocks[lang]) != len(tops[lang]) for lang in LANGUAGES):
        return [(nodes, False)]
    where = {lang: dict(zip(tops[lang], blocks[lang])) for lang in LANGUAGES}
    head = {lang: [n for n in nodes[lang] if not _is_block(n)] for lang in LANGUAGES}
    out = [(head, False)] if any(head.values()) else []
    for row in block_rows:
        out.append(({lang: [where[lang][t] for t in row[k]] for k, lang in enumerate(LANGUAGES)}, True))
    return out


@event_priority(-150)  # after static-i18n has built every language; before search_split (-200) is fine
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    manual_ = manual(config)
    for rel in manual_.shortlinks.keys:
        if ("zh", rel) not in _dest or ("en", rel) not in _dest or not manual_.section_pairs(rel):
            continue
        zh_page, en_page = manual_.page("zh", rel), manual_.page("en", rel)
        pairs = []
        for p in manual_.section_pairs(rel):
            block_rows = []
            if p.zh is not None and p.en is not None:
                beads = paragraphs.align_section(manual_, zh_page, en_page, p.zh, p.en)
                block_rows = paragraphs.rows(beads, p.zh, p.en)
            pairs.append((p.zh.id if p.zh else None, p.en.id if p.en else None, block_rows))
        section_ids = {lang: {s.id for s in manual_.page(lang, rel).sections if s.id} for lang in LANGUAGES}
        for shell_lang in LANGUAGES:
            build_page(shell_lang, rel, site, pairs, section_ids)
