"""Property tests: whatever text or bytes a page holds, the parser and every check never raise."""
from __future__ import annotations

import copy
import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.checks import FAMILIES
from scripts.config import ConfigError, load_config
from scripts.runner import validate
from scripts.diagnostics import render
from scripts.glossary import load_glossary
from scripts.lock import load_lock
from scripts.model import parse_page
from scripts.runner import run
from scripts.site import load_site
from scripts.yamlfile import YamlError, load_yaml
from tests.checks.conftest import CONTROL

FRAGMENTS = [
    "---", "description: 描述", "---\ndescription: x\n---", "# 标题", "## 节 {#sec}", "### Sub {#sub}", "## {#}",
    "#### deep", "| a | b |", "|---|---|", "| 1 | 2 |", "- item", "1. one", "   - nested", "!!! tip \"要点\"",
    "    indented 4", "??? note", "```", "```python", "~~~", "`code`", "[link](../x.md#y)", "![img](a.png)",
    "[x](https://example.com/a)", "<img src=\"https://cdn.example.com/a.png\">", "<!-- check: ignore T101 why -->",
    "<!-- check: ignore -->", "<!--", "-->", "<div markdown>", "</div>", "{: #id }", "[^1]", "[^1]: note",
    "志愿者", "义工", "心理咨询志愿者", "2023 年 3 月 3 日", "3 March 2023", "4.5万", "45,000", "6–16 岁",
    "13812345678", "11010519491231002X", "中文,中文", "（SDQ)", "。。", "使用GSES量表", "\t", "", " ", "\\",
    "<", ">", "&amp;", "*", "_", "[", "]", "(", ")", "{#x}", "***", "> quote", "Term\n:   definition",
    "\x00", "\x1b[31m", "\u2028", "\u202e", "\x85", "（参阅 [文档](https://example.com/a/b/c))。", "## 节\x07 {#sec}",
    "[x](a\x1b.md)", "（a\x00)", "。\x0b。",
    "<span lang=\"zh\">困境儿童</span>", "<b lang=\"en\">", "</b>", "Qingshen County (青神县)", "监护人 (guardian)",
    "the first column names the wrong practice", "Cobb, S. (1976). Social support as a moderator.", "---\ntitle: 标题\n---",
]
markdown = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("\n".join)
SETTINGS = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@given(markdown)
@SETTINGS
def test_parser_never_raises_on_markdown(text):
    page = parse_page("docs/zh/p.md", text.encode("utf-8", "surrogatepass"), "zh", "p.md")
    assert all(p.code.startswith("E") and p.line >= 1 for p in page.problems)
    assert page.sections and page.sections[0].id == "_intro"
    assert all(1 <= s.line <= max(1, len(page.lines)) for s in page.sections)


@given(st.binary(max_size=400))
@SETTINGS
def test_parser_never_raises_on_bytes(data):
    page = parse_page("docs/en/p.md", data, "en", "p.md")
    assert all(p.code.startswith("E") for p in page.problems)


_SITE = None


def control_site():
    global _SITE
    if _SITE is None:
        _SITE = load_site(CONTROL)
    return _SITE


def site_with(zh_text: bytes, en_text: bytes):
    """The control site with both model pages replaced (without touching the disk)."""
    site = copy.copy(control_site())
    for name in ("page_pairs", "_section_pairs", "nav_rels"):
        site.__dict__.pop(name, None)
    site.pages = dict(site.pages)
    site.by_lang = {lang: dict(pages) for lang, pages in site.by_lang.items()}
    for lang, data in (("zh", zh_text), ("en", en_text)):
        page = parse_page(f"docs/{lang}/part1/model.md", data, lang, "part1/model.md")
        site.pages[page.path] = page
        site.by_lang[lang][page.rel] = page
    return site


CONTROL_CHARACTERS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def assert_printable(report) -> None:
    """No format carries a control character (the line breaks between findings apart)."""
    for fmt in ("text", "json", "github"):
        out = render(report.findings, report.notes, report.suppressed, fmt)
        assert not CONTROL_CHARACTERS.search(out), (fmt, out)
        if fmt != "json":
            assert len(out.splitlines()) == len(report.findings) + len(report.notes) + (fmt == "text")
    for item in json.loads(render(report.findings, report.notes, 0, "json")):
        assert not CONTROL_CHARACTERS.search(item["message"] + item["path"])


@given(markdown, markdown)
@SETTINGS
def test_every_check_survives_any_markdown(zh, en):
    site = site_with(zh.encode("utf-8", "surrogatepass"), en.encode("utf-8", "surrogatepass"))
    lengths = {page.path: max(1, len(page.lines)) for page in site.pages.values()}
    for family in FAMILIES:
        for finding in family.check(site):
            assert finding.code in family.CODES and finding.message.strip()
            assert 1 <= finding.line <= lengths.get(finding.path, finding.line)
    assert_printable(run(site))


@given(st.binary(max_size=300), st.binary(max_size=300))
@SETTINGS
def test_every_check_survives_any_bytes(zh, en):
    assert_printable(run(site_with(zh, en)))


@given(st.text(max_size=200))
@SETTINGS
def test_yaml_loader_raises_only_yaml_error(text):
    try:
        doc = load_yaml(text)
    except YamlError as err:
        assert err.line >= 1
    else:
        assert doc.line(("anything", 3)) >= 1


yaml_like = st.lists(st.sampled_from(["- id: a", "  zh: 甲", "  en: a", "  avoid_en: [b]", "  avoid_zh: 乙",
                                      "- 3", "x: y", "  definition_zh: TODO", "index.md:", "  _intro: {zh: \"1\"}",
                                      "  a: 42", "[", "{", ": :", "- - -", "typography:", "  autocorrect: 3",
                                      "disable: C", "generated:", "  a.md: 5", "disable:", "  - Z999", "  - C105",
                                      "  - 7", "links:", "  online_timeout: 0", "third_party: 3"]), max_size=12).map("\n".join)


@given(st.one_of(yaml_like, st.text(max_size=100)))
@SETTINGS
def test_yaml_files_never_raise(text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("glossary.yml", "translation-lock.yml", "checks.yml"):
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        load_glossary(root / "glossary.yml")
        load_lock(root)
        try:
            validate(load_config(root))
        except ConfigError as err:
            line = re.match(r"checks\.yml:(\d+): \S", str(err))
            assert line and 1 <= int(line.group(1)) <= max(1, len(text.splitlines())), str(err)
