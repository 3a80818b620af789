"""What the templates in overrides/ get from the build, so they extend Material instead of copying it.

- `ui`: the interface strings of the language being built (ui-strings.yml, via scripts.ui_strings);
- the filter `public_url`: a page link's address on the published site (shared.public_url), for canonical
  and hreflang: static-i18n gives a language root under a subpath with that path already in it, and the
  offline copy's links end in .html, which the published site does not serve;
- the filter `patch_once(old, new)`: a template can take a block the theme rendered (`super()`) and change
  one attribute in it, instead of copying the whole block or partial. `old` must occur exactly once, so when
  a Material upgrade changes that markup the build stops and names what is gone, rather than the change
  silently disappearing (tests/site/test_theme.py checks the same against the installed theme);
- with navigation.instant on (not shipped; tests/browser/test_instant.py), English pages, whose theme base
  is /en/, look for the sitemap that decides which links load instantly at /en/sitemap.xml: it is written
  there too. Links into the other language are full loads whatever the sitemap says (site.js);
- one 404 page, the default language's (site/404.html, which a host sends for any missing path):
  static-i18n builds every other language into the same site folder, so each would write its own 404.html
  over it and the last edition built (the Traditional one) would greet every reader. Their 404 output is
  dropped (MkDocs skips a template whose output is empty);
- no source maps: Material ships a map beside its bundle, worker and stylesheets (1.3 MB, which only a
  browser's developer tools fetch). They are left out of the site and of the offline copy, whose zip a
  reader downloads over a metered connection.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import (DEFAULT_LANGUAGE, LANGUAGES, current_language, i18n_is_building_alternate,
                                         language_prefix, public_url)
from scripts import ui_strings


def patch_once(markup: str, old: str, new: str) -> Markup:
    markup = str(markup)  # a Markup would escape `old` and `new`: a block can be patched twice
    found = markup.count(old)
    if found != 1:
        raise PluginError(f"overrides/main.html: expected the theme's markup {old!r} once, found it {found} "
                          "times: Material changed it; update the patch in overrides/main.html")
    return Markup(markup.replace(old, new))


def on_config(config):
    ui_strings.load.cache_clear()  # mkdocs serve: re-read ui-strings.yml on every rebuild
    try:
        ui_strings.load()
    except ui_strings.UiStringsError as err:
        raise PluginError(str(err)) from None
    return config


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("assets/") and f.src_uri.endswith(".map")]:
        files.remove(file)
    return files


def on_env(env, config, files):
    env.globals["ui"] = ui_strings.strings(current_language(config))
    env.filters["patch_once"] = patch_once
    env.filters["public_url"] = lambda link: public_url(link, config["site_url"] or "")
    return env


@event_priority(100)   # before any hook that rewrites the page (traditional.py converts it)
def on_post_template(output, template_name, config):
    if template_name == "404.html" and i18n_is_building_alternate(config):
        return ""
    return output


@event_priority(-150)  # after static-i18n (-100) has built every language and written sitemap.xml
def on_post_build(config):
    if "navigation.instant" not in (config["theme"].get("features") or []) or i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (site / "sitemap.xml").is_file():
            shutil.copyfile(site / "sitemap.xml", site / language_prefix(lang) / "sitemap.xml")
