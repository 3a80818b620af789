"""Suppressions (E110-E113): ``<!-- check: ignore CODE reason -->`` on the line before a finding.

A suppression silences one code on the block that starts on the next line (the lines up to the next
blank line: a paragraph, a table, a list). The reason is required: it tells the next editor why the rule
does not apply here (``<!-- check: ignore V102 the national child-protection hotline, public -->``).
A suppression without a reason, naming an unknown code, or silencing nothing is itself a finding.
Suppressions work only in Markdown pages; the summary line counts the findings they silenced.
"""
# Judging a suppression needs every family's codes and findings, so the runner calls comments() and
# apply() with the table of codes; check() reports nothing by itself, and no family imports the list.
from __future__ import annotations

from typing import Iterator

from scripts.diagnostics import Diagnostic

CODES = {
    "E110": "suppression without a reason",
    "E111": "suppression names an unknown code",
    "E112": "suppression silences no finding",
    "E113": "malformed check comment (expected '<!-- check: ignore CODE reason -->')",
}

ONLINE_ONLY = {"L107"}


def check(site) -> Iterator[Diagnostic]:
    """Nothing on its own: see :func:`comments`, which the runner calls with every code."""
    return iter(())


def comments(site, known) -> Iterator[Diagnostic]:
    """E110, E111, E113 for the check comments of every page; ``known`` holds every code."""
    for page in site.pages.values():
        for s in page.suppressions:
            if s.code is None:
                yield Diagnostic(page.path, s.line, "E113", f"malformed check comment '{s.raw}': write "
                                                            "'<!-- check: ignore CODE reason -->'")
            elif s.code not in known:
                yield Diagnostic(page.path, s.line, "E111", f"suppression names unknown code '{s.code}' "
                                                            "(`python -m scripts codes` lists them)")
            elif not s.reason:
                yield Diagnostic(page.path, s.line, "E110", f"suppression of {s.code} needs a reason: "
                                                            f"'<!-- check: ignore {s.code} why it is fine here -->'")


def apply(site, diagnostics: list[Diagnostic], known) -> tuple[list[Diagnostic], int, list[Diagnostic]]:
    """Split findings into kept ones and suppressed ones; returns (kept, suppressed count, unused
    suppression findings). ``known`` holds every code."""
    by_path: dict[str, list] = {}
    for page in site.pages.values():
        valid = [s for s in page.suppressions if s.code in known and s.reason]
        if valid:
            by_path[page.path] = valid
    used: set[tuple[str, int]] = set()
    kept, suppressed = [], 0
    for d in diagnostics:
        match = next((s for s in by_path.get(d.path, ()) if s.code == d.code and s.line < d.line <= s.block_end),
                     None)
        if match is None:
            kept.append(d)
        else:
            suppressed += 1
            used.add((d.path, match.line))
    unused = []
    for path, items in by_path.items():
        for s in items:
            if (path, s.line) in used or (s.code in ONLINE_ONLY and not site.online):
                continue
            if not site.config.enabled(s.code):
                continue
            unused.append(Diagnostic(path, s.line, "E112", f"suppression of {s.code} silences nothing on the "
                                                           "next block: remove it"))
    return kept, suppressed, unused
