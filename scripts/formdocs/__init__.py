"""Every form as documents to fill in: DOCX (Word, WPS), ODT (LibreOffice, WPS) and a one-form A4 PDF.

All three are laid out from one :class:`scripts.forms.Form` (the page model's blocks of the form's
Markdown page), by python-docx (:mod:`.docx`), odfpy (:mod:`.odt`) and WeasyPrint (:mod:`.pdf`, from
HTML with a form print stylesheet). Each writer draws the same things: A4 with 18 mm margins, Noto Sans
CJK SC, bordered tables, ☐ boxes, a box beside each field (three ruled lines for a long answer), a box
for a signature and a taller one for a thumbprint (``scripts.forms.entry_kind``), and the title,
version and child-code rule in every page's header and footer, with "page n of N". Nothing is filled
in.

Why not pandoc: its DOCX writer gives every table one fixed style with a hard-coded header rule
(jgm/pandoc#5460, #6315), cannot set a row height (no room to write), renders task lists as a bullet
followed by a ☐ character (#5198), and takes headers and footers from the reference document, the same
text for every form. Here each of those is a line of code.
"""
from __future__ import annotations

from pathlib import Path

from scripts.forms import FORMATS, Form, file_name, form_of, form_rels
from scripts.ui_strings import strings


def forms_of(site) -> list[Form]:
    """Every form in both languages, in nav order."""
    out = []
    for rel in form_rels(site):
        source = site.page("zh", rel)
        for lang in ("zh", "en"):
            page = site.page(lang, rel)
            if page is not None and source is not None:
                out.append(form_of(page, source, strings(lang)["forms"]["child_code_rule"]))
    return out


def write_form(form: Form, folder: Path) -> list[Path]:
    """The DOCX, ODT and PDF of one form in one language, written into ``folder``."""
    from scripts.formdocs import docx, odt, pdf
    folder.mkdir(parents=True, exist_ok=True)
    writers = {"docx": docx.write, "odt": odt.write, "pdf": pdf.write}
    paths = []
    for fmt in FORMATS:
        path = folder / file_name(form.rel, form.lang, fmt)
        writers[fmt](form, path, strings(form.lang)["forms"])
        paths.append(path)
    return paths
