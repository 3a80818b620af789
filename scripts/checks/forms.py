"""Forms (F101-F105): a form asks the same in zh and en, is blank, and asks nothing the child code replaces.

The forms are the pages under ``appendix/forms/`` (its ``index.md`` excepted), each made into a DOCX,
an ODT and a PDF by the build (``scripts/forms.py`` says what a field is: a fill-in table is a table
with a blank body cell, a checkbox is a ``- [ ]`` item, a write-in blank is ``＿＿＿＿`` or ``____``).
The English form is compared with the Chinese one section by section (sections paired as for the A
codes), and findings about the translation are reported on the English page:

- F101: a fill-in table has its blank cells in other places than in Chinese: a label left blank, an
  entry filled in, a field more or less (reported on the first row that differs);
- F102: a section has a different number of checkboxes than in Chinese, or a list holds a different
  number of them (a ``☐`` became a plain bullet, or one more choice was offered);
- F103: a section has a different number of write-in blanks than in Chinese;
- F104: a form that uses the child code (a field label says ``儿童代号`` / "child code") asks, in a
  field label, for the child's name (``儿童姓名``, ``孩子的名字``, "child's name"), an ID number
  (``身份证``, "ID number", "ID card") or a photo (``照片``, "photo"). A remark in brackets that says not
  to write it (``（不写儿童姓名）``, "(no child's name)") is the rule restated, not a question. Names
  of adults (the volunteer, the staff, signatures) are not the child's;
- F105: a box is ticked (``- [x]``): a blank form is never filled in beforehand.
"""
from __future__ import annotations

import re
from typing import Iterator

from scripts.diagnostics import Diagnostic
from scripts.forms import BLANK_RE, checkbox_items, fields, is_fill_in, is_form, walk
from scripts.model import BodyBlock, Page, Section

CODES = {
    "F101": "a form's fill-in table has blank cells in other places than in Chinese",
    "F102": "a form's section has a different number of checkboxes than in Chinese",
    "F103": "a form's section has a different number of write-in blanks than in Chinese",
    "F104": "a form using the child code asks for the child's name, an ID number or a photo",
    "F105": "a checkbox on a form is ticked (a blank form is never pre-filled)",
}

CHILD_CODE = re.compile(r"儿童代号|child code", re.I)
ASKS = {
    "the child's name": re.compile(r"(?:儿童|孩子)(?:的)?(?:姓名|名字)|\bchild(?:'s|ren's)? (?:full )?names?\b"
                                   r"|\bname of the child\b", re.I),
    "an ID number": re.compile(r"身份证|证件号|\bID (?:number|card|no)\b|\bidentity (?:card|number)\b", re.I),
    "a photo": re.compile(r"照片|相片|\bphoto(?:graph)?s?\b", re.I),
}
_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)")
_NEGATION = re.compile(r"不写|不贴|不要|不填|不用|无需|\b(?:no|not|never|without|do not|don't)\b", re.I)


def check(site) -> Iterator[Diagnostic]:
    for pair in site.page_pairs:
        if not is_form(pair.rel):
            continue
        for page in (pair.zh, pair.en):
            if page is not None:
                yield from _blank_form(page)
        if pair.zh is not None and pair.en is not None:
            for sections in site.section_pairs(pair.rel):
                if sections.zh is not None and sections.en is not None:
                    yield from _same_fields(pair.zh, pair.en, sections.zh, sections.en)


def _in(page: Page, section: Section) -> list[BodyBlock]:
    """The top-level blocks of ``section``: its own, not those of its ### subsections (a section ends where
    the next ## or ### begins)."""
    return [block for block in page.blocks if section.start <= block.line <= section.end]


def _asks(label: str) -> str | None:
    meant = _BRACKETS.sub(lambda m: "" if _NEGATION.search(m.group(0)) else m.group(0), label)
    return next((what for what, pattern in ASKS.items() if pattern.search(meant)), None)


def _blank_form(page: Page) -> Iterator[Diagnostic]:
    labels = fields(page.blocks)
    if any(CHILD_CODE.search(f.label) for f in labels):
        for f in labels:
            what = _asks(f.label) if f.kind != "checkbox" else None
            if what:
                yield Diagnostic(page.path, f.line, "F104", f"field '{f.label}' asks for {what}: the form uses the "
                                 "child code, so write the code (a name, ID number or photo only where the "
                                 "form is not about the child)")
    for item in checkbox_items(page.blocks):
        if item.checkbox == "x":
            yield Diagnostic(page.path, item.line, "F105", f"box '{item.text.strip()[:40]}' is ticked: a blank "
                                                           "form leaves every box empty ('- [ ]')")


def _pattern(table: BodyBlock) -> list[list[bool]]:
    return [[cell == "" for cell in row] for row in table.rows[1:]]


def _same_fields(zh: Page, en: Page, zs: Section, es: Section) -> Iterator[Diagnostic]:
    zb, eb = _in(zh, zs), _in(en, es)
    where = f"{zh.path}:{zs.line}"
    z_tables = [b for b in walk(zb) if b.kind == "table" and is_fill_in(b)]
    e_tables = [b for b in walk(eb) if b.kind == "table" and is_fill_in(b)]
    for zt, et in zip(z_tables, e_tables):
        zp, ep = _pattern(zt), _pattern(et)
        if zp != ep:
            row = next((i for i, (a, b) in enumerate(zip(zp, ep)) if a != b), min(len(zp), len(ep)))
            line = et.row_lines[min(row + 1, len(et.row_lines) - 1)]
            yield Diagnostic(en.path, line, "F101", f"fill-in table differs from the Chinese one ({zh.path}:"
                             f"{zt.row_lines[min(row + 1, len(zt.row_lines) - 1)]}): blank cells in other places "
                             f"in row {row + 1}; a label or an entry was filled in or left out")
    z_lists = [sum(i.checkbox is not None for i in b.items) for b in walk(zb) if b.kind == "list"]
    e_lists = [sum(i.checkbox is not None for i in b.items) for b in walk(eb) if b.kind == "list"]
    if sum(z_lists) != sum(e_lists) or [n for n in z_lists if n] != [n for n in e_lists if n]:
        yield Diagnostic(en.path, es.line, "F102", f"{_boxes(e_lists)}; the Chinese section ({where}) has "
                                                   f"{_boxes(z_lists)}")
    z_blanks, e_blanks = _blank_count(zb), _blank_count(eb)
    if z_blanks != e_blanks:
        yield Diagnostic(en.path, es.line, "F103", f"{e_blanks} write-in blanks (＿＿＿＿), the Chinese section "
                                                   f"({where}) has {z_blanks}")


def _boxes(per_list: list[int]) -> str:
    counts = [n for n in per_list if n]
    return f"{sum(counts)} checkbox{'' if sum(counts) == 1 else 'es'} (per list: {', '.join(map(str, counts)) or '-'})"


def _blank_count(blocks: list[BodyBlock]) -> int:
    count = 0
    for block in walk(blocks):
        count += len(BLANK_RE.findall(block.text))
        count += sum(len(BLANK_RE.findall(item.text)) for item in block.items)
        count += sum(len(BLANK_RE.findall(cell)) for row in block.rows for cell in row)
    return count
