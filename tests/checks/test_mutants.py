"""Behaviour that once had no test (mutants of the checker that survived the suite, code review
December 2026): each test here fails when that line of the checker is broken."""
from __future__ import annotations

from scripts.model import parse_page
from scripts.runner import run
from scripts.site import load_site

EN = "docs/en/index.md"


def add(root, path, text):
    page = root / path
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def found(root, families=("E", "V", "A", "L", "X")):
    """Findings of the families under test (the numbers added also give P102 and S101; not the point)."""
    report = run(load_site(root))
    return report, [(d.path, d.line, d.code) for d in report.findings if d.code.startswith(families)]


def test_a_suppression_covers_its_block_and_no_further(control_root):
    # lines 13-19: the suppression, its paragraph, a blank line, then another paragraph with a number
    add(control_root, EN, "\n<!-- check: ignore V102 the helpline's own public number -->\n"
                          "Call 13812345678.\nOr write to us.\n\nAlso 13912345678.\n")
    report, findings = found(control_root)
    assert findings == [(EN, 17, "V102")] and report.suppressed == 1


def test_a_suppression_silences_only_its_own_code(control_root):
    add(control_root, EN, "\n<!-- check: ignore V103 the county bureau's public hotline -->\nCall 13812345678.\n")
    report, findings = found(control_root)
    assert sorted(findings) == [(EN, 13, "E112"), (EN, 14, "V102")] and report.suppressed == 0


def test_html_links_belong_to_their_section(control_root):
    """An English <a href> to the page the Chinese section links with Markdown is the same link (A115)."""
    page = control_root / "docs/en/part1/model.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("the [home page](../index.md)", 'the <a href="../index.md">home page</a>'),
                    encoding="utf-8")
    site = load_site(control_root)
    training = site.page("en", "part1/model.md").section("training")
    assert [(link.kind, link.target) for link in training.links] == [("link", "#recruitment"),
                                                                     ("html:a.href", "../index.md")]
    report, findings = found(control_root)
    assert findings == [] and report.suppressed == 0


def test_our_own_host_may_serve_images(control_root):
    """site_url is https://manual.example.org/: an image from there is L106 (write it relatively), not X1xx."""
    add(control_root, EN, "\n![Logo](https://manual.example.org/assets/model.svg)\n\n"
                          '<img src="https://manual.example.org/assets/model.svg" alt="Logo">\n\n'
                          "![Other](https://cdn.example.net/a.png)\n")
    _, findings = found(control_root, ("L", "X"))
    assert sorted(findings) == [(EN, 13, "L106"), (EN, 15, "L106"), (EN, 17, "X101")]


# From a random sample of 150 of the checker's 6,867 mutants (mutmut, December 2026): the survivors that
# broke behaviour an editor relies on.

def test_a_second_h1_is_named_at_its_own_line(control_root):
    add(control_root, EN, "\n# Another title\n")
    lines = (control_root / EN).read_text(encoding="utf-8").splitlines()
    _, findings = found(control_root, ("A",))
    assert findings == [(EN, len(lines), "A117")]


def test_an_english_only_section_does_not_hide_the_findings_of_the_sections_after_it(control_root):
    page = control_root / "docs/en/part1/model.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("## Sources {#sources}", "## Extra {#extra}\n\nAn extra paragraph.\n\n"
                                                 "### Sources {#sources}")
    page.write_text(text, encoding="utf-8")
    assert [(p.zh and p.zh.id, p.en and p.en.id) for p in load_site(control_root).section_pairs(
        "part1/model.md")][-2:] == [(None, "extra"), ("sources", "sources")]
    _, findings = found(control_root, ("A",))
    assert findings == [("docs/en/part1/model.md", 30, "A107"), ("docs/en/part1/model.md", 34, "A109")]


def test_an_alias_loop_is_named_in_redirects_yml(control_root):
    (control_root / "redirects.yml").write_text(
        "sections:\n  part1/model.md:\n    old-a: old-b\n    old-b: old-a\n", encoding="utf-8")
    report = run(load_site(control_root))
    loops = [(d.path, d.line, d.code) for d in report.findings if d.code == "M105"]
    assert loops and all(path == "redirects.yml" and line in (3, 4) for path, line, _ in loops), loops


def test_typography_rules_turned_off_in_checks_yml_are_off(control_root):
    """An empty list of marks turns a rule off (and must not become a pattern that matches nothing, or
    fails to compile)."""
    (control_root / "checks.yml").write_text('typography:\n  doubled: ""\n  halfwidth: ""\n', encoding="utf-8")
    add(control_root, "docs/zh/index.md", "\n好。。再见,朋友。\n")
    report = run(load_site(control_root))
    assert [d.code for d in report.findings if d.code in ("C101", "C102", "C103")] == []
    (control_root / "checks.yml").write_text("typography:\n  halfwidth: \"\"\n", encoding="utf-8")
    report = run(load_site(control_root))
    assert [d.code for d in report.findings if d.code in ("C101", "C102", "C103")] == ["C103"]


