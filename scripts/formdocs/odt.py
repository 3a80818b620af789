"""A form as an OpenDocument text (ODT), written with odfpy: opens in LibreOffice, WPS and Word."""
from __future__ import annotations

from pathlib import Path

from odf.opendocument import OpenDocumentText
from odf.dc import Title
from odf.style import (FontFace, Footer, FooterStyle, Header, HeaderFooterProperties, HeaderStyle, MasterPage,
                       PageLayout, PageLayoutProperties, ParagraphProperties, Style, TableCellProperties,
                       TableColumnProperties, TableProperties, TableRowProperties, TabStop, TabStops,
                       TextProperties)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P, PageCount, PageNumber, Span, Tab

from scripts.forms import RULED_LINES, ROW_HEIGHT_MM, Form, column_widths, is_fill_in, row_layout
from scripts.model import BodyBlock, Run

FONT = "Noto Sans CJK SC"
BOX = "☐"
BORDER = "0.75pt solid #000000"


class Writer:
    def __init__(self, form: Form, words: dict):
        self.form, self.words = form, words
        self.doc = OpenDocumentText()
        self.count = 0
        self.styles()

    def style(self, family: str, name: str, *props, auto: bool = True, **attrs) -> Style:
        style = Style(name=name, family=family, **attrs)
        for prop in props:
            style.addElement(prop)
        (self.doc.automaticstyles if auto else self.doc.styles).addElement(style)
        return style

    def styles(self) -> None:
        doc = self.doc
        doc.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=f"'{FONT}'", fontfamilygeneric="swiss"))
        font = dict(fontname=FONT, fontnameasian=FONT, fontnamecomplex=FONT)
        self.normal = self.style("paragraph", "Standard", ParagraphProperties(marginbottom="1mm", margintop="0mm"),
                                 TextProperties(fontsize="10pt", fontsizeasian="10pt", **font), auto=False)
        self.title = self.style("paragraph", "FormTitle", TextProperties(fontsize="16pt", fontsizeasian="16pt",
                                fontweight="bold", fontweightasian="bold", **font),
                                ParagraphProperties(marginbottom="1mm"), auto=False)
        self.h2 = self.style("paragraph", "FormHeading2", ParagraphProperties(margintop="4mm", marginbottom="1mm",
                             keepwithnext="always", borderbottom=BORDER, paddingbottom="0.5mm"),
                             TextProperties(fontsize="12.5pt", fontsizeasian="12.5pt", fontweight="bold",
                                            fontweightasian="bold", **font), auto=False)
        self.h3 = self.style("paragraph", "FormHeading3", ParagraphProperties(margintop="3mm", marginbottom="1mm",
                             keepwithnext="always"),
                             TextProperties(fontsize="11pt", fontsizeasian="11pt", fontweight="bold",
                                            fontweightasian="bold", **font), auto=False)
        right = ParagraphProperties(marginbottom="0mm")    # header and footer: a tab to the right margin
        stops = TabStops()
        stops.addElement(TabStop(position="174mm", type="right"))
        right.addElement(stops)
        self.small = self.style("paragraph", "FormSmall", TextProperties(fontsize="8pt", fontsizeasian="8pt", **font),
                                right, auto=False)
        self.cell_text = self.style("paragraph", "FormCell", ParagraphProperties(margintop="0mm", marginbottom="0mm"),
                                    TextProperties(fontsize="9.5pt", fontsizeasian="9.5pt", **font), auto=False)
        self.item = self.style("paragraph", "FormItem", ParagraphProperties(marginleft="6mm", textindent="-6mm",
                               margintop="0.4mm", marginbottom="0.4mm", keeptogether="always"),
                               TextProperties(fontsize="10pt", fontsizeasian="10pt", **font), auto=False)
        self.ruled = self.style("paragraph", "FormRuled", ParagraphProperties(borderbottom="0.5pt solid #888888",
                                margintop="0mm", marginbottom="0mm", lineheight="6.7mm", joinborder="false"),
                                auto=False)
        self.gap = self.style("paragraph", "FormGap", ParagraphProperties(margintop="0mm", marginbottom="0mm",
                              lineheight="2mm"), TextProperties(fontsize="4pt"), auto=False)
        self.bold = self.style("text", "FormBold", TextProperties(fontweight="bold", fontweightasian="bold"),
                               auto=False)
        self.box = self.style("text", "FormBox", TextProperties(fontsize="12pt", fontname="DejaVu Sans"), auto=False)
        doc.fontfacedecls.addElement(FontFace(name="DejaVu Sans", fontfamily="'DejaVu Sans'",
                                              fontfamilygeneric="swiss"))
        self.header_cell = self.style("table-cell", "HeaderCell", TableCellProperties(border=BORDER,
                                      padding="0.8mm", backgroundcolor="#e8e8e8"))
        self.cell = self.style("table-cell", "Cell", TableCellProperties(border=BORDER, padding="0.8mm"))
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(pagewidth="210mm", pageheight="297mm", printorientation="portrait",
                                               margintop="10mm", marginbottom="9mm", marginleft="18mm",
                                               marginright="18mm"))
        doc.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        version = f'{self.words["version"]} {self.form.version}'
        header, footer = Header(), Footer()
        top = P(stylename=self.small, text=self.form.title)
        top.addElement(Tab())
        top.addText(version)
        header.addElement(top)
        bottom = P(stylename=self.small, text=self.form.rule)
        bottom.addElement(Tab())
        bottom.addText(self.words["page_before"])
        bottom.addElement(PageNumber(selectpage="current", numformat="1"))
        bottom.addText(self.words["page_middle"])
        bottom.addElement(PageCount(numformat="1"))
        bottom.addText(self.words["page_after"])
        footer.addElement(bottom)
        master.addElement(header)
        master.addElement(footer)
        doc.masterstyles.addElement(master)
        head = HeaderStyle()                        # room between the header / footer and the body
        head.addElement(HeaderFooterProperties(minheight="8mm", marginbottom="4mm"))
        foot = FooterStyle()
        foot.addElement(HeaderFooterProperties(minheight="8mm", margintop="4mm"))
        layout.addElement(head)
        layout.addElement(foot)
        self.doc.meta.addElement(Title(text=self.form.title))

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    @staticmethod
    def runs(paragraph, runs: list[Run], bold_style) -> None:
        for piece in runs:
            if piece.bold:
                paragraph.addElement(Span(stylename=bold_style, text=piece.text))
            else:
                paragraph.addText(piece.text)

    def blocks(self, blocks: list[BodyBlock], parent) -> None:
        for block in blocks:
            if block.kind == "heading":
                parent.addElement(P(stylename=self.h2 if block.level <= 2 else self.h3, text=block.text))
            elif block.kind == "paragraph":
                paragraph = P(stylename=self.normal)
                self.runs(paragraph, block.runs, self.bold)
                parent.addElement(paragraph)
            elif block.kind == "list":
                for number, item in enumerate(block.items, 1):
                    paragraph = P(stylename=self.item)
                    if item.checkbox is not None:
                        paragraph.addElement(Span(stylename=self.box, text=BOX))
                        paragraph.addText("\u2002")
                    else:
                        paragraph.addText(f"{number}.\u2002" if block.ordered else "•\u2002")
                    self.runs(paragraph, item.runs, self.bold)
                    parent.addElement(paragraph)
                    self.blocks(item.children, parent)
            elif block.kind == "table":
                self.table(block, parent)
            elif block.kind == "admonition":
                table = Table(name=self.name("Note"), stylename=self.table_style(174))
                table.addElement(TableColumn(stylename=self.column_style(174)))
                row = TableRow()
                cell = TableCell(stylename=self.cell, valuetype="string")
                if block.title:
                    cell.addElement(P(stylename=self.normal, text=""))
                    cell.childNodes[-1].addElement(Span(stylename=self.bold, text=block.title))
                self.blocks(block.children, cell)
                row.addElement(cell)
                table.addElement(row)
                parent.addElement(table)
                parent.addElement(P(stylename=self.gap))

    def table_style(self, width_mm: float) -> Style:
        return self.style("table", self.name("T"), TableProperties(width=f"{width_mm}mm", align="left",
                          margintop="1mm", marginbottom="1mm"))

    def column_style(self, width_mm: float) -> Style:
        return self.style("table-column", self.name("C"), TableColumnProperties(columnwidth=f"{width_mm}mm"))

    def row_style(self, height_mm: float | None) -> Style:
        props = dict(keeptogether="always")
        if height_mm:
            props["minrowheight"] = f"{height_mm}mm"
        return self.style("table-row", self.name("R"), TableRowProperties(**props))

    def table(self, block: BodyBlock, parent) -> None:
        fill_in = is_fill_in(block)
        columns = len(block.rows[0])
        widths = column_widths(block)
        table = Table(name=self.name("Table"), stylename=self.table_style(174))
        for width in widths:
            table.addElement(TableColumn(stylename=self.column_style(width)))
        head = TableHeaderRows()                     # repeated on every page
        table.addElement(head)
        plain = self.row_style(None)
        for r, row in enumerate(block.rows):
            layout = "header" if r == 0 else row_layout(block, row) if fill_in else "text"
            height = ROW_HEIGHT_MM.get(layout) if not RULED_LINES.get(layout) else None
            table_row = TableRow(stylename=self.row_style(height) if height else plain)
            for text in row[:columns]:
                cell = TableCell(stylename=self.header_cell if r == 0 else self.cell, valuetype="string")
                paragraph = P(stylename=self.cell_text)
                if r == 0:
                    paragraph.addElement(Span(stylename=self.bold, text=text))
                else:
                    paragraph.addText(text)
                cell.addElement(paragraph)
                if not text and r and RULED_LINES.get(layout):
                    for _ in range(RULED_LINES[layout]):
                        cell.addElement(P(stylename=self.ruled))
                table_row.addElement(cell)
            (head if r == 0 else table).addElement(table_row)
        parent.addElement(table)
        parent.addElement(P(stylename=self.gap))

    def save(self, path: Path) -> None:
        text = self.doc.text
        text.addElement(P(stylename=self.title, text=self.form.title))
        version = f'{self.words["version"]} {self.form.version}'
        text.addElement(P(stylename=self.normal, text=f"{version} · {self.form.rule}"))
        self.blocks(self.form.blocks, text)
        self.doc.save(str(path))


def write(form: Form, path: Path, words: dict) -> Path:
    Writer(form, words).save(path)
    return path
