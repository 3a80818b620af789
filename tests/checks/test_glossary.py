"""Glossary loading, validation and matching."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.glossary import Glossary, Term, find_terms, load_glossary

CONTROL_GLOSSARY = Path(__file__).parent / "fixtures" / "control" / "glossary.yml"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(CONTROL_GLOSSARY)


def ids(matches):
    return [m.term.id for m in matches]


def test_control_glossary_is_valid(glossary):
    assert glossary.problems == [] and len(glossary.terms) == 7


def test_chinese_longest_match_consumes_shorter_terms(glossary):
    matches = glossary.find_terms("心理咨询志愿者和志愿者", "zh")
    assert [(m.term.id, m.start, m.end) for m in matches] == [("counselling-volunteer", 0, 7), ("volunteer", 8, 11)]


def test_chinese_needs_no_word_boundaries(glossary):
    assert ids(glossary.find_terms("为困境儿童提供陪伴服务", "zh")) == ["children-in-difficulties", "companionship-services"]


def test_english_case_plural_and_boundaries(glossary):
    text = "Volunteers and a volunteer; volunteering is not a term; psychological-counselling volunteers."
    assert [m.text for m in glossary.find_terms(text, "en")] == ["Volunteers", "volunteer",
                                                                 "psychological-counselling volunteers"]


def test_english_multi_word_terms_across_line_breaks(glossary):
    assert ids(find_terms("help for children in\ndifficulties", "en", glossary)) == ["children-in-difficulties"]


def test_curly_apostrophes_match_straight_ones():
    g = Glossary([Term("villagers-committee", "村民委员会", "villagers' committee")])
    assert ids(g.find_terms("the villagers’ committee", "en")) == ["villagers-committee"]


def test_avoided_variants(glossary):
    assert ids(glossary.find_avoided("请义工帮忙", "zh")) == ["volunteer"]
    assert [m.text for m in glossary.find_avoided("The Minor Protection Law", "en")] == ["Minor Protection Law"]


def test_missing_glossary_is_empty(tmp_path):
    g = load_glossary(tmp_path / "glossary.yml")
    assert g.terms == [] and g.problems == []


@pytest.mark.parametrize("text, code, line", [
    ("- id: a\n  zh: 甲\n  en: [a\n", "E107", 4),
    ("id: a\n", "E107", 1),
    ("- just a string\n", "T110", 1),
    ("- id: a\n  zh: ''\n  en: a\n  definition_zh: 甲。\n  definition_en: A.\n", "T110", 2),
    ("- id: a-b\n  zh: 甲\n  en: a\n  definition_zh: TODO\n  definition_en: A.\n", "T113", 4),
    ("- id: a\n  zh: 甲\n  en: a\n  avoid_en: b\n  definition_zh: 甲。\n  definition_en: A.\n", "T114", 4),
    ("- id: a\n  zh: 甲\n  en: a\n  aliases: [b, '']\n  definition_zh: 甲。\n  definition_en: A.\n", "T114", 4),
    ("- id: a\n  zh: 甲\n  en: a\n  definition_zh: 甲。\n  definition_en: A.\n"
     "- id: b\n  zh: 乙\n  en: b\n  aliases: [甲]\n  definition_zh: 乙。\n  definition_en: B.\n", "T115", 9),
])
def test_validation_points_into_the_file(tmp_path, text, code, line):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    problems = load_glossary(path).problems
    assert (code, line) in [(p.code, p.line) for p in problems]
    assert all(p.path == "glossary.yml" for p in problems)


def test_aliases_are_found_for_tooltips_but_are_not_canonical_terms(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- id: pipl\n  zh: 个人信息保护法\n  en: Personal Information Protection Law\n"
                    "  aliases: [PIPL, 个保法]\n  definition_zh: 法。\n  definition_en: Law.\n", encoding="utf-8")
    g = load_glossary(path)
    assert g.problems == [] and g.terms[0].aliases == ["PIPL", "个保法"]
    assert [m.form for m in g.find_terms_or_aliases("个保法和PIPL", "zh")] == ["个保法", "PIPL"]
    assert [m.form for m in g.find_terms_or_aliases("the PIPLs and pipl", "en")] == ["PIPL", "PIPL"]
    assert g.find_terms("个保法和PIPL", "zh") == []
