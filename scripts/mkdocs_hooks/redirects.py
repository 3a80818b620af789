"""Redirects and section aliases from redirects.yml (``scripts/redirects.py``), so that every published
URL keeps landing on the right section after pages move and ids are renamed.

- A page redirect ``part1/old.md: part1/new.md`` writes a redirect page at the old page's URL in each
  language (``/part1/old/`` and ``/en/part1/old/``; ``part1/old.html`` in the offline copy) with
  the short links' template (``shared.redirect_page``): a relative link, so it works at the root, under a
  subpath and from ``file://``; it keeps the ``#section`` (``location.hash``), carries
  ``<meta name="robots" content="noindex">`` and a canonical to the target, and shows the link to a
  reader without JavaScript. The chapter's side-by-side view, when it has one, gets the same at its old URL.
- A section alias ``part1/new.md: {old-id: new-id}`` adds an empty ``<a id="old-id"
  class="section-alias">`` as the first child of the element with ``id="new-id"`` (the renamed heading),
  in each language: ``/part1/new/#old-id`` scrolls to the section (Material's ``:target`` scroll margin
  keeps it below the header), and the language switch, which carries ``location.hash`` (``site.js``),
  finds the same alias on the other language's page. A glossary row (``appendix/glossary.md: {old-term-id:
  new-term-id}``, after a term's id changed in glossary.yml) gets it inside its first cell: an ``<a>``
  directly in a ``<tr>`` is moved out of the table by the HTML parser.

A redirect to a page or id that is not there fails the build; ``make check`` (M104-M106) says so first.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import (LANGUAGES, current_language, i18n_is_building_alternate, lang_rel,
                                         language_prefix, manual, page_lang_rel, write_redirect)
from scripts.published import url_path

_urls: dict[tuple[str, str], str] = {}  # (lang, path inside docs/<lang>/) -> built URL
_directory_urls: dict[str, bool] = {}


def _redirects(config):
    red = manual(config).redirects
    if red.problems:
        raise PluginError("; ".join(f"redirects.yml:{line}: {message}" for line, message in red.problems))
    return red


@event_priority(-110)  # after static-i18n (-100) has mapped docs/<lang>/ files to their URLs
def on_files(files, config):
    lang = current_language(config)
    _directory_urls[lang] = bool(config["use_directory_urls"])
    for file in files.documentation_pages():
        _urls[(lang, lang_rel(file.src_uri)[1])] = file.url
    return files


def on_page_content(content, page, config, files):
    lang, rel = page_lang_rel(page)
    aliases = _redirects(config).sections.get(rel)
    if not aliases:
        return content
    for old, new in sorted(aliases.items()):
        marker = f' id="{html.escape(new, quote=True)}"'
        at = content.find(marker)
        if at < 0 or content.rfind("<", 0, at) < content.rfind(">", 0, at):
            raise PluginError(f"redirects.yml: alias {rel}#{old} -> #{new}: no element with id '{new}' on "
                              f"{page.file.src_uri}")
        end = content.index(">", at) + 1
        if content.startswith("<tr", content.rfind("<", 0, at)):     # a glossary row: inside its first cell
            end = content.index(">", content.index("<td", end)) + 1
        content = content[:end] + f'<a id="{html.escape(old, quote=True)}" class="section-alias"></a>' + content[end:]
    return content


def _parallel(url: str) -> str:
    """The side-by-side view next to the page at ``url`` (parallel_view.py): ``part1/x/parallel.html``,
    or ``part1/x.parallel.html`` without directory URLs."""
    return url + "parallel.html" if not url or url.endswith("/") else url[:-len(".html")] + ".parallel.html"


@event_priority(-160)  # after static-i18n (-100) has built every language, and the side-by-side views (-150)
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    for old, new in sorted(_redirects(config).pages.items()):
        for lang in LANGUAGES:
            url = _urls.get((lang, new))
            if url is None:
                raise PluginError(f"redirects.yml: '{old}' redirects to docs/{lang}/{new}, which is not a page")
            old_url = url_path(old, lang, _directory_urls.get(lang, True)).lstrip("/")
            at = old_url + "index.html" if not old_url or old_url.endswith("/") else old_url
            if (site / at).exists():
                raise PluginError(f"redirects.yml: '{old}' redirects from {at}, which the build wrote as a page")
            write_redirect(site, at, url, config, lang)
            if (site / _parallel(url)).is_file():
                write_redirect(site, _parallel(old_url), _parallel(url), config, lang)
