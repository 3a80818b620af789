"""Smaller units: link resolution, typography exclusions, translation status, lock format, outputs."""
from __future__ import annotations

import pytest

from scripts.checks.links import resolve
from scripts.checks.typography import excluded_spans
from scripts.diagnostics import Diagnostic, Location, format_github, format_text, render
from scripts.lock import dump_lock, load_lock, status_of
from scripts.site import load_site


@pytest.fixture
def loaded(control_root):
    return load_site(control_root)


@pytest.mark.parametrize("target, kind, path, leaves", [
    ("../index.md", "relative", "docs/en/index.md", ""),
    ("../index.md#how-to-use", "relative", "docs/en/index.md", ""),
    ("#training", "anchor", "docs/en/part1/model.md", ""),
    ("../../zh/index.md", "relative", "docs/zh/index.md", "links into docs/zh/"),
    ("../../en/index.md", "relative", "docs/en/index.md", "climbs out of docs/en/"),
    ("../../../mkdocs.yml", "relative", "mkdocs.yml", "climbs out of docs/en/"),
    ("/part1/model/", "absolute", "", ""),
    ("https://example.org/a", "external", "", ""),
    ("//cdn.example.org/a.js", "external", "", ""),
    ("mailto:someone@example.org", "other", "", ""),
    ("", "empty", "", ""),
    ("model%20copy.md", "relative", "docs/en/part1/model copy.md", ""),
])
def test_resolve(loaded, target, kind, path, leaves):
    page = loaded.page("en", "part1/model.md")
    resolved = resolve(loaded, page, target)
    assert (resolved.kind, resolved.path, resolved.leaves) == (kind, path, leaves)


def test_typography_exclusions():
    line = "见`a,b`与[链接](x,y.md)及 https://a.cn/x,y 和 <span title=\"a,b\">字</span>{: #id }"
    covered = "".join(line[s:e] for s, e in excluded_spans(line))
    for piece in ("`a,b`", "](x,y.md)", "https://a.cn/x,y", "<span title=\"a,b\">", "{: #id }"):
        assert piece in covered


def test_translation_status_api(control_root):
    zh = control_root / "docs/zh/part1/model.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("志愿者须年满", "志愿者应年满"), encoding="utf-8")
    status = load_site(control_root).translation_status
    assert list(status) == ["index.md", "part1/model.md", "appendix/translation-status.md"]   # nav order
    model = status["part1/model.md"]
    assert model.state == "stale" and model.en_title == "1.1 The service model"
    assert [(s.id, s.state) for s in model.sections] == [("_intro", "current"), ("recruitment", "stale"),
                                                         ("training", "current"), ("sources", "current")]
    assert [s.id for s in model.outdated] == ["recruitment"]


def test_status_of_missing_english_page(control_root):
    (control_root / "docs/en/part1/model.md").unlink()
    status = status_of(load_site(control_root))
    assert status["part1/model.md"].state == "missing"
    assert {s.state for s in status["part1/model.md"].sections} == {"missing"}


def test_lock_round_trips_through_yaml(control_root):
    lock = load_lock(control_root)
    assert lock.problems == []
    assert dump_lock(lock) == (control_root / "translation-lock.yml").read_text(encoding="utf-8")


def test_fingerprint_ignores_typography_and_comments(control_root):
    zh = control_root / "docs/zh/part1/model.md"
    text = zh.read_text(encoding="utf-8")
    text = text.replace("共录用 12 名", "共录用12名").replace("志愿者须年满 18 岁。", "志愿者须年满 18 岁.")
    text = text.replace("## 招募 {#recruitment}\n", "## 招募 {#recruitment}\n\n<!-- a note for editors -->\n")
    zh.write_text(text, encoding="utf-8")
    assert {s.state for s in load_site(control_root).translation_status["part1/model.md"].sections} == {"current"}


def test_formats():
    d = Diagnostic("docs/en/a.md", 12, "S101", "section #x is stale: docs/zh/a.md:10 changed, 100%",
                   Location("docs/zh/a.md", 10))
    note = Diagnostic("docs/en/a.md", 3, "S105", "deferred", level="note")
    assert format_text(d) == "docs/en/a.md:12: S101 section #x is stale: docs/zh/a.md:10 changed, 100%"
    assert format_text(note) == "docs/en/a.md:3: S105 note: deferred"
    assert format_github(d) == ("::error file=docs/en/a.md,line=12,title=S101::section #x is stale: "
                                "docs/zh/a.md:10 changed, 100%25")
    assert format_github(note).startswith("::notice ")
    assert render([d], [note], 2, "text").splitlines() == [
        format_text(note), format_text(d), "1 finding in 1 file, 2 suppressed, 1 note"]


@pytest.mark.parametrize("markdown, code, words", [
    ("[folder](part1/)", "L101", "points at a folder"),
    ("[nothing]()", "L101", "empty target"),
    ('<a href="part1/none.md">x</a>', "L101", "not found"),
    ('<img src="assets/none.png" alt="">', "L102", "not found"),
    ('<img srcset="assets/model.svg 1x, assets/none.svg 2x" alt="">', "L102", "none.svg"),
    ("[same page](#nowhere)", "L103", "'#nowhere' not found in docs/en/index.md"),
    ("[attr id](part1/model.md#training)", None, ""),
    ("[mail](mailto:someone@school.edu.cn)", "V104", "e-mail"),
    ("[mail](mailto:someone@example.org)", None, ""),
])
def test_link_cases(control_root, markdown, code, words):
    from scripts.checks import links, privacy

    page = control_root / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{markdown}\n", encoding="utf-8")
    site = load_site(control_root)
    found = [d for d in list(links.check(site)) + list(privacy.check(site)) if d.line == 13]
    if code is None:
        assert found == []
    else:
        assert [d.code for d in found] == [code] and words in found[0].message


@pytest.mark.parametrize("zh_target, en_target", [
    ("https://kubernetes.io/zh-cn/docs/concepts/", "https://kubernetes.io/docs/concepts/"),
    ("https://zh.wikipedia.org/wiki/%E5%84%BF%E7%AB%A5", "https://en.wikipedia.org/wiki/Child"),
    ("https://support.example.org/answer/1?hl=zh-CN", "https://support.example.org/answer/1?hl=en"),
    ("https://www.unicef.org/zh/reports", "https://www.unicef.org/reports/"),
])
def test_localised_links_are_the_same_target(control_root, zh_target, en_target):
    from scripts.checks import alignment

    for lang, target in (("zh", zh_target), ("en", en_target)):
        page = control_root / f"docs/{lang}/part1/model.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("https://www.gov.cn/zhengce/content/2016-06/16/content_5082800.htm", target),
                        encoding="utf-8")
    assert [d for d in alignment.check(load_site(control_root)) if d.code == "A115"] == []


def test_different_external_pages_still_differ(control_root):
    from scripts.checks import alignment

    page = control_root / "docs/en/part1/model.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("content_5082800.htm", "content_5082801.htm"), encoding="utf-8")
    assert len([d for d in alignment.check(load_site(control_root)) if d.code == "A115"]) == 2
