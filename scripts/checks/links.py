"""Links (L101-L107): every link, image and nav entry goes somewhere that exists, in its own language.

- A relative link or image must resolve to a file in docs/ (L101, L102); a link to a folder must name
  its ``index.md``.
- A ``#anchor`` must exist in the target page (L103): heading ids (``## 标题 {#id}``, or the id MkDocs
  generates), ids from attribute lists (``{#id}``, ``{: #id }``) and HTML ``id="..."``.
- An English page links English pages and a Chinese page Chinese ones (L104): a link that climbs out of
  ``docs/en/`` (``../zh/...``, or even ``../../en/...``) breaks in the built site.
- Every nav entry in mkdocs.yml must exist in both languages (L105).
- No absolute links to our own site (``site_url`` prefix, or a root path like ``/part1/...``) (L106).
- With ``--online`` only, external URLs are checked with a HEAD request (small timeout, results cached
  in ``.cache/links.json``) (L107). Never run it in CI: other sites' outages must not fail our build.
"""
from __future__ import annotations

import json
import os
import posixpath
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from scripts.diagnostics import Diagnostic
from scripts.model import LANGS, Link, Page
from scripts.site import MKDOCS

CODES = {
    "L101": "relative link target does not exist",
    "L102": "image or embedded file does not exist",
    "L103": "anchor does not exist in the target page",
    "L104": "link leaves its language folder (en links en, zh links zh)",
    "L105": "nav entry has no page in one of the languages",
    "L106": "absolute link to our own site (use a relative path)",
    "L107": "external URL does not answer (--online only)",
}

_OTHER_SCHEMES = ("mailto", "tel", "data", "javascript", "ftp", "news", "irc", "sms")
_IMAGE_KINDS = {"image"}
_LINK_HTML = {("a", "href"), ("area", "href"), ("form", "action"), ("blockquote", "cite"), ("q", "cite"),
              ("del", "cite"), ("ins", "cite")}


@dataclass(frozen=True)
class Target:
    kind: str               # external, relative, anchor (same page), absolute (/...), other, empty
    path: str = ""          # for relative: path from the repository root (docs/en/part1/x.md)
    rel: str = ""           # for relative: path inside the language folder (part1/x.md)
    fragment: str = ""
    leaves: str = ""        # for relative: "" or why the link leaves its language folder
    url: str = ""


def resolve(site, page: Page, target: str) -> Target:
    """Where a link written in ``page`` goes."""
    target = target.strip()
    if not target:
        return Target("empty")
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") or target.startswith("//"):
        return Target("external", url=target)
    if parts.scheme or target.lower().startswith(_OTHER_SCHEMES):
        return Target("other", url=target)
    if target.startswith("/"):
        return Target("absolute", url=target)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return Target("anchor", page.path, page.rel, fragment)
    lang_root = site.lang_root(page.lang)
    path = unquote(parts.path)
    inside = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if inside == ".." or inside.startswith("../"):
        outside = posixpath.normpath(posixpath.join(lang_root, posixpath.dirname(page.rel), path))
        pieces = outside.split("/")
        lang = pieces[1] if len(pieces) > 2 and pieces[0] == site.docs_dir else ""
        why = (f"links into {site.docs_dir}/{lang}/" if lang in LANGS and lang != page.lang
               else f"climbs out of {lang_root}/")
        return Target("relative", outside, "/".join(pieces[2:]) if lang in LANGS else "", fragment, why)
    rel = "" if inside == "." else inside
    return Target("relative", f"{lang_root}/{rel}" if rel else lang_root, rel, fragment)


_LANG_CODES = {"zh", "zh-cn", "zh_cn", "zh-hans", "zh-hant", "zh-tw", "zh-hk", "cn", "chs", "en", "en-us",
               "en_us", "en-gb", "eng"}
_LANG_PARAMS = {"lang", "hl", "locale", "language", "uselang"}


def comparable(site, page: Page, link: Link) -> str:
    """A link target as both languages should write it: relative path inside the language folder
    (plus #anchor), or the URL without its language (A115 compares these).

    The same page in another language is the same target: a language path prefix goes
    (``/zh-cn/docs/x/`` = ``/docs/x/``, also on another host), and so do ``?hl=zh-CN``-style
    parameters. A site with one host per language (``zh.wikipedia.org`` / ``en.wikipedia.org``) names
    its pages in each language, so only the site is compared there: a zh link to one Wikipedia article
    and an en link to another are not told apart (a price for not reporting every localised link)."""
    target = resolve(site, page, link.target)
    if target.kind == "relative":
        return target.rel + (f"#{target.fragment}" if target.fragment else "")
    if target.kind == "anchor":
        return f"#{target.fragment}"
    if target.kind in ("external", "absolute"):
        return _without_language(link.target.strip())
    return link.target.strip()


def _without_language(url: str) -> str:
    from urllib.parse import parse_qsl, urlencode

    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if len(labels) > 2 and labels[0] in _LANG_CODES:
        return f"{parts.scheme}://{'.'.join(labels[1:])}/ (in each language)"
    segments = parts.path.split("/")
    if len(segments) > 1 and segments[1].lower() in _LANG_CODES:
        del segments[1]
    path = "/".join(segments).rstrip("/") or ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() not in _LANG_PARAMS])
    base = f"{parts.scheme}://{host}" if host else ""
    return base + path + (f"?{query}" if query else "") + (f"#{parts.fragment}" if parts.fragment else "")


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
        if linked is not None and target.fragment not in linked.anchors:
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


def _probe(url: str, timeout: float) -> str:
    """'' when the URL answers, else a short reason."""
    headers = {"User-Agent": "Mozilla/5.0 (manual link check)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return ""
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (400, 403, 405, 501):
                continue                       # some servers refuse HEAD: try GET once
            if err.code in (401, 403, 429):
                return ""                      # alive, just not for robots
            return f"HTTP {err.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            return f"no answer ({reason})"
    return ""


def _check_online(site) -> Iterator[Diagnostic]:
    cache_path = Path(site.root) / ".cache" / "links.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        if not isinstance(cache, dict):
            cache = {}
    except (OSError, ValueError):
        cache = {}
    now = time.time()
    max_age = site.config.online_cache_days * 86400
    urls = _external_links(site)
    todo = [u for u in urls if not (isinstance(cache.get(u), dict) and now - cache[u].get("at", 0) < max_age)]
    if todo:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for url, result in zip(todo, pool.map(lambda u: _probe(u, site.config.online_timeout), todo)):
                cache[url] = {"at": now, "error": result}
        try:
            os.makedirs(cache_path.parent, exist_ok=True)
            cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
        except OSError:
            pass
    for url, uses in urls.items():
        error = cache.get(url, {}).get("error")
        if error:
            for page, link in uses:
                yield Diagnostic(page.path, link.line, "L107", f"external URL {url} does not answer: {error}")
