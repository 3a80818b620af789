"""Links to every form's documents (DOCX, ODT, PDF; scripts/formdocs/, made by `make build` into
build/downloads/forms/): on each form page under its title, and on the forms index as one table after
its first section, each file with its size, in the page's language (ui-strings.yml, ``forms``).

Only files that exist are linked, so a plain `mkdocs build` without them stays strict and links none.
The offline copy links none either (as for the other downloads); its zip carries the files in
downloads/forms/. The box is marked no-print: a printed form page is the form alone.
"""
from __future__ import annotations

from html import escape

from mkdocs.utils import get_relative_url

from scripts.forms import FORMATS, FORMS_DIR, SUBDIR, file_name, form_rels, is_form
from scripts.mkdocs_hooks.shared import manual, page_lang_rel, root_of
from scripts.ui_strings import strings

BUILT = ("build", "downloads", SUBDIR)


def size_text(size: int) -> str:
    """'42 KB', '0.3 MB', with a no-break space: a narrow table cell never splits a size from its unit."""
    return f"{size / 1_000_000:.1f}\u00a0MB" if size >= 100_000 else f"{max(1, round(size / 1000))}\u00a0KB"


def links(config, page, lang: str, rel: str, short: bool = False) -> list[str]:
    """'<a …>Word (DOCX)</a> · 25 KB' for each file of one form that was built ('<a …>DOCX</a> · 25 KB'
    when ``short``, under a column that names the format)."""
    folder = root_of(config).joinpath(*BUILT)
    words = strings(lang)["forms"]
    out = []
    for fmt in FORMATS:
        name = file_name(rel, lang, fmt)
        path = folder / name
        if path.is_file():
            href = get_relative_url(f"downloads/{SUBDIR}/{name}", page.url)
            text = fmt.upper() if short else words[fmt]
            out.append(f'<a href="{escape(href)}" download>{escape(text)}</a>\u00a0· '
                       f'{size_text(path.stat().st_size)}')
    return out


def form_box(config, page, lang: str, rel: str) -> str:
    items = links(config, page, lang, rel)
    if not items:
        return ""
    words = strings(lang)["forms"]
    return (f'<aside class="form-downloads no-print"><p><strong>{escape(words["downloads"])}</strong></p><ul>'
            + "".join(f"<li>{item}</li>" for item in items) + "</ul></aside>")


def index_table(config, page, lang: str) -> str:
    site = manual(config)
    words = strings(lang)["forms"]
    rows = []
    for rel in form_rels(site):
        form = site.page(lang, rel)
        cells = links(config, page, lang, rel, short=True)
        if form is not None and cells:
            rows.append(f"<tr><td>{escape(form.title or rel)}</td>" + "".join(f"<td>{c}</td>" for c in cells)
                        + "</tr>")
    if not rows:
        return ""
    head = "".join(f"<th>{escape(words[key])}</th>" for key in ("form", *FORMATS))
    return (f'<div class="form-downloads no-print"><p><strong>{escape(words["all_forms"])}</strong></p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def offline(config) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


def on_page_content(content, page, config, files):
    if offline(config):
        return content
    lang, rel = page_lang_rel(page)
    if is_form(rel):
        box = form_box(config, page, lang, rel)
        at = content.find("</h1>")
        return content[:at + 5] + box + content[at + 5:] if box and at >= 0 else content
    if rel == FORMS_DIR + "index.md":
        table = index_table(config, page, lang)
        source = manual(config).page(lang, rel)
        later = [s.id for s in (source.sections if source else []) if s.level == 2 and s.id][1:2]
        at = content.find(f'<h2 id="{later[0]}"') if later else -1
        return content[:at] + table + content[at:] if at >= 0 else content + table
    return content
