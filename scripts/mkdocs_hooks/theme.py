"""What the templates in overrides/ get from the build, so they extend Material instead of copying it.

- `ui`: the interface strings of the language being built (ui-strings.yml, via scripts.ui_strings);
- the filter `patch_once(old, new)`: a template can take a block the theme rendered (`super()`) and change
  one attribute in it, instead of copying the whole block or partial. `old` must occur exactly once, so when
  a Material upgrade changes that markup the build stops and names what is gone, rather than the change
  silently disappearing (tests/site/test_theme.py checks the same against the installed theme).
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from _site import current_language
from scripts import ui_strings


def patch_once(markup: str, old: str, new: str) -> Markup:
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


def on_env(env, config, files):
    env.globals["ui"] = ui_strings.strings(current_language(config))
    env.filters["patch_once"] = patch_once
    return env
