"""Material's search worker run in Node on a built index (harness/search_worker.js): the same code that
answers in the reader's browser (its Chinese query segmentation, lunr, its boosts and grouping), hundreds of
queries a second, so that how search ranks every glossary term can be tested without Chromium.

Only the ranking is the browser's: typing, the dialog and the on-demand loading are tested in Chromium
(:mod:`harness.search`, tests/browser/).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from harness import ROOT

SCRIPT = Path(__file__).with_name("search_worker.js")
ON_DEMAND = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "on-demand.js"


def material_worker() -> Path:
    """Material's search worker from the installed theme (its file name carries a hash)."""
    import material

    [worker] = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers")
                      .glob("search.*.min.js"))
    return worker


def scored(index: Path, queries: list[str]) -> list[list[list[tuple[str, float]]]]:
    """For each query, Material's result items best first, each the (location, score) of the documents it
    holds (a page and its sections, as the worker groups them)."""
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node is not installed (make node_modules/.installed installs it)")
    proc = subprocess.run([node, str(SCRIPT), str(ON_DEMAND), str(material_worker()), str(index)], input=json.dumps(queries),
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    return [[[(location, score) for location, score in item] for item in items] for items in json.loads(proc.stdout)]


def answers(index: Path, queries: list[str]) -> list[list[list[str]]]:
    """For each query, Material's result items best first, each the locations it holds (a page, then its
    sections by score, as the worker groups them)."""
    return [[[location for location, _ in item] for item in items] for items in scored(index, queries)]


def dialog_links(items: list[list[tuple[str, float]]]) -> list[str]:
    """The links the search dialog shows for one answer, in order, as Material lays out each item (its
    bundle's renderSearchResultItem): the page, then the sections that score as high as the item's first
    document; the rest are folded under "N more on this page", a click away, and not counted. What
    :func:`harness.search.ask` reads in Chromium as ``links``; tests/browser/test_reader.py asserts the two
    agree on a sample of queries."""
    links = []
    for item in items:
        threshold = item[0][1]
        docs = list(item)
        parent = next((i for i, (location, _) in enumerate(docs) if "#" not in location), -1)
        page = docs.pop(parent)                 # Material's splice(-1, 1) when no page: the last document
        cut = next((i for i, (_, score) in enumerate(docs) if score < threshold), len(docs))
        links += [page[0], *(location for location, _ in docs[:cut])]
    return links


def pages(items: list[list[str]]) -> list[str]:
    """The page of each result item (what the dialog links first), best first."""
    return [locations[0].split("#")[0] for locations in items if locations]
