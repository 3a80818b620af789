"""Search that knows the field's words (scripts/mkdocs_hooks/search_split.py, glossary.yml `aliases`):
each language's index has one entry per glossary term at its glossary row, titled with the term and its
short forms; the glossary table's own section no longer matches every term; Latin acronyms in Chinese
text are indexed as they are typed (no stemming); tooltips explain a short form's first use."""

from __future__ import annotations

import json

import pytest
from lxml import html

from scripts.glossary import load_glossary
from scripts.mkdocs_hooks.search_split import jieba_user_dictionary
from tests.conftest import ROOT

GLOSSARY = load_glossary(ROOT / "glossary.yml")


def index(site, lang):
    return json.loads((site / ("en/" if lang == "en" else "") / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_term_has_an_entry_at_its_row_with_its_aliases_in_the_title(site, lang):
    docs = {d["location"]: d for d in index(site, lang)["docs"]}
    for term in GLOSSARY.terms:
        entry = docs.get(f"appendix/glossary/#{term.id}")
        assert entry, term.id
        assert entry["title"].startswith(term.canonical(lang))
        for alias in term.aliases:
            assert alias in entry["title"] + entry["text"], (term.id, alias)
    assert docs["appendix/glossary/#pipl"]["title"] == (
        "个人信息保护法（PIPL、个保法）" if lang == "zh" else "Personal Information Protection Law · PIPL")
    table = [d for loc, d in docs.items() if loc.startswith("appendix/glossary/#") and "boost" in d
             and d.get("boost", 1) < 1]
    assert table and all(len(d["text"]) < 2000 for d in table), "the table section still holds every term"


def test_zh_index_keeps_latin_acronyms_unstemmed(site):
    zh = index(site, "zh")
    assert zh["config"]["pipeline"] == []
    assert any("（GSES）" in d["text"] for d in zh["docs"] if d["location"].startswith("part3/methods/"))


def test_chinese_aliases_are_single_words_for_jieba():
    words = {line.rsplit(" ", 1)[0] for line in jieba_user_dictionary(GLOSSARY)}
    assert {"个保法", "未保法", "最低生活保障", "村委会"} <= words
    assert "PIPL" not in words


def test_first_use_of_an_alias_gets_the_terms_tooltip(site):
    doc = html.fromstring((site / "part2" / "preparation" / "index.html").read_bytes())
    dibao = GLOSSARY.by_id["dibao"]
    assert any(a.text in ("低保", "最低生活保障") and a.get("title") == dibao.definition("zh")
               for a in doc.iter("abbr"))
