"""The command line through main(): exit codes, formats, codes, stamp round trip."""
from __future__ import annotations

import json

import pytest

from scripts import cli, runner
from scripts.checks import all_codes

ZH = "docs/zh/part1/model.md"
EN = "docs/en/part1/model.md"


def check(root, *extra):
    return cli.main(["check", "--root", str(root), *extra])


def test_clean_site_exits_0(control_root, capsys):
    assert check(control_root) == 0
    out = capsys.readouterr().out
    assert out.strip() == "0 findings in 0 files, 0 suppressed, 0 notes"


def test_findings_exit_1_with_path_line_code(mutated_root, capsys):
    root = mutated_root("links_missing_image")
    assert check(root) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"{EN}:28: L102 image '../assets/modle.svg' not found")
    assert lines[-1] == "1 finding in 1 file, 0 suppressed, 0 notes"


def test_two_files_named_when_two_are_involved(mutated_root, capsys):
    assert check(mutated_root("stale_section")) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(f"{EN}:9: S101 section #recruitment is stale: {ZH}:9 changed since it was translated")


def test_json_format(mutated_root, capsys):
    assert check(mutated_root("parity_number"), "--format", "json") == 1
    items = json.loads(capsys.readouterr().out)
    assert {(i["path"], i["line"], i["code"]) for i in items} == {(EN, 9, "P101"), (ZH, 9, "P102")}
    p101 = next(i for i in items if i["code"] == "P101")
    assert p101["related"] == {"path": ZH, "line": 11} and p101["level"] == "error"


def test_github_format(mutated_root, capsys):
    assert check(mutated_root("links_missing_image"), "--format", "github") == 1
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"::error file={EN},line=28,title=L102::image '../assets/modle.svg' not found")


def test_suppressions_are_counted(mutated_root, capsys):
    check(mutated_root("privacy_hotline_suppressed"))
    assert capsys.readouterr().out.strip().endswith("1 finding in 1 file, 2 suppressed, 0 notes")


