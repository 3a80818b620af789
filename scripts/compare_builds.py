"""Compare two builds of the site: what a change did to the published output.

    python -m scripts.compare_builds BEFORE AFTER [--lines N] [--ignore REGEX ...]

e.g. ``python -m scripts.compare_builds /work/baseline/site site``. Lists the files only in BEFORE
(removed), only in AFTER (added), in both with different bytes but the same normalised text
(equivalent: a PDF's creation time, say) and with a different normalised text (changed), then, for each
changed file, a diff of its normalised text: HTML pretty-printed by lxml (so a change of line breaks between
tags is no change), JSON with sorted keys, gzip unpacked, a zip as the list of its members with their
CRCs, a PDF as its text (``pdftotext``); other files as text when they are UTF-8, else "binary".
``--ignore`` drops lines matching a regular expression from both sides before diffing (a build date,
for instance). Exit 0 when nothing differs (after ``--ignore``), 1 otherwise, 2 on bad arguments.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree, html


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def normalised(path: Path) -> list[str]:
    """The file as lines of text that differ only where readers or machines would see a difference."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".gz":
        data, suffix = gzip.decompress(data), Path(path.stem).suffix.lower()
    if suffix == ".html":
        parser = html.HTMLParser(remove_blank_text=True, encoding="utf-8")
        doc = html.document_fromstring(data, parser=parser)
        return etree.tostring(doc, method="html", pretty_print=True, encoding="unicode").splitlines()
    if suffix == ".json":
        try:
            return json.dumps(json.loads(data), ensure_ascii=False, sort_keys=True, indent=1).splitlines()
        except ValueError:
            pass
    if suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return [f"{info.filename} {info.CRC:08x} {info.file_size}" for info in archive.infolist()]
    if suffix == ".pdf" and shutil.which("pdftotext"):
        result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
        return result.stdout.decode("utf-8", "replace").splitlines()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return [f"binary, {len(data)} bytes"]


def compare(before: Path, after: Path, ignore: list[re.Pattern], lines: int, out=sys.stdout) -> int:
    old, new = files(before), files(after)
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    changed: list[tuple[str, list[str]]] = []
    equivalent: list[str] = []
    for rel in sorted(set(old) & set(new)):
        if old[rel].read_bytes() == new[rel].read_bytes():
            continue
        a, b = ([line for line in normalised(p[rel]) if not any(r.search(line) for r in ignore)]
                for p in (old, new))
        if a == b:
            equivalent.append(rel)
        else:
            changed.append((rel, list(difflib.unified_diff(a, b, f"before/{rel}", f"after/{rel}", n=1,
                                                           lineterm=""))))
    same = len(set(old) & set(new)) - len(changed) - len(equivalent)
    print(f"{before} -> {after}: {len(old)} -> {len(new)} files; {same} identical, {len(equivalent)} "
          f"equivalent, {len(changed)} changed, {len(added)} added, {len(removed)} removed", file=out)
    for title, items in (("removed", removed), ("added", added), ("equivalent", equivalent)):
        for rel in items:
            print(f"{title}: {rel}", file=out)
    for rel, diff in changed:
        print(f"changed: {rel} ({len([d for d in diff if d[:1] in '+-']) - 2} lines differ)", file=out)
        for line in diff[:lines]:
            print(f"    {line}", file=out)
        if len(diff) > lines:
            print(f"    ... {len(diff) - lines} more diff lines", file=out)
    return 1 if removed or added or changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.compare_builds", description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--lines", type=int, default=40, help="diff lines shown per changed file (default 40)")
    parser.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                        help="drop lines matching REGEX from both sides (repeatable)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as err:
        return err.code if isinstance(err.code, int) else 2
    for folder in (args.before, args.after):
        if not folder.is_dir():
            print(f"error: '{folder}' is not a folder", file=sys.stderr)
            return 2
    try:
        ignore = [re.compile(r) for r in args.ignore]
    except re.error as err:
        print(f"error: --ignore: not a regular expression: {err}", file=sys.stderr)
        return 2
    try:
        return compare(args.before, args.after, ignore, args.lines)
    except BrokenPipeError:                 # `... | head`: the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
