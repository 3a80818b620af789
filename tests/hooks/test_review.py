"""The build hook scripts/mkdocs_hooks/review.py, tested by building the control site with reviews stated:
the review-status page in both languages (overdue first) and the date each page hands its template."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from harness import fixtures
from scripts.mkdocs_hooks import review
from tests.conftest import fixture_build_env

pytestmark = pytest.mark.slow      # builds fixture sites with MkDocs

HOOK = Path(review.__file__)
DATES = {"index.md": "2024-01-15", "part1/model.md": "2026-12-01", "appendix/translation-status.md": "2026-06-01"}
OWNERS = {"index.md": "manual-editor", "part1/model.md": "social-work-supervisor",
          "appendix/translation-status.md": "manual-editor"}
STATUS = {"zh": "# 审核状态\n\n<!-- review-status -->\n", "en": "# Review status\n\n<!-- review-status -->\n"}


def state(root: Path, lang: str, rel: str, owner: str, day: str) -> None:
    page = root / "docs" / lang / rel
    lines = page.read_text(encoding="utf-8").split("\n")
    close = lines.index("---", 1)
    lines[close:close] = [f"owner: {owner}", f"reviewed: {day}"]
    page.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = fixtures.assemble(tmp_path_factory.mktemp("review") / "site-root")
    for lang in ("zh", "en"):
        (root / "docs" / lang / review.STATUS_PAGE).write_text(
            f"---\ndescription: x\nowner: manual-editor\nreviewed: 2026-12-06\n---\n\n{STATUS[lang]}", encoding="utf-8")
        for rel, day in DATES.items():
            state(root, lang, rel, OWNERS[rel], day)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      - appendix/translation-status.md\n",
                        "      - appendix/translation-status.md\n      - appendix/review-status.md\n")
    (root / "mkdocs.yml").write_text(text + f"\nhooks:\n  - {HOOK}\n", encoding="utf-8")
    (root / "checks.yml").write_text("review:\n  roles:\n    manual-editor: {zh: 手册编辑, en: manual editor}\n"
                                     "    social-work-supervisor: {zh: 项目社工督导, en: project social work supervisor}\n",
                                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(root / "site")], capture_output=True, text=True,
                            env=fixture_build_env(CHECKS_TODAY="2026-12-06"))
    assert result.returncode == 0, result.stderr
    return root / "site"


def rows(site: Path, path: str) -> list[list[str]]:
    tree = HTMLParser((site / path).read_text(encoding="utf-8"))
    return [[cell.text(strip=True) for cell in tr.css("td")] for tr in tree.css("article table tbody tr")]


def test_status_page_in_chinese_overdue_first_then_by_next_review(built):
    assert rows(built, "appendix/review-status/index.html") == [
        ["困境儿童关爱手册", "手册编辑", "2024-01-15", "2026-01-15（每 24 个月），已逾期"],
        ["1.1 服务模式", "项目社工督导", "2026-12-01", "2027-12-01（每 12 个月）"],
        ["翻译状态", "手册编辑", "2026-06-01", "2028-06-01（每 24 个月）"],
        ["审核状态", "手册编辑", "2026-12-06", "2028-12-06（每 24 个月）"],
    ]


def test_status_page_in_english(built):
    got = rows(built, "en/appendix/review-status/index.html")
    assert got[0] == ["A manual of care for children in difficulties", "manual editor", "2024-01-15",
                      "2026-01-15 (every 24 months), overdue"]
    assert got[1] == ["1.1 The service model", "project social work supervisor", "2026-12-01",
                      "2027-12-01 (every 12 months)"]
    tree = HTMLParser((built / "en/appendix/review-status/index.html").read_text(encoding="utf-8"))
    links = [a.attributes["href"] for a in tree.css("article table tbody a")]
    assert links[1] == "../../part1/model/"


def test_each_page_hands_its_review_to_the_template():
    """What on_page_context gives overrides/main.html (the control's theme is Material's own, which does
    not show it; tests/site/ reads the line on the real site)."""
    class Page:
        class file:
            src_uri = "en/part1/model.md"

    from scripts.model import parse_page

    class Site:
        @staticmethod
        def page(lang, rel):
            return parse_page("docs/en/part1/model.md",
                              b"---\ndescription: x\nowner: manual-editor\nreviewed: 2026-12-02\n---\n\n# T\n", lang, rel)

    config = {"theme": {"language": "en"}}
    original = review.manual, review.options
    review.manual = lambda config: Site
    review.options = lambda config: type("O", (), {"roles": {"manual-editor": {"zh": "手册编辑", "en": "manual editor"}}})
    try:
        context = review.on_page_context({}, Page, config, None)
    finally:
        review.manual, review.options = original
    assert context["review"] == {"date": "2 December 2026", "iso": "2026-12-02", "owner": "manual editor"}
