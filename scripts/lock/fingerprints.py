"""Fingerprints and lock keys of Chinese sections.

A fingerprint is the sha256 of the section's normalised text, 12 hex digits: whitespace, HTML comments
and full/half-width differences do not count, so typography fixes never make a translation stale. The
introduction's text includes the front matter (a changed ``description`` is something to translate), but
not the review's keys (``owner``, ``reviewed``, ``review_interval``: :data:`scripts.model.REVIEW_KEYS`):
recording a review is no change to translate, and a page's fingerprint is the same with or without them. A lock
key names a section uniquely on its page (see :mod:`scripts.lock`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from scripts.model import COMMENT_RE, INTRO, REVIEW_KEYS, Page, Section

_SPACE_RE = re.compile(r"\s+")
_WIDTH = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'"})  # NFKC leaves these


def fingerprint(page: Page, section: Section) -> str:
    skip: set[int] = set()
    for key in REVIEW_KEYS:
        first, last = page.front_lines.get(key, (0, -1))
        skip.update(range(first, last + 1))
    text = "\n".join(line for number, line in enumerate(page.lines[section.start - 1:section.end], section.start)
                     if number not in skip)
    text = COMMENT_RE.sub("", text)
    text = _SPACE_RE.sub("", unicodedata.normalize("NFKC", text).translate(_WIDTH))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def section_keys(page: Page) -> dict[int, str]:
    """The lock key of every section of ``page``, by ``id(section)`` (see the module docstring)."""
    keys: dict[int, str] = {}
    seen: dict[str, int] = {}
    anchor, after = INTRO, 0
    for section in page.sections:
        if section.id:
            seen[section.id] = seen.get(section.id, 0) + 1
            key = section.id if seen[section.id] == 1 else f"{section.id} #{seen[section.id]}"
            anchor, after = key, 0
        else:
            after += 1
            key = f"{anchor} +{after}"
        keys[id(section)] = key
    return keys
