"""The article of a built page, for the views made from built pages: the side-by-side view
(``mkdocs_hooks/parallel_view.py``) and the PDF (``pdf.py``).

Both take a page MkDocs has built, keep its ``<article>`` (what the reader reads, without the theme
around it), drop the parts that only make sense on the site, and move it elsewhere: into another page
(another folder, so relative links change), or into one document (so links between pages become links
inside it, and ids must stay unique). These are the pieces; each view says where links go.
"""
from __future__ import annotations

import posixpath
from typing import Callable

from lxml import html

ARTICLE = '//article[contains(@class, "md-content__inner")]'
READER_KIT = './/aside[contains(@class, "reader-kit")]'
HEADER_LINKS = './/a[contains(@class, "headerlink")]'
EDIT_BUTTONS = './/a[contains(@class, "md-content__button")]'
_KEEP = ("/", "data:", "mailto:", "tel:", "javascript:")      # links that mean the same from anywhere


def read(path) -> html.HtmlElement:
    """A built page as an lxml document."""
    with open(path, "rb") as handle:
        return html.fromstring(handle.read())


def article_of(doc) -> html.HtmlElement:
    """The page's article: Material's ``<article class="md-content__inner">``."""
    return doc.xpath(ARTICLE)[0]


def remove(element, *xpaths: str) -> None:
    """Remove every element the xpaths find inside ``element``."""
    for xpath in xpaths:
        for found in element.xpath(xpath):
            found.getparent().remove(found)


def title_of(article) -> str:
    """The text of the article's H1, without the permalink sign ("" when it has none)."""
    h1 = article.find(".//h1")
    return h1.text_content().replace("¶", "").strip() if h1 is not None else ""


def split_at(article, ids: set[str]) -> dict[str, list]:
    """The article's children cut where a section of the page model starts: at the child that is, or
    holds, the heading with one of ``ids``. What comes first is '_intro'."""
    sections: dict[str, list] = {"_intro": []}
    current = "_intro"
    for child in article:
        starts = [el.get("id") for el in child.xpath("descendant-or-self::*[@id]") if el.get("id") in ids
                  and el.tag in ("h2", "h3")]
        if starts:
            current = starts[0]
            sections[current] = []
        sections[current].append(child)
    return sections


def prefix_ids(nodes, prefix: str) -> None:
    """Prefix every id in ``nodes`` (and in their descendants)."""
    for node in nodes:
        for el in node.xpath("descendant-or-self::*[@id]"):
            el.set("id", prefix + el.get("id"))


def relink(nodes, from_dir: str, fragment: Callable[[str], str],
           path: Callable[[str, str, bool], str]) -> None:
    """Rewrite the links of ``nodes``, taken from a page built in ``from_dir``: ``#x`` becomes
    ``fragment(x)``; a relative link becomes ``path(target, suffix, folder)`` with the target resolved
    from ``from_dir``, its ``#fragment`` (or "") and whether it named a folder (ends in /). Links with a
    scheme or from the root stay as they are."""
    def fix(link: str) -> str:
        if link.startswith("#"):
            return fragment(link[1:])
        if "://" in link or link.startswith(_KEEP):
            return link
        target, hash_, rest = link.partition("#")
        return path(posixpath.normpath(posixpath.join(from_dir, target)), hash_ + rest, target.endswith("/"))

    for node in nodes:
        node.rewrite_links(fix, resolve_base_href=False)
