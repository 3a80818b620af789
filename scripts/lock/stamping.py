"""``python -m scripts stamp``: a new lock recording the Chinese sections the English now follows."""
from __future__ import annotations

from dataclasses import dataclass

from scripts.lock.fileformat import Lock, LockEntry
from scripts.lock.fingerprints import fingerprint, section_keys


@dataclass
class StampResult:
    pages: int = 0
    recorded: int = 0
    deferred: int = 0


def stamp(site, pages: list[str] | None = None, defer: bool = False) -> tuple[Lock, StampResult]:
    """A new lock: all pages (dropping entries for pages and sections that no longer exist), or the named
    ones. With ``defer``, stale sections keep their fingerprint and are marked deferred instead."""
    old: Lock = site.lock
    result = StampResult()
    targets = pages if pages is not None else [p.rel for p in site.page_pairs if p.zh and p.en]
    new = Lock(exists=True, pages={} if pages is None else {k: dict(v) for k, v in old.pages.items()})
    for rel in targets:
        zh_page = site.page("zh", rel)
        keys = section_keys(zh_page)
        previous = old.pages.get(rel, {})
        entries: dict[str, LockEntry] = {}
        for sp in site.section_pairs(rel):
            if sp.zh is None or sp.en is None:
                continue
            key = keys[id(sp.zh)]
            current = fingerprint(zh_page, sp.zh)
            before = previous.get(key)
            if not defer:
                entries[key] = LockEntry(current)
            elif before is not None:
                if before.zh == current:
                    entries[key] = LockEntry(current)
                else:
                    entries[key] = LockEntry(before.zh, current)
                    result.deferred += 1
        if not defer:
            result.recorded += len(entries)
        new.pages[rel] = entries
        result.pages += 1
    return new, result
