"""translation-lock.yml: which version of each Chinese section the English translation follows.

For every English page and section id the lock records the fingerprint of the Chinese section it was
translated from (sha256 of the section's normalised text, 12 hex digits; whitespace, HTML comments and
full/half-width differences do not count, so typography fixes never make a translation stale).
``stamp`` records the current fingerprints; ``stamp --defer`` acknowledges a stale section without
claiming the translation caught up: the entry keeps the old fingerprint and gains ``deferred: <current
fingerprint>``, the check passes with a note, and the site shows the section as possibly out of date.
Changing the Chinese section again makes it stale again.

Entries are keyed by the Chinese section's lock key (:func:`section_keys`), which is unique on its page, so
the lock never merges two sections into one entry:

- a section with an id used once on the page: the id (``recruitment``);
- the second, third ... section with an id already used on the page: ``"recruitment #2"``;
- a section without an id (A104 asks for one; documentation written elsewhere often has none): by its
  position after the nearest section with an id, ``"recruitment +1"`` for the first one after it
  (``"_intro +1"`` before any). Such a section is still fingerprinted, so a change to it is S101; adding
  or removing an id-less section between two ids renumbers only the ones after it up to the next id.

Four jobs, four modules: :mod:`~scripts.lock.fileformat` (reading and writing translation-lock.yml),
:mod:`~scripts.lock.fingerprints` (what a section's fingerprint and lock key are),
:mod:`~scripts.lock.status` (the state of every page and section, for S1xx and the build's banners and
status page: ``Site.translation_status``) and :mod:`~scripts.lock.stamping` (``python -m scripts stamp``).
The lock knows pages and sections (``scripts.model``), never the whole Site's loading.
"""
from scripts.lock.fileformat import LOCK_FILE, Lock, LockEntry, dump_lock, load_lock, write_lock
from scripts.lock.fingerprints import fingerprint, section_keys
from scripts.lock.stamping import StampResult, stamp
from scripts.lock.status import STATES, PageStatus, SectionStatus, state_of, status_of

__all__ = ["LOCK_FILE", "STATES", "Lock", "LockEntry", "PageStatus", "SectionStatus", "StampResult",
           "dump_lock", "fingerprint", "load_lock", "section_keys", "stamp", "state_of", "status_of",
           "write_lock"]
