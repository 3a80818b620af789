"""`make build`: the whole published output, in the order its parts depend on each other.

1. The offline copy: a strict build with Material's offline plugin (file:// links, inlined search index),
   zipped to build/downloads/. Built first: the PDFs are made from it, and the online site links both with their sizes.
2. A PDF of the whole manual per language, laid out by WeasyPrint from the offline pages (scripts/pdf.py),
   the three at once. Every form as DOCX, ODT and PDF per language (scripts/formdocs/), into
   build/downloads/forms/: made from the Markdown, so they start first and run beside the offline build.
   The zip holds them too, in downloads/forms/.
3. The online site: a strict build into site/; a build hook copies build/downloads/ into site/downloads/.
4. Precompressed copies (.gz, .br) beside every text file of site/ (scripts/precompress.py), for hosts
   that serve them as they are (deploy/nginx.conf: gzip_static).

A failed step stops the build with MkDocs' own message and a non-zero exit.

The published address: mkdocs.yml takes `site_url` from $SITE_URL and falls back to the local preview
address, which would then be printed in every QR code and written into every canonical and hreflang link.
`make build` without a public SITE_URL says so loudly before and after the build; `make release`
(`--release`) refuses to build without one (exit 2).
"""

from __future__ import annotations

import os
import posixpath
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


def zip_folder(folder: Path, target: Path, top: str, extra: dict[Path, str] | None = None) -> None:
    """Zip with one top folder, so unpacking gives the reader a single folder to open; ``extra`` maps
    other folders to where they go inside it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for source, inside in [(folder, ""), *(extra or {}).items()]:
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    archive.write(path, posixpath.join(top, inside, path.relative_to(source).as_posix()))


LOCAL_HOSTS = ("127.0.0.1", "localhost", "0.0.0.0", "::1", "")


def site_url_problem(environ=os.environ) -> str | None:
    """Why the site would be published with a wrong address (None: SITE_URL is a public http(s) URL)."""
    from urllib.parse import urlparse
    value = environ.get("SITE_URL", "").strip()
    if not value:
        return "SITE_URL is not set"
    url = urlparse(value)
    if url.scheme not in ("http", "https") or not url.netloc:
        return f"SITE_URL={value!r} is not an absolute http(s) URL"
    if (url.hostname or "") in LOCAL_HOSTS:
        return f"SITE_URL={value!r} is a local address"
    return None


def site_url_warning(problem: str) -> str:
    line = "!" * 78
    return (f"{line}\nWARNING: {problem}: every QR code, canonical and hreflang link in this build points at "
            "http://127.0.0.1:8000/.\nFine for a preview; to publish, run: make release "
            "SITE_URL=https://example.org/manual/\n" + line)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    release = "--release" in argv
    problem = site_url_problem()
    if problem and release:
        print(f"make release: {problem}. Give the address the site will be published at, e.g.\n"
              "  make release SITE_URL=https://example.org/manual/\n"
              "(QR codes, canonical and hreflang links are built from it).", file=sys.stderr)
        return 2
    if problem:
        print(site_url_warning(problem), file=sys.stderr)
    build()
    if problem:
        print(site_url_warning(problem), file=sys.stderr)
    return 0


def build() -> None:
    offline_site = BUILD / "offline"
    shutil.rmtree(offline_site, ignore_errors=True)
    from scripts.config import Config
    from scripts.formdocs import forms_of, write_form
    from scripts.forms import SUBDIR
    from scripts.pdf import build_pdf, nav_pages
    from scripts.site import load_site
    site = load_site(ROOT, config=Config())
    pages = nav_pages(site)
    forms_folder = DOWNLOADS / SUBDIR
    shutil.rmtree(forms_folder, ignore_errors=True)
    # The forms need no built page, so they are laid out while MkDocs makes the offline copy. The three
    # PDFs are independent, about equally long, and WeasyPrint is single-threaded: all three at once, so
    # that no core waits for the third (two at a time left one core idle for the length of a PDF).
    with ProcessPoolExecutor(max_workers=2) as forms_pool:
        jobs = [forms_pool.submit(write_form, form, forms_folder) for form in forms_of(site)]
        mkdocs_build(offline_site, OFFLINE="true")
        with ProcessPoolExecutor(max_workers=3) as pdf_pool:
            jobs += [pdf_pool.submit(build_pdf, offline_site, lang, DOWNLOADS / PDF_NAME.format(lang=lang), pages)
                     for lang in ("zh", "en", "zh-hant")]
            for job in jobs:
                job.result()
    zip_folder(offline_site, DOWNLOADS / OFFLINE_ZIP, OFFLINE_FOLDER, {forms_folder: f"downloads/{SUBDIR}"})
    mkdocs_build(ROOT / "site")
    from scripts.precompress import precompress
    totals = precompress(ROOT / "site")
    print(f"precompressed {totals['files']} text files (.gz, .br): {totals['bytes'] / 1e6:.1f} MB -> "
          f"gzip {totals['gzip'] / 1e6:.1f} MB, brotli {totals['brotli'] / 1e6:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
