"""The text of a PDF as poppler's ``pdftotext`` gives it, cached under build/: a whole-manual PDF runs to
hundreds of pages (about 5 s of CPU each), and several tests read the same file (chapter titles, what the
downloads carry). The cache is keyed by the file's path, size and modification time and the options, so
a rebuilt PDF is read again; pytest-xdist workers share it (each entry is written whole, then renamed)."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from harness import ROOT

CACHE = ROOT / "build" / ".pdftext"


def pdf_text(path: Path, *options: str) -> str:
    stat = path.stat()
    key = hashlib.sha256(repr((str(path.resolve()), stat.st_size, stat.st_mtime_ns, options)).encode()).hexdigest()
    entry = CACHE / f"{key}.txt"
    if entry.is_file():
        return entry.read_text(encoding="utf-8")
    text = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = entry.with_suffix(f".{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, entry)
    return text
