"""Section pairing: by explicit id, then by slug, then by aligning what is left between those pairs."""
from __future__ import annotations

from scripts.align import align_pages
from scripts.model import parse_page


def page(lang, body):
    return parse_page(f"docs/{lang}/p.md", body.encode(), lang, "p.md")


def shape(pairs):
    return [(p.zh.id if p.zh else None, p.en.id if p.en else None, p.by) for p in pairs]


def test_pairs_by_id_even_when_reordered():
    zh = page("zh", "# T\n\n## A {#a}\n\n## B {#b}\n")
    en = page("en", "# T\n\n## B {#b}\n\n## A {#a}\n")
    assert shape(align_pages(zh, en)) == [("_intro", "_intro", "id"), ("a", "a", "id"), ("b", "b", "id")]


def test_pairs_by_position_when_ids_are_missing():
    zh = page("zh", "# T\n\n## A {#a}\n\n## 无编号\n\n## C {#c}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## No id\n\n## C {#c}\n")
    assert shape(align_pages(zh, en))[2] == (None, None, "alignment")
    assert align_pages(zh, en)[2].en.title == "No id"


def test_renamed_id_pairs_by_position():
    zh = page("zh", "# T\n\n## A {#a}\n\n## B {#b}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## B {#bee}\n")
    assert shape(align_pages(zh, en))[2] == ("b", "bee", "alignment")


def test_unmatched_sections_stay_unpaired_in_place():
    zh = page("zh", "# T\n\n## A {#a}\n\n## B {#b}\n\n## C {#c}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## C {#c}\n\n## D {#d}\n")
    assert shape(align_pages(zh, en)) == [("_intro", "_intro", "id"), ("a", "a", "id"), ("b", None, ""),
                                          ("c", "c", "id"), (None, "d", "")]


def test_one_page_missing():
    zh = page("zh", "# T\n\n## A {#a}\n")
    assert shape(align_pages(zh, None)) == [("_intro", None, ""), ("a", None, "")]


def test_zh_id_pairs_with_the_slug_of_the_english_heading():
    zh = page("zh", "# T\n\n## 入门 {#getting-started}\n\n## 概念 {#concepts}\n")
    en = page("en", "# T\n\n## Concepts\n\n## Getting started\n")
    assert shape(align_pages(zh, en))[1:] == [("getting-started", None, "slug"), ("concepts", None, "slug")]


def test_repeated_ids_pair_in_order_of_occurrence():
    zh = page("zh", "# T\n\n## 一 {#x}\n\n甲 1\n\n## 二 {#x}\n\n乙 2\n")
    en = page("en", "# T\n\n## One {#x}\n\nA 1\n\n## Two {#x}\n\nB 2\n")
    pairs = align_pages(zh, en)
    assert [(p.zh.title, p.en.title, p.by) for p in pairs[1:]] == [("一", "One", "id"), ("二", "Two", "id")]


ZH_BODY = ("# T\n\n## 甲\n\n| a |\n|---|\n| 1 |\n\n## 乙\n\n- 一\n- 二\n\n## 丙\n\n![图](a.svg)\n\n"
           "## 丁\n\n共 5 人，见[说明](x.md)。\n\n## 戊\n\n!!! tip\n    注意\n")
EN_BODY = ("# T\n\n## A\n\n| a |\n|---|\n| 1 |\n\n## Inserted\n\nSome prose.\n\n## B\n\n- one\n- two\n\n"
           "## C\n\n![img](a.svg)\n\n## D\n\n5 people, see the [notes](x.md).\n\n## E\n\n!!! tip\n    Note\n")


def test_one_inserted_section_leaves_every_other_pair_in_place():
    pairs = align_pages(page("zh", ZH_BODY), page("en", EN_BODY))
    assert [(p.zh.title if p.zh else None, p.en.title if p.en else None) for p in pairs[1:]] == [
        ("甲", "A"), (None, "Inserted"), ("乙", "B"), ("丙", "C"), ("丁", "D"), ("戊", "E")]
    assert {p.by for p in pairs[1:] if p.zh and p.en} == {"alignment"}


def test_one_removed_section_leaves_every_other_pair_in_place():
    en = EN_BODY.replace("## C\n\n![img](a.svg)\n\n", "")
    pairs = align_pages(page("zh", ZH_BODY), page("en", en))
    assert [(p.zh.title if p.zh else None, p.en.title if p.en else None) for p in pairs[1:]] == [
        ("甲", "A"), (None, "Inserted"), ("乙", "B"), ("丙", None), ("丁", "D"), ("戊", "E")]


def test_an_id_out_of_order_does_not_break_the_other_pairs():
    """#z moved to the end: the chain of ordered pairs is a, b (the longest), and X pairs with Y between them."""
    zh = page("zh", "# T\n\n## Z {#z}\n\n## A {#a}\n\n## X {#x}\n\n## B {#b}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## Y {#y}\n\n## B {#b}\n\n## Z {#z}\n")
    assert shape(align_pages(zh, en))[1:] == [("z", "z", "id"), ("a", "a", "id"), ("x", "y", "alignment"),
                                              ("b", "b", "id")]
