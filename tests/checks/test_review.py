"""Review governance (G1xx) beyond the fixtures: the day the check judges on, the intervals, what the lock
says in G106, checks.yml's roles, and that recording a review never makes a translation stale."""
from __future__ import annotations

from datetime import date

import pytest

from scripts import cli, governance
from scripts.lock import fingerprint
from scripts.model import parse_page
from scripts.runner import run
from scripts.site import load_site

ZH = "docs/zh/part1/model.md"
EN = "docs/en/part1/model.md"


@pytest.fixture
def control_root(control_root):
    """The control with every page's review stated and the check on (the control alone has no review:
    section in checks.yml, so the other checks' tests keep their lines)."""
    for page in (control_root / "docs").rglob("*.md"):
        lines = page.read_text(encoding="utf-8").split("\n")
        close = lines.index("---", 1)
        lines[close:close] = ["owner: manual-editor", "reviewed: 2026-12-01"]
        page.write_text("\n".join(lines), encoding="utf-8")
    (control_root / "checks.yml").write_text("review: {}\n", encoding="utf-8")
    return control_root


def test_off_without_a_review_section(control_root):
    (control_root / "checks.yml").write_text("", encoding="utf-8")
    (control_root / ZH).write_text((control_root / ZH).read_text(encoding="utf-8").replace(
        "owner: manual-editor\nreviewed: 2026-12-01\n", ""), encoding="utf-8")
    assert codes(control_root, today=date(2040, 1, 1)) == []


def codes(root, **kwargs):
    return sorted(f"{d.path}:{d.line}: {d.code}" for d in run(load_site(root, **kwargs)).findings)


def test_today_decides_what_is_overdue(control_root, capsys):
    """The control was reviewed on 2026-12-01: its law-citing page falls due 12 months later, the others
    24; the day after is overdue, the day itself is not."""
    assert codes(control_root, today=date(2027, 12, 1)) == []
    assert codes(control_root, today=date(2027, 12, 2)) == [f"{ZH}:4: G101"]
    assert cli.main(["check", "--root", str(control_root), "--today", "2028-12-02"]) == 1
    out = capsys.readouterr().out
    assert f"{ZH}:4: G101 review overdue since 2027-12-01" in out
    assert "docs/zh/index.md:4: G101 review overdue since 2028-12-01" in out


def test_today_before_the_review_is_g103(control_root):
    assert codes(control_root, today=date(2026, 11, 30)) == sorted(
        f"{p}:4: G103" for p in ("docs/zh/index.md", "docs/en/index.md", ZH, EN,
                                  "docs/zh/appendix/translation-status.md", "docs/en/appendix/translation-status.md"))


def test_bad_today_is_a_usage_error(control_root, capsys, monkeypatch):
    assert cli.main(["check", "--root", str(control_root), "--today", "2026-02-30"]) == 2
    assert "'2026-02-30' is not a date YYYY-MM-DD" in capsys.readouterr().err
    monkeypatch.setenv("CHECKS_TODAY", "soon")
    assert cli.main(["check", "--root", str(control_root)]) == 2
    assert "CHECKS_TODAY='soon' is not a date" in capsys.readouterr().err


@pytest.mark.parametrize("day, months, want", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 12, 2), 12, date(2027, 12, 2)), (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 12, 31), 24, date(2028, 12, 31)),
])
def test_add_months(day, months, want):
    assert governance.add_months(day, months) == want


@pytest.mark.parametrize("text, cites", [
    ("依据《未成年人保护法》第 11 条。", True),
    ("见《关于进一步加强困境儿童保障工作的意见》。", True),
    ("民发〔2019〕34 号文件要求……", True),
    ("按 MZ/T 248-2025 执行。", True),
    ("参考《儿童发展心理学》一书。", False),
    ("这一章介绍家访的做法。", False),
    ("`《未成年人保护法》` 只在代码里", False),
])
def test_what_counts_as_citing_a_law(text, cites):
    page = parse_page("docs/zh/x.md", f"# 标题\n\n{text}\n".encode(), "zh", "x.md")
    assert governance.cites_law(page) is cites


def test_page_interval_overrides_the_defaults(control_root):
    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8").replace("reviewed: 2026-12-01\n",
                                                         "reviewed: 2026-12-01\nreview_interval: 3\n"), encoding="utf-8")
    en = control_root / EN
    en.write_text(en.read_text(encoding="utf-8").replace("reviewed: 2026-12-01\n",
                                                         "reviewed: 2026-12-01\nreview_interval: 3\n"), encoding="utf-8")
    assert codes(control_root, today=date(2027, 3, 1)) == []
    assert codes(control_root, today=date(2027, 3, 2)) == [f"{ZH}:4: G101"]


