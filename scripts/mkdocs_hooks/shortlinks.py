"""Short, stable links for slides and handouts: /go/2-6/ (Chinese) and /en/go/2-6/ (English).

One map, shortlinks.yml, says where each key points. Each key becomes a tiny redirect page in each
language, with a relative target, so it works at /, under a subpath and from the offline copy. When a
file moves, only the map changes and every printed link keeps landing on the right chapter.
"""

from __future__ import annotations

import html
import os
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _site import LANGUAGES, ROOT, current_language, i18n_is_building_alternate, language_prefix
from scripts import ui_strings

MAP_FILE = ROOT / "shortlinks.yml"
_urls: dict[tuple[str, str], str] = {}  # (lang, path inside docs/<lang>/) -> built URL


def load_map(path: Path = MAP_FILE) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise PluginError(f"{path.name}: cannot be read: {err}") from None
    if not isinstance(data, dict):
        raise PluginError(f"{path.name}:1: expected a mapping of short key to page path")
    return {str(key): str(value) for key, value in data.items()}


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    lang = current_language(config)
    for file in files.documentation_pages():
        rel = file.src_uri.split("/", 1)[1] if file.src_uri.startswith(tuple(f"{l}/" for l in LANGUAGES)) \
            else file.src_uri
        _urls[(lang, rel)] = file.url
    return files


def redirect_page(target: str, canonical: str, lang: str) -> str:
    target, canonical = html.escape(target, quote=True), html.escape(canonical, quote=True)
    label = ui_strings.strings(lang)["shortlink"]["redirecting"]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="robots" content="noindex"><title>{label}</title>'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{canonical}"></head>'
            f'<body><p>{label} <a href="{target}">{target}</a></p>'
            f'<script>location.replace("{target}" + location.hash)</script></body></html>')


@event_priority(-150)  # after static-i18n (-100) has built every language
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    for key, rel in load_map().items():
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
            (folder / "index.html").write_text(redirect_page(relative, canonical, lang), encoding="utf-8")
