"""What the tests and the benchmarks both drive: a local static server (:mod:`harness.server`), Debian's
Chromium through Playwright (:mod:`harness.chromium`), nginx with the repository's deploy/nginx.conf
(:mod:`harness.nginx`, which serves the site to every browser test), a reader's search in Material's
dialog (:mod:`harness.search`) and the checks' fixture sites (:mod:`harness.fixtures`).

One copy of each, so that a benchmark measures the site the way the tests exercise it, and a fix to one
(a wait for a state instead of a sleep, a Chromium flag) reaches both. Not part of the site or the checks:
``scripts/`` never imports it.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
