"""Third-party resources (X101-X104): the site loads nothing from other hosts.

Readers in mainland China may not reach foreign CDNs, and every request to another host tells it who
reads what. Reported: any image, iframe, script, stylesheet, font or media source from another host

- in pages: Markdown images (X101); raw HTML ``<img>``, ``<iframe>``, ``<script>``, ``<link>``,
  ``<video>``/``<audio>``/``<source>``, ``<embed>``, ``<object>``, ``srcset`` and CSS ``url()`` (X102);
- in ``overrides/``: templates, CSS ``url()``/``@import``, and URLs in JavaScript (X103);
- in mkdocs.yml: ``extra_css``, ``extra_javascript``, ``extra.polyfills``, ``theme.favicon``/``logo``,
  Google Fonts (``theme.font`` not ``false``) and ``extra.analytics`` (X104).

Ordinary links (``[text](https://...)``, ``<a href>``) to other sites are fine. Hosts that may be used
anyway go in checks.yml ``third_party.allowed_hosts``; our own ``site_url`` host is always allowed.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from scripts.config import Option
from scripts.diagnostics import Diagnostic
from scripts.model import html_tags
from scripts.site import MKDOCS

def _bare_hosts(hosts) -> str | None:
    bad = next((host for host in hosts if not isinstance(host, str) or not host or "/" in host), None)
    return None if bad is None else f"allowed host {bad!r} must be a bare host name"


OPTIONS = {"third_party": {
    "allowed_hosts": Option(list, [], _bare_hosts, doc="hosts pages may load images, scripts or styles from"),
}}

CODES = {
    "X101": "Markdown image from another host",
    "X102": "raw HTML in a page loads a resource from another host",
    "X103": "overrides/ template, CSS or JavaScript loads from another host",
    "X104": "mkdocs.yml loads a resource from another host",
}

OVERRIDES = "overrides"
_RESOURCE_TAGS = {
    ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("iframe", "src"),
    ("script", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href"), ("image", "xlink:href"),
    ("use", "href"), ("use", "xlink:href"), ("frame", "src"), ("body", "background"),
}
_LINK_RELS_OK = {"alternate", "canonical", "author", "license", "me", "next", "prev", "help", "search",
                 "bookmark", "external", "nofollow", "noopener", "noreferrer", "tag"}
_CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)
_JS_URL_RE = re.compile(r"""(['"`])((?:https?:)?//[A-Za-z0-9.-]+[^'"`\s]*)\1""")
_XML_NAMESPACES = ("http://www.w3.org/", "https://www.w3.org/")   # namespace names, never fetched
_TEMPLATE_SUFFIXES = {".html", ".htm", ".jinja", ".j2", ".svg", ".xml"}
_CSS_SUFFIXES = {".css", ".scss", ".sass", ".less"}
_JS_SUFFIXES = {".js", ".mjs", ".cjs"}


def foreign_host(site, url: str) -> str:
    """The host of ``url`` if it is another site (not ours, not allowed), else ''."""
    url = url.strip()
    if url.startswith(_XML_NAMESPACES):
        return ""
    if not (url.lower().startswith(("http://", "https://")) or url.startswith("//")):
        return ""
    host = (urlsplit(url if not url.startswith("//") else "https:" + url).hostname or "").lower()
    allowed = [h.lower() for h in site.config.section("third_party", OPTIONS["third_party"]).allowed_hosts]
    if not host or host == site.site_host or host in allowed:
        return ""
    if any(host.endswith("." + name) for name in allowed):
        return ""
    return host


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]


def _html_resources(html: str) -> Iterator[tuple[int, str, str]]:
    """(offset, what, url) for every resource an HTML fragment loads."""
    for tag, attrs in html_tags(html):
        rel = attrs.get("rel", ("", 0))[0].lower().split()
        for attr, (value, offset) in attrs.items():
            if tag == "link" and attr == "href":
                if not rel or not set(rel) <= _LINK_RELS_OK:
                    yield offset, f"<link rel={' '.join(rel) or '?'}>", value
            elif (tag, attr) in _RESOURCE_TAGS:
                urls = _srcset_urls(value) if attr == "srcset" else [value]
                for url in urls:
                    yield offset, f"<{tag} {attr}>", url
            elif attr == "style":
                for match in _CSS_URL_RE.finditer(value):
                    yield offset, "CSS url()", match.group(2) or match.group(4)
    for match in _CSS_URL_RE.finditer(html):
        yield match.start(), "CSS url()", match.group(2) or match.group(4)