# --- survivors of the mutation sample of 2026-12-07 (seed 12): each fails with its mutant -----------------

def codes(root, prefix: str) -> list[str]:
    return sorted(d.code for d in run(load_site(root)).findings if d.code.startswith(prefix))


def test_a_term_the_english_section_lacks_is_reported_once_however_often_the_chinese_uses_it(control_root):
    page = control_root / "docs/zh/part1/model.md"
    # on two lines: the same finding twice would be folded by the runner, but these would differ by line
    page.write_text(page.read_text(encoding="utf-8").replace("培训依据", "志愿者先报名。\n\n培训由志愿者带领，依据"),
                    encoding="utf-8")
    t102 = [d for d in run(load_site(control_root)).findings if d.code == "T102"]
    assert [(d.path, "volunteer" in d.message) for d in t102] == [("docs/en/part1/model.md", True)]


def test_a_link_to_the_reporting_section_with_its_fragment_counts(control_root):
    (control_root / "checks.yml").write_text("reporting:\n  authority: part1/model.md#training\n", encoding="utf-8")
    add(control_root, EN, "\nFor mandatory reporting, see [the rule](part1/model.md#training).\n")
    assert codes(control_root, "R") == []
    add(control_root, EN, "\nAnd [another section](part1/model.md#recruitment) is not the rule.\n")
    assert codes(control_root, "R") == []           # one link to the rule is enough
    page = control_root / EN
    page.write_text(page.read_text(encoding="utf-8").replace("model.md#training", "model.md#sources"),
                    encoding="utf-8")
    assert codes(control_root, "R") == ["R102"]


def test_every_alias_of_a_page_is_checked_after_one_that_fails(control_root):
    redirects = control_root / "redirects.yml"
    redirects.write_text("pages: {}\nsections:\n  part1/model.md:\n    recruitment: training\n"
                         "    coaching: no-such-id\n", encoding="utf-8")
    assert codes(control_root, "M") == ["M104", "M106"]
    redirects.write_text("pages: {}\nsections:\n  part1/model.md:\n    a: b\n    b: a\n"
                         "    coaching: no-such-id\n", encoding="utf-8")
    assert codes(control_root, "M") == ["M104", "M105", "M105"]
    redirects.write_text("pages: {}\nsections:\n  part1/model.md:\n    a: b\n    b: training\n"
                         "    coaching: no-such-id\n", encoding="utf-8")
    assert codes(control_root, "M") == ["M104", "M105"]         # a chain, then a missing id


def test_no_lock_file_is_s106_only_when_a_page_is_in_both_languages(control_root):
    (control_root / "translation-lock.yml").unlink()
    assert codes(control_root, "S106") == ["S106"]
    for page in (control_root / "docs/en").rglob("*.md"):
        page.rename(page.with_name("en-only-" + page.name))
    assert codes(control_root, "S106") == []


def test_forms_are_checked_after_pages_that_sort_before_them(mutated_root):
    root = mutated_root("forms_prefilled")
    assert codes(root, "F") == ["F105"]
    for lang in ("zh", "en"):            # about/ comes before appendix/forms/ (the manual has such pages)
        (root / f"docs/{lang}/about").mkdir()
        (root / f"docs/{lang}/about/note.md").write_text("---\ndescription: x\n---\n\n# Note\n", encoding="utf-8")
    assert codes(root, "F") == ["F105"]


def test_a_quote_as_long_as_the_limit_is_not_cut():
    from scripts.checks.untranslated import quote
    assert quote("a" * 40, 0) == "a" * 40
    assert quote("a" * 41, 0) == "a" * 40 + "…"


def test_an_english_sentence_of_the_minimum_length_is_long_enough():
    from scripts.checks.omissions import MIN_EN_SENTENCE, _long_enough
    assert _long_enough("a" * MIN_EN_SENTENCE, "en") and not _long_enough("a" * (MIN_EN_SENTENCE - 1), "en")


def test_blocks_left_out_at_the_end_of_a_section_are_one_run():
    """Two paragraphs missing from the end of an English section are one finding ("2 paragraphs"), not two."""
    from scripts.checks.omissions import _runs
    from scripts.paragraphs import BlockBead
    beads = [BlockBead(("z1",), ("e1",)), BlockBead(("z2",), ()), BlockBead(("z3",), ())]
    assert [(k, shape, len(run)) for k, shape, run in _runs(beads)] == [(0, (1, 1), 1), (1, (1, 0), 2)]


def test_overlapping_protected_spans_merge():
    """Typography's protected spans (code, links, URLs) may overlap, e.g. a URL that is a link's text."""
    from scripts.checks.typography import _Spans
    spans = _Spans([(3, 10), (0, 5), (20, 25)])
    assert spans.touches(8, 9) and spans.touches(10, 12) and spans.touches(19, 20)
    assert not spans.touches(11, 19)


