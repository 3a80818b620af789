"""Checklists that screen readers can read: each task-list checkbox (`- [ ]` in Markdown) is named by the
text of its own item. pymdownx.tasklist renders bare <input type=checkbox> elements, which axe-core
reports as form fields without a label (WCAG 1.3.1, 4.1.2)."""

from __future__ import annotations

from lxml import html


def on_page_content(content, page, config, files):
    if "task-list-item" not in content:
        return content
    root = html.fragment_fromstring(content, create_parent="div")
    for box in root.xpath('//li[contains(concat(" ", @class, " "), " task-list-item ")]/input[@type="checkbox"]'):
        item = box.getparent()
        name = " ".join(item.text_content().split())[:150]
        box.set("aria-label", name or "☐")
    return (root.text or "") + "".join(html.tostring(child, encoding="unicode") for child in root)
