"""The build hook scripts/mkdocs_hooks/translation.py, tested by building a fixture site with MkDocs."""
from __future__ import annotations

import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from harness import fixtures
from scripts import cli

from scripts.mkdocs_hooks import translation
from tests.conftest import fixture_build_env

pytestmark = pytest.mark.slow      # builds fixture sites with MkDocs

HOOK = Path(translation.__file__)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The control site with: #training deferred, #recruitment stale, the home page's intro stale."""
    root = fixtures.assemble(tmp_path_factory.mktemp("hook") / "site-root")
    zh_model = root / "docs/zh/part1/model.md"
    edit(zh_model, "并参考", "同时参考")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CHECKS_CACHE", "0")
        assert cli.main(["stamp", "--root", str(root), "--defer"]) == 0
    edit(zh_model, "也有心理咨询志愿者", "还有心理咨询志愿者")
    edit(root / "docs/zh/index.md", "本手册介绍", "这本手册介绍")
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\nhooks:\n  - {HOOK}\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(root / "site")], capture_output=True, text=True,
                            env=fixture_build_env())
    assert result.returncode == 0, result.stderr
    return root / "site"


def html(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


def banners(tree: HTMLParser):
    return tree.css("div.stale-banner")


def test_banners_on_stale_and_deferred_sections(built):
    tree = html(built, "en/part1/model/index.html")
    found = banners(tree)
    assert [b.attributes.get("data-state") for b in found] == ["stale", "deferred"]
    for banner, section in zip(found, ("recruitment", "training")):
        assert banner.attributes.get("role") == "note"
        assert "may be out of date" in banner.text()
        heading = banner.prev
        while heading is not None and heading.tag not in ("h2", "h3"):
            heading = heading.prev
        assert heading is not None and heading.attributes.get("id") == section


def test_banner_links_to_the_chinese_section(built):
    for banner, section in zip(banners(html(built, "en/part1/model/index.html")), ("recruitment", "training")):
        href = banner.css_first("a").attributes["href"]
        assert href == f"../../../part1/model/#{section}"
        target = posixpath.normpath(posixpath.join("en/part1/model/", href.split("#")[0]))
        zh_page = html(built, f"{target}/index.html")
        assert zh_page.css_first(f"#{section}") is not None
        assert zh_page.css_first("html").attributes.get("lang", "").startswith("zh")


def test_intro_banner_follows_the_title(built):
    tree = html(built, "en/index.html")
    [banner] = banners(tree)
    assert banner.prev.tag == "h1" or banner.prev.prev.tag == "h1"
    assert banner.css_first("a").attributes["href"] == "../"


def test_no_banner_on_current_or_chinese_pages(built):
    assert banners(html(built, "part1/model/index.html")) == []
    assert banners(html(built, "en/appendix/translation-status/index.html")) == []


def rows(tree: HTMLParser):
    return [[" ".join(cell.text().split()) for cell in row.css("td")] for row in tree.css("table tbody tr")]


def test_status_page_in_english(built):
    tree = html(built, "en/appendix/translation-status/index.html")
    assert rows(tree) == [
        ["A manual of care for children in difficulties", "1 section may be out of date: A manual of care for "
                                                          "children in difficulties"],
        ["1.1 The service model", "2 sections may be out of date: Recruitment, Training (update deferred)"],
        ["Translation status", "current"],
    ]
    links = [a.attributes["href"] for a in tree.css("table tbody a")]
    assert "../../part1/model/#recruitment" in links and "../../part1/model/#training" in links


def test_status_page_in_chinese(built):
    tree = html(built, "appendix/translation-status/index.html")
    assert rows(tree)[1] == ["1.1 服务模式", "2 节可能过时：招募、培训（已暂缓更新）"]
    assert rows(tree)[2] == ["翻译状态", "已同步"]


@pytest.mark.parametrize("rel, directory_urls, href", [
    ("part2/volunteers.md", True, "../../../part2/volunteers/"),
    ("part2/index.md", True, "../../part2/"),
    ("index.md", True, "../"),
    ("part2/volunteers.md", False, "../../part2/volunteers.html"),
    ("index.md", False, "../index.html"),
])
def test_chinese_url(rel, directory_urls, href):
    en_url = "en/" + translation.page_url(rel, directory_urls)
    assert translation.chinese_url(rel, en_url, directory_urls) == href


@pytest.fixture(scope="module")
def built_with_omission(tmp_path_factory):
    """The control site with the English paragraph of #training left out (O101)."""
    root = fixtures.assemble(tmp_path_factory.mktemp("hook-omission") / "site-root")
    edit(root / "docs/en/part1/model.md", "Training follows Article 28 of the Law on the Protection of Minors and "
         "draws on the [needs assessment](#recruitment) and the [home page](../index.md).\n\n", "")
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as handle:
        handle.write(f"\nhooks:\n  - {HOOK}\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(root / "site")], capture_output=True, text=True,
                            env=fixture_build_env())
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_status_page_lists_sections_with_suspected_omissions(built_with_omission):
    english = rows(html(built_with_omission, "en/appendix/translation-status/index.html"))
    assert english[1] == ["1.1 The service model", "current; 1 section with a suspected omission or addition "
                                                   "(paragraph alignment): Training"]
    chinese = rows(html(built_with_omission, "appendix/translation-status/index.html"))
    assert chinese[1] == ["1.1 服务模式", "已同步；1 节疑有漏译或增译（段落对齐）：培训"]
    assert english[0][1] == "current" and english[2][1] == "current"
