"""A form as a Word document (DOCX), written with python-docx: opens in Word, WPS and LibreOffice."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from scripts.forms import RULED_LINES, ROW_HEIGHT_MM, Form, column_widths, is_fill_in, row_layout
from scripts.model import BodyBlock, Run

FONT = "Noto Sans CJK SC"
BOX = "☐"


def set_font(style_or_run, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):   # theme fonts would win
        fonts.attrib.pop(qn(attr), None)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def borders(element, tag: str, sides=("top", "left", "bottom", "right", "insideH", "insideV"),
            val: str = "single", size: int = 6) -> None:
    """Borders on a table (tblBorders), a cell (tcBorders) or a paragraph (pBdr)."""
    box = OxmlElement(tag)
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), val)
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000" if size >= 6 else "888888")
        box.append(edge)
    element.append(box)


def shade(cell, fill: str = "E8E8E8") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that every reader updates as it lays the page out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def add_runs(paragraph, runs: list[Run], size: float | None = None) -> None:
    for piece in runs:
        run = paragraph.add_run(piece.text)
        if piece.bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def compact(paragraph, before: float = 0, after: float = 2) -> None:
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


class Writer:
    def __init__(self, form: Form, words: dict):
        self.form = form
        self.words = words
        self.doc = Document()
        self.setup()

    def setup(self) -> None:
        doc, form = self.doc, self.form
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(18)
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)
        section.header_distance = section.footer_distance = Mm(9)
        styles = doc.styles
        set_font(styles["Normal"], 10)
        language = OxmlElement("w:lang")                # line breaking and spelling in the form's language
        language.set(qn("w:val"), "zh-CN" if form.lang == "zh" else "en-GB")
        language.set(qn("w:eastAsia"), "zh-CN")
        styles["Normal"].element.get_or_add_rPr().append(language)
        styles["Normal"].paragraph_format.space_after = Pt(3)
        for name, size in (("Title", 16), ("Heading 1", 13), ("Heading 2", 11)):
            set_font(styles[name], size, True)
            styles[name].font.color.rgb = RGBColor(0, 0, 0)
            styles[name].paragraph_format.space_before = Pt(10 if name != "Title" else 0)
            styles[name].paragraph_format.space_after = Pt(3)
            styles[name].paragraph_format.keep_with_next = True
        title_style = styles["Title"].element.get_or_add_pPr()
        for old in title_style.findall(qn("w:pBdr")):   # python-docx's template underlines the title
            title_style.remove(old)
        core = doc.core_properties
        core.title, core.language, core.author, core.last_modified_by = form.title, form.lang, "", ""
        core.comments = f'{self.words["version"]} {form.version}'
        version = f'{self.words["version"]} {form.version}'
        header = section.header.paragraphs[0]
        header.text = f"{form.title}\t\t{version}"
        footer = section.footer.paragraphs[0]
        footer.add_run(f'{form.rule}\t\t{self.words["page_before"]}')
        field(footer, "PAGE")
        footer.add_run(self.words["page_middle"])
        field(footer, "NUMPAGES")
        footer.add_run(self.words["page_after"])
        for paragraph in (header, footer):      # the Header and Footer styles stop tabs at the centre and
            for run in paragraph.runs:          # the right: two tabs put the second part on the right
                run.font.size = Pt(8)
        for part in (section.header, section.footer):
            set_font(part.paragraphs[0].style, 8)
        doc.add_paragraph(form.title, style="Title")
        compact(doc.add_paragraph(f"{version} · {form.rule}"), 0, 8)

    def blocks(self, blocks: list[BodyBlock], container=None) -> None:
        target = container if container is not None else self.doc
        for block in blocks:
            if block.kind == "heading":
                target.add_paragraph(block.text, style="Heading 1" if block.level <= 2 else "Heading 2")
            elif block.kind == "paragraph":
                paragraph = target.add_paragraph()
                add_runs(paragraph, block.runs)
            elif block.kind == "list":
                for number, item in enumerate(block.items, 1):
                    paragraph = target.add_paragraph()
                    fmt = paragraph.paragraph_format
                    fmt.left_indent, fmt.first_line_indent = Mm(6), Mm(-6)
                    compact(paragraph, 1, 1)
                    fmt.keep_together = True
                    mark = f"{BOX}\u2002" if item.checkbox is not None else \
                        f"{number}.\u2002" if block.ordered else "•\u2002"
                    lead = paragraph.add_run(mark)
                    if item.checkbox is not None:
                        lead.font.size = Pt(12)
                    add_runs(paragraph, item.runs)
                    self.blocks(item.children, container)
            elif block.kind == "table":
                self.table(block, target)
            elif block.kind == "admonition":
                table = target.add_table(rows=1, cols=1)
                borders(table._tbl.tblPr, "w:tblBorders")
                cell = table.rows[0].cells[0]
                first = cell.paragraphs[0]
                if block.title:
                    first.add_run(block.title).bold = True
                self.blocks(block.children, cell)
                if not block.title and len(cell.paragraphs) > 1:
                    first._p.getparent().remove(first._p)
                target.add_paragraph()

    def table(self, block: BodyBlock, target) -> None:
        fill_in = is_fill_in(block)
        columns = len(block.rows[0])
        table = target.add_table(rows=0, cols=columns)
        table.autofit = False
        borders(table._tbl.tblPr, "w:tblBorders")
        widths = [Mm(w) for w in column_widths(block)]
        for column, column_width in zip(table.columns, widths):
            column.width = column_width                      # the grid, which LibreOffice reads
        for r, row in enumerate(block.rows):
            cells = table.add_row().cells
            layout = "header" if r == 0 else row_layout(block, row) if fill_in else "text"
            table_row = table.rows[r]
            if r == 0:
                header = OxmlElement("w:tblHeader")          # repeat the header row on every page
                table_row._tr.get_or_add_trPr().append(header)
            no_split = OxmlElement("w:cantSplit")
            table_row._tr.get_or_add_trPr().append(no_split)
            if layout in ROW_HEIGHT_MM and not RULED_LINES.get(layout):
                table_row.height = Mm(ROW_HEIGHT_MM[layout])
                table_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            for c, text in enumerate(row[:columns]):
                cell = cells[c]
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                compact(paragraph, 0, 0)
                run = paragraph.add_run(text)
                run.font.size = Pt(9.5)
                if r == 0:
                    run.bold = True
                    shade(cell)
                elif not text and RULED_LINES.get(layout):
                    for k in range(RULED_LINES[layout]):        # ruled lines to write on, kept apart by
                        if k:                                        # a hairline paragraph (Word and LibreOffice
                            spacer = cell.add_paragraph()            # draw one border under a group of bordered
                            compact(spacer, 0, 0)                    # paragraphs)
                            spacer.paragraph_format.line_spacing = Pt(1)
                            spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                        line = cell.add_paragraph()
                        compact(line, 0, 0)
                        line.paragraph_format.line_spacing = Pt(19)
                        line.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                        borders(line._p.get_or_add_pPr(), "w:pBdr", ("bottom",), "single", 4)
        gap = target.add_paragraph()                    # keeps the next table apart (Word would join them)
        compact(gap, 0, 0)
        gap.paragraph_format.line_spacing = Pt(6)

    def save(self, path: Path) -> None:
        self.blocks(self.form.blocks)
        self.doc.save(str(path))


def write(form: Form, path: Path, words: dict) -> Path:
    Writer(form, words).save(path)
    return path
