"""The record of what is published (``publish``), and the commands that move pages and rename ids without
breaking it (``move``, ``rename-id``): after each, ``make check`` is clean; moving or renaming by hand
makes it fail naming what broke; a refused command changes nothing. The build and Chromium half of the
journey is tests/browser/test_permanence.py."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import cli
from scripts.published import load_published, url_path
from scripts.redirects import load_redirects
from scripts.runner import run
from scripts.site import load_site
from harness import ROOT


def findings(root: Path) -> list[str]:
    return [f"{d.path}:{d.line}: {d.code} {d.message}" for d in run(load_site(root)).findings]


def codes(root: Path) -> list[str]:
    return [d.code for d in run(load_site(root)).findings]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".cache" not in p.parts}


@pytest.fixture
def published(control_root):
    assert cli.main(["publish", "--root", str(control_root)]) == 0
    return control_root


def test_record_of_the_control(published):
    rec = load_published(published)
    assert sorted(rec.pages) == ["appendix/translation-status.md", "index.md", "part1/model.md"]
    model = rec.pages["part1/model.md"]
    assert model.urls == ["/part1/model/", "/en/part1/model/"] and list(model.ids) == ["recruitment", "sources",
                                                                                         "training"]
    assert rec.pages["index.md"].urls == ["/", "/en/"]
    assert list(rec.shortlinks) == ["home"]
    assert findings(published) == []


def test_publish_is_stable_and_never_forgets(published):
    text = (published / "published.yml").read_text(encoding="utf-8")
    assert cli.main(["publish", "--root", str(published)]) == 0
    assert (published / "published.yml").read_text(encoding="utf-8") == text
    for lang in ("zh", "en"):
        (published / f"docs/{lang}/appendix/translation-status.md").unlink()
    assert cli.main(["publish", "--root", str(published)]) == 0
    assert "appendix/translation-status.md" in load_published(published).pages


@pytest.mark.parametrize("rel, lang, directory_urls, url", [
    ("index.md", "zh", True, "/"), ("index.md", "en", True, "/en/"), ("part1/index.md", "zh", True, "/part1/"),
    ("part1/model.md", "en", True, "/en/part1/model/"), ("part1/model.md", "zh", False, "/part1/model.html"),
    ("part1/index.md", "en", False, "/en/part1/index.html")])
def test_url_path(rel, lang, directory_urls, url):
    assert url_path(rel, lang, directory_urls) == url


# --- by hand, without the commands: make check names what broke ---------------------------------------

def test_moving_a_page_by_hand_is_m101(published):
    for lang in ("zh", "en"):
        folder = published / f"docs/{lang}"
        (folder / "part2").mkdir()
        (folder / "part1/model.md").rename(folder / "part2/service-model.md")
        index = folder / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("part1/model.md", "part2/service-model.md"),
                         encoding="utf-8")
    mkdocs = published / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("part1/model.md", "part2/service-model.md"),
                      encoding="utf-8")
    lock = published / "translation-lock.yml"
    lock.write_text(lock.read_text(encoding="utf-8").replace("part1/model.md", "part2/service-model.md"),
                    encoding="utf-8")
    assert cli.main(["stamp", "--root", str(published)]) == 0
    found = findings(published)
    assert len(found) == 1 and found[0].startswith("published.yml:17: M101 published page part1/model.md "
                                                   "(/part1/model/, /en/part1/model/) no longer exists")


def test_renaming_an_id_by_hand_is_m102(published):
    for lang in ("zh", "en"):
        page = published / f"docs/{lang}/part1/model.md"
        page.write_text(page.read_text(encoding="utf-8").replace("{#training}", "{#volunteer-training}"),
                        encoding="utf-8")
    assert cli.main(["stamp", "--root", str(published)]) == 0
    found = findings(published)
    assert len(found) == 1
    assert found[0].startswith("published.yml:24: M102 published section part1/model.md#training "
                               "(/part1/model/#training, /en/part1/model/#training)")


def add_glossary_page(root: Path) -> None:
    """The control with a glossary page in both languages (its table of terms is the build's: the marker),
    and a link from the chapter to the row of the term 'volunteer' in each language."""
    for lang, title in (("zh", "术语表"), ("en", "Glossary")):
        (root / f"docs/{lang}/appendix/glossary.md").write_text(
            f"---\ndescription: {title}\n---\n\n# {title}\n\n<!-- glossary -->\n", encoding="utf-8")
        chapter = root / f"docs/{lang}/part1/model.md"
        chapter.write_text(chapter.read_text(encoding="utf-8").replace(
            "](../index.md)", "](../index.md) ([term](../appendix/glossary.md#volunteer))"), encoding="utf-8")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "      - appendix/translation-status.md\n", "      - appendix/translation-status.md\n      - appendix/glossary.md\n"),
        encoding="utf-8")
    assert cli.main(["stamp", "--root", str(root)]) == 0


def test_glossary_rows_are_published_and_a_changed_term_id_is_m102(published):
    """The manual promises that /appendix/glossary/#<term id> is a lasting link (the glossary page says so):
    the build writes one row per term with its id, the record keeps those ids, a link to a row is a link
    to an existing anchor, and changing a term's id in glossary.yml without an alias breaks them."""
    add_glossary_page(published)
    assert findings(published) == []                                       # the link to #volunteer resolves
    assert cli.main(["publish", "--root", str(published)]) == 0
    assert {"volunteer", "children-in-difficulties"} <= set(load_published(published).pages["appendix/glossary.md"].ids)
    glossary = published / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("- id: volunteer\n", "- id: volunteer-person\n"),
                        encoding="utf-8")
    found = findings(published)
    assert sorted(f.split(" ", 2)[1] for f in found) == ["L103", "L103", "M102"], found
    assert any("M102 published section appendix/glossary.md#volunteer (/appendix/glossary/#volunteer, "
               "/en/appendix/glossary/#volunteer)" in f for f in found)
    (published / "redirects.yml").write_text(
        "pages: {}\nsections:\n  appendix/glossary.md:\n    volunteer: volunteer-person\n", encoding="utf-8")
    assert sorted(f.split(" ", 2)[1] for f in findings(published)) == ["L103", "L103"]   # links: rewrite them
    for lang in ("zh", "en"):
        chapter = published / f"docs/{lang}/part1/model.md"
        chapter.write_text(chapter.read_text(encoding="utf-8").replace("#volunteer)", "#volunteer-person)"),
                           encoding="utf-8")
    assert cli.main(["stamp", "--root", str(published)]) == 0
    assert findings(published) == []


