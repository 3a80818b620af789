"""`make bench`: how fast, how light and how findable the manual is, measured on this machine.

Run ``python -m benchmarks`` (full, up to ~20 minutes) or ``python -m benchmarks --quick`` (one pass of
every benchmark on its smallest input, for the smoke test; its figures are not meant to be read).

One module per benchmark, each with a ``run(ctx) -> dict`` and a docstring that says why it exists:

- :mod:`benchmarks.checks_vs_build`  editorial checks vs ``mkdocs build --strict``; what each catches
- :mod:`benchmarks.scale`            checks and build on synthetic manuals 1x, 10x, 50x (:mod:`benchmarks.synth`)
- :mod:`benchmarks.weight`           requests and bytes a reader's browser loads, vs stock Material
- :mod:`benchmarks.search`           index size, keypress-to-result latency, top-3 accuracy
- :mod:`benchmarks.lighthouse`       Lighthouse categories, mobile and desktop
- :mod:`benchmarks.preview`          save-to-served time of ``mkdocs serve`` vs a full build
- :mod:`benchmarks.first_view`       bytes of each template's first view through nginx, vs stock Material
- :mod:`benchmarks.coverage`         CSS and JavaScript a first view loads and does not use, ours vs Material's

The machine is shared and noisy: every timing is a median of repeated runs and is reported next to a
ratio or a per-unit figure; BENCHMARKS.md shows the exact command behind each figure, and
benchmarks/results.json holds what it shows (medians, ratios, misses; not every sample). A measurement
that fails is recorded as failed, with the reason; it never stops the other benchmarks. The static
server, Chromium, the search a reader types and the fixture sites are the tests' own (:mod:`harness`).
"""
