"""Alignment (A101-A119): the English page mirrors the Chinese page, file for file, section for section.

- Every zh page has an en page and vice versa (A101, A102), and both are in the mkdocs.yml nav (A103).
- Every ``##``/``###`` heading has an explicit id (A104), unique on its page (A105), lower-case ASCII
  words joined by hyphens (A106); no heading deeper than ``###`` (A118); one H1 title per page (A117).
- zh and en have the same section ids, in the same order, at the same levels (A107-A109). Sections are
  paired by id, then by slug, then by aligning what is left (``scripts/align.py``), so one section added
  on one side is one A107 and nothing else.
- Inside paired sections: the same number of tables and rows (A110, A111), of lists and list items
  (A112; a list interrupted only by HTML comments is one list), admonitions of the same types in the
  same order (A113), images (A114), and links to the same targets, compared as paths inside the language
  folder, and URLs without their language (``/zh-cn/docs/x/`` = ``/docs/x/``, ``zh.wikipedia.org`` =
  ``en.wikipedia.org``; see ``scripts/targets.py``) (A115).
- Every page has a front matter ``description`` (the meta description) (A116).
- A page the build fills from a marker comment (``generated`` in checks.yml) keeps its marker (A119).

Findings about the translation are reported on the English page (with the Chinese line), since the
Chinese page is the source.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from scripts.config import Option
from scripts.diagnostics import Diagnostic, Location
from scripts.model import ID_RE, INTRO, Page, Section
from scripts.targets import comparable

def _generated_pages(pages) -> str | None:
    if any(not isinstance(page, str) or not page.endswith(".md") or not isinstance(marker, str) or not marker
           for page, marker in pages.items()):
        return "each generated page is 'path/in/lang.md: \"<!-- marker -->\"'"
    return None


OPTIONS = {"generated": {           # pages the build fills at a marker comment (A119 if it is lost)
    "": Option(dict, {"appendix/translation-status.md": "<!-- translation-status -->"}, _generated_pages,
               doc="page inside docs/<lang>/ -> the marker comment the build fills"),
}}

CODES = {
    "A101": "Chinese page has no English page",
    "A102": "English page has no Chinese page",
    "A103": "page is not in the mkdocs.yml nav",
    "A104": "## or ### heading without an explicit {#id}",
    "A105": "id used twice on the page",
    "A106": "id is not lower-case ASCII words joined by hyphens",
    "A107": "section id missing on one side, or different ids at the same place",
    "A108": "sections in a different order than in Chinese",
    "A109": "section at a different heading level than in Chinese",
    "A110": "different number of tables in a section",
    "A111": "table with a different number of rows",
    "A112": "different number of lists, or of items in a list",
    "A113": "admonitions differ in number, type or order",
    "A114": "different number of images in a section",
    "A115": "section links to different targets",
    "A116": "front matter description missing",
    "A117": "page has no H1 title, or more than one",
    "A118": "heading deeper than ### (sections are ## and ### only)",
    "A119": "generated page lacks its marker comment",
}


def check(site) -> Iterator[Diagnostic]:
    for page in site.pages.values():
        yield from _page_rules(site, page)
    for pair in site.page_pairs:
        if pair.zh is not None and pair.en is None:
            yield Diagnostic(pair.zh.path, 1, "A101", f"no English page: create {site.lang_root('en')}/{pair.rel}")
        elif pair.en is not None and pair.zh is None:
            yield Diagnostic(pair.en.path, 1, "A102", f"no Chinese page {site.lang_root('zh')}/{pair.rel}: the "
                                                      "Chinese is the source; add it or remove this page")
        else:
            yield from _sections(site, pair.zh, pair.en)


def _page_rules(site, page: Page) -> Iterator[Diagnostic]:
    if site.nav and page.rel not in site.nav_rels:
        yield Diagnostic(page.path, 1, "A103", f"page is not in the nav of mkdocs.yml (add '{page.rel}')")
    if not page.lines or not "".join(page.lines).strip():
        return                                   # empty page: E105 says it all
    description = page.description
    if not isinstance(description, str) or not description.strip():
        yield Diagnostic(page.path, 1, "A116", "front matter 'description' missing: start the page with "
                                               "'---\\ndescription: one or two sentences\\n---'")
    if not page.h1_lines:
        yield Diagnostic(page.path, 1, "A117", "page has no '# ' H1 title")
    for line in page.h1_lines[1:]:
        yield Diagnostic(page.path, line, "A117", f"second H1 title (first at line {page.h1_lines[0]}); "
                                                  "use ## for sections")
    seen: dict[str, int] = {}
    for heading in page.headings:
        if heading.level > 3:
            yield Diagnostic(page.path, heading.line, "A118", f"h{heading.level} heading '{heading.title}': "
                                                              "sections are ## and ### only")
        if heading.level in (2, 3) and not heading.id:
            yield Diagnostic(page.path, heading.line, "A104",
                             f"heading '{heading.title}' has no id: write '{'#' * heading.level} "
                             f"{heading.title} {{#some-id}}'")
        if heading.id:
            if not ID_RE.match(heading.id):
                yield Diagnostic(page.path, heading.line, "A106", f"id '{heading.id}' must be lower-case ASCII "
                                                                  "words joined by hyphens")
            if heading.id in seen:
                yield Diagnostic(page.path, heading.line, "A105", f"id '{heading.id}' already used at line "
                                                                  f"{seen[heading.id]}")
            else:
                seen[heading.id] = heading.line
    marker = site.config.value("generated", OPTIONS["generated"][""]).get(page.rel)
    if marker and not any(marker in line for line in page.lines):
        yield Diagnostic(page.path, 1, "A119", f"generated page lacks its marker '{marker}': the build "
                                               "fills the page there")


def _sections(site, zh: Page, en: Page) -> Iterator[Diagnostic]:
    pairs = site.section_pairs(zh.rel)
    last_en_line = 0
    for index, pair in enumerate(pairs):
        if pair.zh is not None and pair.en is None:
            where = next((p.en.line for p in pairs[index + 1:] if p.en is not None), max(1, len(en.lines)))
            yield Diagnostic(en.path, where, "A107",
                             f"{pair.zh.name} ({zh.path}:{pair.zh.line}) is missing here",
                             Location(zh.path, pair.zh.line))
            continue
        if pair.en is not None and pair.zh is None:
            yield Diagnostic(en.path, pair.en.line, "A107",
                             f"{pair.en.name} has no counterpart in {zh.path}", Location(zh.path, 1))
            continue
        z, e = pair.zh, pair.en
        if pair.by == "alignment" and z.id != e.id and z.id and e.id:
            yield Diagnostic(en.path, e.line, "A107", f"id #{e.id} where {zh.path}:{z.line} has #{z.id}: "
                                                      "use the same ids", Location(zh.path, z.line))
        if e.line < last_en_line:
            yield Diagnostic(en.path, e.line, "A108", f"{e.name} comes in a different order than in "
                                                      f"{zh.path}:{z.line}", Location(zh.path, z.line))
        last_en_line = max(last_en_line, e.line)
        if z.level != e.level and z.id != INTRO:
            yield Diagnostic(en.path, e.line, "A109", f"{e.name} is h{e.level} but h{z.level} in "
                                                      f"{zh.path}:{z.line}", Location(zh.path, z.line))
        yield from _blocks(site, zh, en, z, e)


def _blocks(site, zh: Page, en: Page, z: Section, e: Section) -> Iterator[Diagnostic]:
    zl = Location(zh.path, z.line)
    label = e.name
    if len(z.tables) != len(e.tables):
        yield Diagnostic(en.path, e.line, "A110", f"{label} has {len(e.tables)} table(s), "
                                                  f"{zh.path}:{z.line} has {len(z.tables)}", zl)
    else:
        for zt, et in zip(z.tables, e.tables):
            if zt.rows != et.rows:
                yield Diagnostic(en.path, et.line, "A111", f"table has {et.rows} row(s), {zh.path}:{zt.line} "
                                                           f"has {zt.rows}", Location(zh.path, zt.line))
    if len(z.lists) != len(e.lists):
        yield Diagnostic(en.path, e.line, "A112", f"{label} has {len(e.lists)} list(s), "
                                                  f"{zh.path}:{z.line} has {len(z.lists)}", zl)
    else:
        for zlst, elst in zip(z.lists, e.lists):
            if zlst.items != elst.items:
                yield Diagnostic(en.path, elst.line, "A112", f"list has {elst.items} item(s), "
                                                             f"{zh.path}:{zlst.line} has {zlst.items}",
                                 Location(zh.path, zlst.line))
    z_types = [a.kind for a in z.admonitions]
    e_types = [a.kind for a in e.admonitions]
    if z_types != e_types:
        yield Diagnostic(en.path, e.line, "A113", f"{label} has admonitions [{', '.join(e_types)}], "
                                                  f"{zh.path}:{z.line} has [{', '.join(z_types)}]", zl)
    if len(z.images) != len(e.images):
        yield Diagnostic(en.path, e.line, "A114", f"{label} has {len(e.images)} image(s), "
                                                  f"{zh.path}:{z.line} has {len(z.images)}", zl)
    z_links = Counter(comparable(site, zh, link) for link in z.links)
    e_links = Counter(comparable(site, en, link) for link in e.links)
    for target in sorted(z_links - e_links):
        first = next(link for link in z.links if comparable(site, zh, link) == target)
        yield Diagnostic(en.path, e.line, "A115", f"{label} lacks the link to '{target}' that "
                                                  f"{zh.path}:{first.line} has", Location(zh.path, first.line))
    for target in sorted(e_links - z_links):
        first = next(link for link in e.links if comparable(site, en, link) == target)
        yield Diagnostic(en.path, first.line, "A115", f"link to '{target}' is not in the Chinese section "
                                                      f"({zh.path}:{z.line})", zl)