def test_bold_ends_where_it_closes_and_a_line_break_is_a_space():
    page = parse_page("docs/en/x.md", b"# T\n\nRead **this** first\nand then the rest.\n", "en", "x.md")
    assert [(r.text, r.bold) for r in page.blocks[1].runs] == [("Read ", False), ("this", True),
                                                               (" first and then the rest.", False)]


def test_a_list_count_mismatch_names_the_chinese_section(control_root):
    """A112's related location (the Chinese section) is what an editor's tool jumps to."""
    page = control_root / "docs/zh/part1/model.md"
    page.write_text(page.read_text(encoding="utf-8").replace("![服务模式图]", "- 一\n- 二\n\n![服务模式图]"),
                    encoding="utf-8")
    found = [(d.path, d.related and (d.related.path, d.related.line))
             for d in run(load_site(control_root)).findings if d.code == "A112"]
    assert found == [("docs/en/part1/model.md", ("docs/zh/part1/model.md", 24))]


def test_a_broken_html_image_is_named_by_its_tag(control_root):
    add(control_root, EN, '\n<img src="nowhere.png" alt="A chart">\n')
    messages = [d.message for d in run(load_site(control_root)).findings if "nowhere.png" in d.message]
    assert messages and messages[0].startswith("<img> 'nowhere.png'"), messages


def test_chinese_in_an_english_diagram_label_is_found(control_root):
    svg = control_root / "docs/en/assets/model.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace("<svg ", '<svg aria-label="服务模式图" ', 1),
                   encoding="utf-8")
    found = [(d.path, d.code) for d in run(load_site(control_root)).findings if d.code.startswith("U")]
    assert found == [("docs/en/assets/model.svg", "U102")]


# --- survivors of the mutation sample of 2026-12-07 (seed 13), after the two rounds above -----------------

def test_an_alias_loop_is_shown_whole(control_root):
    (control_root / "redirects.yml").write_text("pages: {}\nsections:\n  part1/model.md:\n    a: b\n    b: c\n"
                                                "    c: a\n", encoding="utf-8")
    messages = [d.message for d in run(load_site(control_root)).findings if d.code == "M105"]
    assert "alias loop on part1/model.md: #a -> #b -> #c -> #a" in messages, messages


def test_one_spacing_fix_on_a_line_says_no_more():
    from scripts.checks.typography import _autocorrect
    from scripts.checks.typography import _Spans
    one = list(_autocorrect("docs/zh/x.md", 5, "SDQ量表是一种问卷。", _Spans([]), _Spans([])))
    two = list(_autocorrect("docs/zh/x.md", 5, "使用SDQ量表。", _Spans([]), _Spans([])))
    assert [d.code for d in one] == ["C104"] and "more on this line" not in one[0].message, one
    assert [d.code for d in two] == ["C104"] and "(and 1 more on this line)" in two[0].message, two


def test_escaped_characters_stay_in_a_blocks_text():
    page = parse_page("docs/en/x.md", b"# T\n\nA \\*starred\\* word.\n", "en", "x.md")
    assert "".join(r.text for r in page.blocks[1].runs) == "A *starred* word."


def test_chinese_marked_as_chinese_on_an_english_page_is_not_untranslated(control_root):
    add(control_root, EN, '\nThe Chinese term is <span lang="zh">困境儿童</span>, as the law writes it.\n')
    assert codes(control_root, "U") == []
    add(control_root, EN, "\nBut 困境儿童 unmarked is Chinese in English text.\n")
    assert codes(control_root, "U") == ["U101"]


def test_an_english_heading_marked_as_english_on_a_chinese_page_is_not_untranslated(control_root):
    for lang, heading, body in (("zh", '<span lang="en">Keeping Children Safe</span>', "说明。"),
                                ("en", "Keeping Children Safe", "A note.")):
        add(control_root, f"docs/{lang}/index.md", f"\n## {heading} {{#kcs}}\n\n{body}\n")
    assert codes(control_root, "U") == []


def test_a_figure_is_answered_only_by_its_own_other_reading(control_root):
    """"20 000" may be answered by 20 and 0 on the other side; another figure of the section is not."""
    add(control_root, "docs/zh/index.md", "\n预算 5000 元，编号 20 000。\n")
    add(control_root, EN, "\nNumbers 20 and 0.\n")
    found = [d.message for d in run(load_site(control_root)).findings if d.code.startswith("P")]
    assert len(found) == 1 and "5000" in found[0] and "20000" not in found[0], found


# --- survivors of the seed-13 sample still alive on 2026-12-07 evening ------------------------------------

def test_code_blocks_and_rules_are_top_level_blocks():
    """The side-by-side view joins a block without prose to the row before it: it must know where it is."""
    page = parse_page("docs/en/x.md", b"# T\n\nText.\n\n```\ncode\n```\n\n---\n\nMore.\n\n<!-- a comment -->\n",
                      "en", "x.md")
    assert page.sections[0].tops == [3, 5, 9, 11]


