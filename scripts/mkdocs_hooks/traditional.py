"""The Traditional Chinese edition at /zh-hant/, generated while building from docs/zh/ (scripts/hant.py).

static-i18n builds a language ``zh-hant`` with no files of its own: ``fallback_to_default`` makes it render
every page of docs/zh/ under /zh-hant/. Everything that build renders stays Simplified until it is written,
so every other hook works unchanged on it (glossary tooltips match the glossary's Simplified terms, the
reader's kit, the admonition titles); then this hook converts:

- each page's HTML as written (on_post_page) and any other template it renders (the 404 page's is dropped:
  scripts/mkdocs_hooks/theme.py keeps the default language's): the body, the nav, the site name and
  description, the interface strings (ui-strings.yml's zh group), the tooltips. URLs (href, src) are left
  alone, and so is the switch's 简体中文. Quotation marks become 「」 (scripts/hant.py: quotes);
- the SVG diagrams the pages show: converted copies under /zh-hant/, drawn with Hong Kong glyphs;
- the side-by-side views (Traditional | English) and the short links /zh-hant/go/<key>/: copies of the
  Simplified edition's (written by parallel_view and shortlinks), converted and relinked; ``lang="zh"`` marks inside the body become ``lang="zh-Hant"``; the page's own <html lang> is
  ``zh-Hant`` from overrides/partials/languages/zh-hant.html;
- the search entries of the edition (after search_split has written the Chinese index, into which they
  fall): Material has already segmented them with jieba on the Simplified text (search_split has written
  its marks as WORD_MARK), whose dictionary (and the
  glossary's user words) is Simplified, so each word is converted after segmentation and stays one token;
  they are moved to /zh-hant/search/, so search stays in the edition.

The language switch names the editions 简体 / 繁體 / English; alternates get the BCP 47 tag ``zh-Hant``.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from scripts import hant
from scripts.mkdocs_hooks.shared import DEFAULT_LANGUAGE, WORD_MARK, i18n_is_building_alternate, manual, root_of

log = logging.getLogger("mkdocs.hooks.traditional")

HANT = hant.LOCALE              # static-i18n's locale and the edition's folder
HANT_TAG = hant.TAG             # BCP 47, for lang and hreflang
# left as they are: URLs, and the language switch's name of the Simplified edition (简体中文 in any edition)
_KEEP = re.compile(r'''(\s(?:href|src|srcset|action)=(?:"[^"]*"|'[^']*')|\shreflang="zh" class="md-select__link">[^<]*)''')

_IMG_SVG = re.compile(r'(<img\b[^>]*?\ssrc=")([^"#?:]+\.svg)(")')
_converters: list = [None, None]        # [config, Converter] for this build
_svgs: set[str] = set()                 # diagrams the edition's pages show, from the site root


def building(config) -> bool:
    """True while static-i18n builds the Traditional edition (it sets theme.language per build)."""
    return config["theme"]["language"] == HANT


def converter(config) -> hant.Converter:
    if _converters[0] is not config:
        _converters[:] = [config, hant.Converter(hant.glossary_overrides(manual(config).glossary))]
    return _converters[1]


def convert_html(text: str, convert) -> str:
    """Convert every part of an HTML document but URL attributes and the name of the Simplified edition in
    the language switch; mark Chinese as Traditional."""
    parts = _KEEP.split(text)
    out = "".join(part if i % 2 else convert(part) for i, part in enumerate(parts))
    return hant.quotes(out).replace(' lang="zh"', f' lang="{HANT_TAG}"')   # a quoted link: “<a ...>…</a>”


def on_config(config):
    """The edition's untitled admonitions take the Simplified edition's titles (converted when written)."""
    plugin = config["plugins"].get("i18n")
    if plugin is None:
        return config
    languages = {lang.locale: lang for lang in plugin.config.languages}
    if HANT in languages and DEFAULT_LANGUAGE in languages and not languages[HANT].admonition_translations:
        languages[HANT].admonition_translations = dict(languages[DEFAULT_LANGUAGE].admonition_translations or {})
    return config


@event_priority(-10)   # after downloads (0) has listed the Simplified edition's files
def on_page_context(context, page, config, nav):
    """The edition's pages offer its own PDF (scripts/build.py writes ...-zh-hant.pdf beside ...-zh.pdf)."""
    _alternates(config)
    if building(config):
        for item in context.get("downloads") or []:
            own = item["path"].replace(f"-{DEFAULT_LANGUAGE}.pdf", f"-{HANT}.pdf")
            built = root_of(config) / "build" / own
            if own != item["path"] and built.is_file():
                item.update(path=own, size=f"{built.stat().st_size / 1_000_000:.1f} MB")
    return context


