"""Spelling variants of canonical English terms (T104), which the glossary need not list, and proper-noun
case (T103)."""
from __future__ import annotations

import pytest

from scripts.checks.terminology import _same_case, spelling_variants
from scripts.glossary import Term


def variants(en, avoid=(), others=frozenset()):
    return spelling_variants(Term("t", "术语", en, avoid_en=list(avoid)), set(others))


@pytest.mark.parametrize("british, american", [
    ("social organisation", "social organization"), ("organising team", "organizing team"),
    ("organised care", "organized care"), ("counselling", "counseling"), ("school counsellor", "school counselor"),
    ("care programme", "care program"), ("behaviour support", "behavior support"), ("child labour", "child labor"),
    ("service centre", "service center"), ("defence lawyer", "defense lawyer"), ("licence", "license"),
])
def test_american_spellings_are_variants(british, american):
    assert variants(british) == [american]


def test_hyphens_dropped_or_made_spaces():
    assert variants("psychological-counselling volunteer") == [
        "psychological counseling volunteer", "psychological counselling volunteer",
        "psychological-counseling volunteer", "psychologicalcounseling volunteer",
        "psychologicalcounselling volunteer"]


def test_listed_variants_and_other_terms_are_not_spelling_variants():
    assert variants("care programme", avoid=["Care Program"]) == []
    assert variants("care programme", others={"care program"}) == []
    assert variants("volunteer") == []


@pytest.mark.parametrize("written, ok", [
    ("Law on the Protection of Minors", True), ("Law on the  Protection of Minors", True),
    ("law on the protection of minors", False), ("Law On The Protection Of Minors", False),
])
def test_proper_noun_case(written, ok):
    assert _same_case(written, "Law on the Protection of Minors") is ok
    assert _same_case("Social Workers", "Social Worker") and _same_case("Boxes", "Box")   # plurals
    assert not _same_case("social workers", "Social Worker")


def test_a_term_of_its_own_is_not_another_terms_variant_whatever_its_case():
    """`Care Program` (a term, capitalised) is not flagged as the American spelling of `care programme`:
    the check compares every term in lower case."""
    from types import SimpleNamespace

    from scripts.checks.terminology import _Variants
    programme = Term("a", "甲", "care programme")
    alone = _Variants(SimpleNamespace(terms=[programme])).matcher
    both = _Variants(SimpleNamespace(terms=[programme, Term("b", "乙", "Care Program")])).matcher
    assert [m.text for m in alone.find("the care program runs")] == ["care program"]
    assert both.find("the care program runs") == []
