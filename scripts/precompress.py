"""Precompressed copies of the built site's text files, for hosts that serve them as they are
(nginx ``gzip_static on`` and ``brotli_static on``, many CDNs and object stores): ``page.html.gz`` and
``page.html.br`` beside ``page.html``. The host then sends the smallest encoding the browser accepts
without compressing on every request, and at the highest levels (gzip 9, brotli 11), which a server
compressing on the fly would not afford.

`make build` runs it on site/ (scripts/build.py); ``python -m scripts.precompress DIR`` on any folder.
A copy is written only when it is smaller than the file; stale copies of a file that is gone are removed.
The files are independent, so they are compressed in parallel, one process per core.
"""

from __future__ import annotations

import gzip
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
MIN_SIZE = 256          # below this the headers cost more than compression saves
ENCODINGS = (".gz", ".br")


def compress_one(path: str, brotli_too: bool = True) -> tuple[int, int, int]:
    """Write path.gz and path.br; returns (original, gzip, brotli) sizes (0: copy not kept)."""
    data = Path(path).read_bytes()
    bodies = [(".gz", gzip.compress(data, compresslevel=9, mtime=0))]
    if brotli_too:
        import brotli
        bodies.append((".br", brotli.compress(data, quality=11 if len(data) < 1_000_000 else 9)))
    sizes = [len(data)]
    for suffix, body in bodies:
        target = Path(path + suffix)
        if len(body) < len(data):
            target.write_bytes(body)
            sizes.append(len(body))
        else:
            target.unlink(missing_ok=True)
            sizes.append(0)
    return tuple(sizes + [0] * (3 - len(sizes)))


def text_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in TEXT and p.is_file() and p.stat().st_size >= MIN_SIZE)


def precompress(site: Path, workers: int | None = None, brotli: bool = True) -> dict[str, int]:
    """``brotli=False``: the .gz copies only, for a server that sends no brotli (the tests' nginx-light),
    where brotli at level 11 would be nearly all of the time spent here."""
    site = Path(site)
    for stale in [p for p in site.rglob("*") if p.suffix in ENCODINGS and not p.with_suffix("").exists()]:
        stale.unlink()
    files = text_files(site)
    totals = {"files": len(files), "bytes": 0, "gzip": 0, "brotli": 0}
    with ProcessPoolExecutor(max_workers=workers or min(2, os.cpu_count() or 1)) as pool:
        for original, gz, br in pool.map(partial(compress_one, brotli_too=brotli), [str(p) for p in files],
                                         chunksize=8):
            totals["bytes"] += original
            totals["gzip"] += gz or original
            totals["brotli"] += br or original
    return totals


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m scripts.precompress SITE_DIR", file=sys.stderr)
        return 2
    t = precompress(Path(argv[0]))
    print(f"precompressed {t['files']} files: {t['bytes'] / 1e6:.1f} MB -> gzip {t['gzip'] / 1e6:.1f} MB, "
          f"brotli {t['brotli'] / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
