"""What the editor reads about shortlinks.yml (E114) and ui-strings.yml (E115): the line, and a message that
says what is wrong and what to write instead; either file may be absent."""
from __future__ import annotations

from scripts.runner import run
from scripts.site import load_site


def findings(root, codes=("E114", "E115")):
    return [(d.path, d.line, d.code, d.message) for d in run(load_site(root)).findings if d.code in codes]


def write(root, name, text):
    (root / name).write_text(text, encoding="utf-8")


def test_short_link_keys_and_targets(control_root):
    write(control_root, "shortlinks.yml", "home: index.md\n2 6: part1/model.md\ngone: part1/gone.md\n"
                                          "en-only: part1/extra.md\n")
    (control_root / "docs/en/part1/extra.md").write_text("# Extra\n", encoding="utf-8")
    assert findings(control_root) == [
        ("shortlinks.yml", 2, "E114", "short-link key '2 6' is not URL-safe: use letters, digits and '-' "
                                      "(it is printed as /go/<key>/)"),
        ("shortlinks.yml", 3, "E114", "short link 'gone' points to docs/zh/part1/gone.md, docs/en/part1/gone.md, "
                                      "which is not a page"),
        ("shortlinks.yml", 4, "E114", "short link 'en-only' points to docs/zh/part1/extra.md, which is not a page"),
    ]


def test_url_safe_keys_are_letters_digits_and_inner_hyphens(control_root):
    keys = {"ok-2": False, "A1": False, "-x": True, "x-": True, "a--b": True, "a_b": True, "a.b": True}
    write(control_root, "shortlinks.yml", "".join(f"'{key}': index.md\n" for key in keys))
    flagged = {message.split("'")[1] for _, _, _, message in findings(control_root)}
    assert flagged == {key for key, bad in keys.items() if bad}


def test_a_malformed_shortlinks_file_is_reported_at_its_line(control_root):
    write(control_root, "shortlinks.yml", "home: index.md\nbad: [x\n")
    [(path, line, code, message)] = findings(control_root)
    assert (path, code) == ("shortlinks.yml", "E114") and line in (2, 3) and message.startswith("not valid YAML: ")
    write(control_root, "shortlinks.yml", "- index.md\n")
    assert findings(control_root) == [("shortlinks.yml", 1, "E114", "expected a mapping of short key to page path")]


def test_ui_strings_problems(control_root):
    write(control_root, "ui-strings.yml", "zh:\n  kit:\n    print: 打印本章\nen:\n  kit: {}\n")
    assert findings(control_root) == [("ui-strings.yml", 3, "E115", "zh.kit.print has no en text")]
    write(control_root, "ui-strings.yml", "zh: [\n")
    assert findings(control_root) == [("ui-strings.yml", 2, "E115", "did not find expected node content")]
    (control_root / "ui-strings.yml").write_bytes(b"zh:\n  kit:\n    print: \xff\n")
    [(path, line, code, message)] = findings(control_root)
    assert (path, line, code) == ("ui-strings.yml", 1, "E115") and message.startswith("cannot be read as UTF-8 text: ")


def test_both_files_may_be_absent(control_root):
    (control_root / "shortlinks.yml").unlink()
    (control_root / "ui-strings.yml").unlink()
    report = run(load_site(control_root))
    assert report.findings == [] and report.notes == []
