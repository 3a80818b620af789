"""Numbers are compared as normalised values per section."""
from __future__ import annotations

import pytest

from scripts.checks.parity import numbers
from scripts.model import parse_page


def values(lang, text):
    page = parse_page(f"docs/{lang}/p.md", f"# T\n\n## S {{#s}}\n\n{text}\n".encode(), lang, "p.md")
    return set(numbers(page.sections[1], lang))


@pytest.mark.parametrize("zh, en", [
    ("2023 年 3 月 3 日", "3 March 2023"),
    ("2023 年 3 月 3 日", "on 2023-03-03"),
    ("2021 年 7 月 12 日至 18 日", "12–18 July 2021"),
    ("4.5 万元", "45,000 yuan"),
    ("4.5万", "45000"),
    ("120 万", "1.2 million"),
    ("6–16 岁", "aged 6–16"),
    ("第 28 条", "Article 28"),
    ("50%", "50 per cent"),
    ("国发〔2016〕36 号", "Guo Fa [2016] No. 36"),
    ("3 月至 6 月", "March to June"),
])
def test_equivalent_forms(zh, en):
    assert values("zh", zh) == values("en", en)


@pytest.mark.parametrize("text, lang, expected", [
    ("见 [第 5 节](https://example.org/2019/07/page-12.html)", "zh", {"5"}),
    ("访问 https://example.org/2019/07 或 www.example.org/3", "zh", set()),
    ("代码 `x = 42` 不算", "zh", set()),
    ("注释 <!-- 99 --> 不算", "zh", set()),
    ("1. first\n2. second\n10. tenth", "en", set()),
    ("You may ask; march on; in March 2020", "en", {"3", "2020"}),
    ("May 2021 and 5 May", "en", {"5", "2021"}),
    ("COVID-19 and GSES-10, A4, mp3", "en", {"19", "10"}),
])
def test_what_counts(text, lang, expected):
    assert values(lang, text) == expected


def findings(zh_text, en_text):
    """P101/P102 between one zh and one en section."""
    from scripts.checks import parity
    from tests.checks.test_properties import site_with

    zh = f"---\ndescription: x\n---\n\n# T\n\n## S {{#s}}\n\n{zh_text}\n".encode()
    en = f"---\ndescription: x\n---\n\n# T\n\n## S {{#s}}\n\n{en_text}\n".encode()
    return sorted(d.code + " " + d.message.split(" lacks ")[1].split(",")[0]
                  for d in parity.check(site_with(zh, en)) if d.path.endswith("part1/model.md"))


@pytest.mark.parametrize("zh, en", [
    ("将 `replicas` 设为 3。", "Set `replicas: 3`."),                 # a number in code on one side only
    ("副本数设为 `3`。", "Set the replicas to 3."),
    ("```\nreplicas: 3\n```", "Three replicas."),
    ("需要 v1.20+ 版本。", "Requires 1.20 or later."),
    ("共 20 000 人。", "20000 people."),
    ("共 20000 人。", "20 000 people."),
    ("设为 0 即关闭。", "Set it to zero to turn it off."),
    ("分为 3 类。", "There are three categories."),
    ("分为三类。", "There are 3 categories."),
    ("版本 1.20.3 修复了它。", "Version v1.20.3 fixed it."),
])
def test_same_figures_written_differently_are_not_findings(zh, en):
    assert findings(zh, en) == []


@pytest.mark.parametrize("zh, en, expected", [
    ("需要 1.20 版本。", "Requires version 1.2.", ["P101 1.20", "P102 1.2"]),   # versions differ
    ("共 3 人。", "Set `replicas: 4` for 3 people; 5 more.", ["P102 5"]),      # code never required
    ("共 5 人。", "Five people, not 6.", ["P102 6"]),
])
def test_what_still_differs(zh, en, expected):
    assert findings(zh, en) == expected
