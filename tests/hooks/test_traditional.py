"""The Traditional edition (scripts/mkdocs_hooks/traditional.py), tested by building a fixture site with MkDocs:
the control site with the zh-hant language, the project's templates and the hooks the edition relies on."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from harness import ROOT, fixtures
from tests.conftest import fixture_build_env

pytestmark = pytest.mark.slow      # builds fixture sites with MkDocs

HOOKS = ROOT / "scripts" / "mkdocs_hooks"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def build(root: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(root / "site")], capture_output=True, text=True,
                            env=fixture_build_env())
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = fixtures.assemble(tmp_path_factory.mktemp("hant") / "site-root", "traditional_ambiguous")
    mkdocs = root / "mkdocs.yml"
    edit(mkdocs, "  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n")
    edit(mkdocs, "plugins:\n", "plugins:\n  - search\n")
    with open(mkdocs, "a", encoding="utf-8") as handle:
        handle.write("\nhooks:\n" + "".join(f"  - {HOOKS / name}.py\n" for name in
                                              ("theme", "search_split", "glossary", "traditional")))
    # the glossary decides 志愿者 (OpenCC alone writes 本地誌願者)
    edit(root / "glossary.yml", "  zh: 志愿者\n", "  zh: 志愿者\n  zh_hant: 志願者\n")
    edit(root / "docs/zh/part1/model.md", "志愿者多来自本地社会组织", "志愿者多来自本地志愿者队伍和社会组织")
    build(root)
    return root


def page(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


def test_edition_is_built_in_traditional_with_its_language(root):
    tree = page(root / "site", "zh-hant/part1/model/index.html")
    assert tree.css_first("html").attributes["lang"] == "zh-Hant"
    body = tree.css_first("article").text()
    assert "本章説明項目如何為困境兒童提供陪伴服務" in body
    assert "本地志願者隊伍" in body and "誌願" not in body          # the glossary's form, not OpenCC's
    assert tree.css_first("title").text().startswith("1.1 服務模式 - 測試手冊")
    assert {"首頁", "1.1 服務模式", "附錄"} <= {a.text().strip() for a in tree.css("nav.md-nav a, nav.md-nav label")}


def test_simplified_and_english_editions_are_unchanged(root):
    zh = page(root / "site", "part1/model/index.html")
    assert zh.css_first("html").attributes["lang"] == "zh"
    assert "本章说明项目如何为困境儿童提供陪伴服务" in zh.css_first("article").text()
    en = page(root / "site", "en/part1/model/index.html")
    assert en.css_first("html").attributes["lang"] == "en"


@pytest.mark.parametrize("path", ["part1/model/index.html", "zh-hant/part1/model/index.html",
                                  "en/part1/model/index.html"])
def test_alternates_and_language_switch(root, path):
    tree = page(root / "site", path)
    links = {link.attributes["hreflang"]: link.attributes["href"] for link in tree.css("link[hreflang]")}
    assert links["zh-Hant"] == "https://manual.example.org/zh-hant/part1/model/"
    assert links["zh-Hans"] == links["zh"] == links["x-default"] == "https://manual.example.org/part1/model/"
    switch = {a.attributes["hreflang"]: a.text().strip() for a in tree.css("a.md-select__link")}
    assert switch == {"zh": "中文", "en": "English", "zh-Hant": "繁體中文"}
    assert list(switch) == ["zh", "zh-Hant", "en"]                # 简体 / 繁體 / English


def test_search_index_of_the_edition_is_its_own_and_traditional(root):
    site = root / "site"
    hant = json.loads((site / "zh-hant/search/search_index.json").read_text(encoding="utf-8"))
    simplified = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert hant["docs"] and not any(d["location"].startswith("zh-hant/") for d in simplified["docs"])
    assert all(not d["location"].startswith(("zh-hant/", "en/")) for d in hant["docs"])
    text = " ".join(d["title"] + d["text"] for d in hant["docs"])
    assert "志願者" in text and "志愿者" not in text
    assert hant["config"]["separator"] == simplified["config"]["separator"]
    # the Traditional pages search their own index
    config = page(site, "zh-hant/part1/model/index.html").css_first("#__config").text()
    assert '"base": "../../../zh-hant/"' in config.replace("'", '"') or '"base":"../../../zh-hant/"' in config


def test_tooltips_are_traditional(root):
    tree = page(root / "site", "zh-hant/part1/model/index.html")
    titles = [abbr.attributes.get("title", "") for abbr in tree.css("article abbr")]
    assert titles and all("儿" not in t and "务" not in t for t in titles)
    assert any("兒童" in t for t in titles)


def test_a_change_to_a_simplified_page_appears_in_the_traditional_edition(root, tmp_path):
    edit(root / "docs/zh/part1/model.md", "本章说明项目如何", "本章用新的文字说明项目如何")
    site = build(root)
    body = page(site, "zh-hant/part1/model/index.html").css_first("article").text()
    assert "本章用新的文字説明項目如何" in body


def test_search_words_stay_apart_and_overrides_span_them():
    from scripts import hant
    from scripts.mkdocs_hooks.shared import WORD_MARK as M
    from scripts.mkdocs_hooks.traditional import convert_segmented

    convert = hant.Converter({"志愿者": "志願者"})
    assert convert_segmented(f"照片{M}和{M}视频{M}本地{M}志愿者", convert) == f"照片{M}和{M}影片{M}本地{M}志願者"
    assert convert_segmented(f"短{M}视频", convert) == f"短{M}視頻"      # a change of length: word by word
