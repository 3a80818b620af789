"""Typography on long lines: linear edits that form a minimal edit script, and quotes of the text as written.

Speed itself is measured by the benchmarks, never asserted here: these tests check that the findings on
long lines are right (the 8,000-character line and ``文字（a)`` x 1000 used to take 33 s and 132 s)."""
from __future__ import annotations

import re

import autocorrect_py
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.checks import typography
from scripts.checks.typography import edits
from tests.checks.test_properties import site_with

FRONT = "---\ndescription: 描述\n---\n\n# 标题\n\n"
PIECES = ["困境儿童", "志愿者", "社会工作者", "GSES", "SDQ", "3", "2023", "年", "，", "。", "、", "（", "）",
          "(", ")", ",", ":", " ", "  ", "a", "Web", "“", "”", "！", "!", "《法》", "…", "——", "ＡＢＣ", "１２",
          "`x,y`", "[链接](a,b.md)", "<b>", "</b>", "https://e.cn/a,b", "{#id}", "\t"]
lines = st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map("".join)
long_lines = st.lists(st.sampled_from(PIECES), min_size=300, max_size=2000).map("".join)


def apply(a: str, b: str, items) -> str:
    out, at = [], 0
    for i1, i2, j1, j2 in items:
        assert at <= i1 <= i2 and a[i1:i2] != b[j1:j2]
        out.append(a[at:i1])
        out.append(b[j1:j2])
        at = i2
    return "".join(out) + a[at:]


@given(long_lines)
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
def test_edits_rebuild_autocorrects_output_on_long_lines(line):
    fixed = autocorrect_py.format_for(line, "md")
    found = edits(line, fixed)
    assert apply(line, fixed, found) == fixed
    assert all(e1[1] < e2[0] or (e1[1] == e2[0] and e1[3] < e2[2]) for e1, e2 in zip(found, found[1:]))


def findings(line: str):
    site = site_with((FRONT + line + "\n").encode(), b"---\ndescription: x\n---\n\n# T\n")
    return [(d.line, d.code, d.message) for d in typography.check(site)]


