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
