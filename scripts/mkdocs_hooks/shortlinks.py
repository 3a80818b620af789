"""Short, stable links for slides and handouts: /go/2-6/ (Chinese) and /en/go/2-6/ (English).

One map, shortlinks.yml, says where each key points. Each key becomes a tiny redirect page in each
language, with a relative target, so it works at /, under a subpath and from the offline copy. When a
file moves, only the map changes and every printed link keeps landing on the right chapter.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import (LANGUAGES, building_source_language, current_language,
                                         i18n_is_building_alternate, lang_rel, language_prefix, manual,
                                         write_redirect)

_urls: dict[tuple[str, str], str] = {}  # (lang, path inside docs/<lang>/) -> built URL


def short_map(config) -> dict[str, str]:
    """shortlinks.yml of the build's Site, key -> page path; a broken file fails the build at its line."""
    links = manual(config).shortlinks
    if links.problems:
        raise PluginError("; ".join(links.problems))
    return links.targets


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    if not building_source_language(config):
        return files
    lang = current_language(config)
    for file in files.documentation_pages():
        _urls[(lang, lang_rel(file.src_uri)[1])] = file.url
    return files


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
            write_redirect(site, f"{language_prefix(lang)}go/{key}/index.html", url, config, lang)
