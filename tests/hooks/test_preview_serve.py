"""The preview loop in a real ``make serve`` (``PREVIEW=1 mkdocs serve --dirty``, scripts/mkdocs_hooks/
preview.py), checked for what it serves after a save, not for how fast: the saved page shows the new
text, its English page gets the stale-section banner at once, the translation-status page follows, the
navigation of pages the save did not rebuild keeps every title, and a changed title reaches every page.
Each step waits for the server's own state (its live-reload endpoint announcing a newer build), never
for a time."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from lxml import html

from harness import ROOT
from harness.mkdocs_serve import Serve, fetch, page_epoch
from harness.server import free_port

pytestmark = pytest.mark.slow

ZH = "docs/zh/part1/model.md"
IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", ".cache", ".pytest_cache",
                                "__pycache__", "benchmarks", "tests", "harness", "screenshots")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview") / "repo"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    port = free_port()
    serve = Serve([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
                   "--livereload"], root, root.parent / "serve.log", f"http://127.0.0.1:{port}", {"PREVIEW": "1"})
    serve.root = root
    serve.serving.wait(900)
    serve.epoch = page_epoch(fetch(serve.origin + "/part1/model/") or "")
    assert serve.epoch is not None, serve.tail()
    yield serve
    serve.stop()


def page(serve: Serve, path: str):
    body = fetch(serve.origin + path)
    assert body is not None, f"{path} not served: {serve.tail()}"
    return html.fromstring(body)


def save_and_wait(serve: Serve, rel: str, old: str, new: str, check) -> None:
    """Edit a source file, then wait for the server's next builds until ``check()`` holds: a build that
    began before the save may be announced first, so up to three; then ``check()`` must hold."""
    path = serve.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for _ in range(3):
        newer = serve.newer_build(serve.epoch, 120)
        assert newer is not None, f"no rebuild after saving {rel}: {serve.tail()}"
        serve.epoch = newer
        if check():
            return
    assert check(), f"after saving {rel}, three rebuilds did not serve it"


def banners(tree) -> list[str]:
    return [b.getparent().get("id") or "" for b in tree.xpath("//div[contains(@class, 'stale-banner')]")]


def nav_titles(tree) -> set[str]:
    return {a.text_content().strip() for a in tree.xpath("//nav[contains(@class, 'md-nav--primary')]//a")}


def test_a_chinese_save_shows_its_text_and_the_english_banner_at_once(server):
    en = page(server, "/en/part1/model/")
    assert not en.xpath("//div[contains(@class, 'stale-banner')]")
    assert "1.1 Who are children in difficulties" in nav_titles(en)

    def zh_has_text():
        return "预览测试句" in (fetch(server.origin + "/part1/model/") or "")

    save_and_wait(server, ZH, "这一章把本手册介绍的服务模式放在同一页上", "预览测试句。这一章把本手册介绍的服务模式放在同一页上",
                  zh_has_text)
    en = page(server, "/en/part1/model/")
    [banner] = en.xpath("//div[contains(@class, 'stale-banner')]")
    assert banner.xpath(".//a/@href") == ["../../../part1/model/"]
    zh = page(server, "/part1/model/")
    assert "1.1 谁是困境儿童" in nav_titles(zh)                     # a page the save did not rebuild
    status = page(server, "/en/appendix/translation-status/")
    row = [tr for tr in status.xpath("//article//table//tr") if "1.4" in tr.text_content()]
    assert row and "may be out of date" in row[0].text_content()


def test_an_english_save_is_served_and_keeps_the_other_language(server):
    marker = "A sentence saved in the preview."

    def en_has_text():
        return marker in (fetch(server.origin + "/en/part2/volunteers/") or "")

    save_and_wait(server, "docs/en/part2/volunteers.md", "\n## ", f"\n{marker}\n\n## ", en_has_text)
    zh = page(server, "/part2/volunteers/")
    assert marker not in zh.text_content() and "2.6" in zh.xpath("//h1")[0].text_content()
    assert "Home" in nav_titles(page(server, "/en/part2/volunteers/"))


def test_a_new_title_reaches_the_navigation_of_every_page(server):
    def everywhere():
        return "1.4 服务模式一览" in nav_titles(page(server, "/part1/children/"))

    save_and_wait(server, ZH, "# 1.4 服务模式概览", "# 1.4 服务模式一览", everywhere)
