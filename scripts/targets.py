"""Where a link written in a page goes: resolution against the site's files, shared by the link rules
(L1xx, ``checks/links.py``) and the alignment of links between languages (A115, ``checks/alignment.py``).

``resolve(site, page, target)`` says what kind of target it is (external, relative, same-page anchor,
root-absolute, another scheme, empty) and, for a relative one, the file it names from the repository root,
its path inside the language folder, and whether it leaves the language folder.
``comparable(site, page, link)`` is the target as both languages should write it.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from scripts.model import LANGS, Link, Page

_OTHER_SCHEMES = ("mailto", "tel", "data", "javascript", "ftp", "news", "irc", "sms")


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
