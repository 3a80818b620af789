"""The reader's and trainer's kit shown on every page (template: overrides/main.html, `kit`).

- a QR code (SVG, made at build with segno) that encodes the chapter's absolute URL, for handouts;
- the chapter's short link from shortlinks.yml (/go/1-4/, /en/go/1-4/);
- a link to the side-by-side zh | en view of the chapter (written by parallel_view.py);
- the date the page's source last changed, from git, in the page's language.
"""

from __future__ import annotations

import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path

import segno

from scripts.mkdocs_hooks.shared import current_language, language_prefix, manual, page_lang_rel, public_url, root_of
from scripts import ui_strings
from scripts.ui_strings import localised_date

@lru_cache(maxsize=1)
def git_dates(root: Path, docs_dir: str) -> dict[str, date]:
    """Newest commit date of every file under docs/, from one `git log` (empty outside a git checkout)."""
    try:
        out = subprocess.run(["git", "log", "--format=%x01%cs", "--name-only", "--", docs_dir], cwd=root,
                             capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, date] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("\x01"):
            current = date.fromisoformat(line[1:])
        elif line.strip() and current:
            dates.setdefault(line.strip(), current)
    return dates


def qr_svg(url: str, title: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=2, title=title, svgclass="qr-code",
                                                  lineclass="qr-line", omitsize=True)


def on_page_context(context, page, config, nav):
    lang = current_language(config)
    site = manual(config)
    page_lang, rel = page_lang_rel(page)
    key = site.shortlinks.keys.get(rel)
    site_url = config["site_url"] or ""
    absolute = public_url(page.url, site_url)       # the offline copy's QR code too names the published page
    kit = {"lang": lang, "absolute_url": absolute, "short_key": key}
    if key:
        kit["short_url"] = f"{site_url}{language_prefix(lang)}go/{key}/"
        title = ui_strings.strings(lang)["kit"]["qr_title"] + absolute
        kit["qr_svg"] = qr_svg(absolute, title)
        kit["parallel"] = "parallel.html" if config["use_directory_urls"] else \
            page.file.dest_uri.rsplit("/", 1)[-1].replace(".html", ".parallel.html")
    changed = git_dates(root_of(config), site.docs_dir).get(f"{site.lang_root(page_lang)}/{rel}")
    kit["updated"] = localised_date(changed, lang) if changed else None
    context["kit"] = kit
    return context
