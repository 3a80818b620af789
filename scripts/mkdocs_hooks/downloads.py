"""Downloads offered to readers: the offline copy (and the PDFs), made by `make build` in build/downloads/.

The online site copies them into site/downloads/ and tells templates their names and sizes, so every
page can link them with an honest size. The offline build itself links none of them, and loads the
vendored iframe-worker shim instead of the unpkg.com URL the offline plugin would add.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import current_language, i18n_is_building_alternate, root_of

DOWNLOADS = Path("build") / "downloads"      # inside the repository root (scripts/build.py writes them)
SHIM = "assets/vendor/iframe-worker/shim.js"


def offline_enabled(config) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)  # after the offline plugin has added its polyfill
def on_config(config):
    polyfills = [p for p in config["extra"].get("polyfills", []) if "iframe-worker" not in str(p)]
    if offline_enabled(config):
        polyfills.append(SHIM)
    config["extra"]["polyfills"] = polyfills
    return config


def human_size(size: int, lang: str) -> str:
    mb = size / 1_000_000
    return f"{mb:.1f} MB" if mb >= 0.1 else f"{size / 1000:.0f} KB"


def available_downloads(downloads: Path, lang: str) -> list[dict]:
    """Files in build/downloads/ for this language: the zip for both, each PDF for its own language."""
    items = []
    for path in sorted(downloads.glob("*")) if downloads.is_dir() else []:
        kind = "pdf" if path.suffix == ".pdf" else "zip" if path.suffix == ".zip" else None
        if kind is None or (kind == "pdf" and f"-{lang}." not in path.name):
            continue
        items.append({"kind": kind, "path": f"downloads/{path.name}", "size": human_size(path.stat().st_size, lang)})
    return items


def on_page_context(context, page, config, nav):
    context["downloads"] = [] if offline_enabled(config) else \
        available_downloads(root_of(config) / DOWNLOADS, current_language(config))
    return context


def on_post_build(config):
    downloads = root_of(config) / DOWNLOADS
    if i18n_is_building_alternate(config) or offline_enabled(config) or not downloads.is_dir():
        return
    target = Path(config["site_dir"]) / "downloads"
    shutil.copytree(downloads, target, dirs_exist_ok=True)
