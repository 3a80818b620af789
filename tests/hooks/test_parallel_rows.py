"""Rows of the side-by-side view: scripts.paragraphs.rows (from the omissions check's alignment) and
scripts.mkdocs_hooks.parallel_view.split_rows (built blocks into those rows), on the control site."""
from __future__ import annotations

from lxml import html

from harness import fixtures
from scripts.mkdocs_hooks.parallel_view import split_rows
from scripts.paragraphs import align_section, rows
from scripts.site import load_site


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def section_rows(root, section_id):
    site = load_site(root)
    zh, en = site.page("zh", "part1/model.md"), site.page("en", "part1/model.md")
    zs, es = zh.section(section_id), en.section(section_id)
    return rows(align_section(site, zh, en, zs, es), zs, es), zs, es


def test_each_block_of_a_section_gets_its_row_and_a_list_or_table_stays_whole(tmp_path):
    got, zs, es = section_rows(fixtures.assemble(tmp_path / "s"), "recruitment")
    # paragraph, table, list, admonition: four rows, the same top-level blocks on both sides
    assert got == [([11], [11]), ([13], [13]), ([18], [18]), ([21], [21])]
    assert [z for z, _ in got] == [[t] for t in zs.tops] and [e for _, e in got] == [[t] for t in es.tops]


def test_a_paragraph_left_out_is_a_row_with_one_side_empty(tmp_path):
    root = fixtures.assemble(tmp_path / "s")
    edit(root / "docs/en/part1/model.md", "Training follows Article 28 of the Law on the Protection of Minors and "
         "draws on the [needs assessment](#recruitment) and the [home page](../index.md).\n\n", "")
    got, _, _ = section_rows(root, "training")
    assert got == [([26], []), ([28], [26])]


def test_built_blocks_go_into_the_rows_and_a_mismatch_keeps_one_row():
    nodes = {"zh": [html.fragment_fromstring('<h2 id="a">甲</h2>'), html.fragment_fromstring("<p>一</p>"),
                    html.fragment_fromstring("<ul><li>二</li></ul>")],
             "en": [html.fragment_fromstring('<h2 id="a">A</h2>'), html.fragment_fromstring("<p>one</p>"),
                    html.fragment_fromstring("<ul><li>two</li></ul>")]}
    out = split_rows(nodes, [([3], [3]), ([5], [5])])
    assert [(sorted(c), block) for c, block in out] == [(["en", "zh"], False)] * 1 + [(["en", "zh"], True)] * 2
    assert [[n.text_content() for n in c["en"]] for c, _ in out] == [["A"], ["one"], ["two"]]
    assert split_rows(nodes, [([3], [3])]) == [(nodes, False)]          # 2 built blocks, 1 in the model