def _dedupe(items):
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def _pages(site) -> Iterator[Diagnostic]:
    for page in site.pages.values():
        for link in page.links:
            if link.kind == "image":
                host = foreign_host(site, link.target)
                if host:
                    yield Diagnostic(page.path, link.line, "X101", f"image from {host}: download it into "
                                                                   f"{site.lang_root(page.lang)}/assets/ and link it "
                                                                   "relatively")
        for fragment in page.html:
            found = set()
            for offset, what, url in _html_resources(fragment.text):
                host = foreign_host(site, url)
                line = fragment.line + fragment.text[:offset].count("\n")
                if host and (line, url) not in found:
                    found.add((line, url))
                    yield Diagnostic(page.path, line, "X102", f"{what} loads {url} from {host}: serve it "
                                                              "from this site")


def _overrides(site) -> Iterator[Diagnostic]:
    base = Path(site.root) / OVERRIDES
    if not base.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
        for name in sorted(filenames):
            full = Path(dirpath) / name
            suffix = full.suffix.lower()
            if suffix not in _TEMPLATE_SUFFIXES | _CSS_SUFFIXES | _JS_SUFFIXES:
                continue
            try:
                text = full.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            path = full.relative_to(site.root).as_posix()
            if suffix in _TEMPLATE_SUFFIXES:
                items = ((o, what, url) for o, what, url in _html_resources(text))
            elif suffix in _CSS_SUFFIXES:
                items = ((m.start(), "CSS url()", m.group(2) or m.group(4)) for m in _CSS_URL_RE.finditer(text))
            else:
                items = ((m.start(), "script URL", m.group(2)) for m in _JS_URL_RE.finditer(text))
            for offset, what, url in _dedupe(items):
                host = foreign_host(site, url)
                if host:
                    yield Diagnostic(path, text[:offset].count("\n") + 1, "X103",
                                     f"{what} loads {url} from {host}: vendor it into overrides/ or docs/")


def _mkdocs(site) -> Iterator[Diagnostic]:
    data, doc = site.mkdocs, site.mkdocs_doc
    if not data or doc is None:
        return

    def entries(key_path: tuple, value):
        if isinstance(value, list):
            for i, item in enumerate(value):
                url = item.get("path") if isinstance(item, dict) else item
                if isinstance(url, str):
                    yield key_path + (i,), url
        elif isinstance(value, str):
            yield key_path, value

    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    theme = data.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else theme if isinstance(theme, dict) else {}   # `theme: material`
    candidates = list(entries(("extra_css",), data.get("extra_css")))
    candidates += entries(("extra_javascript",), data.get("extra_javascript"))
    candidates += entries(("extra", "polyfills"), extra.get("polyfills"))
    candidates += entries(("theme", "favicon"), theme.get("favicon"))
    candidates += entries(("theme", "logo"), theme.get("logo"))
    for key_path, url in candidates:
        host = foreign_host(site, url)
        if host:
            yield Diagnostic(MKDOCS, doc.line(key_path), "X104", f"{'.'.join(str(k) for k in key_path if isinstance(k, str))} "
                                                                  f"loads {url} from {host}: vendor it into docs/")
    if theme.get("name") == "material" and theme.get("font", None) is not False:
        yield Diagnostic(MKDOCS, doc.line(("theme", "font"), doc.line(("theme",))), "X104",
                         "Material loads Google Fonts unless 'theme.font' is false")
    if extra.get("analytics"):
        yield Diagnostic(MKDOCS, doc.line(("extra", "analytics")), "X104",
                         "extra.analytics loads a third-party tracking script")


def check(site) -> Iterator[Diagnostic]:
    yield from _pages(site)
    yield from _overrides(site)
    yield from _mkdocs(site)
