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


def material_worker() -> Path:
    """Material's search worker from the installed theme (its file name carries a hash)."""
    import material

    [worker] = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers")
                      .glob("search.*.min.js"))
    return worker


def answers(index: Path, queries: list[str]) -> list[list[list[str]]]:
    """For each query, Material's result items best first, each the locations it holds (a page, then its
    sections by score, as the worker groups them)."""
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node is not installed (make node_modules/.installed installs it)")
    proc = subprocess.run([node, str(SCRIPT), str(material_worker()), str(index)], input=json.dumps(queries),
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    return json.loads(proc.stdout)


def pages(items: list[list[str]]) -> list[str]:
    """The page of each result item (what the dialog links first), best first."""
    return [locations[0].split("#")[0] for locations in items if locations]
