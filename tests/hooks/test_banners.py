"""Stale-translation banners are placed at the sections the page model finds, wherever their headings are.

The review's defect: on a page with a ``` line inside a ~~~ fence and a heading inside an admonition, the
model found both sections but the banner hook, with its own heading and fence regexes, placed 0 of 2
banners. The hook is loaded as MkDocs loads it (by file path) and fed the Markdown MkDocs gives it.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import markdown
from lxml import html
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from scripts import cli
from scripts.model import parse_page
from tests.checks.conftest import build_root

HOOK = Path(__file__).resolve().parents[2] / "scripts" / "mkdocs_hooks" / "translation.py"

ZH = """---
description: 围栏与提示中的小节。
---

# 围栏

~~~markdown
```
## 不是标题 {#not-a-heading}
~~~

## 第一节 {#first}

第一节的正文。

!!! note "说明"

    ### 提示中的小节 {#inside}

    提示中的正文。
"""

EN = """---
description: Fences and a section inside a note.
---

# Fences

~~~markdown
```
## Not a heading {#not-a-heading}
~~~

## First section {#first}

The first section's text.

!!! note "Note"

    ### A section inside a note {#inside}

    The text inside the note.
"""


def load_hook():
    """The hook module as MkDocs' ``hooks:`` option loads it (a file path, its folder on sys.path)."""
    spec = importlib.util.spec_from_file_location("translation", HOOK)
    module = importlib.util.module_from_spec(spec)
    old = sys.path.copy()
    sys.path.insert(0, str(HOOK.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = old
    return module


def test_the_model_finds_both_sections():
    page = parse_page("docs/en/part1/fences.md", EN.encode(), "en", "part1/fences.md")
    assert [s.id for s in page.sections] == ["_intro", "first", "inside"]


def test_banners_on_a_section_after_a_fence_and_inside_an_admonition(tmp_path):
    root = build_root(tmp_path)
    (root / "docs/zh/part1/fences.md").write_text(ZH, encoding="utf-8")
    (root / "docs/en/part1/fences.md").write_text(EN, encoding="utf-8")
    assert cli.main(["stamp", "--root", str(root)]) == 0
    zh = root / "docs/zh/part1/fences.md"
    zh.write_text(ZH.replace("第一节的正文", "第一节改过的正文").replace("提示中的正文", "提示中改过的正文"),
                  encoding="utf-8")

    config = load_config(str(root / "mkdocs.yml"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/part1/fences.md"), url="en/part1/fences/")
    body, _ = get_data(EN)
    out = load_hook().on_page_markdown(body, page, config, None)

    rendered = html.fromstring(markdown.markdown(out, extensions=["attr_list", "admonition", "md_in_html"]),
                               parser=html.HTMLParser(encoding="utf-8"))
    banners = rendered.xpath('//div[@class="stale-banner"]')
    assert len(banners) == 2
    after = [banner.xpath("preceding-sibling::*[self::h2 or self::h3][1]/@id") for banner in banners]
    assert after == [["first"], ["inside"]]
    assert banners[1].getparent().get("class") == "admonition note"      # still inside the note
    hrefs = [banner.xpath(".//a/@href")[0] for banner in banners]
    assert hrefs == ["../../../part1/fences/#first", "../../../part1/fences/#inside"]
