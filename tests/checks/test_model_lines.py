"""The page model's line numbers where a finding's line comes from somewhere other than a token's own map:
attributes on the later lines of a multi-line HTML tag, raw HTML inside a paragraph, several suppression
comments on one line, a suppressed block at the end of the file, and sections above the H1.

Every check that cites raw HTML (X102, L1xx on ``<a href>``/``<img src>``, typography of ``alt``/``title``)
or a suppression (E110-E113) takes its line from here.
"""
from __future__ import annotations

from scripts.model import INTRO, parse_page

HTML_PAGE = """# Title

<div id="box"
     class="x">
<IMG SRC='one.png'
  alt="First image" title="A title" alt="ignored duplicate">
<!-- <img src="commented.png"
     alt="hidden"> -->
<a href=plain.md>plain</a>
</div>

<!-- a comment alone is no HTML -->

Text with <img src="inline.png"
alt="Inline alt"> and <a href="two.md">a link</a>.

## Next {#next}

Last line.
"""


def parse(text: str):
    return parse_page("docs/en/x.md", text.encode(), "en", "x.md")


def test_html_attributes_have_their_own_lines():
    """Each attribute is cited on the line it is written on; tag and attribute names in any case, values
    quoted either way or not at all; a commented-out tag is no link."""
    page = parse(HTML_PAGE)
    assert [(link.line, link.kind, link.target) for link in page.links] == [
        (5, "html:img.src", "one.png"), (9, "html:a.href", "plain.md"),
        (14, "html:img.src", "inline.png"), (15, "html:a.href", "two.md")]


def test_alt_and_title_are_reader_text_on_their_lines():
    """The first of two equal attributes counts (as in a browser); comments hide their tags."""
    page = parse(HTML_PAGE)
    assert [(v.line, v.what, v.text) for v in page.visible] == [
        (6, "alt text", "First image"), (6, "title", "A title"), (15, "alt text", "Inline alt")]


def test_html_ids_are_anchors_and_html_links_belong_to_sections():
    page = parse(HTML_PAGE)
    assert page.anchors == {"box", "next", "title"}     # only id attributes (and headings), no other value
    intro, following = page.sections
    assert [(link.line, link.target) for link in intro.links] == [(9, "plain.md"), (15, "two.md")]
    assert following.links == []


def test_html_fragments_keep_their_line_count_without_comments():
    """Checks that scan raw HTML (X102) count lines inside a fragment: a removed comment must leave its
    line breaks; a fragment that is only a comment is no fragment."""
    page = parse(HTML_PAGE)
    first = page.html[0]
    assert first.line == 3 and first.text == ('<div id="box"\n     class="x">\n<IMG SRC=\'one.png\'\n'
                                              '  alt="First image" title="A title" alt="ignored duplicate">\n'
                                              '\n\n<a href=plain.md>plain</a>\n</div>\n')
    assert [fragment.line for fragment in page.html] == [3, 14, 15, 15]
    assert all("a comment alone" not in fragment.text for fragment in page.html)


SUPPRESSION_PAGE = """---
description: x  # <!-- check: ignore V102 in front matter -->
---
# T

<!-- check: ignore V102 first --> <!-- check:ignore V103   spaced reason   -->
Call 138.
more

```
<!-- check: ignore V102 shown as an example -->
```

<!-- check: skip V102 wrong verb -->
<!-- check: ignore V101 at the end -->
last line
"""


def test_suppressions_on_one_line_at_the_end_and_in_code():
    """Two comments on one line both count; a comment in front matter or in a code block is text, not a
    suppression; a block that runs to the end of the file is covered to its last line; a verb other than
    'ignore' is malformed (no code)."""
    page = parse(SUPPRESSION_PAGE)
    assert page.problems == []
    assert [(s.line, s.code, s.reason, s.raw, s.block_end) for s in page.suppressions] == [
        (6, "V102", "first", "ignore V102 first", 8),
        (6, "V103", "spaced reason", "ignore V103   spaced reason", 8),
        (14, None, "", "skip V102 wrong verb", 16),
        (15, "V101", "at the end", "ignore V101 at the end", 16)]


def test_a_heading_above_the_h1_moves_the_introduction_to_line_1():
    """Findings about the introduction point at the H1 unless a section comes before it."""
    above = parse("## Early {#early}\n\n# Title\n\n## Later {#later}\n")
    assert (above.title, above.title_line, above.h1_lines) == ("Title", 3, [3])
    assert [(s.id, s.start, s.line, s.end) for s in above.sections] == [
        (INTRO, 1, 1, 1), ("early", 1, 1, 4), ("later", 5, 5, 5)]
    normal = parse("\n# Title\n\nText.\n\n## Later {#later}\n\nMore.\n")
    assert [(s.id, s.start, s.line, s.end) for s in normal.sections] == [(INTRO, 1, 2, 5), ("later", 6, 6, 8)]


def test_the_introduction_is_cited_at_the_h1_unless_a_section_comes_first():
    """An ``###`` above the H1 is a section too; an ``####`` is not (sections are h2 and h3)."""
    assert [(s.id, s.title, s.line, s.end) for s in parse("# T\n").sections] == [(INTRO, "T", 1, 1)]
    assert [(s.id, s.line) for s in parse("### Early {#early}\n\n# Title\n").sections] == [(INTRO, 1), ("early", 1)]
    assert [(s.id, s.title, s.line, s.end) for s in parse("#### Deep\n\n# Title\n\nText.\n").sections] == [
        (INTRO, "Title", 3, 5)]


def test_a_footnote_stays_in_its_section_in_line_order():
    """markdown-it moves footnote definitions to the end of the token stream; the prose is in line order."""
    page = parse("# T\n\n## One {#one}\n\nFirst[^1].\n\n[^1]: The note.\n\nSecond.\n\n## Two {#two}\n\nThird.\n")
    assert [(s.id, [(t.line, t.text) for t in s.text]) for s in page.sections] == [
        (INTRO, [(1, "T")]),
        ("one", [(3, "One"), (5, "First."), (7, "The note."), (9, "Second.")]),
        ("two", [(11, "Two"), (13, "Third.")])]


def test_prose_after_a_line_break_inside_an_inline_tag_is_on_the_next_line():
    page = parse_page("docs/en/x.md", b'# T\n\nSee <span\nclass="x">here</span> and 13812345678.\n', "en", "x.md")
    assert [(t.line, t.text) for t in page.sections[0].text] == [(1, "T"), (3, "See "),
                                                                 (4, "here and 13812345678.")]
