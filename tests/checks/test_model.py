"""The page model: line numbers (front matter included), sections, blocks, anchors, suppressions."""
from __future__ import annotations

import pytest

from scripts import model
from scripts.model import INTRO, parse_page

PAGE = """---
description: 测试 3
---
# 标题

前言 [链接](a.md#x) ![图](b.svg) `代码 9` <span id="inline-id">x</span>
段落
{: #para-id }

## 第一节 {#one}

| a | b |
|---|---|
| 1 | 2 |
| 3 | 4 |

<!-- check: ignore T101 a reason -->
!!! example "综合案例（虚构合成）"
    内容 1
    第二行

    - item
    - item 2

### 小节 {: #sub .cls }

```python
code 123
```

1. first
2. second

#### Deep heading
"""


@pytest.fixture(scope="module")
def page():
    return parse_page("docs/zh/a.md", PAGE.encode(), "zh", "a.md")


def test_front_matter_and_title(page):
    assert page.problems == []
    assert page.front_matter == {"description": "测试 3"}
    assert (page.title, page.title_line) == ("标题", 4)


def test_sections_and_lines(page):
    assert [(s.id, s.level, s.start, s.line, s.end) for s in page.sections] == [
        (INTRO, 1, 1, 4, 9), ("one", 2, 10, 10, 24), ("sub", 3, 25, 25, 34)]
    assert page.sections[2].title == "小节"


def test_blocks_are_in_their_sections(page):
    intro, one, sub = page.sections
    assert [(link.line, link.target) for link in intro.links] == [(6, "a.md#x")]
    assert [(image.line, image.target) for image in intro.images] == [(6, "b.svg")]
    assert [(t.line, t.rows) for t in one.tables] == [(12, 2)]
    assert [(a.line, a.kind, a.title) for a in one.admonitions] == [(18, "example", "综合案例（虚构合成）")]
    assert [(lst.line, lst.ordered, lst.items) for lst in one.lists] == [(22, False, 2)]
    assert [(lst.line, lst.ordered, lst.items) for lst in sub.lists] == [(31, True, 2)]


def test_text_leaves_out_code_html_and_targets(page):
    intro_text = " ".join(t.text for t in page.sections[0].text)
    assert "代码" not in intro_text and "a.md" not in intro_text and "span" not in intro_text
    assert "链接" in intro_text and "段落" in intro_text and "#para-id" not in intro_text
    assert [t.line for t in page.sections[1].text if "第二行" in t.text] == [20]
    assert all("code 123" not in t.text for s in page.sections for t in s.text)
    assert page.kind(28) == "code" and page.kind(1) == "front" and page.kind(17) == "html"


def test_anchors(page):
    assert {"one", "sub", "para-id", "inline-id", "deep-heading"} <= page.anchors


def test_suppression(page):
    [s] = page.suppressions
    assert (s.line, s.code, s.reason, s.block_end) == (17, "T101", "a reason", 20)


def test_headings_keep_levels(page):
    assert [(h.level, h.id) for h in page.headings] == [(1, None), (2, "one"), (3, "sub"), (4, None)]


@pytest.mark.parametrize("data, code, line", [
    (b"# T\n\nok \xff\n", "E101", 3),
    (b"\xef\xbb\xbf---\ndescription: x\n---\n# T\n", "E102", 1),
    (b"# T\r\n\r\ntext\r\n", "E103", 1),
    (b"---\ndescription: [x\n---\n# T\n", "E104", 3),
    (b"---\n- a\n---\n# T\n", "E104", 2),
    (b"---\ndescription: x\n\n# T\n", "E104", 1),
    (b"", "E105", 1),
    (b"  \n\n", "E105", 1),
])
def test_input_problems(data, code, line):
    page = parse_page("docs/en/x.md", data, "en", "x.md")
    assert [(p.code, p.line) for p in page.problems if p.code == code] == [(code, line)]


def test_bom_page_still_has_front_matter():
    page = parse_page("docs/en/x.md", b"\xef\xbb\xbf---\ndescription: x\n---\n# T\n", "en", "x.md")
    assert page.description == "x" and page.title == "T"


def test_crlf_page_keeps_line_numbers():
    page = parse_page("docs/en/x.md", b"# T\r\n\r\n## A {#a}\r\n", "en", "x.md")
    assert [(s.id, s.line) for s in page.sections] == [(INTRO, 1), ("a", 3)]


def test_parser_failure_is_a_finding(monkeypatch):
    def broken(page, tokens):
        raise RuntimeError("boom")

    monkeypatch.setattr(model, "_walk", broken)
    page = parse_page("docs/en/x.md", b"# T\n", "en", "x.md")
    assert [(p.code, p.line) for p in page.problems] == [("E109", 1)]
    # one section, the page's lines, so that every check still has somewhere to put its findings
    assert [(s.id, s.title, s.start, s.end) for s in page.sections] == [(INTRO, "", 1, 1)]


def test_setext_heading_line():
    page = parse_page("docs/en/x.md", b"# T\n\nTitle {#t}\n---\n", "en", "x.md")
    assert [(s.id, s.line) for s in page.sections] == [(INTRO, 1), ("t", 3)]


def test_setext_heading_ends_at_its_underline():
    """Heading.last: the translation hook puts a section's marker after it (a setext heading has two lines)."""
    page = parse_page("docs/en/x.md", b"# T\n\nTitle {#t}\n---\n\n## A {#a}\n", "en", "x.md")
    assert [(h.line, h.last) for h in page.headings] == [(1, 1), (3, 4), (6, 6)]


