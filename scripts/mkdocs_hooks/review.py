"""MkDocs hook: readers see when each page was last reviewed, and one page lists every page's review.

Register it in mkdocs.yml::

    hooks:
      - scripts/mkdocs_hooks/review.py

(a) Every page with a ``reviewed:`` date in its front matter gets ``review`` in its template context
    (``{date, iso, owner}``); overrides/main.html shows it as "最后审核：2026 年 12 月 2 日" /
    "Last reviewed: 2 December 2026" beside the reader's kit (words from ui-strings.yml, ``review``).
    An English page shows its own date: the Chinese review its translation follows.
(b) ``appendix/review-status.md`` (both languages): the marker ``<!-- review-status -->`` is replaced by a
    table of every page with the role responsible, the last review of the Chinese source, the interval and
    the next review, overdue pages first (``scripts.governance.rows``, the code ``make check``'s G101 uses).

The roles' labels and the default intervals come from checks.yml's ``review:`` section (the same
declarations the checks read, defaults when absent). Today is ``CHECKS_TODAY`` when set (as for the
checks), else the day of the build.
"""
from __future__ import annotations

import os
import posixpath
from datetime import date

from mkdocs.exceptions import PluginError

from scripts import governance, ui_strings
from scripts.config import ConfigError, load_config
from scripts.mkdocs_hooks.shared import current_language, manual, page_lang_rel, root_of

MARKER = "<!-- review-status -->"
STATUS_PAGE = "appendix/review-status.md"
_options: list = [None, None]          # [the config it was read for, the review options]


def options(config):
    if _options[0] is not config:
        try:
            _options[:] = [config, governance.options(load_config(root_of(config)))]
        except ConfigError as err:
            raise PluginError(f"review: {err}") from None
    return _options[1]


def today() -> date:
    value = os.environ.get("CHECKS_TODAY", "").strip()
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        raise PluginError(f"review: CHECKS_TODAY='{value}' is not a date YYYY-MM-DD") from None


def role_label(roles: dict, key: str | None, lang: str) -> str:
    labels = roles.get(key) if key else None
    return labels[lang] if isinstance(labels, dict) and lang in labels else (key or "")


def _cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def status_table(rows: list[governance.Row], roles: dict, lang: str, from_rel: str = STATUS_PAGE) -> str:
    words = ui_strings.strings(lang)["review"]
    base = posixpath.dirname(from_rel)
    out = [f"| {words['page']} | {words['owner']} | {words['reviewed']} | {words['next']} |", "|---|---|---|---|"]
    for row in rows:
        title = row.en_title if lang == "en" else row.zh_title
        link = posixpath.relpath(row.rel, base or ".")
        reviewed = row.reviewed.isoformat() if row.reviewed else words["not_recorded"]
        if row.next_review:
            due = row.next_review.isoformat() + words["interval"].format(n=row.months)
        else:
            due = words["not_recorded"]
        if row.overdue:
            due = f"**{due}{words['overdue']}**"
        out.append(f"| [{_cell(title)}]({link}) | {_cell(role_label(roles, row.owner, lang))} | {reviewed} | {due} |")
    return "\n".join(out) + "\n"


# --- MkDocs events --------------------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    lang, rel = page_lang_rel(page)
    if rel == STATUS_PAGE and MARKER in markdown:
        site = manual(config)
        opts = options(config)
        rows = governance.rows(site, opts, today(), [entry.rel for entry in site.nav])
        markdown = markdown.replace(MARKER, status_table(rows, opts.roles, lang, rel))
    return markdown


def on_page_context(context, page, config, nav):
    lang, rel = page_lang_rel(page)
    model = manual(config).page(lang, rel)
    if model is None:
        return context
    facts = governance.facts(model)
    day = facts.reviewed.value
    if day is not None:
        shown = current_language(config)
        context["review"] = {"date": ui_strings.localised_date(day, shown), "iso": day.isoformat(),
                             "owner": role_label(options(config).roles, facts.owner.value, shown)}
    return context
