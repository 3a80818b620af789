"""What the templates in overrides/ get from the build, so they extend Material instead of copying it.

The filter `patch_once(old, new)`: a template can take a block the theme rendered (`super()`) and change
  one attribute in it, instead of copying the whole block or partial. `old` must occur exactly once, so when
  a Material upgrade changes that markup the build stops and names what is gone, rather than the change
  silently disappearing (tests/site/test_theme.py checks the same against the installed theme).
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.exceptions import PluginError



def patch_once(markup: str, old: str, new: str) -> Markup:
    found = markup.count(old)
    if found != 1:
        raise PluginError(f"overrides/main.html: expected the theme's markup {old!r} once, found it {found} "
                          "times: Material changed it; update the patch in overrides/main.html")
    return Markup(markup.replace(old, new))


def on_env(env, config, files):
    env.filters["patch_once"] = patch_once
    return env
