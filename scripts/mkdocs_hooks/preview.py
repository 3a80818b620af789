"""MkDocs hook: a live preview that rebuilds only what a save changed (``make serve``).

Register it in mkdocs.yml::

    hooks:
      - scripts/mkdocs_hooks/preview.py

It does nothing unless the environment has ``PREVIEW=1``, which ``make serve`` sets together with
MkDocs' own ``mkdocs serve --dirty`` (rebuild only the pages whose source is newer than their output).
A dirty build alone would be wrong for this site, whose pages depend on each other; this hook tells MkDocs
which other pages a save touches, and turns off what a preview does not need:

- **The page's other language**: an English page is rebuilt when its Chinese source is newer than the
  English output, so a stale-section banner appears (or goes) with the save that causes it; a Chinese
  page is rebuilt with its English page too (the side-by-side view reads both).
- **Generated pages** (translation status, review status): rebuilt when any page source is newer than
  their output (the glossary page follows glossary.yml, below).
- **Everything** when a file every page reads changed (mkdocs.yml, glossary.yml, translation-lock.yml,
  checks.yml, ui-strings.yml, shortlinks.yml, ``overrides/``), when a page was added or removed, or when a
  page's title changed (the navigation of every page shows it). MkDocs' dirty build also leaves the pages
  it skips unread, so their titles would be missing from the navigation: the hook reads their sources
  (no rendering), as a full build would.
- **Search** keeps the index of the server's first build: a rebuild neither indexes its pages (the
  cost is segmenting Chinese with jieba) nor writes an index (the search plugin is turned off after the
  pages are rendered with their search box, and on again for the next build), so the preview's search
  finds text as it was when ``make serve`` started. The published site's index is built whole.

What the build otherwise does is unchanged: the same hooks write the same banners, tables and kit on
the pages that are rebuilt. ``make build`` never sets ``PREVIEW``.
"""
from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import LANGUAGES, i18n_is_building_alternate, lang_rel, manual, root_of

SITE_WIDE = ("mkdocs.yml", "glossary.yml", "translation-lock.yml", "checks.yml", "ui-strings.yml", "shortlinks.yml")
GENERATED = ("appendix/translation-status.md", "appendix/review-status.md")   # tables of every page
_seen: dict[str, dict] = {}          # per language: {src_uri: title} of the last build this process made
_builds = [0]                        # builds (of both languages) this process has started


class _Templates(BytecodeCache):
    """The theme's templates compiled once per process (MkDocs makes a new Jinja environment, and so
    compiles every template again, on each rebuild); keyed by Jinja on the template's source."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_templates = _Templates()


def active() -> bool:
    return os.environ.get("PREVIEW", "") not in ("", "0")


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _newest(root: Path, names, folder: str) -> float:
    newest = max((_mtime(root / name) for name in names), default=0.0)
    for dirpath, _, filenames in os.walk(root / folder):
        for name in filenames:
            newest = max(newest, _mtime(Path(dirpath) / name))
    return newest


def _search(config):
    return config["plugins"].get("material/search") or config["plugins"].get("search")


def on_pre_build(config):
    if not i18n_is_building_alternate(config):
        _builds[0] += 1
    search = _search(config)
    if active() and search is not None:
        search.config.enabled = True        # pages render with the search box (the theme asks the plugin)
        if _rebuild(config) and hasattr(search, "search_index"):
            search.search_index.add_entry_from_context = lambda page: None     # no jieba on a rebuild
    return None


def _rebuild(config) -> bool:
    return active() and _builds[0] > 1 and _search(config) is not None


@event_priority(100)        # before the search plugin and static-i18n write the index
def on_post_build(config):
    search = _search(config)
    if _rebuild(config):
        search.config.enabled = False       # a rebuild keeps the first build's whole search index
    return None


_listed: dict = {}                   # (theme folders, newest overrides/ file) -> the theme's template names


@event_priority(100)
def on_config(config):
    """Each rebuild makes a new Jinja environment: give it the compiled templates, and the list of the
    theme's files (MkDocs lists thousands of icons on every build) while overrides/ is unchanged."""
    if not active():
        return config
    theme = config["theme"]
    make_env = theme.get_env
    key = (tuple(theme.dirs), _newest(root_of(config), (), "overrides"))
    if getattr(theme.get_env, "preview", False):        # static-i18n runs on_config again per language
        return config

    def get_env():
        env = make_env()
        env.bytecode_cache = _templates
        list_templates = env.list_templates

        def listed(extensions=None, filter_func=None):
            # MkDocs asks with one filter, the same on every build (add_files_from_theme)
            at = (key, tuple(theme.static_templates), extensions, filter_func is None)
            if at not in _listed:
                _listed[at] = list_templates(extensions=extensions, filter_func=filter_func)
            return list(_listed[at])

        env.list_templates = listed
        return env

    get_env.preview = True
    theme.get_env = get_env
    return config


def _force(file) -> None:
    file.is_modified = lambda: True       # MkDocs' dirty build asks each file this


@event_priority(-200)       # after static-i18n (-100) has given this language's files and nav
def on_nav(nav, config, files):
    if not active():
        return nav
    root = root_of(config)
    site = manual(config)
    docs = root / site.docs_dir
    pages = list(files.documentation_pages())
    lang = lang_rel(pages[0].src_uri)[0] if pages else ""
    titles = {}
    for file in pages:
        file_lang, rel = lang_rel(file.src_uri)
        model = site.page(file_lang, rel)
        titles[file.src_uri] = model.title if model is not None else None
    key = f"{lang}:{config['theme']['language']}"
    everything = titles != _seen.get(key)           # a page added, removed or retitled: every nav changes
    _seen[key] = titles
    site_wide = _newest(root, SITE_WIDE, "overrides")
    newest_page = _newest(docs, (), ".")
    for file in pages:
        file_lang, rel = lang_rel(file.src_uri)
        built = _mtime(Path(file.abs_dest_path))
        if file.is_modified():
            continue
        others = [docs / other / rel for other in LANGUAGES if other != file_lang]
        if (everything or site_wide > built or any(_mtime(o) > built for o in others)
                or (rel in GENERATED and newest_page > built)):
            _force(file)
    for file in pages:                       # the nav shows every page's title: read the skipped ones
        page = file.page
        if page is not None and page.markdown is None and not file.is_modified():
            page.read_source(config)
    return nav