def test_an_admonition_title_is_read_once():
    page = parse_page("docs/en/x.md", b'# T\n\n!!! note "Before the visit"\n\n    Call first.\n', "en", "x.md")
    assert [t.text for t in page.sections[0].text].count("Before the visit") == 1


def test_a_term_partly_covered_by_a_same_length_override_is_read_character_by_character(tmp_path):
    """An override of the edition (zh_hant, or a phrase) that covers part of a term: the term prints as the
    override writes its part and OpenCC the rest."""
    from scripts import hant
    from scripts.checks import traditional
    from tests.checks.conftest import build_root
    site = load_site(build_root(tmp_path, "traditional_ambiguous"))
    right = hant.Converter({"多志愿": "多志願"})
    wrong = hant.Converter({"多志愿": "多誌願"})
    assert list(traditional.misconverted("很多志愿者", site.glossary, right)) == []
    assert [(offset, term.id, printed) for offset, term, printed
            in traditional.misconverted("很多志愿者", site.glossary, wrong)] == [(2, "volunteer", "誌願者")]


def test_online_links_are_asked_again_after_the_cache_days_of_checks_yml(control_root, capsys):
    """`links: online_cache_days` in checks.yml: an answer older than that is asked again (here: refused)."""
    import json
    import time
    from scripts import cli
    dead = "http://127.0.0.1:9/gone"          # the discard port: nothing listens, the answer is immediate
    for lang in ("zh", "en"):
        add(control_root, f"docs/{lang}/index.md", f"\n[gone]({dead})\n")
    two_days = time.time() - 2 * 86400
    (control_root / ".cache").mkdir()
    (control_root / ".cache" / "links.json").write_text(json.dumps({
        dead: {"at": two_days, "error": ""},
        "https://www.gov.cn/zhengce/content/2016-06/16/content_5082800.htm": {"at": time.time(), "error": ""}}),
        encoding="utf-8")
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    assert cli.main(["check", "--root", str(control_root), "--online"]) == 0       # the default: 7 days
    (control_root / "checks.yml").write_text("links:\n  online_cache_days: 1\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["check", "--root", str(control_root), "--online"]) == 1
    out = capsys.readouterr().out
    assert f"docs/en/index.md:13: L107 external URL {dead} does not answer" in out, out


def test_two_sentences_answered_by_two_leave_no_orphan(monkeypatch):
    """A 2-2 sentence bead is pooled, not an omission: only 1-0, 0-1, 2-1 and 1-2 beads have orphans."""
    from scripts.checks import omissions
    from scripts.paragraphs import sentences
    zh = parse_page("docs/zh/x.md", "# T\n\n第一句话讲的是服务的开始。第二句话讲的是服务的结束。\n".encode(), "zh", "x.md")
    en = parse_page("docs/en/x.md", b"# T\n\nThe first sentence is about how the service starts. "
                    b"The second is about how it ends.\n", "en", "x.md")
    zb, eb = zh.sections[0].blocks[0], en.sections[0].blocks[0]
    zs, es = sentences(None, zb, "zh"), sentences(None, eb, "en")
    assert len(zs) == len(es) == 2
    monkeypatch.setattr(omissions, "align_sentences", lambda site, z, e: [(zs, es)])
    assert omissions._orphan_sentences(None, zb, eb, "en") == []
    assert omissions._orphan_sentences(None, zb, eb, "zh") == []


def test_the_glossary_decides_which_english_sentence_is_the_added_one(control_root):
    """Lengths alone would call the volunteer sentence the addition; the term it shares with the Chinese
    (志愿者, volunteer) pairs it, and the other sentence is the one with no counterpart."""
    from scripts.checks import omissions
    zh = parse_page("docs/zh/x.md", "# T\n\n志愿者每周来陪孩子读书写字，一起做游戏。\n".encode(), "zh", "x.md")
    en = parse_page("docs/en/x.md", b"# T\n\nAsk the parents first, always in person, before any visit at all is "
                    b"planned. A volunteer comes to the family home every week after school.\n", "en", "x.md")
    zb, eb = zh.sections[0].blocks[0], en.sections[0].blocks[0]
    orphans = omissions._orphan_sentences(load_site(control_root), zb, eb, "en")
    assert [s.text for s in orphans] == ["Ask the parents first, always in person, before any visit at all is planned."]


def test_a_pair_far_out_inside_a_pooled_two_by_two_bead_is_reported():
    """A 2-2 bead whose two lengths together are as expected: a pair far out on its own (one English
    paragraph cut short, the next padded) is still O105, each at its own line."""
    from scripts.checks.omissions import LONG_DELTA, POOLED_SHORT_DELTA, SHORT_DELTA, _two_by_two
    from scripts.lengthalign import Unit, delta, en_length, zh_length
    from scripts.paragraphs import BLOCK_MODEL, BlockBead, block_text
    zh = parse_page("docs/zh/x.md", ("# T\n\n" + "服" * 59 + "。\n\n" + "务" * 19 + "。\n").encode(), "zh", "x.md")
    en_text = "# T\n\n" + "Cut short here. " * 7 + "\n\n" + "Padded out " * 19 + "end.\n"
    en = parse_page("docs/en/x.md", en_text.encode(), "en", "x.md")
    zb, eb = zh.sections[0].blocks, en.sections[0].blocks
    zl = [zh_length(block_text(b, "zh")) for b in zb]
    el = [en_length(block_text(b, "en")) for b in eb]
    pooled = delta(sum(zl), sum(el), BLOCK_MODEL)
    assert -LONG_DELTA <= pooled <= SHORT_DELTA
    assert delta(zl[0], el[0], BLOCK_MODEL) > POOLED_SHORT_DELTA and delta(zl[1], el[1], BLOCK_MODEL) < -LONG_DELTA
    bead = BlockBead(tuple(zb), tuple(eb), pooled, tuple(Unit(round(n)) for n in zl), tuple(Unit(round(n)) for n in el))
    found = [(d.line, d.code) for d in _two_by_two(None, "docs/zh/x.md", "docs/en/x.md", bead)]
    assert found == [(3, "O105"), (5, "O105")], found


# --- survivors of the seed-14 sample (2026-12-07) -------------------------------------------------------

def _paragraphs(lang: str, *texts: str):
    page = parse_page(f"docs/{lang}/x.md", ("# T\n\n" + "\n\n".join(texts) + "\n").encode(), lang, "x.md")
    return page.sections[0].blocks


def test_a_chinese_sentence_quoting_english_is_measured_in_chinese_characters():
    """O103 when the Chinese sentence left out is at most half its paragraph, measured as Chinese (the
    English title inside it counts a third): not the paragraph as O105."""
    from scripts.checks.omissions import _pair
    from scripts.lengthalign import delta, en_length, zh_length
    from scripts.paragraphs import BLOCK_MODEL, BlockBead, block_text
    [zb] = _paragraphs("zh", "家访前先和监护人约好时间，说明来意，征得同意后再上门，并且每次都由两名工作人员一同前往。"
                             "评估使用 Strengths and Difficulties Questionnaire 量表。")
    [eb] = _paragraphs("en", "Before a home visit, agree a time with the guardian, explain why you are coming, and go "
                             "only with their consent, always two workers together.")
    d = delta(zh_length(block_text(zb, "zh")), en_length(block_text(eb, "en")), BLOCK_MODEL)
    found = [(d.code, d.message) for d in _pair(None, "docs/zh/x.md", "docs/en/x.md", BlockBead((zb,), (eb,), d))]
    assert [code for code, _ in found] == ["O103"] and "评估使用 Strengths" in found[0][1], found


def test_one_of_two_english_sentences_answering_one_chinese_is_the_added_one():
    """A 1-2 sentence bead: the English sentence whose removal leaves the better pair is the orphan."""
    from scripts.checks.omissions import _orphan_sentences
    [zb] = _paragraphs("zh", "志愿者每周来陪孩子读书写字，一起做游戏。")
    [eb] = _paragraphs("en", "A volunteer comes every week to read, write and play games with the child. "
                             "The parents are always asked first, in person.")
    assert [s.text for s in _orphan_sentences(None, zb, eb, "en")] == ["The parents are always asked first, in person."]


def test_the_pair_furthest_out_of_a_two_by_two_bead_is_judged_with_the_glossary(control_root):
    """A 2-2 bead too long as a whole: its pair furthest out is reported, and which of its English sentences
    is the added one is decided with the glossary (volunteer pairs 志愿者), as for any pair."""
    from scripts.checks.omissions import LONG_DELTA, _two_by_two
    from scripts.lengthalign import Unit, delta, en_length, zh_length
    from scripts.paragraphs import BLOCK_MODEL, BlockBead, block_text
    zb = _paragraphs("zh", "志愿者每周都来陪孩子。", "监护人要签字。")
    eb = _paragraphs("en", "Ask the parents first, always face to face. A volunteer comes to the family every week.",
                     "The guardian signs the form, and keeps a copy of it at home.")
    zl = [zh_length(block_text(b, "zh")) for b in zb]
    el = [en_length(block_text(b, "en")) for b in eb]
    pooled = delta(sum(zl), sum(el), BLOCK_MODEL)
    assert pooled < -LONG_DELTA and delta(zl[0], el[0], BLOCK_MODEL) < delta(zl[1], el[1], BLOCK_MODEL)
    bead = BlockBead(tuple(zb), tuple(eb), pooled, tuple(Unit(round(n)) for n in zl), tuple(Unit(round(n)) for n in el))
    found = [(d.code, d.message) for d in _two_by_two(load_site(control_root), "docs/zh/x.md", "docs/en/x.md", bead)]
    assert [code for code, _ in found] == ["O104"] and "'Ask the parents first" in found[0][1], found


def test_added_english_paragraphs_in_a_row_are_one_run_and_pairs_are_not():
    from scripts.checks.omissions import _runs
    from scripts.paragraphs import BlockBead
    beads = [BlockBead(("z1",), ("e1",)), BlockBead(("z2",), ("e2",)), BlockBead((), ("e3",)), BlockBead((), ("e4",))]
    assert [(k, shape, len(run)) for k, shape, run in _runs(beads)] == [(0, (1, 1), 1), (1, (1, 1), 1),
                                                                        (2, (0, 1), 2)]


def test_a_street_address_at_the_start_of_the_text_is_shown_with_what_precedes_it():
    from scripts.checks.privacy import findings_in_text
    assert [d.message for d in findings_in_text("docs/zh/x.md", "家住某某村 3 组")] == [
        "street-level address '家住某某村 3 组': no places finer than the county"]


def test_a_redirect_to_one_missing_page_says_it_does_not_exist(control_root):
    (control_root / "redirects.yml").write_text("pages:\n  old/page.md: part9/nowhere.md\nsections: {}\n",
                                                encoding="utf-8")
    (control_root / "docs/zh/part9").mkdir()
    (control_root / "docs/zh/part9/nowhere.md").write_text("# 只有中文\n", encoding="utf-8")
    messages = [d.message for d in run(load_site(control_root)).findings if d.code == "M104"]
    assert messages == ["redirect old/page.md -> part9/nowhere.md: docs/en/part9/nowhere.md does not exist"], messages


def test_write_in_blanks_in_list_items_count_like_the_others(tmp_path):
    """F103 names both counts: blanks in paragraphs, list items and table cells together."""
    import shutil
    from tests.checks.conftest import build_root
    from tests.checks.test_forms import BASE
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    form = root / "docs/zh/appendix/forms/visit.md"
    form.write_text(form.read_text(encoding="utf-8").replace("- [ ] 定期家访\n", "- [ ] 定期家访\n- [ ] 其他：＿＿＿＿\n"),
                    encoding="utf-8")
    messages = [d.message for d in run(load_site(root)).findings if d.code == "F103"]
    assert len(messages) == 1, messages
    assert messages[0].startswith("1 write-in blanks") and messages[0].endswith("has 2"), messages


def test_old_mac_line_endings_are_lines():
    page = parse_page("docs/en/x.md", b"# T\r\rFirst.\r\r## Two {#two}\r\rSecond.\r", "en", "x.md")
    assert page.lines == ["# T", "", "First.", "", "## Two {#two}", "", "Second."]
    assert [(s.id, s.line) for s in page.sections] == [("_intro", 1), ("two", 5)]
    assert [(p.line, p.code) for p in page.problems] == [(1, "E103")]


def test_an_indented_code_block_starts_on_its_own_line():
    """A fence's code starts on the line after the ``` ; an indented block's on its first line."""
    page = parse_page("docs/en/x.md", b"# T\n\nText.\n\n    code one\n    code two\n\n```\nfenced\n```\n", "en", "x.md")
    assert [(c.line, c.text) for c in page.sections[0].code] == [(5, "code one"), (6, "code two"), (9, "fenced")]


def test_a_hard_line_break_is_bold_only_inside_bold():
    page = parse_page("docs/en/x.md", b"# T\n\nA hard  \nbreak, **bold  \nbreak**.\n", "en", "x.md")
    assert [(r.text, r.bold) for r in page.blocks[1].runs] == [("A hard\nbreak, ", False), ("bold\nbreak", True),
                                                               (".", False)]


def test_an_odd_number_of_literal_double_stars_stays_text():
    """`**` that CommonMark leaves as text is split into bold runs only in pairs; three stay as they are."""
    page = parse_page("docs/en/x.md", b"# T\n\nx ** y ** z ** w\n", "en", "x.md")
    assert [(r.text, r.bold) for r in page.blocks[1].runs] == [("x ** y ** z ** w", False)] and not page.problems


# --- survivors of the seed-15 sample (2026-12-07) -------------------------------------------------------

def test_line_endings_are_reported_at_the_first_line_that_has_one():
    page = parse_page("docs/en/x.md", b"# T\n\nText.\r\n", "en", "x.md")
    assert [(p.line, p.code) for p in page.problems] == [(3, "E103")]


def test_a_heading_with_only_a_class_has_no_explicit_id():
    page = parse_page("docs/en/x.md", b"# T\n\n## Before the visit { .lead }\n\nText.\n", "en", "x.md")
    assert not page.problems and [(h.title, h.id) for h in page.headings] == [("T", None), ("Before the visit", None)]


def test_a_capitalised_american_spelling_of_a_term_is_found(control_root):
    add(control_root, EN, "\nPsychological-Counseling Volunteers visit weekly.\n")
    add(control_root, "docs/zh/index.md", "\n心理咨询志愿者每周来访。\n")
    assert codes(control_root, "T") == ["T104"]


def test_the_check_pairs_sentences_with_the_glossary(control_root):
    """The whole check, not only its parts, gives the sentence alignment the glossary: lengths alone would
    call the volunteer sentence the added one."""
    add(control_root, EN, "\nA volunteer comes to the family home every week. "
                          "Ask the parents first, always face to face.\n")
    add(control_root, "docs/zh/index.md", "\n志愿者每周来。\n")
    found = [(d.path, d.line, d.code, d.message) for d in run(load_site(control_root)).findings
             if d.code.startswith("O")]
    assert [f[:3] for f in found] == [(EN, 13, "O104")] and "'Ask the parents first" in found[0][3], found


def test_a_chinese_sentence_of_the_minimum_length_is_long_enough():
    from scripts.checks.omissions import MIN_ZH_SENTENCE, _long_enough
    assert _long_enough("字" * MIN_ZH_SENTENCE, "zh") and not _long_enough("字" * (MIN_ZH_SENTENCE - 1), "zh")


def test_admonition_types_are_listed_with_commas(control_root):
    add(control_root, "docs/zh/index.md", '\n!!! note "提示"\n\n    内容。\n\n!!! tip "要点"\n\n    内容。\n')
    add(control_root, EN, '\n!!! note "Note"\n\n    Text.\n\n!!! warning "Point"\n\n    Text.\n')
    messages = [d.message for d in run(load_site(control_root)).findings if d.code == "A113"]
    assert len(messages) == 1 and "has admonitions [note, warning]," in messages[0], messages
    assert messages[0].endswith(" has [note, tip]"), messages


# --- survivors of the seed-16 sample (2026-12-07) -------------------------------------------------------

def test_a_paragraph_quote_as_long_as_the_limit_is_not_cut():
    from scripts.checks.omissions import QUOTE, quote
    assert quote("a" * QUOTE) == "'" + "a" * QUOTE + "'"
    assert quote("a" * (QUOTE + 1)) == "'" + "a" * QUOTE + "…'"


def test_the_first_of_two_english_sentences_can_be_the_added_one():
    from scripts.checks.omissions import _orphan_sentences
    [zb] = _paragraphs("zh", "志愿者每周来陪孩子读书写字，一起做游戏。")
    [eb] = _paragraphs("en", "The parents are always asked first, in person. "
                             "A volunteer comes every week to read, write and play games with the child.")
    assert [s.text for s in _orphan_sentences(None, zb, eb, "en")] == ["The parents are always asked first, in person."]


def test_a_page_that_begins_with_a_list_is_parsed():
    page = parse_page("docs/en/x.md", b"- one\n- two\n", "en", "x.md")
    assert not page.problems and [len(b.items) for b in page.blocks if b.kind == "list"] == [2]


def test_a_page_the_parser_cannot_read_is_one_intro_section_at_line_1(monkeypatch):
    from scripts import model

    def broken(page, data):
        raise RuntimeError("boom")
    monkeypatch.setattr(model, "_parse", broken)
    page = model.parse_page("docs/en/x.md", b"# T\n", "en", "x.md")
    assert [p.code for p in page.problems] == ["E109"]
    assert [(s.id, s.line, s.start) for s in page.sections] == [("_intro", 1, 1)]


def test_checkboxes_split_into_other_lists_are_f102(tmp_path):
    import shutil
    from tests.checks.conftest import build_root
    from tests.checks.test_forms import BASE
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    form = root / "docs/en/appendix/forms/visit.md"
    form.write_text(form.read_text(encoding="utf-8").replace("- [ ] first home visit\n",
                                                              "- [ ] first home visit\n\nor:\n\n"), encoding="utf-8")
    assert codes(root, "F") == ["F102"]


def test_a_version_number_is_compared_as_written(control_root):
    add(control_root, "docs/zh/index.md", "\n使用 1.20.3 版。\n")
    add(control_root, EN, "\nUse version 1.20.4.\n")
    found = [d.message for d in run(load_site(control_root)).findings if d.code.startswith("P")]
    assert found == ["section #how-to-use lacks 1.20.3, which docs/zh/index.md:13 has",
                     "section #how-to-use lacks 1.20.4, which docs/en/index.md:13 has"], found


def test_options_of_the_untranslated_check_come_from_checks_yml(control_root):
    add(control_root, "docs/zh/index.md", "\n请看 the case notes 一节。\n")
    add(control_root, EN, "\nSee the case notes section.\n")
    assert codes(control_root, "U") == []                       # three words: not prose by default (4)
    (control_root / "checks.yml").write_text("untranslated:\n  prose_words: 3\n", encoding="utf-8")
    assert codes(control_root, "U") == ["U103"]


# --- survivors of the seed-17 sample (2026-12-07), found after it was measured --------------------------

def test_a_number_on_the_second_line_of_a_text_that_starts_with_a_newline_is_on_line_2():
    from scripts.checks.privacy import findings_in_text
    assert [(d.line, d.code) for d in findings_in_text("docs/zh/x.md", "\n电话 13812345678")] == [(2, "V102")]


def test_chinese_after_a_comment_in_an_english_diagram_is_found(control_root):
    svg = control_root / "docs/en/assets/model.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace(
        "</svg>", "<text>Model <!-- label --> 服务模式</text></svg>"), encoding="utf-8")
    assert [(d.path, d.code) for d in run(load_site(control_root)).findings if d.code.startswith("U")] == [
        ("docs/en/assets/model.svg", "U102")]


