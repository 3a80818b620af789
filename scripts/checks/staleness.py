"""Staleness (S101-S106): is each English section a translation of the current Chinese section?

translation-lock.yml records, for every English page and section id, the fingerprint of the Chinese
section it translates (see ``scripts/lock/``). When the Chinese section changes, its English section
is stale (S101, reported on the English heading with the Chinese line). A section the lock does not
know is unstamped (S102). Every paired section is tracked, also one whose id is used twice or that has
no id: the lock keys them by occurrence or by position (``scripts/lock/fingerprints.py``), never two under one key. After updating a translation, record it::

    python -m scripts stamp part2/volunteers.md     # or no page: all pages

If the translation must wait, ``stamp --defer`` acknowledges the staleness: the check passes and prints
a note (S105, counted in the summary, not a finding), and the built site shows a banner on the section.
Lock entries for pages or sections that no longer exist (S103) and malformed entries (S104) are
reported at ``translation-lock.yml:line``; a missing lock file is S106.
"""
from __future__ import annotations

from typing import Iterator

from scripts.diagnostics import Diagnostic, Location
from scripts.lock import LOCK_FILE, fingerprint, section_keys, state_of

CODES = {
    "S101": "English section is stale: the Chinese section changed since it was translated",
    "S102": "section not recorded in translation-lock.yml (run stamp)",
    "S103": "translation-lock.yml entry for a page or section that no longer exists",
    "S104": "malformed translation-lock.yml entry",
    "S105": "note: staleness acknowledged with stamp --defer (not a finding)",
    "S106": "translation-lock.yml missing (run stamp)",
}


def check(site) -> Iterator[Diagnostic]:
    lock = site.lock
    yield from (d for d in lock.problems if d.code.startswith("S"))
    if not lock.exists:
        if any(p.zh and p.en for p in site.page_pairs):
            yield Diagnostic(LOCK_FILE, 1, "S106", f"no {LOCK_FILE}: record the translations with "
                                                   "`python -m scripts stamp`")
        return
    for pair in site.page_pairs:
        if pair.zh is None or pair.en is None:
            continue
        entries = lock.pages.get(pair.rel)
        if entries is None:
            yield Diagnostic(pair.en.path, 1, "S102", f"page not recorded in {LOCK_FILE}: when the translation is "
                                                      f"done, run `python -m scripts stamp {pair.rel}`")
            continue
        keys = section_keys(pair.zh)
        for sp in site.section_pairs(pair.rel):
            if sp.zh is None or sp.en is None:
                continue
            state = state_of(entries.get(keys[id(sp.zh)]), fingerprint(pair.zh, sp.zh))
            zh_at = Location(pair.zh.path, sp.zh.line)
            if state == "stale":
                yield Diagnostic(pair.en.path, sp.en.line, "S101",
                                 f"{sp.en.name} is stale: {zh_at} changed since it was translated "
                                 f"(update it, then `python -m scripts stamp {pair.rel}`)", zh_at)
            elif state == "unstamped":
                yield Diagnostic(pair.en.path, sp.en.line, "S102",
                                 f"{sp.en.name} not recorded in {LOCK_FILE}: run "
                                 f"`python -m scripts stamp {pair.rel}`", zh_at)
            elif state == "deferred":
                yield Diagnostic(pair.en.path, sp.en.line, "S105",
                                 f"{sp.en.name} may be out of date: {zh_at} changed and the update "
                                 "was deferred", zh_at, level="note")
    for rel, entries in lock.pages.items():
        zh_page = site.page("zh", rel)
        if zh_page is None or site.page("en", rel) is None:
            yield Diagnostic(LOCK_FILE, lock.page_lines.get(rel, 1), "S103",
                             f"'{rel}' is no longer a translated page: run `python -m scripts stamp`")
            continue
        keys = set(section_keys(zh_page).values())
        for section_id, entry in entries.items():
            if section_id not in keys:
                yield Diagnostic(LOCK_FILE, entry.line, "S103", f"'{rel}' has no section #{section_id} any "
                                                                "more: run `python -m scripts stamp`")
