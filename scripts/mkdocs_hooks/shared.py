"""What the build hooks share: the manual's model, loaded once per build, and how static-i18n lays out
the languages.

:func:`manual` gives every hook the same :class:`scripts.site.Site` (pages, sections, the glossary, the
lock, the nav), loaded with ``load_site`` from the folder of the mkdocs.yml being built, so it honours
``docs_dir`` as the checks do. It is loaded the first time a hook asks during a build and kept for that
build only: static-i18n's nested build of the other language reuses the same config object (and so the
same Site), and every ``mkdocs serve`` rebuild makes a new config (and so reads the edited sources).
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from scripts import ui_strings
from scripts.config import Config
from scripts.model import LANGS
from scripts.site import DEFAULT_LANGUAGE, Site, language_prefix, load_site

LANGUAGES = LANGS
# Between two Chinese words in the search index (search_split.py writes it, traditional.py converts the text
# around it): COMBINING GRAPHEME JOINER, invisible like the U+200B Material puts there, 2 bytes in UTF-8
# instead of 3, and in the Chinese index's separator.
WORD_MARK = "\u034f"
__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "WORD_MARK", "building_source_language", "current_language",
           "i18n_is_building_alternate", "lang_rel", "language_prefix", "manual", "page_lang_rel", "public_url",
           "redirect_page", "root_of", "write_redirect"]

_loaded: list = [None, None]        # [the config it was loaded for, the Site]; the config is kept so its id
                                    # cannot be reused by a later build's config


def root_of(config) -> Path:
    """The repository root of the build: the folder of its mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def manual(config) -> Site:
    """The manual's model for this build (checks.yml plays no part: the build shows, it does not judge)."""
    if _loaded[0] is not config:
        _loaded[:] = [config, load_site(root_of(config), config=Config())]
    return _loaded[1]


def lang_rel(src_uri: str) -> tuple[str, str]:
    """'en/part1/model.md' -> ('en', 'part1/model.md'): static-i18n's folder layout. A file outside the
    language folders belongs to the default language."""
    lang, _, rel = src_uri.partition("/")
    if lang in LANGUAGES and rel:
        return lang, rel
    return DEFAULT_LANGUAGE, src_uri


def page_lang_rel(page) -> tuple[str, str]:
    """The language of a MkDocs page and its path inside its language folder."""
    return lang_rel(page.file.src_uri)


def current_language(config) -> str:
    """The language static-i18n is building now (it reconfigures theme.language per build)."""
    return config["theme"]["language"] if config["theme"]["language"] in LANGUAGES else DEFAULT_LANGUAGE


def i18n_is_building_alternate(config) -> bool:
    """True inside static-i18n's nested build of a non-default language (its post_build then runs twice)."""
    plugin = config["plugins"].get("i18n")
    return bool(plugin and getattr(plugin, "building", False))


def redirect_page(target: str, canonical: str, lang: str, script: str) -> str:
    """A page that sends the reader on to ``target`` (a relative URL) and keeps the #section: ``script``
    (the relative URL of assets/javascripts/redirect.js, a file, so a Content-Security-Policy needs no
    'unsafe-inline') adds ``location.hash``; without JavaScript the meta refresh goes to the page and the
    link is shown. ``noindex`` and the canonical (the target's absolute URL) keep it out of search engines."""
    target, canonical, script = (html.escape(v, quote=True) for v in (target, canonical, script))
    label = ui_strings.strings(lang)["shortlink"]["redirecting"]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="robots" content="noindex"><title>{label}</title>'
            f'<meta name="description" content="{label} {canonical}">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{canonical}"></head>'
            f'<body><p>{label} <a href="{target}">{target}</a></p>'
            f'<script src="{script}" data-target="{target}"></script></body></html>')


def write_redirect(site_dir: Path, at: str, url: str, config, lang: str) -> None:
    """Write a redirect page at ``at`` (a file path inside the built site, such as ``go/2-6/index.html``
    or ``part1/old.html``) to the page whose URL (from the site root, as MkDocs gives it) is ``url``. The
    link is relative, so it works at the root, under a subpath and from the offline copy (file://)."""
    relative = posixpath.relpath(url or ".", posixpath.dirname(at) or ".")
    if not url or url.endswith("/"):          # directory URLs keep their slash
        relative += "/"
    path = Path(site_dir) / at
    path.parent.mkdir(parents=True, exist_ok=True)
    script = posixpath.relpath("assets/javascripts/redirect.js", posixpath.dirname(at) or ".")
    path.write_text(redirect_page(relative, (config["site_url"] or "") + url, lang, script), encoding="utf-8")


def public_url(link: str, site_url: str) -> str:
    """The address on the published site of a page link as a build gives it: from the site root
    (``en/part1/model/``), from the host root with the site's own path (static-i18n's language roots under
    a subpath: ``/manual/en/``), or absolute (a page's canonical_url), in the directory-URL form the
    published site serves: the offline copy's ``part1/model.html`` is ``part1/model/`` there, its
    ``part1/index.html`` is ``part1/``. Canonical, hreflang, the chapter link and its QR code all name it,
    from every copy of the manual."""
    base = urlsplit(site_url).path or "/"
    if "://" in link:
        link = link[len(site_url):] if link.startswith(site_url) else urlsplit(link).path
    if base != "/" and link.startswith(base):
        link = link[len(base):]
    link = link.lstrip("/")
    if link == "index.html" or link.endswith("/index.html"):
        link = link[:-len("index.html")]
    elif link.endswith(".parallel.html"):                    # the offline copy's side-by-side view
        link = link[:-len(".parallel.html")] + "/parallel.html"
    elif link.endswith(".html") and link != "404.html":
        link = link[:-len(".html")] + "/"
    return site_url + link


def building_source_language(config) -> bool:
    """False while static-i18n builds an edition generated from another language's files (the Traditional
    edition, zh-hant, renders docs/zh/: scripts/mkdocs_hooks/traditional.py). Hooks that map each language's
    files to their URLs skip that build, or the zh entries would point into /zh-hant/."""
    return config["theme"]["language"] in LANGUAGES
