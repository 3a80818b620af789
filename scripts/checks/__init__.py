"""The check families, one module each, listed here by hand (in report order).

Each module has a docstring (its user documentation), ``CODES = {"X101": "one-line description"}`` and
``check(site) -> Iterator[Diagnostic]``.
"""
from scripts.checks import (alignment, inputs, links, parity, privacy, reporting, staleness, suppressions,
                            terminology, third_party, typography)

FAMILIES = [inputs, suppressions, links, alignment, terminology, parity, staleness, privacy, reporting,
            third_party, typography]


def all_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for family in FAMILIES:
        codes.update(family.CODES)
    return dict(sorted(codes.items()))