def test_a_misconverted_term_in_a_description_is_h101_at_its_line(mutated_root):
    root = mutated_root("traditional_misconverted")
    page = root / "docs/zh/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("description: ", "description: 本地志愿者与", 1), encoding="utf-8")
    found = [(d.path, d.line, d.message) for d in run(load_site(root)).findings
             if d.code == "H101" and d.path == "docs/zh/index.md"]
    assert [(path, line) for path, line, _ in found] == [("docs/zh/index.md", 2)], found
    assert found[0][2].startswith("description: '志愿者' becomes '誌願者'"), found


# --- survivors of the seed-19 sample (2026-12-07, at f1dffd1) ----------------------------------------------

def test_a_second_table_counts_only_its_own_body_rows():
    """The first table's </tbody> ends its body: the second table's header row is not a body row."""
    page = parse_page("docs/en/x.md", b"# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nText.\n\n"
                                      b"| c | d |\n|---|---|\n| 5 | 6 |\n", "en", "x.md")
    assert [(t.line, t.rows) for t in page.sections[0].tables] == [(3, 2), (10, 1)]


def test_a_checkbox_that_names_an_id_card_is_not_a_field_asking_for_one(tmp_path):
    """F104 is for fields a worker fills in; a box to tick ("ID card checked") writes no number down."""
    import shutil
    from tests.checks.conftest import build_root
    from tests.checks.test_forms import BASE
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    for lang, old, new in (("zh", "- [ ] 定期家访\n", "- [ ] 定期家访\n- [ ] 已核对监护人身份证\n"),
                           ("en", "- [ ] regular home visit\n", "- [ ] regular home visit\n- [ ] guardian's ID card checked\n")):
        form = root / f"docs/{lang}/appendix/forms/visit.md"
        text = form.read_text(encoding="utf-8")
        assert old in text
        form.write_text(text.replace(old, new), encoding="utf-8")
    assert [d for d in run(load_site(root)).findings if d.code.startswith("F")] == []


