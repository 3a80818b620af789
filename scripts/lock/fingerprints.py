"""Fingerprints and lock keys of Chinese sections.

A fingerprint is the sha256 of the section's normalised text, 12 hex digits: whitespace, HTML comments
and full/half-width differences do not count, so typography fixes never make a translation stale. A lock
key names a section uniquely on its page (see :mod:`scripts.lock`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from scripts.model import COMMENT_RE, INTRO, Page, Section

_SPACE_RE = re.compile(r"\s+")
_WIDTH = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'"})  # NFKC leaves these


def fingerprint(page: Page, section: Section) -> str:
    text = "\n".join(page.lines[section.start - 1:section.end])
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
