"""The whole manual as one PDF per language, for board meetings and printed training packs.

Made from the offline build (plain .html files, same content as the site): every page of the nav in
order, its article only, ids made unique per page and links between pages turned into links inside the
PDF. WeasyPrint lays it out on A4 with a cover, a table of contents with page numbers, running headers
with the chapter title and page numbers in the footer. Chinese is set in Noto Sans CJK SC (named
explicitly, or fontconfig picks the Japanese variant).
"""

from __future__ import annotations

import posixpath
import re
import sys
from datetime import date
from html import escape
from pathlib import Path

from lxml import html

from scripts import article as articles
from scripts import hant
from scripts.config import Config
from scripts.site import Site, language_prefix, load_site

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



def text_for(lang: str) -> dict:
    """The cover and contents words of a language; the Traditional edition's are the Chinese, converted."""
    if lang == hant.LOCALE:
        convert = hant.Converter()
        return {**{key: convert(value) for key, value in TEXT["zh"].items()},
                "subtitle": convert("双语网络版 · 繁体中文")}
    return TEXT[lang]


CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @top-right { content: string(chapter); font-size: 8pt; color: #555; }
  @bottom-center { content: counter(page); font-size: 8pt; color: #555; } }
@page cover { @top-right { content: none; } @bottom-center { content: none; } }
@page toc { @top-right { content: none; } }
html { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.6; color: #111; }
html:lang(zh-Hant) { font-family: "Noto Sans CJK HK", "Noto Sans CJK TC", "Noto Sans", sans-serif; }
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


def nav_pages(site: Site) -> list[tuple[str, int]]:
    """(path inside docs/<lang>/, level) in nav order: level 1 for a part's index, 2 for its chapters."""
    return [(entry.rel, 1 if entry.depth == 0 or entry.rel.endswith("index.md") else 2) for entry in site.nav
            if entry.rel.endswith(".md") and not entry.rel.endswith(("translation-status.md", "review-status.md"))]


def page_key(rel: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", rel[:-3].lower()).strip("-")


def built_file(offline_site: Path, lang: str, rel: str) -> Path:
    return offline_site / language_prefix(lang) / (rel[:-3] + ".html")


def page_section(path: Path, rel: str, lang_root: Path, known: set[str]):
    """The article of one built page, with ids prefixed and links pointing inside the PDF."""
    article = articles.article_of(articles.read(path))
    articles.remove(article, articles.READER_KIT, articles.HEADER_LINKS, articles.EDIT_BUTTONS)
    key = page_key(rel)
    articles.prefix_ids(list(article), f"{key}--")
    h1 = article.find(".//h1")
    if h1 is not None:
        h1.set("id", key)

    def inside(target: str, suffix: str, folder: bool) -> str:
        if target.endswith(".html") and target[:-5] + ".md" in known:
            fragment = suffix[1:]
            return f"#{page_key(target[:-5] + '.md')}--{fragment}" if fragment else f"#{page_key(target[:-5] + '.md')}"
        return (lang_root / target).resolve().as_uri()  # images and other files

    here = posixpath.dirname(path.relative_to(lang_root).as_posix())
    articles.relink([article], here, lambda fragment: f"#{key}--{fragment}", inside)
    section = html.Element("section", {"class": "page"})
    for child in list(article):
        section.append(child)
    return section, (h1.text_content().strip() if h1 is not None else rel)


def build_html(offline_site: Path, lang: str, pages: list[tuple[str, int]] | None = None) -> str:
    pages = pages if pages is not None else nav_pages(load_site(ROOT, config=Config()))
    known = {rel for rel, _ in pages}
    lang_root = offline_site / language_prefix(lang)
    t = text_for(lang)
    toc, sections = [], []
    for rel, level in pages:
        section, title = page_section(built_file(offline_site, lang, rel), rel, lang_root, known)
        sections.append(html.tostring(section, encoding="unicode"))
        toc.append(f'<li class="{"part" if level == 1 else "chapter"}"><a href="#{page_key(rel)}">'
                   f'{escape(title.replace("¶", "").strip())}</a></li>')
    tag = hant.TAG if lang == hant.LOCALE else lang
    return (f'<!doctype html><html lang="{tag}"><head><meta charset="utf-8"><title>{escape(t["title"])}</title>'
            f'<style>{CSS}</style></head><body>'
            f'<div class="cover"><h1>{t["title"]}</h1><p>{t["subtitle"]}</p><p>{t["edition"]}</p>'
            f'<p>{t["licence"]}</p><p>{t["made"]}: {date.today().isoformat()}</p></div>'
            f'<nav class="toc"><h2>{t["contents"]}</h2><ol>{"".join(toc)}</ol></nav>'
            f'{"".join(sections)}</body></html>')


def build_pdf(offline_site: Path, lang: str, out: Path, pages: list[tuple[str, int]] | None = None) -> Path:
    from weasyprint import HTML  # imported here: loading Pango takes a moment
    import logging
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=build_html(offline_site, lang, pages), base_url=str(offline_site)).write_pdf(out)
    return out


if __name__ == "__main__":
    site, lang, target = sys.argv[1:4]
    build_pdf(Path(site), lang, Path(target))
