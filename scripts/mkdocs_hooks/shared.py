"""What the build hooks share: the manual's model, loaded once per build, and how static-i18n lays out
the languages.

:func:`manual` gives every hook the same :class:`scripts.site.Site` (pages, sections, the glossary, the
lock, the nav), loaded with ``load_site`` from the folder of the mkdocs.yml being built, so it honours
``docs_dir`` as the checks do. It is loaded the first time a hook asks during a build and kept for that
build only: static-i18n's nested build of the other language reuses the same config object (and so the
same Site), and every ``mkdocs serve`` rebuild makes a new config (and so reads the edited sources).
"""

from __future__ import annotations

from pathlib import Path

from scripts.config import Config
from scripts.model import LANGS
from scripts.site import DEFAULT_LANGUAGE, Site, language_prefix, load_site

LANGUAGES = LANGS
__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "building_source_language", "current_language",
           "i18n_is_building_alternate", "lang_rel", "language_prefix", "manual", "page_lang_rel", "root_of"]

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


def building_source_language(config) -> bool:
    """False while static-i18n builds an edition generated from another language's files (the Traditional
    edition, zh-hant, renders docs/zh/: scripts/mkdocs_hooks/traditional.py). Hooks that map each language's
    files to their URLs skip that build, or the zh entries would point into /zh-hant/."""
    return config["theme"]["language"] in LANGUAGES
