"""The whole manual as one PDF per language, for board meetings and printed training packs.

Made from the offline build (plain .html files, same content as the site): every page of the nav in
order, its article only, ids made unique per page and links between pages turned into links inside the
PDF. WeasyPrint lays it out on A4 with a cover, a table of contents with page numbers, running headers
with the chapter title and page numbers in the footer. Chinese is set in Noto Sans CJK SC (named
explicitly, or fontconfig picks the Japanese variant).
"""

from __future__ import annotations

import posixpath
from html import escape
import re
import sys
from datetime import date
from pathlib import Path

from lxml import html

from scripts.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[1]

TEXT = {
    "zh": {"title": "基于困境儿童生存现状的社会关爱服务介入模式手册", "subtitle": "双语网络版 · 中文",
           "contents": "目录", "edition": "本版为依据公开资料独立撰写的网络版，并非原手册文本。",
           "licence": "文本以 CC BY-SA 4.0 许可发布", "made": "生成日期"},
    "en": {"title": "Social Care Service Intervention Model Based on the Survival Situation of Children in Difficulties",
           "subtitle": "Bilingual web edition · English", "contents": "Contents",
           "edition": "An independent web edition written from public sources; not the text of the original manual.",
           "licence": "Text licensed under CC BY-SA 4.0", "made": "Generated"},
}

CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @top-right { content: string(chapter); font-size: 8pt; color: #555; }
  @bottom-center { content: counter(page); font-size: 8pt; color: #555; } }
@page cover { @top-right { content: none; } @bottom-center { content: none; } }
@page toc { @top-right { content: none; } }
html { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.6; color: #111; }
.cover { page: cover; height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 22pt; line-height: 1.35; color: #00695c; string-set: none; }
.cover p { font-size: 11pt; }
.toc { page: toc; break-after: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 0.2em 0; }
.toc li.part { font-weight: bold; margin-top: 0.8em; }
.toc li.chapter { padding-left: 1.5em; }
.toc a { color: #111; text-decoration: none; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
section.page { break-before: page; }
section.page h1 { string-set: chapter content(); font-size: 17pt; color: #00695c; }
h2 { font-size: 13pt; break-after: avoid; margin-top: 1.4em; }
h3 { font-size: 11pt; break-after: avoid; }
a { color: #00695c; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 9pt; break-inside: auto; }
th, td { border: 0.5pt solid #999; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef5f4; }
tr { break-inside: avoid; }
.admonition, details { border-left: 3pt solid #00796b; background: #f4f8f8; padding: 4pt 8pt; margin: 0.8em 0;
  break-inside: avoid; }
.admonition-title, summary { font-weight: bold; margin: 0 0 0.3em; }
img { max-width: 100%; }
code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 9pt; }
.headerlink, .copy-link, .reader-kit, .md-source-file, .stale-banner a.headerlink { display: none; }
"""


def nav_pages(config_path: Path) -> list[tuple[str, int]]:
    """(path inside docs/<lang>/, level) in nav order: level 1 for a part's index, 2 for its chapters."""
    doc = load_yaml(config_path.read_text(encoding="utf-8"))
    out: list[tuple[str, int]] = []

    def walk(items, depth):
        for item in items:
            value = list(item.values())[0] if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value, depth + 1)
            elif isinstance(value, str) and value.endswith(".md") and "translation-status" not in value:
                level = 1 if depth == 0 or value.endswith("index.md") else 2
                out.append((value, level))

    walk(doc.data.get("nav", []), 0)
    return out


def page_key(rel: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", rel[:-3].lower()).strip("-")


def built_file(offline_site: Path, lang: str, rel: str) -> Path:
    return offline_site / ("" if lang == "zh" else "en") / (rel[:-3] + ".html")


def page_section(path: Path, rel: str, lang_root: Path, known: set[str]):
    """The article of one built page, with ids prefixed and links pointing inside the PDF."""
    doc = html.fromstring(path.read_bytes())
    article = doc.xpath('//article[contains(@class, "md-content__inner")]')[0]
    for junk in article.xpath('.//aside[contains(@class,"reader-kit")] | .//a[contains(@class,"headerlink")]'
                              ' | .//a[contains(@class,"md-content__button")]'):
        junk.getparent().remove(junk)
    key = page_key(rel)
    for el in article.xpath(".//*[@id]"):
        el.set("id", f"{key}--{el.get('id')}")
    h1 = article.find(".//h1")
    if h1 is not None:
        h1.set("id", key)
    here = posixpath.dirname(path.relative_to(lang_root).as_posix())

    def fix(link: str) -> str:
        if link.startswith("#"):
            return f"#{key}--{link[1:]}"
        if "://" in link or link.startswith(("mailto:", "data:", "tel:")):
            return link
        target, _, fragment = link.partition("#")
        resolved = posixpath.normpath(posixpath.join(here, target))
        if resolved.endswith(".html"):
            target_rel = resolved[:-5] + ".md"
            if target_rel in known:
                return f"#{page_key(target_rel)}--{fragment}" if fragment else f"#{page_key(target_rel)}"
        return (lang_root / resolved).resolve().as_uri()  # images and other files

    article.rewrite_links(fix, resolve_base_href=False)
    section = html.Element("section", {"class": "page"})
    for child in list(article):
        section.append(child)
    return section, (h1.text_content().strip() if h1 is not None else rel)


def build_html(offline_site: Path, lang: str) -> str:
    pages = nav_pages(ROOT / "mkdocs.yml")
    known = {rel for rel, _ in pages}
    lang_root = offline_site / ("" if lang == "zh" else "en")
    t = TEXT[lang]
    toc, sections = [], []
    for rel, level in pages:
        section, title = page_section(built_file(offline_site, lang, rel), rel, lang_root, known)
        sections.append(html.tostring(section, encoding="unicode"))
        toc.append(f'<li class="{"part" if level == 1 else "chapter"}"><a href="#{page_key(rel)}">'
                   f'{escape(title.replace("¶", "").strip())}</a></li>')
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(t["title"])}</title>'
            f'<style>{CSS}</style></head><body>'
            f'<div class="cover"><h1>{t["title"]}</h1><p>{t["subtitle"]}</p><p>{t["edition"]}</p>'
            f'<p>{t["licence"]}</p><p>{t["made"]}: {date.today().isoformat()}</p></div>'
            f'<nav class="toc"><h2>{t["contents"]}</h2><ol>{"".join(toc)}</ol></nav>'
            f'{"".join(sections)}</body></html>')


def build_pdf(offline_site: Path, lang: str, out: Path) -> Path:
    from weasyprint import HTML  # imported here: loading Pango takes a moment
    import logging
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=build_html(offline_site, lang), base_url=str(offline_site)).write_pdf(out)
    return out


if __name__ == "__main__":
    site, lang, target = sys.argv[1:4]
    build_pdf(Path(site), lang, Path(target))
