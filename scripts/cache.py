"""A cache of parsed pages in ``.cache/checks-pages.pickle``, so an edit-and-check loop re-parses only the
pages that changed. Keyed by each file's bytes and by the source of the parsing code, so a change to
either invalidates the entry. Set ``CHECKS_CACHE=0`` to turn it off. Any problem with the cache file is
ignored (the pages are parsed again)."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import markdown_it
import mdit_py_plugins

_CODE = ("model.py", "yamlfile.py", "diagnostics.py")
_FILE = Path(".cache") / "checks-pages.pickle"


def _code_version() -> str:
    digest = hashlib.sha1(f"{markdown_it.__version__} {mdit_py_plugins.__version__}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


class PageCache:
    def __init__(self, root: Path):
        self.path = Path(root) / _FILE
        self.enabled = os.environ.get("CHECKS_CACHE", "1") != "0"
        self.entries: dict = {}
        self.dirty = False
        self.version = ""
        if not self.enabled:
            return
        try:
            self.version = _code_version()
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
            if isinstance(stored, dict) and stored.get("version") == self.version:
                self.entries = stored.get("pages", {})
        except Exception:  # noqa: BLE001 - a broken cache is no cache
            self.entries = {}

    @staticmethod
    def key(path: str, data: bytes) -> tuple[str, str]:
        return path, hashlib.sha1(data).hexdigest()

    def get(self, path: str, data: bytes):
        return self.entries.get(self.key(path, data)) if self.enabled else None

    def put(self, path: str, data: bytes, page) -> None:
        if self.enabled:
            self.entries[self.key(path, data)] = page
            self.dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the cache, keeping only entries for the paths in ``keep``."""
        if not self.enabled or not self.version:
            return
        stale = [k for k in self.entries if k[0] not in keep]
        if not self.dirty and not stale:
            return
        for k in stale:
            del self.entries[k]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump({"version": self.version, "pages": self.entries}, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except Exception:  # noqa: BLE001 - a read-only tree still gets its findings
            pass
