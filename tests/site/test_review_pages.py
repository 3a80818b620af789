"""The built site shows each page's last review ("最后审核" / "Last reviewed", from its front matter) and
the review-status page in both languages lists every page (scripts/mkdocs_hooks/review.py)."""
from __future__ import annotations

from lxml import html

from scripts.model import parse_page
from tests.conftest import ROOT
from tests.site.test_build import built_path, zh_sources

DOCS = ROOT / "docs"


def reviewed(lang: str, rel: str) -> str:
    page = parse_page(f"docs/{lang}/{rel}", (DOCS / lang / rel).read_bytes(), lang, rel)
    return str(page.front_matter["reviewed"])


def test_every_page_says_when_it_was_last_reviewed(site):
    for rel in zh_sources():
        for lang, prefix, words in (("zh", "", "最后审核："), ("en", "en/", "Last reviewed: ")):
            tree = html.fromstring((site / prefix / built_path(rel) / "index.html").read_bytes())
            [line] = tree.xpath("//p[@class='reader-kit__reviewed']")
            assert line.text == words, rel
            assert line.xpath("time/@datetime") == [reviewed(lang, rel)], (lang, rel)


def test_review_status_page_lists_every_page_in_both_languages(site):
    for prefix, header in (("", ["页面", "负责审核", "最后审核", "下次审核"]),
                           ("en/", ["Page", "Responsible", "Last review", "Next review"])):
        tree = html.fromstring((site / prefix / "appendix/review-status/index.html").read_bytes())
        [table] = tree.xpath("//article//table")
        assert [th.text_content().strip() for th in table.xpath(".//th")] == header
        assert len(table.xpath(".//tbody/tr")) == len(zh_sources())
