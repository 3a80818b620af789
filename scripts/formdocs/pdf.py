"""A form as a one-form A4 PDF: HTML made from the form's blocks, laid out by WeasyPrint (already the
manual's PDF engine, so no other program is needed to build) with a form print stylesheet."""
from __future__ import annotations

from html import escape
from pathlib import Path

from scripts.forms import RULED_LINES, ROW_HEIGHT_MM, Form, column_widths, is_fill_in, row_layout
from scripts.model import BodyBlock, Run

FONT = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif'

CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: string(form-title); font-size: 8pt; color: #333; }
  @top-right { content: "%(version)s"; font-size: 8pt; color: #333; }
  @bottom-left { content: "%(rule)s"; font-size: 8pt; color: #333; width: 75%%; }
  @bottom-right { content: "%(page_before)s" counter(page) "%(page_middle)s" counter(pages) "%(page_after)s";
    font-size: 8pt; color: #333; } }
html { font-family: %(font)s; font-size: 10pt; line-height: 1.45; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; string-set: form-title content(); }
p.version { font-size: 9pt; margin: 0 0 8pt; color: #333; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; border-bottom: 0.75pt solid #000; break-after: avoid; }
h3 { font-size: 11pt; margin: 9pt 0 3pt; break-after: avoid; }
p { margin: 3pt 0; }
ul, ol { margin: 3pt 0; padding-left: 16pt; }
ul.boxes { list-style: none; padding-left: 0; }
ul.boxes li { padding-left: 1.5em; text-indent: -1.5em; margin: 2pt 0; break-inside: avoid; }
.box { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; }
table { border-collapse: collapse; width: 100%%; margin: 4pt 0 6pt; font-size: 9.5pt; }
table.fill-in { table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #e8e8e8; font-weight: bold; }
tr { break-inside: avoid; }
td .rule { height: 6.5mm; border-bottom: 0.4pt solid #888; }
.admonition { border: 0.75pt solid #000; padding: 3pt 6pt; margin: 6pt 0; break-inside: avoid; }
.admonition .title { font-weight: bold; margin: 0 0 2pt; }
"""


def runs_html(runs: list[Run]) -> str:
    return "".join(f"<strong>{escape(r.text)}</strong>" if r.bold else escape(r.text) for r in runs)


def table_html(table: BodyBlock) -> str:
    fill_in = is_fill_in(table)
    cols = "".join(f'<col style="width: {w}mm">' for w in column_widths(table)) if fill_in else ""
    out = [f'<table class="{"fill-in" if fill_in else "text"}"><colgroup>{cols}</colgroup><thead><tr>',
           *(f"<th>{escape(c)}</th>" for c in table.rows[0]),
           "</tr></thead><tbody>"]
    for row in table.rows[1:]:
        layout = row_layout(table, row) if fill_in else "text"
        height = f' style="height: {ROW_HEIGHT_MM[layout]}mm"' \
            if layout in ROW_HEIGHT_MM and not RULED_LINES.get(layout) else ""
        out.append(f"<tr{height}>")
        for cell in row:
            rules = '<div class="rule"></div>' * RULED_LINES.get(layout, 0) if not cell else ""
            out.append(f"<td>{escape(cell)}{rules}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def blocks_html(blocks: list[BodyBlock]) -> str:
    out = []
    for block in blocks:
        if block.kind == "heading":
            level = min(block.level, 3)
            out.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif block.kind == "paragraph":
            out.append(f"<p>{runs_html(block.runs)}</p>")
        elif block.kind == "list":
            boxes = any(item.checkbox is not None for item in block.items)
            tag = "ol" if block.ordered else "ul"
            out.append(f'<{tag}{" class=boxes" if boxes else ""}>')
            for item in block.items:
                box = '<span class="box">☐</span> ' if item.checkbox is not None else ""
                out.append(f"<li>{box}{runs_html(item.runs)}{blocks_html(item.children)}</li>")
            out.append(f"</{tag}>")
        elif block.kind == "table":
            out.append(table_html(block))
        elif block.kind == "admonition":
            title = f'<p class="title">{escape(block.title)}</p>' if block.title else ""
            out.append(f'<div class="admonition">{title}{blocks_html(block.children)}</div>')
    return "".join(out)


def css_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def document(form: Form, words: dict) -> str:
    version = f'{words["version"]} {form.version}'
    css = CSS % {"font": FONT, "version": css_text(version), "rule": css_text(form.rule),
                 "page_before": css_text(words["page_before"]), "page_middle": css_text(words["page_middle"]),
                 "page_after": css_text(words["page_after"])}
    return (f'<!doctype html><html lang="{form.lang}"><head><meta charset="utf-8">'
            f"<title>{escape(form.title)}</title><style>{css}</style></head><body>"
            f"<h1>{escape(form.title)}</h1>"
            f'<p class="version">{escape(version)} · {escape(form.rule)}</p>'
            f"{blocks_html(form.blocks)}</body></html>")


def write(form: Form, path: Path, words: dict) -> Path:
    import logging

    from weasyprint import HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(string=document(form, words)).write_pdf(path)
    return path
