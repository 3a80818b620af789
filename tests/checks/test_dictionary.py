"""The dictionary anchor (scripts/dictionary.py): CC-CEDICT is found and read, a translation renders more
of a Chinese text's words than an unrelated English text does, and no input raises."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.dictionary import entries, similarity, zh_words


def test_the_pinned_package_ships_the_dictionary():
    table = entries()
    assert len(table) > 100_000
    assert "child" in table["儿童"]
    assert "guard" in table["监护人"]


def test_words_are_found_by_longest_match():
    words = zh_words("困境儿童的监护人")
    assert any("guard" in w for w in words)
    assert len(words) >= 2


def test_a_translation_renders_more_words_than_its_neighbour():
    zh = "志愿者每月探访一次儿童，并与监护人交谈。"
    assert similarity(zh, "Volunteers visit each child once a month and talk with the guardian.") > 0.5
    assert similarity(zh, "The allowance is paid into a bank account at the end of the quarter.") < 0.2


def test_no_chinese_words_is_zero():
    assert similarity("", "anything") == 0.0
    assert similarity("2023 年", "2023") == 0.0


@settings(max_examples=60, deadline=None)
@given(st.text(), st.text())
def test_never_raises(zh, en):
    assert 0.0 <= similarity(zh, en) <= 1.0
