"""Review governance (G101-G108): every page names the role that answers for it and the date it was last checked, and is checked again in time.

Each page's front matter says who answers for it and when its content was last reviewed (see
``scripts/governance.py``, which also explains the default intervals)::

    owner: social-work-supervisor     # a role key from checks.yml review.roles (never a person's name)
    reviewed: 2026-12-02              # date of the last content review, YYYY-MM-DD
    review_interval: 6                # optional, months (default: review.law_months for a page citing
                                      # laws or policies, review.other_months for the others)

The Chinese page is the source and carries the review; the English page's ``reviewed`` is the date of
the Chinese review its translation follows.

- G101: the Chinese page is overdue: its review date plus its interval is before today. Reported on the
  Chinese page's ``reviewed:`` line; check the page against the current laws and practice, correct it,
  and set ``reviewed:`` to the day (the English follows: G106).
- G102: ``reviewed:`` is missing, or not a real date written YYYY-MM-DD (``2026-12-2``, ``2026-13-01``,
  a time of day, a word).
- G103: ``reviewed:`` is after today (a review cannot be recorded in advance).
- G104: ``owner:`` is missing, or names no role listed in checks.yml ``review.roles`` (a person's
  name is not a role: people change, the responsibility stays).
- G105: the Chinese and English pages name different owners or different ``review_interval`` values
  (one page in two languages has one owner and one schedule). Reported on the English page.
- G106: the Chinese page was reviewed after the review the English follows (the English ``reviewed:``
  is older). The message says what translation-lock.yml knows: if every English section is current,
  compare the English with the reviewed Chinese; if some are stale, update them. Then
  ``python -m scripts stamp <page>``, which also sets the English date to the Chinese one.
- G107: the English page claims a later review than its Chinese page has (the review is done on the
  source; set the English date to the Chinese one).
- G108: ``review_interval`` is not a whole number of months from 1 to 120.

The check is on when checks.yml has a ``review:`` section (``review: {}`` takes every default), as
this manual's does; a site without one (a test site, a manual that keeps no reviews) is not judged.

A page whose front matter cannot be read (E104), or that is empty (E105) or unreadable (E109), gets
those findings only: its review keys are read once it can be.

Today is the day the check runs; ``python -m scripts check --today 2027-01-31`` (or the environment
variable ``CHECKS_TODAY``) sets it, for tests and to see what falls due by a given day.
"""
from __future__ import annotations

from typing import Iterator

from scripts import governance
from scripts.diagnostics import Diagnostic, Location

OPTIONS = {"review": governance.OPTIONS}

CODES = {
    "G101": "page is overdue for its content review",
    "G102": "review date missing or not a date YYYY-MM-DD",
    "G103": "review date is in the future",
    "G104": "owner missing or not a role listed in checks.yml review.roles",
    "G105": "Chinese and English pages name a different owner or review interval",
    "G106": "Chinese page was reviewed after the review its English translation follows",
    "G107": "English page claims a later review than its Chinese page",
    "G108": "review_interval is not a whole number of months from 1 to 120",
}


def check(site) -> Iterator[Diagnostic]:
    if not governance.enabled(site.config):
        return
    opts = governance.options(site.config)
    today = site.today
    for pair in site.page_pairs:
        both = {lang: page for lang, page in (("zh", pair.zh), ("en", pair.en)) if page is not None}
        read = {lang: governance.facts(page) for lang, page in both.items()}
        for lang, page in both.items():
            yield from _page(page, read[lang], opts, today)
        if pair.zh is None:
            continue
        zh = read["zh"]
        if zh.reviewed.value is not None and zh.reviewed.value <= today:
            months, basis = governance.interval(pair.zh, zh, opts)
            due = governance.add_months(zh.reviewed.value, months)
            if due < today:
                why = {"page": "its review_interval", "law": "review.law_months, as it cites laws or policies",
                       "other": "review.other_months"}[basis]
                yield Diagnostic(pair.zh.path, zh.reviewed.line, "G101",
                                 f"review overdue since {due} (reviewed {zh.reviewed.value}; every {months} "
                                 f"months: {why}): check the page against current law and practice, then "
                                 "set reviewed: to the day of the review")
        if pair.en is None:
            continue
        yield from _pair(site, pair, zh, read["en"])