def test_a_subsections_blanks_are_counted_in_the_subsection_only(tmp_path):
    """A ### section's write-in blanks are its own: the ## section above it is not reported for them too."""
    import shutil
    from tests.checks.conftest import build_root
    from tests.checks.test_forms import BASE
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    for lang, old, new in (("zh", "（按机构制度填写）。\n", "（按机构制度填写）。\n\n### 备注 {#notes}\n\n备注：＿＿＿＿\n"),
                           ("en", "(from the organisation's policy).\n",
                            "(from the organisation's policy).\n\n### Notes {#notes}\n\nNotes:\n")):
        form = root / f"docs/{lang}/appendix/forms/visit.md"
        text = form.read_text(encoding="utf-8")
        assert old in text
        form.write_text(text.replace(old, new), encoding="utf-8")
    en = (root / "docs/en/appendix/forms/visit.md").read_text(encoding="utf-8").splitlines()
    found = [(d.path, d.line, d.code) for d in run(load_site(root)).findings if d.code.startswith("F")]
    assert found == [("docs/en/appendix/forms/visit.md", en.index("### Notes {#notes}") + 1, "F103")], found


# --- survivors of the seed-19 sample (2026-12-07, at f1dffd1), continued -----------------------------------

def test_a_term_whose_edition_form_has_another_length_prints_as_declared(tmp_path):
    """zh_hant may be another length than the term (Hong Kong usage writes 義工 for 志愿者): the override
    that covers exactly the term prints the declared form, which is what the edition should print."""
    from scripts import hant
    from scripts.checks import traditional
    from tests.checks.conftest import build_root
    root = build_root(tmp_path, "traditional_ambiguous")
    glossary = root / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    assert "  zh: 志愿者\n" in text
    glossary.write_text(text.replace("  zh: 志愿者\n", "  zh: 志愿者\n  zh_hant: 義工\n"), encoding="utf-8")
    site = load_site(root)
    converter = hant.Converter(hant.glossary_overrides(site.glossary))
    assert converter("很多志愿者") == "很多義工"
    assert list(traditional.misconverted("很多志愿者", site.glossary, converter)) == []


def test_an_override_that_ends_where_a_term_begins_does_not_cover_it(tmp_path):
    """An override of another length just before a term (很多 here) is not part of the term: the term is
    read as OpenCC prints it."""
    from scripts import hant
    from scripts.checks import traditional
    from tests.checks.conftest import build_root
    site = load_site(build_root(tmp_path, "traditional_ambiguous"))
    converter = hant.Converter({"很多": "好多些"})
    assert converter("很多志愿者") == "好多些志願者"
    assert list(traditional.misconverted("很多志愿者", site.glossary, converter)) == []
