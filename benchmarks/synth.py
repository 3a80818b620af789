"""Synthetic manuals N times the size of the real one, for the scale benchmark.

Why synthetic: the manual will grow (more chapters, more programmes), and a check or build that is
quadratic somewhere would only show once it is too late. The copy is made of the real pages, so it has
the real mix of Chinese and English, tables, links, glossary terms and sections:

- the repository (config, scripts, overrides, glossary, ...) is copied to the destination;
- docs/zh/ and docs/en/ are copied N-1 more times into docs/<lang>/copy-02/ ... copy-NN/, assets
  included, so every relative link and image inside a copy still resolves inside that copy;
- the nav gains one section per copy ("副本 02", English "Copy 02" in nav_translations) holding the
  whole original nav with the paths prefixed;
- translation-lock.yml (when there is one) gains the same entries for each copy, so a copy is exactly as
  current or stale as the original.

``python -m benchmarks.synth FACTOR DEST [--root ROOT]`` writes one for inspection.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from benchmarks import mkdocs_yml
from benchmarks.common import ROOT, copy_repo, count_pages

LANGS = ("zh", "en")
LOCK = "translation-lock.yml"


def copy_name(i: int) -> str:
    return f"copy-{i:02d}"


def prefixed_nav(nav, prefix: str):
    """The nav with every local page path under `prefix/` (external URLs untouched)."""
    if isinstance(nav, str):
        return nav if "://" in nav else f"{prefix}/{nav}"
    if isinstance(nav, list):
        return [prefixed_nav(item, prefix) for item in nav]
    if isinstance(nav, dict):
        return {title: prefixed_nav(value, prefix) for title, value in nav.items()}
    return nav


def extend_config(config: dict, factor: int) -> dict:
    nav = config.get("nav")
    if not isinstance(nav, list):
        raise ValueError("mkdocs.yml has no nav list to extend")
    original = list(nav)
    for i in range(2, factor + 1):
        nav.append({f"副本 {i:02d}": prefixed_nav(original, copy_name(i))})
    i18n = mkdocs_yml.plugin_options(config, "i18n") or {}
    for language in i18n.get("languages") or []:
        if isinstance(language, dict) and not language.get("default"):
            translations = language.setdefault("nav_translations", {}) or {}
            language["nav_translations"] = translations
            for i in range(2, factor + 1):
                translations[f"副本 {i:02d}"] = f"Copy {i:02d}"
    return config


def extend_lock(path: Path, factor: int) -> None:
    if not path.is_file():
        return
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return
    out = dict(data)
    for i in range(2, factor + 1):
        for rel, sections in data.items():
            out[f"{copy_name(i)}/{rel}"] = sections
    path.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def make_synthetic(dest: Path, factor: int, root: Path = ROOT) -> dict:
    """Write a manual `factor` times the size of the one at `root` into `dest`. Returns a summary."""
    if factor < 1:
        raise ValueError("factor must be >= 1")
    copy_repo(dest, root)
    for lang in LANGS:
        source = root / "docs" / lang
        for i in range(2, factor + 1):
            shutil.copytree(source, dest / "docs" / lang / copy_name(i),
                            ignore=shutil.ignore_patterns("copy-*", "__pycache__"))
    if factor > 1:
        config = extend_config(mkdocs_yml.load(dest / "mkdocs.yml"), factor)
        mkdocs_yml.dump(config, dest / "mkdocs.yml")
        extend_lock(dest / LOCK, factor)
    return {"factor": factor, "pages": count_pages(dest / "docs"), "root": str(dest)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    print(make_synthetic(args.dest.resolve(), args.factor, args.root.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
