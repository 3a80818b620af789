"""ui-strings.yml: one file holds the site's own interface text in both languages, checked on load, and
each language's pages show their own language's words."""

from __future__ import annotations

import pytest
from lxml import html

from scripts import ui_strings


def test_the_real_file_loads_with_the_same_names_in_both_languages():
    data = ui_strings.load()
    assert set(data) == {"zh", "en"}
    assert ui_strings.strings("en")["kit"]["print"] == "Print this chapter (handout)"


@pytest.mark.parametrize("text, message", [
    ("zh:\n  kit:\n    print: 打印\nen:\n  kit: {}\n", "ui-strings.yml:3: zh.kit.print has no en text"),
    ("zh:\n  kit: {}\nen:\n  kit:\n    print: Print\n", "ui-strings.yml:5: en.kit.print has no zh text"),
    ("zh:\n  a: 1\nen:\n  a: x\n", "ui-strings.yml:2: zh.a is not a string"),
    ("zh: {a: x}\n", "ui-strings.yml:1: expected one mapping per language: zh, en"),
    ("zh: [x\n", "ui-strings.yml:2:"),
])
def test_a_broken_file_is_reported_with_its_line(text, message):
    with pytest.raises(ui_strings.UiStringsError) as err:
        ui_strings.parse(text)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize("prefix, lang", [("", "zh"), ("en/", "en")])
def test_the_readers_kit_speaks_the_pages_language(site, prefix, lang):
    kit = ui_strings.strings(lang)["kit"]
    doc = html.fromstring((site / prefix / "part2" / "volunteers" / "index.html").read_bytes())
    aside = doc.xpath('//aside[contains(@class, "reader-kit")]')[0]
    assert aside.get("aria-label") == kit["label"]
    assert [h.text for h in aside.xpath(".//h2")] == [kit["training"], kit["downloads"]]
    assert aside.xpath('.//button[contains(@class, "reader-kit__print")]')[0].text == kit["print"]
