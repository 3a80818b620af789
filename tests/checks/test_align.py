"""Section pairing: by explicit id first, then by position between id-matched neighbours."""
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
    assert shape(align_pages(zh, en))[2] == (None, None, "position")
    assert align_pages(zh, en)[2].en.title == "No id"


def test_renamed_id_pairs_by_position():
    zh = page("zh", "# T\n\n## A {#a}\n\n## B {#b}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## B {#bee}\n")
    assert shape(align_pages(zh, en))[2] == ("b", "bee", "position")


def test_unmatched_sections_stay_unpaired_in_place():
    zh = page("zh", "# T\n\n## A {#a}\n\n## B {#b}\n\n## C {#c}\n")
    en = page("en", "# T\n\n## A {#a}\n\n## C {#c}\n\n## D {#d}\n")
    assert shape(align_pages(zh, en)) == [("_intro", "_intro", "id"), ("a", "a", "id"), ("b", None, ""),
                                          ("c", "c", "id"), (None, "d", "")]


def test_one_page_missing():
    zh = page("zh", "# T\n\n## A {#a}\n")
    assert shape(align_pages(zh, None)) == [("_intro", None, ""), ("a", None, "")]