def test_codes_lists_every_code(capsys):
    assert cli.main(["codes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert sorted(line.split()[0] for line in out) == sorted(all_codes())
    assert cli.main(["codes", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("- `E101` ")


def test_stamp_round_trip(control_root, capsys):
    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8").replace("共录用 12 名", "共录用 12 名志愿者"), encoding="utf-8")
    assert check(control_root) == 1
    assert f"{EN}:9: S101 " in capsys.readouterr().out

    assert cli.main(["stamp", "--root", str(control_root), "--defer"]) == 0
    assert "deferred 1 stale section(s)" in capsys.readouterr().out
    assert check(control_root) == 0
    out = capsys.readouterr().out
    assert f"{EN}:9: S105 note: section #recruitment may be out of date" in out
    assert out.strip().endswith("0 findings in 0 files, 0 suppressed, 1 note")

    zh.write_text(zh.read_text(encoding="utf-8").replace("也有心理咨询志愿者", "还有心理咨询志愿者"), encoding="utf-8")
    assert check(control_root) == 1                       # changed again after the deferral: stale again
    capsys.readouterr()

    assert cli.main(["stamp", "--root", str(control_root), "part1/model.md"]) == 0
    assert check(control_root) == 0
    assert capsys.readouterr().out.strip().endswith("0 findings in 0 files, 0 suppressed, 0 notes")


def test_stamp_names_pages_in_any_spelling(control_root, capsys):
    for name in ("part1/model.md", "docs/zh/part1/model.md", "docs/en/part1/model.md"):
        assert cli.main(["stamp", "--root", str(control_root), name]) == 0
    assert cli.main(["stamp", "--root", str(control_root), "part9/none.md"]) == 2
    assert "is not a page" in capsys.readouterr().err


def test_stamp_drops_entries_of_removed_sections(control_root):
    lock = control_root / "translation-lock.yml"
    lock.write_text(lock.read_text(encoding="utf-8") + "gone.md:\n  _intro: {zh: \"abcdefabcdef\"}\n", encoding="utf-8")
    assert check(control_root) == 1
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    assert "gone.md" not in lock.read_text(encoding="utf-8")
    assert check(control_root) == 0


@pytest.mark.parametrize("argv", [[], ["nonsense"], ["check", "--format", "xml"], ["check", "--bogus"]])
def test_usage_errors_exit_2(argv, capsys):
    assert cli.main(argv) == 2


def test_missing_mkdocs_yml_exits_2(control_root, capsys):
    (control_root / "mkdocs.yml").unlink()
    assert check(control_root) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no mkdocs.yml") and "Traceback" not in err


def test_unusable_root_exits_2(tmp_path, capsys):
    assert check(tmp_path / "nowhere") == 2
    assert "is not a folder" in capsys.readouterr().err


def test_missing_docs_folder_exits_2(control_root, capsys):
    import shutil

    shutil.rmtree(control_root / "docs")
    assert check(control_root) == 2
    assert "no docs folder" in capsys.readouterr().err


@pytest.mark.parametrize("text, message", [
    ("typography: {autocorect: true}\n", "checks.yml:1: unknown option 'autocorect' in 'typography'"),
    ("typography:\n  autocorrect: maybe\n", "checks.yml:2: 'autocorrect' must be a bool"),
    ("disable: [Q999]\n", "checks.yml:1: 'disable' names 'Q999'"),
    ("typography:\n  autocorrect: true\ndisable:\n  - C105\n  - Z999\n", "checks.yml:5: 'disable' names 'Z999'"),
    ("\n\ndisable: C105\n", "checks.yml:3: 'disable' must be a list, not str"),
    ("disable:\n  - 3\n", "checks.yml:2: '3' is not a code or family letter"),
    ("links:\n  online_timeout: -1\n", "checks.yml:2: online_timeout must be positive"),
    ("untranslated:\n  prose_words: 0\n", "checks.yml:2: 'prose_words': must be a positive number"),
    ("generated: [a.md]\n", "checks.yml:1: 'generated' must be a dict, not list"),
    ("generated:\n  a.md: 5\n", "checks.yml:2: each generated page"),
    ("third_party:\n  allowed_hosts:\n    - {a: b}\n", "checks.yml:3: 'allowed_hosts': allowed host"),
    ("- just\n- a list\n", "checks.yml:1: must be a mapping of options"),
    ("third_party:\n  allowed_hosts: [https://cdn.example.com/]\n", "checks.yml:2: 'allowed_hosts': allowed host"),
    ("links: [\n", "checks.yml:1: invalid YAML"),
])
def test_config_errors_exit_2(control_root, capsys, text, message):
    (control_root / "checks.yml").write_text(text, encoding="utf-8")
    assert check(control_root) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_config_names_the_generated_pages(control_root, capsys):
    """`generated` in checks.yml replaces the default list: a page named there must keep its marker (A119)."""
    (control_root / "checks.yml").write_text('generated:\n  index.md: "<!-- filled-here -->"\n', encoding="utf-8")
    assert check(control_root) == 1
    found = [line.split(" ", 2)[:2] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert found == [["docs/en/index.md:1:", "A119"], ["docs/zh/index.md:1:", "A119"]]


def test_config_disables_codes(mutated_root, capsys):
    root = mutated_root("typography")
    (root / "checks.yml").write_text("disable: [C, S101, A115, O105]\n", encoding="utf-8")
    assert check(root) == 1                                  # the L101 remains
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()[:-1]] == ["L101"]


def test_config_allows_hosts(mutated_root, capsys):
    root = mutated_root("third_party")
    (root / "checks.yml").write_text("third_party:\n  allowed_hosts: [example.com, googleapis.com]\n"
                                     "disable: [X104]\n", encoding="utf-8")
    assert check(root) == 0


def test_unexpected_bug_is_one_line_exit_2(control_root, capsys, monkeypatch):
    def broken(site):
        raise KeyError("surprise")

    monkeypatch.setattr(runner, "run", broken)
    assert check(control_root) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: KeyError" in err


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_no_control_characters_in_any_format(control_root, capsys, fmt):
    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8") + "\n（参阅 [文档](https://example.com/a/b/c))。\x1b[2J\n",
                  encoding="utf-8")
    assert check(control_root, "--format", fmt) == 1
    out = capsys.readouterr().out
    assert "C102" in out and "（参阅 [文档](https://example.com/a/b/c))" in out
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in out)


def _append_section(root, zh_text, en_text):
    for path, text in ((ZH, zh_text), (EN, en_text)):
        page = root / path
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def _codes(out):
    return [line.split()[1] for line in out.strip().splitlines()[:-1]]


def test_duplicate_ids_stamp_then_check_is_clean(control_root, capsys):
    """Two zh sections #sources: the lock keeps both (never one entry for two), and counts are true."""
    _append_section(control_root, "\n## 补充资料 {#sources}\n\n另见第 2 部分。\n",
                    "\n## More sources {#sources}\n\nSee also part 2.\n")
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    stamped = int(capsys.readouterr().out.split()[1])
    lock = (control_root / "translation-lock.yml").read_text(encoding="utf-8")
    entries = [line for line in lock.splitlines() if line.startswith("  ")]
    assert stamped == len(entries) == 8 and '  "sources #2": {zh: ' in lock
    check(control_root)
    assert sorted(_codes(capsys.readouterr().out)) == ["A105", "A105"]        # the duplicate id itself only

    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8").replace("另见第 2 部分。", "另见第 2 部分和附录。"),
                  encoding="utf-8")
    check(control_root)
    out = capsys.readouterr().out
    assert sorted(_codes(out)) == ["A105", "A105", "S101"]
    assert f"{EN}:34: S101 section #sources is stale: {ZH}:34 changed" in out   # the second one, not the first
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    capsys.readouterr()
    check(control_root)
    assert sorted(_codes(capsys.readouterr().out)) == ["A105", "A105"]


def test_sections_without_ids_are_fingerprinted_by_position(control_root, capsys):
    _append_section(control_root, "\n## 补充说明\n\n另见第 2 部分。\n", "\n## Further notes\n\nSee also part 2.\n")
    assert cli.main(["stamp", "--root", str(control_root)]) == 0
    assert "stamped 8 section(s)" in capsys.readouterr().out
    assert '  "sources +1": {zh: ' in (control_root / "translation-lock.yml").read_text(encoding="utf-8")
    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8").replace("另见第 2 部分。", "另见第 2 部分和附录。"),
                  encoding="utf-8")
    check(control_root)
    out = capsys.readouterr().out
    assert sorted(_codes(out)) == ["A104", "A104", "S101"]
    assert f"{EN}:34: S101 section 'Further notes' is stale: {ZH}:34 changed" in out


def _relayout(root, moves):
    import shutil

    docs = root / "docs"
    for old, new in moves:
        (docs / new).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(docs / old), str(docs / new))