# --- the commands ----------------------------------------------------------------------------------------

def test_move_then_check_is_clean(published, capsys):
    mkdocs_before = (published / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part2/service-model.md"]) == 0
    for lang in ("zh", "en"):
        assert not (published / f"docs/{lang}/part1").exists()          # the emptied folder goes too
        page = (published / f"docs/{lang}/part2/service-model.md").read_text(encoding="utf-8")
        assert "](../index.md)" in page and "](../assets/model.svg)" in page and "](#recruitment)" in page
        home = (published / f"docs/{lang}/index.md").read_text(encoding="utf-8")
        assert "](part2/service-model.md#recruitment)" in home and "part1/model.md" not in home
    mkdocs_after = (published / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    changed = [(a, b) for a, b in zip(mkdocs_before, mkdocs_after) if a != b]
    assert changed == [("  - part1/model.md", "  - part2/service-model.md")] and len(mkdocs_after) == len(mkdocs_before)
    lock = (published / "translation-lock.yml").read_text(encoding="utf-8")
    assert "part2/service-model.md:" in lock and "part1/model.md" not in lock
    assert load_redirects(published).pages == {"part1/model.md": "part2/service-model.md"}
    assert findings(published) == []
    assert "redirects.yml: part1/model.md -> part2/service-model.md" in capsys.readouterr().out


def test_removing_a_redirect_or_alias_after_the_next_release_is_one_finding_each(published):
    root = str(published)
    assert cli.main(["move", "--root", root, "part1/model.md", "part2/model.md"]) == 0
    assert cli.main(["rename-id", "--root", root, "part2/model.md", "training", "coaching"]) == 0
    assert cli.main(["publish", "--root", root]) == 0
    assert findings(published) == []
    (published / "redirects.yml").write_text("pages: {}\nsections: {}\n", encoding="utf-8")
    found = findings(published)
    assert [f.split(" ", 3)[1] for f in found] == ["M101", "M102"]
    assert "published page part1/model.md (/part1/model/, /en/part1/model/)" in found[0]
    assert "published section part2/model.md#training (/part2/model/#training, /en/part2/model/#training)" in found[1]


def test_rename_id_then_check_is_clean(published):
    assert cli.main(["rename-id", "--root", str(published), "part1/model.md", "recruitment",
                     "volunteer-recruitment"]) == 0
    for lang in ("zh", "en"):
        page = (published / f"docs/{lang}/part1/model.md").read_text(encoding="utf-8")
        assert "{#volunteer-recruitment}" in page and "](#volunteer-recruitment)" in page and "recruitment)" not in \
            page.replace("volunteer-recruitment)", "")
        home = (published / f"docs/{lang}/index.md").read_text(encoding="utf-8")
        assert "part1/model.md#volunteer-recruitment" in home
    assert "volunteer-recruitment" in (published / "translation-lock.yml").read_text(encoding="utf-8")
    assert load_redirects(published).sections == {"part1/model.md": {"recruitment": "volunteer-recruitment"}}
    assert findings(published) == []


def test_two_moves_and_two_renames_write_no_chain(published):
    root = str(published)
    assert cli.main(["move", "--root", root, "part1/model.md", "part2/model.md"]) == 0
    assert cli.main(["rename-id", "--root", root, "part2/model.md", "training", "volunteer-training"]) == 0
    assert cli.main(["move", "--root", root, "part2/model.md", "part3/model.md"]) == 0
    assert cli.main(["rename-id", "--root", root, "part3/model.md", "volunteer-training", "training-volunteers"]) == 0
    red = load_redirects(published)
    assert red.pages == {"part1/model.md": "part3/model.md", "part2/model.md": "part3/model.md"}
    assert red.sections == {"part3/model.md": {"training": "training-volunteers",
                                               "volunteer-training": "training-volunteers"}}
    assert findings(published) == []
    assert cli.main(["move", "--root", root, "part3/model.md", "part1/model.md"]) == 0    # and back again
    assert load_redirects(published).pages == {"part2/model.md": "part1/model.md", "part3/model.md": "part1/model.md"}
    assert cli.main(["rename-id", "--root", root, "part1/model.md", "training-volunteers", "training"]) == 0
    assert load_redirects(published).sections == {"part1/model.md": {"training-volunteers": "training",
                                                                     "volunteer-training": "training"}}
    assert findings(published) == []


def test_a_move_that_keeps_the_url_needs_no_redirect(published, capsys):
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part1/model/index.md"]) == 0
    assert "no redirect needed" in capsys.readouterr().out
    assert load_redirects(published).pages == {}
    assert findings(published) == []


def test_a_stale_translation_stays_stale_and_a_current_one_current(published):
    zh = published / "docs/zh/part1/model.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("并参考", "同时参考"), encoding="utf-8")
    assert codes(published) == ["S101"]
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part2/model.md"]) == 0
    assert cli.main(["rename-id", "--root", str(published), "part2/model.md", "recruitment", "recruiting"]) == 0
    found = findings(published)
    assert len(found) == 1 and found[0].startswith("docs/en/part2/model.md:") and " S101 " in found[0] \
        and "#training" in found[0]


@pytest.mark.parametrize("command, message", [
    (["move", "part1/model.md", "index.md"], "the target exists (docs/zh/index.md)"),
    (["move", "part1/model.md", "appendix/translation-status/index.md"],
     "is already published at /appendix/translation-status/"),
    (["move", "part1/gone.md", "part1/new.md"], "no page part1/gone.md"),
    (["move", "part1/model.md", "part1/model.txt"], "ending in .md"),
    (["rename-id", "part1/model.md", "training", "recruitment"], "the id 'recruitment' is already in use"),
    (["rename-id", "part1/model.md", "nowhere", "somewhere"], "unknown id"),
    (["rename-id", "part1/model.md", "training", "Training Now"], "is not an id"),
])
def test_refused_with_exit_2_and_nothing_written(published, capsys, command, message):
    before = tree(published)
    assert cli.main([command[0], "--root", str(published), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert tree(published) == before


def test_a_page_in_one_language_only_is_refused(published, capsys):
    (published / "docs/en/part1/model.md").unlink()
    before = tree(published)
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part2/model.md"]) == 2
    assert cli.main(["rename-id", "--root", str(published), "part1/model.md", "training", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("a page in one language only (docs/en/part1/model.md is missing)") == 2
    assert tree(published) == before


def test_an_id_in_one_language_only_is_refused(published, capsys):
    page = published / "docs/en/part1/model.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#training}", "{#coaching}"), encoding="utf-8")
    assert cli.main(["rename-id", "--root", str(published), "part1/model.md", "training", "x"]) == 2
    assert "unknown id: docs/en/part1/model.md has no section with that id" in capsys.readouterr().err


@pytest.mark.manual
def test_the_manual_after_a_move_and_a_rename_is_clean(tmp_path, monkeypatch):
    """The real manual (its many cross-links, the reporting authority in checks.yml, short links, nav)."""
    monkeypatch.setenv("CHECKS_CACHE", "0")
    root = tmp_path / "manual"
    root.mkdir()
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in ("mkdocs.yml", "shortlinks.yml", "checks.yml", "glossary.yml", "translation-lock.yml",
                 "published.yml", "redirects.yml"):
        shutil.copy(ROOT / name, root / name)        # clean before: tests/checks/test_manual.py
    assert cli.main(["move", "--root", str(root), "part2/psychosocial.md", "part2/support/psychosocial.md"]) == 0
    assert cli.main(["rename-id", "--root", str(root), "part2/support/psychosocial.md", "mandatory-reporting",
                     "reporting-harm"]) == 0
    checks = (root / "checks.yml").read_text(encoding="utf-8")
    assert "authority: part2/support/psychosocial.md#reporting-harm" in checks
    assert "2-8: part2/support/psychosocial.md" in (root / "shortlinks.yml").read_text(encoding="utf-8")
    assert findings(root) == []


def test_unreadable_record_or_redirects_stop_the_commands_with_exit_2(published, capsys):
    (published / "published.yml").write_text("pages: [\n", encoding="utf-8")
    assert cli.main(["publish", "--root", str(published)]) == 2
    assert "cannot read what is recorded (not valid YAML" in capsys.readouterr().err
    (published / "redirects.yml").write_text("pages:\n  part1/a.md: [x\n", encoding="utf-8")
    before = tree(published)
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part2/model.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: redirects.yml:3: not valid YAML") and "fix it first" in err
    assert tree(published) == before


def test_a_published_alias_survives_a_move_that_keeps_the_url(published, capsys):
    """An alias recorded by publish (an old id that was never a heading here) still resolves after the page
    moves to a path with the same URL."""
    (published / "redirects.yml").write_text("pages: {}\nsections:\n  part1/model.md:\n    old-training: training\n",
                                             encoding="utf-8")
    assert cli.main(["publish", "--root", str(published)]) == 0
    assert cli.main(["move", "--root", str(published), "part1/model.md", "part1/model/index.md"]) == 0
    assert load_redirects(published).sections == {"part1/model/index.md": {"old-training": "training"}}
    assert findings(published) == []
