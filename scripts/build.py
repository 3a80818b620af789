"""`make build`: the whole published output, in the order its parts depend on each other.

1. The offline copy: a strict build with Material's offline plugin (file:// links, inlined search index),
   zipped to build/downloads/. Built first: the PDFs are made from it, and the online site links both with their sizes.
2. A PDF of the whole manual per language, laid out by WeasyPrint from the offline pages (scripts/pdf.py),
   the two in parallel.
3. The online site: a strict build into site/; a build hook copies build/downloads/ into site/downloads/.

A failed step stops the build with MkDocs' own message and a non-zero exit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
DOWNLOADS = BUILD / "downloads"
OFFLINE_ZIP = "children-in-difficulties-manual-offline.zip"
OFFLINE_FOLDER = "children-in-difficulties-manual"
PDF_NAME = "children-in-difficulties-manual-{lang}.pdf"


def mkdocs_build(site_dir: Path, **env: str) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, **env})
    if result.returncode:
        raise SystemExit(f"build failed: {' '.join(command[2:])} (exit {result.returncode})")


def zip_folder(folder: Path, target: Path, top: str) -> None:
    """Zip with one top folder, so unpacking gives the reader a single folder to open."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/{path.relative_to(folder).as_posix()}")


def main() -> int:
    offline_site = BUILD / "offline"
    shutil.rmtree(offline_site, ignore_errors=True)
    mkdocs_build(offline_site, OFFLINE="true")
    from scripts.config import Config
    from scripts.pdf import build_pdf, nav_pages
    from scripts.site import load_site
    pages = nav_pages(load_site(ROOT, config=Config()))
    # The PDFs are independent and WeasyPrint is single-threaded: one process each halves the wait.
    with ProcessPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(build_pdf, offline_site, lang, DOWNLOADS / PDF_NAME.format(lang=lang), pages)
                for lang in ("zh", "en", "zh-hant")]
        for job in jobs:
            job.result()
    zip_folder(offline_site, DOWNLOADS / OFFLINE_ZIP, OFFLINE_FOLDER)
    mkdocs_build(ROOT / "site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
