"""The built site: both languages, right html lang, meta and hreflang, nothing from other hosts,
per-language search indexes, and a strict build that fails on a broken link, naming the file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from harness import fixtures
from scripts.mkdocs_hooks.shared import WORD_MARK
from tests.conftest import ROOT, built_pages, parsed

DOCS = ROOT / "docs"


def page_html(site: Path, url_path: str):
    return html.fromstring((site / url_path.strip("/") / "index.html").read_bytes())


def zh_sources() -> list[str]:
    return sorted(p.relative_to(DOCS / "zh").as_posix() for p in (DOCS / "zh").rglob("*.md"))


def built_path(rel: str) -> str:
    rel = rel[:-3]
    if rel == "index":
        return ""
    return rel[: -len("/index")] + "/" if rel.endswith("/index") else rel + "/"


def test_every_zh_page_is_built_in_both_languages(site):
    missing = []
    for rel in zh_sources():
        for prefix in ("", "en/", "zh-hant/"):
            if not (site / prefix / built_path(rel) / "index.html").is_file():
                missing.append(prefix + built_path(rel))
    assert not missing, f"pages missing from site/: {missing}"


def test_html_lang_matches_language(site):
    for url in built_pages(site):
        lang = page_html(site, url).get("lang")
        assert lang == ("en" if url.startswith("/en/") else "zh-Hant" if url.startswith("/zh-hant/") else "zh"), url


def test_meta_description_and_absolute_hreflang_on_every_page(site):
    for url in built_pages(site):
        doc = page_html(site, url)
        description = doc.xpath('//meta[@name="description"]/@content')
        assert description and description[0].strip(), f"{url}: no meta description"
        alternates = doc.xpath('//link[@hreflang]')
        langs = {a.get("hreflang") for a in alternates}
        assert {"zh", "en", "x-default"} <= langs, f"{url}: hreflang {langs}"
        for a in alternates:
            assert a.get("href").startswith(("http://", "https://")), f"{url}: relative hreflang {a.get('href')}"


def test_no_resource_from_another_host_in_any_page(site):
    offenders = []
    for path in site.rglob("*.html"):
        doc = parsed(path)
        for el in doc.xpath("//script[@src] | //img[@src] | //iframe[@src] | //link[@rel='stylesheet'] "
                            "| //link[@rel='preconnect'] | //source[@src] | //video[@src] | //audio[@src]"):
            ref = el.get("src") or el.get("href") or ""
            if ref.startswith(("http:", "https:", "//")):
                offenders.append(f"{path.relative_to(site)}: {ref}")
    assert not offenders, offenders


def test_no_theme_generator_link_in_footer(site):
    assert "Made with" not in (site / "index.html").read_text(encoding="utf-8")


def test_search_index_per_language_unescaped(site):
    zh = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    en = (site / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
    separator = json.loads(zh)["config"]["separator"]   # holds \\u escapes of its own, as regex text
    assert "\\u" not in zh.replace(json.dumps(separator, ensure_ascii=False), ""), "Chinese escaped as \\uXXXX"
    zh_docs, en_docs = json.loads(zh)["docs"], json.loads(en)["docs"]
    assert zh_docs and en_docs
    assert not [d for d in zh_docs if d["location"].startswith("en/")]
    # English locations are relative to /en/: none may climb back to the Chinese root
    assert all(not d["location"].startswith(("en/", "../")) for d in en_docs)
    assert any(f"困境{WORD_MARK}儿童" not in d["text"] and "困境儿童" in d["text"] for d in zh_docs), \
        "困境儿童 should be one token (jieba user dictionary from glossary.yml)"


def copy_project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", "node_modules", "site", "build", ".git", ".cache", "*.pyc", "screenshots"))
    return target


def validation_block() -> str:
    """The project's own ``validation:`` settings (what makes a missing anchor a warning), from mkdocs.yml."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("\nvalidation:\n") + 1
    end = text.index("\n\n", start)
    return text[start:end] + "\n"


def strict_build_with(tmp_path: Path, edits: dict[str, str]) -> subprocess.CompletedProcess:
    """Build (strict) the checks' small control site with the project's validation settings, with each text
    appended to its docs/<page>, as an editor would: the warnings come from MkDocs and the settings, which
    do not depend on the size of the site, so a whole-manual copy would only cost time."""
    project = fixtures.assemble(tmp_path / "project")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\n" + validation_block())
    for page, appended in edits.items():
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + appended, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_the_project_validation_settings_are_the_ones_built_with():
    block = validation_block()
    assert block.startswith("validation:\n") and "anchors: warn" in block and "not_found: warn" in block


@pytest.mark.slow
def test_strict_build_fails_on_broken_link_and_missing_anchor_naming_the_files(tmp_path):
    """One build with two defects: --strict reports every warning before it aborts, so both are named."""
    result = strict_build_with(tmp_path, {"zh/part1/model.md": "\n\n[断链](no-such-page.md)\n",
                                          "en/index.md": "\n\n[gone](part1/model.md#no-such-section)\n"})
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert any("zh/part1/model.md" in w and "no-such-page.md" in w for w in warnings), result.stderr[-2000:]
    assert any("en/index.md" in w and "no-such-section" in w for w in warnings), result.stderr[-2000:]
