"""The fillable forms: which pages are forms, what a form holds, and its fields.

A form is a page under ``appendix/forms/`` in the nav (its ``index.md`` is the forms index, not a
form). Its downloadable documents (``scripts/formdocs/``: DOCX, ODT and a print PDF) are laid out from
the page model's blocks (:attr:`scripts.model.Page.blocks`), so the web page and the documents have one
source: the Markdown. The ``sources`` section stays on the web page only.

What a reader fills in, as the checks (``scripts/checks/forms.py``) and the tests see it:

- a *fill-in table* has at least one blank body cell; its header cells and its non-blank body cells are
  the field labels;
- a *checkbox* is a task-list item (``- [ ] …``); its text is a field label too;
- a *write-in blank* is a run of ``＿`` or ``_`` (four or more) inside text.

Every page of every document carries, in its header and footer, the form's title, its version and the
child-code rule (from ui-strings.yml, ``forms.child_code_rule``). The version is a short fingerprint of
the Chinese source of the form: the Chinese and the English documents made from the same Chinese text
carry the same version, so a filled-in copy can be matched with its blank form.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from scripts.model import BodyBlock, Item, Page

FORMS_DIR = "appendix/forms/"
SUBDIR = "forms"                     # inside downloads/
FORMATS = ("docx", "odt", "pdf")
LEFT_OUT = ("sources",)              # sections that stay on the web page
BLANK_RE = re.compile(r"[＿_]{4,}")


def is_form(rel: str) -> bool:
    """Whether ``rel`` (a path inside docs/<lang>/) is a form page."""
    return rel.startswith(FORMS_DIR) and rel.endswith(".md") and PurePosixPath(rel).name != "index.md"


def form_rels(site) -> list[str]:
    """The forms in nav order (paths inside docs/<lang>/)."""
    return [entry.rel for entry in site.nav if is_form(entry.rel)]


def file_name(rel: str, lang: str, fmt: str) -> str:
    """``appendix/forms/referral.md``, ``zh``, ``pdf`` -> ``referral-zh.pdf``."""
    return f"{PurePosixPath(rel).stem}-{lang}.{fmt}"


def version_of(source: Page) -> str:
    """Seven hex digits of the Chinese source's body (front matter out): the form's version."""
    body = "\n".join(line for line, kind in zip(source.lines, source.kinds) if kind != "front")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:7]


@dataclass
class Form:
    lang: str
    rel: str
    title: str
    version: str
    rule: str                                   # the child-code rule, for every page
    blocks: list[BodyBlock] = field(default_factory=list)


def body_blocks(page: Page) -> list[BodyBlock]:
    """The blocks of a form document: the page without its H1 and without the sections in LEFT_OUT."""
    out, skipping = [], None
    for block in page.blocks:
        if block.kind == "heading":
            if block.level == 1:
                continue
            if skipping is not None and block.level <= skipping:
                skipping = None
            if block.id in LEFT_OUT:
                skipping = block.level
        if skipping is None:
            out.append(block)
    return out


def form_of(page: Page, source: Page, rule: str) -> Form:
    """The form of ``page``; ``source`` is the Chinese page it comes from (itself for Chinese)."""
    return Form(page.lang, page.rel, page.title or page.rel, version_of(source), rule, body_blocks(page))


# What a reader fills in ---------------------------------------------------------------------------

def is_fill_in(table: BodyBlock) -> bool:
    return any(cell == "" for row in table.rows[1:] for cell in row)


@dataclass
class Field:
    line: int
    label: str
    kind: str                 # "column" (a fill-in table's header), "row" (a label cell), "checkbox"


def walk(blocks: list[BodyBlock]):
    """Every block, admonition bodies and list-item children included, in reading order."""
    for block in blocks:
        yield block
        yield from walk(block.children)
        for item in block.items:
            yield from walk(item.children)


def checkbox_items(blocks: list[BodyBlock]) -> list[Item]:
    return [item for block in walk(blocks) if block.kind == "list" for item in block.items
            if item.checkbox is not None]


def fields(blocks: list[BodyBlock]) -> list[Field]:
    """The field labels of ``blocks``, in reading order."""
    out: list[Field] = []
    for block in walk(blocks):
        if block.kind == "table" and is_fill_in(block):
            out.extend(Field(block.row_lines[0], cell, "column") for cell in block.rows[0] if cell)
            for row, line in zip(block.rows[1:], block.row_lines[1:]):
                out.extend(Field(line, cell, "row") for cell in row if cell)
        elif block.kind == "list":
            out.extend(Field(item.line, item.text.strip(), "checkbox") for item in block.items
                       if item.checkbox is not None)
    return out


def blanks(blocks: list[BodyBlock]) -> list[tuple[int, int]]:
    """(line, count) of write-in blanks (``＿＿＿＿``) per block or list item that has any."""
    out = []
    for block in walk(blocks):
        if block.kind in ("paragraph", "heading") and BLANK_RE.search(block.text):
            out.append((block.line, len(BLANK_RE.findall(block.text))))
        for item in block.items:
            if BLANK_RE.search(item.text):
                out.append((item.line, len(BLANK_RE.findall(item.text))))
    return out


# How a cell to fill in is laid out (the same for DOCX, ODT and PDF) -------------------------------

SIGNATURE_HINTS = ("签名", "签收", "signature", "signed")
THUMBPRINT_HINTS = ("手印", "thumbprint")
LONG_HINTS = ("原话", "的话", "事实", "怎么说", "想法", "看法", "说明", "依据", "原因", "做了什么", "情况",
              "own words", "words", "said", "facts", "views", "reason", "what was", "what the", "describe",
              "explanation", "summary")


def entry_kind(label: str) -> str:
    """How the blank beside ``label`` is drawn: "thumbprint" (a tall box), "signature" (a box for a
    signature), "long" (several ruled lines) or "line" (a box one line high)."""
    low = label.lower()
    if any(hint in low for hint in THUMBPRINT_HINTS):
        return "thumbprint"
    if any(hint in low for hint in SIGNATURE_HINTS):
        return "signature"
    if any(hint in low for hint in LONG_HINTS):
        return "long"
    return "line"


GRID_LONG_HINTS = ("原话", "事实", "怎么说", "进展", "own words", "facts", "says", "progress")
RULED_LINES = {"line": 0, "long": 3, "signature": 0, "thumbprint": 0}
ROW_HEIGHT_MM = {"line": 9, "long": 22, "signature": 14, "thumbprint": 28, "grid": 10, "grid_long": 18}


def row_layout(table: BodyBlock, row: list[str]) -> str:
    """The layout of one body row of a fill-in table: a two-column label | blank row by its label's
    :func:`entry_kind`; a row of a grid (several blank columns) is "grid", or "grid_long" when a column
    asks for facts or someone's own words."""
    if len(row) == 2 and row[0] and not row[1]:
        return entry_kind(row[0])
    if not any(cell == "" for cell in row):
        return "text"
    return "grid_long" if any(h in head.lower() for head in table.rows[0] for h in GRID_LONG_HINTS) else "grid"


def column_widths(table: BodyBlock, total_mm: float = 174) -> list[float]:
    """Column widths in mm, the same in every format: a label | entry table gives the entry the larger
    part; a column of row numbers (``1``, ``2``…) stays narrow; the others share the rest equally, so
    that a column to write in is never squeezed by its neighbours' longer headers."""
    columns = len(table.rows[0])
    if is_fill_in(table) and columns == 2 and all(row[0] and not row[1] for row in table.rows[1:]):
        return [round(total_mm * 0.38, 1), round(total_mm * 0.62, 1)]
    numbers = [all(row[c].isdigit() for row in table.rows[1:] if c < len(row)) and len(table.rows) > 1
               for c in range(columns)]
    narrow = 11.0
    rest = (total_mm - narrow * sum(numbers)) / max(1, columns - sum(numbers))
    return [narrow if number else round(rest, 1) for number in numbers]
