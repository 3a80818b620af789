"""What ``make check`` keeps between runs in ``.cache/``, so that checking again costs little.

- :class:`ResultCache` (``.cache/checks-result.pickle``): the whole report of the last run, keyed by
  everything the checks read (every file under the docs folder and ``overrides/``, mkdocs.yml, checks.yml,
  glossary.yml, translation-lock.yml, shortlinks.yml, ui-strings.yml), the code (every ``.py`` of this
  package, the installed distributions' versions), the day reviews are judged on and the options. A run on
  an unchanged tree reads the files, finds the key and prints the stored report without importing or
  running any check (measured: a warm run costs under 0.3 of a cold one; BENCHMARKS.md). ``--online``
  runs are never stored (other sites change without our files changing).
- :class:`PageCache` (``.cache/checks-pages.pickle``): parsed pages, so a run after an edit re-parses only
  the pages that changed. Keyed by each file's bytes and by the source of the parsing code.

Set ``CHECKS_CACHE=0`` to turn both off. Any problem with a cache file is ignored (the work is done
again)."""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

_CODE = ("model.py", "yamlfile.py", "diagnostics.py")
_FILE = Path(".cache") / "checks-pages.pickle"
_HELD: dict = {}        # path -> ((file's mtime, code version), entries): a process that reads the cache again
                        # (each `mkdocs serve` rebuild) reuses what it read or wrote if the file has not changed


def _code_version() -> str:
    import markdown_it
    import mdit_py_plugins

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
            stamp = self.path.stat().st_mtime_ns
            held = _HELD.get(self.path)
            if held is not None and held[0] == (stamp, self.version):   # `mkdocs serve`: read it last time
                self.entries = held[1]
                return
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
            if isinstance(stored, dict) and stored.get("version") == self.version:
                self.entries = stored.get("pages", {})
                _HELD[self.path] = ((stamp, self.version), self.entries)
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
            _HELD[self.path] = ((self.path.stat().st_mtime_ns, self.version), self.entries)
        except Exception:  # noqa: BLE001 - a read-only tree still gets its findings
            pass


_RESULT = Path(".cache") / "checks-result.pickle"
_INPUTS = ("mkdocs.yml", "checks.yml", "glossary.yml", "translation-lock.yml", "shortlinks.yml", "ui-strings.yml")


def _tree(digest, root: Path, top: str) -> None:
    base = root / top
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            digest.update(full.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            try:
                digest.update(hashlib.sha1(full.read_bytes()).digest())
            except OSError:
                digest.update(b"unreadable")


@lru_cache(maxsize=1)
def _package_code() -> bytes:
    """The digest of this package's code and the installed distributions' versions: the same for the
    life of a process (its modules are loaded once), and reading every distribution's metadata costs
    about 0.2 s, which the tests would otherwise pay for every run they make."""
    import importlib.metadata
    import sys

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.rglob("*.py")):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update(("\n".join(versions) + sys.version).encode())
    return digest.digest()


class ResultCache:
    """The last report, valid while nothing it was computed from has changed (see the module docstring)."""

    def __init__(self, root: Path, docs_dir: str, extra: str):
        self.path = Path(root) / _RESULT
        self.enabled = os.environ.get("CHECKS_CACHE", "1") != "0"
        self.key = ""
        if not self.enabled:
            return
        try:
            root = Path(root)
            digest = hashlib.sha256(extra.encode())
            for name in _INPUTS:
                file = root / name
                digest.update(name.encode() + (hashlib.sha1(file.read_bytes()).digest() if file.is_file() else b"-"))
            _tree(digest, root, docs_dir)
            _tree(digest, root, "overrides")
            digest.update(_package_code())
            self.key = digest.hexdigest()
        except Exception:  # noqa: BLE001 - no key, no cache
            self.enabled = False

    def get(self):
        if not self.enabled:
            return None
        try:
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
            return stored["report"] if isinstance(stored, dict) and stored.get("key") == self.key else None
        except Exception:  # noqa: BLE001 - a broken cache is no cache
            return None

    def put(self, report) -> None:
        if not self.enabled:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump({"key": self.key, "report": report}, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except Exception:  # noqa: BLE001 - a read-only tree still gets its findings
            pass
