"""glossary.yml on the site: the glossary page in both languages, and tooltips on first use of a term.

- docs/<lang>/appendix/glossary.md holds its own introduction and the marker `<!-- glossary -->`, which
  becomes a table of every entry (canonical terms, definition, variants not to use), one row per term
  with the term's id as anchor, so /appendix/glossary/#child-director is a stable link.
- On every other page, the first use of each term (or of one of its aliases: PIPL, 个保法) in running text
  gets <abbr title="definition">, which
  site.js shows as a tooltip. Matching is the glossary's own (scripts.glossary): Chinese by substring,
  longest term first, never by word boundaries.
"""

from __future__ import annotations

import html as html_escape

from lxml import html

from scripts.glossary import GLOSSARY_PAGE, MARKER
from scripts.mkdocs_hooks.shared import manual, page_lang_rel
from scripts import ui_strings

SKIP = {"a", "code", "pre", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "button"}
TEXT_HOLDERS = ("p", "li", "td", "dd")

def glossary_table(glossary, lang: str) -> str:
    e = html_escape.escape
    other = "en" if lang == "zh" else "zh"
    words = ui_strings.strings(lang)["glossary"]
    head = "\n".join(f"<th>{words[h]}</th>" for h in ("term", "other", "definition", "avoid"))
    rows = []
    for term in glossary.terms:
        avoid = words["avoid_separator"].join(term.avoided(lang))
        rows.append(f'<tr id="{e(term.id)}">\n<td><strong lang="{lang}">{e(term.canonical(lang))}</strong></td>\n'
                    f'<td lang="{other}">{e(term.canonical(other))}</td>\n<td>{e(term.definition(lang))}</td>\n'
                    f'<td>{e(avoid)}</td>\n</tr>')  # line breaks keep cells apart in the search index
    # no class on the table: Material styles and scroll-wraps only class-less tables
    return (f'<div class="glossary"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>\n")


def on_page_markdown(markdown, page, config, files):
    lang, rel = page_lang_rel(page)
    if rel == GLOSSARY_PAGE and MARKER in markdown:
        markdown = markdown.replace(MARKER, glossary_table(manual(config).glossary, lang))
    return markdown


def _wrap_first_uses(element, glossary, lang: str, seen: set[str]) -> None:
    """Wrap the first unseen term in each text run of element (its .text and its children's .tail)."""
    def wrap(text: str):
        pieces, last = [], 0
        for match in glossary.find_terms_or_aliases(text, lang):
            term = match.term
            if term.id in seen or not term.definition(lang):
                continue
            seen.add(term.id)
            abbr = html.Element("abbr", {"title": term.definition(lang)})
            abbr.text = text[match.start:match.end]
            pieces.append((text[last:match.start], abbr))
            last = match.end
        return pieces, text[last:]

    if element.text:
        pieces, rest = wrap(element.text)
        if pieces:
            element.text = pieces[0][0]
            anchor_index = 0
            for i, (before, abbr) in enumerate(pieces):
                if i:
                    pieces[i - 1][1].tail = before
                element.insert(anchor_index, abbr)
                anchor_index += 1
            pieces[-1][1].tail = rest
    for child in list(element):
        if child.tag not in SKIP and isinstance(child.tag, str):
            _wrap_first_uses(child, glossary, lang, seen)
        if child.tail:
            pieces, rest = wrap(child.tail)
            if pieces:
                child.tail = pieces[0][0]
                parent, index = element, element.index(child) + 1
                for i, (before, abbr) in enumerate(pieces):
                    if i:
                        pieces[i - 1][1].tail = before
                    parent.insert(index + i, abbr)
                pieces[-1][1].tail = rest


def on_page_content(content, page, config, files):
    lang, rel = page_lang_rel(page)
    glossary = manual(config).glossary
    if rel == GLOSSARY_PAGE or not content.strip() or not glossary.terms:
        return content
    root = html.fragment_fromstring(content, create_parent="div")
    seen: set[str] = set()
    for holder in root.iter(*TEXT_HOLDERS):
        if not any(a.tag in SKIP for a in holder.iterancestors()):
            _wrap_first_uses(holder, glossary, lang, seen)
    out = (root.text or "") + "".join(html.tostring(child, encoding="unicode") for child in root)
    return out
