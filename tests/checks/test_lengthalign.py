"""The Gale–Church programme (scripts/lengthalign.py): known small alignments, the length model, sentence
splitting, and a property: whatever the input, every unit of both sides is in exactly one bead, in order."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.lengthalign import (Model, Unit, align, bead_cost, calibrate, delta, en_length, length_cost,
                                 percentile, split_en, split_zh, zh_length)
from scripts.model import parse_page

MODEL = Model(c=3.7, s2=8.7)


def units(*lengths, kind=""):
    return [Unit(n, kind=kind) for n in lengths]


def shapes(beads):
    return [(b.zh, b.en) for b in beads]


def test_equal_sequences_align_one_to_one():
    zh = units(40, 12, 80, 25)
    en = units(150, 44, 300, 90)
    assert shapes(align(zh, en, MODEL)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_a_unit_left_out_is_a_one_zero_bead():
    zh = units(40, 60, 80)
    en = units(150, 300)                     # the 60-character paragraph was not translated
    model = Model(c=3.7, s2=8.7, skip_cost=4.0)
    assert shapes(align(zh, en, model)) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_a_unit_added_is_a_zero_one_bead():
    zh = units(40, 80)
    en = units(150, 220, 300)
    model = Model(c=3.7, s2=8.7, skip_cost=4.0)
    assert shapes(align(zh, en, model)) == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def test_published_costs_merge_a_short_orphan_into_its_neighbour():
    """As published, a 1-0 bead pays the length cost of a zero-length translation: a long left-out unit
    is cheaper as part of a 2-1 bead (why the checks also read 2-1 beads, and sentences use skip_cost)."""
    zh = units(40, 60, 80)
    en = units(150, 300)
    assert [len(b.zh) for b in align(zh, en, MODEL)] in ([2, 1], [1, 2])


def test_two_sentences_rendered_as_one_make_a_two_one_bead():
    zh = units(30, 30, 50)
    en = units(222, 185)
    assert shapes(align(zh, en, MODEL)) == [((0, 1), (0,)), ((2,), (1,))]


def test_kinds_never_mix_unless_priced():
    zh = [Unit(10, kind="row"), Unit(50, kind="paragraph")]
    en = [Unit(185, kind="paragraph"), Unit(37, kind="row")]
    model = Model(c=3.7, s2=8.7, skip_cost=4.0)
    beads = align(zh, en, model)
    paired = [(zh[b.zh[0]].kind, en[b.en[0]].kind) for b in beads if b.zh and b.en]
    assert len(paired) == 1 and paired[0][0] == paired[0][1]         # a row never pairs with a paragraph
    priced = Model(c=3.7, s2=8.7, kind_costs={("item", "paragraph"): 3.0})
    assert bead_cost([Unit(50, kind="item")], [Unit(185, kind="paragraph")], priced) < math.inf
    assert bead_cost([Unit(50, kind="row")], [Unit(185, kind="paragraph")], priced) == math.inf


def test_anchors_choose_between_units_of_the_same_length():
    zh = [Unit(40, frozenset({"#28"}))]
    en = [Unit(148, frozenset({"#12"})), Unit(148, frozenset({"#28"}))]
    model = Model(c=3.7, s2=8.7, anchor_weight=1.0, skip_cost=4.0)
    assert shapes(align(zh, en, model)) == [((), (0,)), ((0,), (1,))]


def test_delta_says_which_side_is_short():
    assert delta(100, 370, MODEL) == 0.0
    assert delta(100, 200, MODEL) > 0 > delta(100, 600, MODEL)      # positive: the English is too short
    assert length_cost(100, 370, MODEL) == 0.0
    assert math.isfinite(length_cost(10_000, 0, MODEL))              # no underflow far out in the tail
    assert length_cost(100, 150, MODEL) > length_cost(100, 250, MODEL)


def test_lengths():
    assert zh_length("困境 儿童。") == 5
    assert zh_length("见 IASC 指南") == 3 + 4 / 3.5                   # Latin inside Chinese: its English length / 3.5
    assert en_length("  two   words \n here ") == len("two words here")


def test_sentences():
    assert split_zh("第一句。第二句！“第三句？”第四") == ["第一句。", "第二句！", "“第三句？”", "第四"]
    assert split_zh("甲；乙。") == ["甲；乙。"]
    assert split_en("It works, e.g. here. Then Dr. Li came. 3 children left! Why? yes.") == [
        "It works, e.g. here.", "Then Dr. Li came.", "3 children left!", "Why? yes."]


def test_calibration():
    cal = calibrate([(10, 40), (20, 70), (0, 5), (30, 0)])
    assert cal.pairs == 2
    assert cal.c == (4.0 + 3.5) / 2
    assert math.isclose(cal.s2, ((40 - 3.75 * 10) ** 2 / 10 + (70 - 3.75 * 20) ** 2 / 20) / 2)
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([], 50) == 0.0


def test_blocks_in_the_model():
    text = ("# T\n\nA paragraph\non two lines.\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "!!! tip \"Key\"\n    Inside.\n")
    page = parse_page("docs/en/x.md", text.encode(), "en", "x.md")
    got = [(b.kind, b.line, b.end, " / ".join(t.text for t in b.text)) for b in page.sections[0].blocks]
    assert got == [("paragraph", 3, 4, "A paragraph / on two lines."), ("item", 6, 6, "item one"),
                   ("item", 7, 7, "item two"), ("row", 9, 9, "a / b"), ("row", 11, 11, "1 / 2"),
                   ("title", 13, 13, "Key"), ("paragraph", 14, 14, "Inside.")]


UNITS = st.lists(st.builds(Unit, st.integers(0, 400), st.frozensets(st.sampled_from(["#1", "#2", "t:a"])),
                           st.sampled_from(["", "row", "paragraph", "item"])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(UNITS, UNITS, st.sampled_from([None, 4.0]), st.integers(0, 6))
def test_any_input_is_covered_once_in_order(zh, en, skip, band):
    model = Model(c=3.7, s2=8.7, anchor_weight=1.0, skip_cost=skip, band=band,
                  kind_costs={("item", "paragraph"): 3.0})
    beads = align(zh, en, model)
    assert [i for b in beads for i in b.zh] == list(range(len(zh)))
    assert [j for b in beads for j in b.en] == list(range(len(en)))
    assert all(b.zh or b.en for b in beads)
