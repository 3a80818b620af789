"""The check families, one module each, listed here by hand (in report order).

Each module has a docstring (its user documentation: ``python -m scripts codes --explain CODE`` prints
the part about one code), ``CODES = {"X101": "one-line description"}`` and
``check(site) -> Iterator[Diagnostic]``. A new check goes in the family of its letter, or in a new module
listed in ``FAMILIES``; what two families share goes below them (``scripts/targets.py``,
``scripts/glossary.py``, ``scripts/model.py``), never in one family imported by another.
"""
import re

from scripts.checks import (alignment, forms, inputs, links, omissions, parity, permanence, privacy, reporting,
                            review, staleness, suppressions, terminology, third_party, traditional, typography,
                            untranslated)

FAMILIES = [inputs, suppressions, links, alignment, omissions, terminology, parity, staleness, privacy, reporting,
            third_party, typography, untranslated, permanence, forms, review, traditional]


def declared_options() -> dict:
    """checks.yml's sections, each from the family that declares it (``OPTIONS`` beside its rules)."""
    declared: dict = {}
    for family in FAMILIES:
        for section, options in getattr(family, "OPTIONS", {}).items():
            if section in declared:
                raise ValueError(f"checks.yml section '{section}' declared by two families")
            declared[section] = options
    return declared


def all_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for family in FAMILIES:
        codes.update(family.CODES)
    return dict(sorted(codes.items()))


_CODE_RE = re.compile(r"\b([A-Z])(\d{3})(?:\s*[-–]\s*\1?(\d{3}))?\b")


def family_of(code: str):
    """The family module that reports ``code``, or None."""
    return next((family for family in FAMILIES if code in family.CODES), None)


def mentions(text: str, code: str) -> bool:
    """Whether ``text`` names ``code``, alone (``L103``) or in a range (``A107-A109``)."""
    letter, number = code[0], int(code[1:])
    for match in _CODE_RE.finditer(text):
        first = int(match.group(2))
        last = int(match.group(3)) if match.group(3) else first
        if match.group(1) == letter and first <= number <= last and (match.group(3) or first == number):
            return True
    return False


def explain(code: str) -> str | None:
    """The documentation of ``code`` from its family's docstring: the family's title line, then each
    paragraph or list item that names the code (the whole docstring when only the title does). None
    for an unknown code."""
    family = family_of(code)
    if family is None:
        return None
    doc = (family.__doc__ or "").strip("\n")
    title, _, body = doc.partition("\n")
    pieces: list[str] = []
    for block in re.split(r"\n\s*\n", body.strip("\n")):
        items = re.split(r"\n(?=- )", block)           # list items stand on their own
        pieces.extend(item.strip("\n") for item in items)
    chosen = [piece for piece in pieces if mentions(piece, code)]
    if not chosen:
        chosen = pieces
    name = family.__name__.replace(".", "/") + ".py"
    options = [f"- {section}{'.' + key if key else ''} (default {option.default!r}): {option.doc}"
               for section, declared in getattr(family, "OPTIONS", {}).items()
               for key, option in declared.items()]
    if options:
        chosen.append("Options in checks.yml:\n" + "\n".join(options))
    return "\n\n".join([f"{code}  {family.CODES[code]}", title.strip(), *chosen,
                         f"(from the docstring of {name}; `python -m scripts codes` lists every code)"])

