"""scripts/compare_builds.py: what differs between two builds, with HTML compared after normalising."""
from __future__ import annotations

import io

from scripts.compare_builds import compare, main


def tree(root, files: dict[str, str]):
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_lists_and_diffs(tmp_path):
    before = tree(tmp_path / "a", {"same.txt": "x", "gone.txt": "x", "a/index.html": "<p>one</p>\n<p>two</p>",
                                   "b/index.html": "<p>old text</p>", "i.json": '{"a": 1, "b": 2}'})
    after = tree(tmp_path / "b", {"same.txt": "x", "new.txt": "x", "a/index.html": "<p>one</p><p>two</p>",
                                  "b/index.html": "<p>new text</p>", "i.json": '{"b":2,"a":1}'})
    out = io.StringIO()
    assert compare(before, after, [], 40, out) == 1
    text = out.getvalue()
    assert "1 identical, 2 equivalent, 1 changed, 1 added, 1 removed" in text
    assert "removed: gone.txt" in text and "added: new.txt" in text
    assert "equivalent: a/index.html" in text and "equivalent: i.json" in text
    assert "changed: b/index.html (2 lines differ)" in text
    diff = [line.strip() for line in text.splitlines()]
    assert any(line.startswith("-<") and "old text" in line for line in diff)
    assert any(line.startswith("+<") and "new text" in line for line in diff)


def test_identical_builds_and_ignored_lines(tmp_path, capsys):
    before = tree(tmp_path / "a", {"x.html": "<p>Built 2026-12-01</p><p>same</p>"})
    after = tree(tmp_path / "b", {"x.html": "<p>Built 2026-12-02</p><p>same</p>"})
    assert main([str(before), str(before)]) == 0
    assert main([str(before), str(after)]) == 1
    assert main([str(before), str(after), "--ignore", r"Built \d{4}"]) == 0
    assert main([str(before), str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