def test_g106_says_what_the_lock_knows(control_root):
    """The Chinese was reviewed and changed: the English is stale (S101) and G106 asks for the update and
    the stamp before the date."""
    zh = control_root / ZH
    text = zh.read_text(encoding="utf-8").replace("reviewed: 2026-12-01", "reviewed: 2026-12-05")
    zh.write_text(text.replace("志愿者须年满", "志愿者应年满"), encoding="utf-8")
    report = run(load_site(control_root))
    g106 = next(d for d in report.findings if d.code == "G106")
    assert (g106.path, g106.line) == (EN, 4)
    assert "1 English section(s) are out of date in translation-lock.yml" in g106.message
    assert "python -m scripts stamp part1/model.md" in g106.message
    assert any(d.code == "S101" for d in report.findings)


def test_review_keys_are_not_part_of_the_fingerprint(control_root):
    """Recording a review (owner, reviewed, review_interval) leaves the introduction's fingerprint as it
    was without them; the description still counts."""
    text = (control_root / ZH).read_text(encoding="utf-8")
    bare = "\n".join(line for line in text.split("\n") if not line.startswith(("owner:", "reviewed:")))
    more = text.replace("reviewed: 2026-12-01", "reviewed: 2027-01-01\nreview_interval:\n  6")

    def intro(source: str) -> str:
        page = parse_page(ZH, source.encode(), "zh", "part1/model.md")
        return fingerprint(page, page.sections[0])

    assert intro(text) == intro(bare) == intro(more)
    assert intro(text.replace("description: ", "description: 新的")) != intro(text)


@pytest.mark.parametrize("yaml_text, message", [
    ("review:\n  roles:\n    Social Worker: {zh: 社工, en: social worker}\n", "checks.yml:3: 'roles': role 'Social Worker'"),
    ("review:\n  roles:\n    editor: {zh: 编辑}\n", "checks.yml:3: 'roles': role 'editor' must be"),
    ("review:\n  law_months: 0\n", "checks.yml:2: 'law_months': a review interval is 1 to 120 months"),
])
def test_bad_roles_or_intervals_in_checks_yml(control_root, capsys, yaml_text, message):
    (control_root / "checks.yml").write_text(yaml_text, encoding="utf-8")
    assert "review" in yaml_text
    assert cli.main(["check", "--root", str(control_root)]) == 2
    assert message in capsys.readouterr().err


def test_roles_come_from_checks_yml(control_root):
    (control_root / "checks.yml").write_text("review:\n  roles:\n    editor: {zh: 编辑, en: editor}\n",
                                             encoding="utf-8")
    found = codes(control_root)
    assert found and all(line.endswith("G104") for line in found) and len(found) == 6


def test_stamp_brings_the_english_review_date(control_root, capsys):
    """Stamping says the English has caught up with the Chinese: its reviewed: follows the Chinese date
    (G106 gone); stamp --defer does not claim that, and leaves the date."""
    zh = control_root / ZH
    zh.write_text(zh.read_text(encoding="utf-8").replace("reviewed: 2026-12-01", "reviewed: 2026-12-05"),
                  encoding="utf-8")
    assert codes(control_root) == [f"{EN}:4: G106"]
    assert cli.main(["stamp", "--root", str(control_root), "--defer", "part1/model.md"]) == 0
    assert codes(control_root) == [f"{EN}:4: G106"]
    assert cli.main(["stamp", "--root", str(control_root), "part1/model.md"]) == 0
    assert f"{EN}: reviewed: 2026-12-05 (the Chinese review it now follows)" in capsys.readouterr().out
    assert "reviewed: 2026-12-05\n" in (control_root / EN).read_text(encoding="utf-8")
    assert codes(control_root) == []


def test_g101_names_the_page_interval_it_applied(control_root):
    """The message says which interval made the page due: the page's own review_interval here."""
    for path in (ZH, EN):
        page = control_root / path
        page.write_text(page.read_text(encoding="utf-8").replace(
            "reviewed: 2026-12-01\n", "reviewed: 2026-12-01\nreview_interval: 3\n"), encoding="utf-8")
    [g101] = [d for d in run(load_site(control_root, today=date(2027, 3, 2))).findings if d.code == "G101"]
    assert "(reviewed 2026-12-01; every 3 months: its review_interval)" in g101.message, g101.message
