"""glossary.yml on the built site: the glossary page lists every entry in both languages with a stable
anchor, and first uses of terms carry their definition as a tooltip, once per page."""

from __future__ import annotations

from collections import Counter

import yaml
from lxml import html

from tests.conftest import ROOT

ENTRIES = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))


def test_glossary_page_has_every_entry_with_its_anchor_in_both_languages(site):
    for prefix, lang in (("", "zh"), ("en/", "en")):
        doc = html.fromstring((site / prefix / "appendix" / "glossary" / "index.html").read_bytes())
        rows = {tr.get("id"): tr for tr in doc.xpath('//div[@class="glossary"]//tr[@id]')}
        assert set(rows) == {e["id"] for e in ENTRIES}
        for entry in ENTRIES:
            text = rows[entry["id"]].text_content()
            assert entry["zh"] in text and entry["en"] in text
            assert entry[f"definition_{lang}"].strip() in text


def test_first_use_of_a_term_has_a_tooltip_once_per_page(site):
    for prefix, term, definition in (("", "困境儿童", "definition_zh"), ("en/", "children in difficulties", "definition_en")):
        doc = html.fromstring((site / prefix / "part1" / "model" / "index.html").read_bytes())
        abbrs = doc.xpath("//article//abbr[@title]")
        assert abbrs, "no tooltips on the page"
        counts = Counter(a.text_content().lower() for a in abbrs)
        assert max(counts.values()) == 1, counts.most_common(3)
        entry = next(e for e in ENTRIES if e["id"] == "children-in-difficulties")
        titled = [a for a in abbrs if a.text_content().lower().startswith(term)]
        assert titled and titled[0].get("title") == entry[definition].strip()
        assert not doc.xpath("//article//h1//abbr | //article//h2//abbr | //article//a//abbr")
