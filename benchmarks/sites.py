"""The two built sites the browser benchmarks compare: ours, and the same content with stock Material.

*Ours* is ``mkdocs build --strict`` of the repository as it is. *Stock* is the same docs/ built from a
copy of mkdocs.yml with what a default Material + static-i18n site would have:

- ``theme.font`` left at its default (Roboto from Google Fonts), no ``theme.custom_dir`` (overrides/);
- no ``hooks`` (per-language search split, glossary, reader's kit, parallel view, short links, ...);
- ``i18n`` with its default ``reconfigure_search: true``;
- no ``extra_css`` / ``extra_javascript``;
- and, because they point into overrides/ or its CSS, no ``theme.favicon`` / ``theme.logo`` and no
  ``custom`` palette colours (Material's defaults instead).

Each is built with ``SITE_URL=http://127.0.0.1:<port>/`` and later served on that port, so canonical and
hreflang URLs point at the server the browser uses (otherwise Lighthouse's SEO audits would see another
host). The stock site is built without ``--strict``: pages link to things only our hooks generate. Both builds
are made once per benchmark run and shared by the weight, search and Lighthouse benchmarks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import mkdocs_yml
from benchmarks.common import Context, log, mkdocs_cmd, run
from harness.server import free_port

STOCK_CHANGES = [
    "theme.font: default (Roboto from Google Fonts)",
    "theme.custom_dir: removed (no overrides/)",
    "hooks: removed",
    "i18n reconfigure_search: default (true)",
    "extra_css, extra_javascript: removed",
    "theme.favicon, theme.logo, custom palette colours: removed (they live in overrides/ and site.css)",
]


def stock_config(root: Path, dest: Path) -> Path:
    config = mkdocs_yml.load(root / "mkdocs.yml")
    theme = config.get("theme") or {}
    for key in ("font", "custom_dir", "favicon", "logo"):
        theme.pop(key, None)
    palettes = theme.get("palette")
    for palette in palettes if isinstance(palettes, list) else [palettes] if isinstance(palettes, dict) else []:
        for key in ("primary", "accent"):
            if palette.get(key) == "custom":
                palette.pop(key)
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    i18n = mkdocs_yml.plugin_options(config, "i18n")
    if i18n is not None:
        i18n.pop("reconfigure_search", None)
    config["docs_dir"] = str((root / config.get("docs_dir", "docs")).resolve())
    dest.mkdir(parents=True, exist_ok=True)
    mkdocs_yml.dump(config, dest / "mkdocs.yml")
    return dest / "mkdocs.yml"


def built_site(ctx: Context, kind: str) -> dict:
    """{'dir', 'build' (Run as dict), 'strict_ok', 'usable', 'note'} for kind 'ours' or 'stock'. Cached."""
    if kind in ctx.builds:
        return ctx.builds[kind]
    site_dir = ctx.work / f"site-{kind}"
    shutil.rmtree(site_dir, ignore_errors=True)
    port = free_port()
    env = {"SITE_URL": f"http://127.0.0.1:{port}/"}   # canonical and hreflang URLs match the local server
    if kind == "ours":
        log("building our site (mkdocs build --strict)")
        r = run(mkdocs_cmd("build", "--strict", "-d", str(site_dir)), cwd=ctx.root, timeout=900, env=env)
    else:
        log("building the stock-Material site")
        config = stock_config(ctx.root, ctx.work / "stock")
        r = run(mkdocs_cmd("build", "-f", str(config), "-d", str(site_dir)), cwd=config.parent, timeout=900,
                env=env)
    return register(ctx, kind, r, site_dir, port)


def register(ctx: Context, kind: str, r, site_dir: Path, port: int) -> dict:
    """Record a build (made here or by another benchmark) as the shared site of `kind`."""
    usable = (site_dir / "index.html").is_file() and (site_dir / "en" / "index.html").is_file()
    note = ""
    if r.returncode != 0 and usable:
        note = (f"`{r.command}` exited {r.returncode} (strict mode aborts after writing the whole site); "
                "the pages it wrote were measured")
    elif not usable:
        note = f"`{r.command}` exited {r.returncode} without a usable site: {r.output_tail.splitlines()[-1:]}"
    info = {"dir": site_dir, "build": r.as_dict(), "strict_ok": r.returncode == 0, "usable": usable,
            "note": note, "command": r.command, "port": port}
    if kind == "stock":
        info["config"] = str(ctx.work / "stock" / "mkdocs.yml")
        info["changes"] = STOCK_CHANGES
    ctx.builds[kind] = info
    return info