@pytest.mark.parametrize("moves, found", [
    ([("zh", "zh-cn"), ("en", "en-us")], "found Markdown pages: 3 in docs/en-us/, 3 in docs/zh-cn/"),
    ([("zh", "zh-cn")], "found Markdown pages: 3 in docs/en/, 3 in docs/zh-cn/"),
    ([("zh/index.md", "index.zh.md"), ("en/index.md", "index.en.md"), ("zh/part1", "p1"), ("zh/appendix", "ap"),
      ("en/part1", "p2"), ("en/appendix", "ap2")],
     "found Markdown pages: 2 named like docs/index.en.md (the suffix layout"),
    ([("zh", "../zh"), ("en", "../en")], "found docs/ is empty"),
    ([("zh", "../zh"), ("en/index.md", "../index.md"), ("en/part1", "../part1"), ("en/appendix", "../appendix")],
     "found no Markdown page in docs/ (1 other file(s))"),
])
def test_unrecognised_layout_exits_2_saying_what_was_found(control_root, capsys, moves, found):
    _relayout(control_root, moves)
    assert check(control_root) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: expected Markdown pages in docs/zh/ (the Chinese source) and docs/en/")
    assert found in err and "Traceback" not in err and err.count("\n") == 1


def test_one_language_not_started_is_findings_not_a_layout_error(control_root, capsys):
    import shutil

    shutil.rmtree(control_root / "docs/en")
    assert check(control_root) == 1
    assert "A101" in capsys.readouterr().out
