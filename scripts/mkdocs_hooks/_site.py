"""What every build hook needs to know about the site: where the repository is, which language is being
built, and how static-i18n lays the languages out.

MkDocs loads each hook by file path and restores sys.path afterwards. This module imports the `scripts`
package once with the repository root on sys.path; the package stays in sys.modules, so every hook can
import its modules (scripts.glossary, scripts.align, ...) later, whatever sys.path is then."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import scripts  # noqa: E402,F401  (see the docstring)

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


def current_language(config) -> str:
    """The language static-i18n is building now (it reconfigures theme.language per build)."""
    return config["theme"]["language"] if config["theme"]["language"] in LANGUAGES else DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    """Where a language lives in the built site: zh at the root, every other under /<lang>/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def i18n_is_building_alternate(config) -> bool:
    """True inside static-i18n's nested build of a non-default language (its post_build then runs twice)."""
    plugin = config["plugins"].get("i18n")
    return bool(plugin and getattr(plugin, "building", False))


def page_language(page) -> str:
    """The language of a page, from static-i18n's folder layout (src_uri is 'zh/...' or 'en/...')."""
    return page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else DEFAULT_LANGUAGE


def page_rel(page) -> str:
    """The page's path inside its language folder: 'part1/model.md'."""
    return page.file.src_uri.split("/", 1)[1] if "/" in page.file.src_uri else page.file.src_uri