@event_priority(-10)
def on_template_context(context, template_name, config):
    """The 404 page (a template without a page) names the edition by its BCP 47 tag too."""
    _alternates(config)
    return context


def _alternates(config):
    """The edition's alternate link gets its BCP 47 tag, and the switch lists it next to the Simplified:
    简体中文 / 繁體中文 / English. (mkdocs.yml lists zh-hant last, so static-i18n builds it after English:
    a strict build then still names the English pages' warnings before it stops.)"""
    extra = config["extra"]
    for alternates in (getattr(extra, "alternate", None), extra.get("alternate")):  # static-i18n sets the
        if not alternates:                                                            # attribute per page
            continue
        for alt in alternates:
            if alt.get("lang") == HANT:
                alt["lang"] = HANT_TAG
        alternates.sort(key=lambda alt: {DEFAULT_LANGUAGE: 0, HANT_TAG: 1}.get(alt.get("lang"), 2))


def own_diagrams(output: str, page_url: str) -> str:
    """Point the page's SVG diagrams (Simplified, docs/zh/assets/) at converted copies under /zh-hant/,
    written after the build (:func:`convert_svg`)."""
    page_dir = posixpath.dirname("/" + page_url if page_url.endswith(".html") else "/" + page_url + "x")

    def repoint(match):
        target = posixpath.normpath(posixpath.join(page_dir, match.group(2))).lstrip("/")
        if target.startswith((HANT + "/", "en/")):
            return match.group(0)
        _svgs.add(target)
        return match.group(1) + posixpath.relpath("/" + HANT + "/" + target, page_dir) + match.group(3)

    return _IMG_SVG.sub(repoint, output)


def convert_svg(text: str, convert) -> str:
    """A diagram in Traditional characters, marked zh-Hant, drawn with Traditional (Hong Kong) glyphs."""
    text = convert_html(text, convert).replace('lang="zh-Hans"', f'lang="{HANT_TAG}"')
    return text.replace('"Noto Sans CJK SC"', '"Noto Sans CJK HK", "Noto Sans CJK TC"')


@event_priority(-50)
def on_post_page(output, page, config):
    if not building(config):
        return output
    site_url = config["site_url"] or ""
    if site_url:   # the reader's kit names the edition's own short link
        output = output.replace(f"{site_url}go/", f"{site_url}{HANT}/go/")
    return convert_html(own_diagrams(output, page.url), converter(config))


def on_post_template(output, template_name, config):
    if building(config) and template_name.endswith(".html"):
        return convert_html(output, converter(config))
    return output


_REL_ATTR = re.compile(r'(\s(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"]*)(")')
_CONFIG_PATH = re.compile(r'("(?:base|search)":\s*")([^"]*)(")')


def moved_into_edition(text: str, site: Path, page: str) -> str:
    """``text``, a page of the Simplified edition at ``page`` (from the site root), with its relative URLs
    rewritten for a copy at zh-hant/``page``: a target the edition also has (a page, a converted diagram)
    becomes the edition's, any other (English, theme assets) stays where it is."""
    old_dir = posixpath.dirname("/" + page)
    new_dir = posixpath.dirname("/" + HANT + "/" + page)

    def rewrite(match):
        url, _, fragment = match.group(2).partition("#")
        if not url:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(old_dir, url)).lstrip("/")
        target = "" if target == "." else target
        mine = site / HANT / target
        if mine.is_file() or (mine / "index.html").is_file():
            target = f"{HANT}/{target}"
        rel = posixpath.relpath("/" + target, new_dir) + ("/" if url.endswith("/") else "")
        return match.group(1) + rel + ("#" + fragment if fragment else "") + match.group(3)

    return _CONFIG_PATH.sub(rewrite, _REL_ATTR.sub(rewrite, text))