def test_each_front_matter_key_spans_its_lines():
    text = b"---\ntitle: T\ndescription: >\n  long\n  text\nreview: 2026-01-01\n---\n# T\n"
    page = parse_page("docs/en/x.md", text, "en", "x.md")
    assert page.front_lines == {"title": (2, 2), "description": (3, 5), "review": (6, 6)}


def test_a_front_matter_list_is_named_in_the_message():
    page = parse_page("docs/en/x.md", b"---\n- a\n---\n# T\n", "en", "x.md")
    assert [p.message for p in page.problems] == ["front matter must be a mapping such as 'description: ...'"]


def test_a_nul_byte_becomes_one_replacement_character():
    """Columns and lengths stay as they were: one NUL, one U+FFFD, nothing around it."""
    page = parse_page("docs/zh/x.md", "# T\n\n甲\x00乙\n".encode(), "zh", "x.md")
    assert [t.text for t in page.sections[0].text] == ["T", "甲\ufffd乙"]


def test_inline_code_is_part_of_a_blocks_text():
    """Page.blocks keep the code in a sentence: a form document prints `110` where the page shows it."""
    page = parse_page("docs/zh/x.md", "# T\n\n拨打 `110` 报警。\n".encode(), "zh", "x.md")
    assert page.blocks[1].text == "拨打 110 报警。"


def test_a_list_split_only_by_comments_is_one_list():
    page = parse_page("docs/zh/x.md", "# T\n\n- 一\n- 二\n<!-- 译注 -->\n\n<!-- 又一条 -->\n- 三\n\n1. 甲\n<!-- c -->\n- 乙\n\n段落\n\n- 丙\n"
                      .encode(), "zh", "x.md")
    assert [(lst.line, lst.ordered, lst.items) for lst in page.sections[0].lists] == [
        (3, False, 3), (10, True, 1), (12, False, 1), (16, False, 1)]


def test_comments_between_list_items_give_no_a112(control_root):
    from scripts.checks import alignment
    from scripts.site import load_site

    zh = control_root / "docs/zh/part1/model.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("- 发布招募信息\n", "- 发布招募信息\n<!-- 译者：此项已核对 -->\n"),
                  encoding="utf-8")
    assert [d.code for d in alignment.check(load_site(control_root))] == []


def test_code_and_visible_text_are_kept_apart(page):
    assert [(c.line, c.text) for c in page.sections[0].code] == [(6, "代码 9")]
    assert [(c.line, c.text) for c in page.sections[2].code] == [(28, "code 123")]
    assert [(v.line, v.what, v.text) for v in page.visible] == [(2, "description", "测试 3")]


def test_blocks_give_the_body_in_reading_order():
    """Page.blocks: what the form documents are laid out from (scripts/formdocs/)."""
    text = ("---\ndescription: d\n---\n\n# 表 {#t}\n\n!!! warning \"注意\"\n    先读。\n\n## 基本信息 {#basic}\n\n"
            "| 项目 | 填写 |\n|---|---|\n| 儿童代号 |  |\n| [日期](x.md) | 已填 |\n\n"
            "下面四项。**您可以不同意。**没有打勾的项。\n\n- [ ] 同意\n- [x] 不同意\n- 普通\n\n1. **一项一项读。**慢慢读\n")
    page = parse_page("docs/zh/x.md", text.encode(), "zh", "x.md")
    kinds = [(b.kind, b.line) for b in page.blocks]
    assert kinds == [("heading", 5), ("admonition", 7), ("heading", 10), ("table", 12), ("paragraph", 17),
                     ("list", 19), ("list", 23)]
    note, table, para, boxes, steps = page.blocks[1], page.blocks[3], page.blocks[4], page.blocks[5], page.blocks[6]
    assert note.title == "注意" and note.admonition == "warning" and note.children[0].text == "先读。"
    assert page.blocks[2].text == "基本信息" and page.blocks[2].id == "basic"
    assert table.rows == [["项目", "填写"], ["儿童代号", ""], ["日期", "已填"]] and table.row_lines == [12, 14, 15]
    assert [(r.text, r.bold) for r in para.runs] == [("下面四项。", False), ("您可以不同意。", True),
                                                     ("没有打勾的项。", False)]
    assert [(i.checkbox, i.text, i.line) for i in boxes.items] == [(" ", "同意", 19), ("x", "不同意", 20),
                                                                  (None, "普通", 21)]
    assert steps.ordered and steps.items[0].runs[0].bold and steps.items[0].text == "一项一项读。慢慢读"


def test_a_nested_list_stays_inside_its_item():
    """A list inside an item is that item's child, and the outer list goes on after it: the form
    documents nest it, they do not cut the outer list short or turn its next item into a paragraph."""
    text = "# T\n\n- 甲\n    - 甲一\n    - 甲二\n- 乙\n\n后文。\n"
    page = parse_page("docs/zh/x.md", text.encode(), "zh", "x.md")
    assert [(b.kind, b.line) for b in page.blocks] == [("heading", 1), ("list", 3), ("paragraph", 8)]
    outer = page.blocks[1]
    assert [(i.text, i.line) for i in outer.items] == [("甲", 3), ("乙", 6)]
    (inner,) = outer.items[0].children
    assert inner.kind == "list" and [i.text for i in inner.items] == ["甲一", "甲二"]
    assert outer.items[1].children == []


def test_only_attribute_lists_are_taken_out_of_the_text():
    """`{.cls}`, `{#id}` and `{key=value}` are attribute lists, read by no reader; braces around anything
    else are text the reader sees (and the checks must see)."""
    text = "# T\n\nA set {X1 Y}, {Xy} and more {.cls} {#a} {k=v}\n"
    page = parse_page("docs/en/x.md", text.encode(), "en", "x.md")
    assert [t.text.rstrip() for t in page.sections[0].text] == ["T", "A set {X1 Y}, {Xy} and more"]