def levenshtein(a: str, b: str) -> int:
    """The reference: the fewest characters inserted, deleted or replaced to turn ``a`` into ``b``, where a
    replacement keeps a character's kind (white space for white space, a mark or letter for a mark or
    letter). autocorrect changes spacing and the width of marks in place; it never turns a space into a
    letter, so an edit script that does (``'!年  ，' -> '! 年，'`` as "delete 年, replace a space by 年",
    2 edits) is shorter than any true account of the change (a space added, two removed: 3)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            replace = prev + (x != y) if x.isspace() == y.isspace() else len(a) + len(b)
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, replace)
    return row[-1]


short_lines = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


@given(short_lines)
@example("困境儿童,,")        # one mark replaced: one edit (difflib made it an insert and a delete)
@example("， a困境儿童")       # a space moved across a letter: two spacing edits, not a moved letter
@example("!年  ，")            # likewise: a space added, two removed, never "年 deleted, a space made 年"
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
def test_edits_are_a_minimal_edit_script(line):
    """The linear edits rebuild autocorrect's output and change no more characters than the fewest
    possible: so a mark changed in place is one edit, and moved spaces are spacing, never a moved letter.
    (This replaces a comparison with difflib over the whole line, which at ties splits one replaced
    character into an insert and a delete and so is no reference.)"""
    fixed = autocorrect_py.format_for(line, "md")
    found = edits(line, fixed)
    assert apply(line, fixed, found) == fixed
    assert sum(levenshtein(line[i1:i2], fixed[j1:j2]) for i1, i2, j1, j2 in found) == levenshtein(line, fixed)


def test_an_8000_character_line():
    line = ("困境儿童的社会关爱服务由志愿者和社会工作者共同提供GSES量表用于评估，" * 230)[:8000]
    found = findings(line)
    c104 = [f for f in found if f[1] == "C104"]
    assert [f[1] for f in found] == ["C104"]
    assert c104[0][2].startswith("spacing: '共同提供GSES' -> '共同提供 GSES' (col 26)")
    more = int(re.search(r"and (\d+) more", c104[0][2]).group(1))
    assert more + 1 == autocorrect_py.format_for(line, "md").count(" ")


def test_mixed_brackets_a_thousand_times():
    found = findings("文字（a)" * 1000)
    assert [code for _, code, _ in found] == ["C102"] * 1000
    assert {message for _, _, message in found} == {"bracket pair mixes widths: '（a)': use （…） in Chinese text"}


def test_messages_quote_the_text_as_written():
    found = findings("（参阅 [文档](https://example.com/a/b/c))。")
    assert [code for _, code, _ in found] == ["C102"]
    assert "（参阅 [文档](https://example.com/a/b/c))" in found[0][2]
    assert all("\x00" not in message for _, _, message in found)


# The fallback walk (:func:`typography._walk`): autocorrect output whose characters other than white space
# differ in number from the line's. No autocorrect version here does that on any line tried, so the walk
# is tested on its own terms: any pair of strings, and pairs that differ in a few places.
def edits_are_a_script(a: str, b: str, found) -> None:
    assert apply(a, b, found) == b
    assert all(e1[1] < e2[0] or e1[3] < e2[2] for e1, e2 in zip(found, found[1:]))   # in order, merged


@given(st.text(alphabet="中文ab ，,。.…", max_size=30), st.text(alphabet="中文ab ，,。.…", max_size=30))
@example("中文...好", "中文…好")
@example("abc", "")
@example("", "abc")
@settings(max_examples=300, deadline=None, database=None)
def test_edits_rebuild_any_pair_of_strings(a, b):
    edits_are_a_script(a, b, edits(a, b))


@given(st.text(alphabet="困境儿童志愿者服务评估", min_size=40, max_size=200), st.data())
@settings(max_examples=100, deadline=None, database=None)
def test_a_character_added_or_removed_is_a_local_edit(a, data):
    """One character added or removed (not white space): the walk resynchronises at once, so the edit
    script is that one character, not a rewrite of the rest of the line."""
    at = data.draw(st.integers(0, len(a) - 1))
    for b, changed in ((a[:at] + "…" + a[at:], 1), (a[:at] + a[at + 1:], 1)):
        found = edits(a, b)
        edits_are_a_script(a, b, found)
        assert sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in found) == changed


def test_a_character_removed_before_repetitive_text_is_one_edit():
    """Found by the property above (1 run in ~10): 估估…估儿估儿估儿估… with its first character removed.
    The walk meets the difference at the last 估 before 儿估儿, where skipping a character of either line
    agrees for four characters; taking the wrong side rewrote three characters instead of removing one."""
    a = "估" * 20 + "儿估儿估儿" + "估" * 15
    found = edits(a, a[1:])
    edits_are_a_script(a, a[1:], found)
    assert found == [(19, 20, 19, 19)]


def test_the_walk_splits_a_difference_into_its_smallest_edits():
    """``目`` -> `` 目 `` beside a removed mark: two spaces added and the mark removed, each its own edit;
    the text between them is untouched."""
    a, b = "中文……目录和说明", "中文… 目 录和说明"
    found = edits(a, b)
    edits_are_a_script(a, b, found)
    assert [(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in found] == [("…", " "), ("", " ")]


def test_a_line_autocorrect_lengthens_is_reported_once_at_its_place(monkeypatch):
    """If autocorrect adds a character (a future version might expand a mark), the finding quotes that
    place, not the whole rest of the line."""
    import autocorrect_py as real

    line = "困境儿童服务...由志愿者提供"
    monkeypatch.setattr(real, "format_for", lambda text, kind: text.replace("...", "…"))
    found = findings(line)
    assert found == [(7, "C105", "autocorrect: '儿童服务...由志愿者' -> '儿童服务…由志愿者' (col 7)")]


def test_long_quotes_are_shortened_in_the_middle():
    """A message quotes at most 40 characters of the text: a longer bracket pair keeps its first and last
    20 characters around '…'."""
    whole = "（" + "a" * 38 + ")"                    # 40 characters: quoted as it is
    found = [m for _, code, m in findings("说明" + whole + "。") if code == "C102"]
    assert found == [f"bracket pair mixes widths: '{whole}': use （…） in Chinese text"]
    longer = "（" + "b" * 19 + "c" * 20 + ")"        # 41 characters
    found = [m for _, code, m in findings("说明" + longer + "。") if code == "C102"]
    assert found == [f"bracket pair mixes widths: '（{'b' * 19}…{'c' * 19})': use （…） in Chinese text"]


def test_the_walk_resynchronises_up_to_a_window_away():
    """Eight characters replaced (``_WINDOW``) and one removed later: two local edits, the text between
    them untouched, not one edit from the first difference to the end of the line."""
    a, b = "中文abcdefgh目录说明书X", "中文ABCDEFGH目录说明书"
    assert edits(a, b) == [(2, 10, 2, 10), (15, 16, 15, 15)]


def test_the_walk_finds_removed_characters_near_the_end_of_the_shorter_line():
    assert edits("中文abc目录", "中文目录") == [(2, 5, 2, 2)]


def test_the_walk_refines_a_difference_that_runs_to_the_end_of_the_line():
    """No four equal characters follow the difference: it still splits into its smallest edits."""
    assert edits("中文a目b", "中文c目dd") == [(2, 3, 2, 3), (4, 5, 4, 6)]


def test_the_walk_resynchronises_on_the_last_four_characters():
    """Four equal characters that end both lines are a resynchronisation point like any other: here the
    walk's edits are as few as possible (one removed, one replaced), not three."""
    a, b = "aab.，.录b录a中.a", "aab.，.baa中.a"
    found = edits(a, b)
    edits_are_a_script(a, b, found)
    assert found == [(6, 7, 6, 6), (8, 9, 7, 8)]
    assert sum(levenshtein(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in found) == levenshtein(a, b) == 2