def copy_into_edition(site: Path, convert, site_url: str) -> int:
    """The side-by-side views (Traditional | English) and the short links of the edition, from the
    Simplified edition's, which other hooks have written: converted, their links pointed into /zh-hant/."""
    copied = 0
    sources = [p for p in site.rglob("parallel.html") if p.relative_to(site).parts[0] not in (HANT, "en")]
    sources += [p for p in site.glob("go/*/index.html")]
    for source in sources:
        rel = source.relative_to(site).as_posix()
        text = moved_into_edition(source.read_text(encoding="utf-8"), site, rel)
        if site_url:
            text = text.replace(f'href="{site_url}', f'href="{site_url}{HANT}/')   # a short link's canonical
        out = site / HANT / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(convert_html(text, convert), encoding="utf-8")
        copied += 1
    return copied


def convert_segmented(text: str, convert) -> str:
    """Convert search text whose Chinese words search_split separated with WORD_MARK: overrides can span
    words (照片和视频), so the text is converted without the marks and they are put back at their places
    (when the conversion kept the length, as all but a few overrides do)."""
    if WORD_MARK not in text:
        return convert(text)
    plain = text.replace(WORD_MARK, "")
    out = convert(plain)
    if len(out) != len(plain):
        return convert(text)
    pieces, at = [], 0
    for word in text.split(WORD_MARK):
        pieces.append(out[at:at + len(word)])
        at += len(word)
    return WORD_MARK.join(pieces)


def move_search_entries(site: Path, convert, offline: bool, term_ids: frozenset = frozenset()) -> int:
    """Move the edition's entries out of the Chinese index (site/search/) into site/zh-hant/search/,
    converted, locations relative to /zh-hant/. Returns how many."""
    source = site / "search" / "search_index.json"
    if not source.is_file():
        return 0
    index = json.loads(source.read_text(encoding="utf-8"))
    prefix = HANT + "/"
    mine = [doc for doc in index.get("docs", []) if doc.get("location", "").startswith(prefix)]
    if not mine:
        return 0
    rest = [doc for doc in index["docs"] if not doc.get("location", "").startswith(prefix)]
    # search_split added one entry per glossary term (with its aliases: PIPL, 个保法) to the Chinese index
    # only; the edition's glossary page has the same rows, so it gets them too, converted.
    terms = [doc for doc in rest if doc.get("location", "").partition("#")[0].rstrip("/").removesuffix(".html")
             .endswith("appendix/glossary") and doc["location"].partition("#")[2] in term_ids]
    converted = [dict(doc, location=location, title=convert_segmented(doc.get("title", ""), convert),
                      text=convert_segmented(doc.get("text", ""), convert))
                 for doc, location in [(doc, doc["location"][len(prefix):]) for doc in mine]
                 + [(doc, doc["location"]) for doc in terms]]
    for folder, docs in ((site / "search", rest), (site / HANT / "search", converted)):
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(dict(index, docs=docs), ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
    return len(converted)


@event_priority(-210)  # after search_split (-200) has written the Chinese index, which holds our entries
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    site = Path(config["site_dir"])
    moved = move_search_entries(site, converter(config), bool(offline and offline.config.enabled),
                                frozenset(term.id for term in manual(config).glossary.terms))
    log.info("search index %s: %d entries", HANT, moved)
    for rel in sorted(_svgs):
        if (site / rel).is_file():
            (site / HANT / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / HANT / rel).write_text(convert_svg((site / rel).read_text(encoding="utf-8"), converter(config)),
                                           encoding="utf-8")
    _svgs.clear()
    log.info("%s: %d side-by-side views and short links", HANT, copy_into_edition(site, converter(config),
                                                                              config["site_url"] or ""))