_UNREADABLE = ("E104", "E105", "E109")     # front matter broken, page empty or unreadable: that comes first


def _page(page, facts, opts, today) -> Iterator[Diagnostic]:
    if any(problem.code in _UNREADABLE for problem in page.problems):
        return
    roles = opts.roles
    reviewed = facts.reviewed
    if reviewed.missing:
        yield Diagnostic(page.path, reviewed.line, "G102",
                         "no review date: add 'reviewed: YYYY-MM-DD' (the day its content was last checked) "
                         "to the front matter")
    elif reviewed.value is None:
        yield Diagnostic(page.path, reviewed.line, "G102",
                         f"reviewed: '{reviewed.raw}' is not a date written YYYY-MM-DD")
    elif reviewed.value > today:
        yield Diagnostic(page.path, reviewed.line, "G103",
                         f"reviewed: {reviewed.value} is after today ({today}): record a review once it is done")
    owner = facts.owner
    known = ", ".join(roles)
    if owner.missing:
        yield Diagnostic(page.path, owner.line, "G104",
                         f"no owner: add 'owner: <role>' to the front matter, one of: {known}")
    elif owner.value not in roles:
        yield Diagnostic(page.path, owner.line, "G104",
                         f"owner: '{owner.raw}' is not a role in checks.yml review.roles ({known}); "
                         "name the role, not a person")
    if not facts.interval.missing and facts.interval.value is None:
        yield Diagnostic(page.path, facts.interval.line, "G108",
                         f"review_interval: '{facts.interval.raw}' must be a whole number of months from 1 to "
                         f"{governance.MAX_MONTHS} (or leave it out for the default)")


def _pair(site, pair, zh, en) -> Iterator[Diagnostic]:
    zh_at = Location(pair.zh.path, zh.owner.line)
    if zh.owner.value and en.owner.value and zh.owner.value != en.owner.value:
        yield Diagnostic(pair.en.path, en.owner.line, "G105",
                         f"owner: {en.owner.value}, but the Chinese page ({zh_at}) says {zh.owner.value}",
                         zh_at)
    if zh.interval.raw != en.interval.raw:
        zh_int = Location(pair.zh.path, zh.interval.line)
        line = en.interval.line if not en.interval.missing else en.reviewed.line
        yield Diagnostic(pair.en.path, line, "G105",
                         f"review_interval: {en.interval.raw if not en.interval.missing else '(none)'}, but the "
                         f"Chinese page ({zh_int}) says {zh.interval.raw if not zh.interval.missing else '(none)'}",
                         zh_int)
    zh_day, en_day = zh.reviewed.value, en.reviewed.value
    if zh_day is None or en_day is None:
        return
    zh_at = Location(pair.zh.path, zh.reviewed.line)
    if zh_day > en_day:
        status = site.translation_status.get(pair.rel)
        if status is not None and status.outdated:
            todo = (f"{len(status.outdated)} English section(s) are out of date in translation-lock.yml: "
                    f"update them, then `python -m scripts stamp {pair.rel}` (it sets reviewed: {zh_day})")
        else:
            todo = (f"translation-lock.yml has the English current: compare it with the reviewed Chinese, "
                    f"then `python -m scripts stamp {pair.rel}` (it sets reviewed: {zh_day})")
        yield Diagnostic(pair.en.path, en.reviewed.line, "G106",
                         f"the Chinese page was reviewed on {zh_day} ({zh_at}), after the review this "
                         f"translation follows ({en_day}): {todo}", zh_at)
    elif en_day > zh_day:
        yield Diagnostic(pair.en.path, en.reviewed.line, "G107",
                         f"reviewed: {en_day} is later than the Chinese page's review ({zh_day}, {zh_at}): "
                         f"reviews are of the Chinese source; set reviewed: {zh_day}", zh_at)
