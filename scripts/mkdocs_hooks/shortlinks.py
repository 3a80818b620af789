"""Short, stable links for slides and handouts: /go/2-6/ (Chinese) and /en/go/2-6/ (English).

One map, shortlinks.yml, says where each key points. Each key becomes a tiny redirect page in each
language, with a relative target, so it works at /, under a subpath and from the offline copy. When a
file moves, only the map changes and every printed link keeps landing on the right chapter.
"""

from __future__ import annotations

import html
import os
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import (LANGUAGES, current_language, i18n_is_building_alternate, lang_rel,
                                         language_prefix, manual)
from scripts import ui_strings

_urls: dict[tuple[str, str], str] = {}  # (lang, path inside docs/<lang>/) -> built URL


def short_map(config) -> dict[str, str]:
    """shortlinks.yml of the build's Site, key -> page path; a broken file fails the build at its line."""
    links = manual(config).shortlinks
    if links.problems:
        raise PluginError("; ".join(links.problems))
    return links.targets


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    lang = current_language(config)
    for file in files.documentation_pages():
        _urls[(lang, lang_rel(file.src_uri)[1])] = file.url
    return files


def redirect_page(target: str, canonical: str, lang: str, script: str = "../../assets/javascripts/redirect.js") -> str:
    """A stub that sends the reader on, keeping the #section (assets/javascripts/redirect.js: no inline
    script, for a Content-Security-Policy without 'unsafe-inline'); the meta refresh works without script."""
    target, canonical, script = (html.escape(v, quote=True) for v in (target, canonical, script))
    label = ui_strings.strings(lang)["shortlink"]["redirecting"]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="robots" content="noindex"><title>{label}</title>'
            f'<meta name="description" content="{label} {canonical}">'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{canonical}"></head>'
            f'<body><p>{label} <a href="{target}">{target}</a></p>'
            f'<script src="{script}" data-target="{target}"></script></body></html>')


@event_priority(-150)  # after static-i18n (-100) has built every language
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    for key, rel in short_map(config).items():
        for lang in LANGUAGES:
            url = _urls.get((lang, rel))
            if url is None:
                raise PluginError(f"shortlinks.yml: '{key}' points to docs/{lang}/{rel}, which is not a page")
            folder = site / language_prefix(lang) / "go" / key
            folder.mkdir(parents=True, exist_ok=True)
            relative = PurePosixPath(*Path(os.path.relpath(site / url, folder)).parts).as_posix()
            if not url.endswith(".html"):  # directory URLs keep their slash
                relative += "/"
            canonical = (config["site_url"] or "") + url
            script = Path(os.path.relpath(site / "assets" / "javascripts" / "redirect.js", folder)).as_posix()
            (folder / "index.html").write_text(redirect_page(relative, canonical, lang, script), encoding="utf-8")
