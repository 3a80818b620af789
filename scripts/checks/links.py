"""Links (L101-L107): every link, image and nav entry goes somewhere that exists, in its own language.

- A relative link or image must resolve to a file in docs/ (L101, L102); a link to a folder must name
  its ``index.md``.
- A ``#anchor`` must exist in the target page (L103): heading ids (``## 标题 {#id}``, or the id MkDocs
  generates), ids from attribute lists (``{#id}``, ``{: #id }``) and HTML ``id="..."``, and on the
  glossary page each term's row (``glossary.md#<term id>``, which the build writes: scripts.glossary).
- An English page links English pages and a Chinese page Chinese ones (L104): a link that climbs out of
  ``docs/en/`` (``../zh/...``, or even ``../../en/...``) breaks in the built site.
- Every nav entry in mkdocs.yml must exist in both languages (L105).
- No absolute links to our own site (``site_url`` prefix, or a root path like ``/part1/...``) (L106).
- With ``--online`` only, external URLs are checked with a HEAD request (small timeout, results cached
  in ``.cache/links.json``) (L107). Never run it in CI: other sites' outages must not fail our build.
"""
# This module holds the rules; where a link goes is scripts/targets.py, the online prober scripts/probe.py.
from __future__ import annotations

from typing import Iterator

from scripts.config import Option
from scripts.diagnostics import Diagnostic
from scripts.model import LANGS, Link, Page
from scripts.probe import probe_all
from scripts.site import MKDOCS
from scripts.targets import resolve

OPTIONS = {"links": {
    "online_timeout": Option((int, float), 5, lambda v: None if v > 0 else "online_timeout must be positive",
                             doc="seconds per request with `check --online` (L107)"),
    "online_cache_days": Option((int, float), 7, doc="how long a checked URL stays in .cache/links.json"),
}}

CODES = {
    "L101": "relative link target does not exist",
    "L102": "image or embedded file does not exist",
    "L103": "anchor does not exist in the target page",
    "L104": "link leaves its language folder (en links en, zh links zh)",
    "L105": "nav entry has no page in one of the languages",
    "L106": "absolute link to our own site (use a relative path)",
    "L107": "external URL does not answer (--online only)",
}

_IMAGE_KINDS = {"image"}
_LINK_HTML = {("a", "href"), ("area", "href"), ("form", "action"), ("blockquote", "cite"), ("q", "cite"),
              ("del", "cite"), ("ins", "cite")}


def _check_link(site, page: Page, link: Link) -> Iterator[Diagnostic]:
    if link.kind.startswith("html:"):
        tag_attr = tuple(link.kind[5:].split(".", 1))
        is_link = tag_attr in _LINK_HTML
        if tag_attr[1] == "srcset":
            for candidate in link.target.split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    yield from _check_link(site, page, Link(link.line, url, "html:img.src"))
            return
    else:
        is_link = link.kind not in _IMAGE_KINDS
    target = resolve(site, page, link.target)
    missing_code = "L101" if is_link else "L102"
    what = "link" if is_link else "image" if link.kind == "image" else f"<{link.kind[5:].split('.')[0]}>"
    if target.kind == "empty":
        if is_link:
            yield Diagnostic(page.path, link.line, "L101", f"{what} has an empty target")
        return
    if target.kind == "absolute":
        yield Diagnostic(page.path, link.line, "L106", f"{what} '{link.target}' is a root-absolute path: it "
                                                       "breaks under /en/ and on a sub-path; use a relative path")
        return
    if target.kind == "external":
        own = site.site_url.rstrip("/")
        if own and (link.target.rstrip("/") == own or link.target.startswith(own + "/")):
            yield Diagnostic(page.path, link.line, "L106", f"{what} '{link.target}' points at our own site "
                                                           f"({site.site_url}); use a relative path")
        return
    if target.kind == "other":
        return
    if target.leaves:
        yield Diagnostic(page.path, link.line, "L104", f"{what} '{link.target}' {target.leaves}: "
                                                       f"{'English' if page.lang == 'en' else 'Chinese'} pages "
                                                       f"link pages in {site.lang_root(page.lang)}/")
        return
    if target.kind == "relative" and target.path not in site.files:
        if target.path.rstrip("/") in site.folders:
            yield Diagnostic(page.path, link.line, missing_code,
                             f"{what} '{link.target}' points at a folder: link its index.md")
        else:
            yield Diagnostic(page.path, link.line, missing_code,
                             f"{what} '{link.target}' not found: {target.path} does not exist")
        return
    if target.fragment and (target.kind == "anchor" or target.path.endswith(".md")):
        linked = page if target.kind == "anchor" else site.pages.get(target.path)
        if linked is not None and target.fragment not in site.anchors(linked):
            yield Diagnostic(page.path, link.line, "L103",
                             f"anchor '#{target.fragment}' not found in {linked.path}")


def check(site) -> Iterator[Diagnostic]:
    for page in site.pages.values():
        for link in page.links:
            yield from _check_link(site, page, link)
    for entry in site.nav:
        for lang in LANGS:
            path = f"{site.lang_root(lang)}/{entry.rel}"
            if path not in site.files:
                yield Diagnostic(MKDOCS, entry.line, "L105", f"nav entry '{entry.rel}' has no page {path}")
    if site.online:
        yield from _check_online(site)


# --- --online -------------------------------------------------------------------------------------------

def _external_links(site) -> dict[str, list[tuple[Page, Link]]]:
    urls: dict[str, list[tuple[Page, Link]]] = {}
    for page in site.pages.values():
        for link in page.links:
            if link.target.startswith(("http://", "https://")):
                urls.setdefault(link.target.split("#")[0], []).append((page, link))
    return urls


def _check_online(site) -> Iterator[Diagnostic]:
    urls = _external_links(site)
    options = site.config.section("links", OPTIONS["links"])
    errors = probe_all(list(urls), site.root, float(options.online_timeout), float(options.online_cache_days))
    for url, uses in urls.items():
        error = errors.get(url)
        if error:
            for page, link in uses:
                yield Diagnostic(page.path, link.line, "L107", f"external URL {url} does not answer: {error}")
