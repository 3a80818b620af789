"""The trainers' and readers' kit, checked with real tools: the PDFs read back with poppler, print
emulation in Chromium, the clipboard, QR codes decoded by zbar, short links (every stub read with lxml, a
sample followed in Chromium), the side-by-side view, and the last-updated date compared with git.

Only the tests that drive Chromium carry the `browser` mark; the others read the built files."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
import yaml
from lxml import html

from harness.pdf import pdf_text
from tests.conftest import ROOT
from tests.site.test_build import built_path

browser = pytest.mark.browser
SHORTLINKS = {str(k): v for k, v in yaml.safe_load((ROOT / "shortlinks.yml").read_text(encoding="utf-8")).items()}
CHAPTERS = {k: v for k, v in SHORTLINKS.items() if re.fullmatch(r"\d+(-\d+)?", k)}


def source_title(lang: str, rel: str) -> str:
    text = (ROOT / "docs" / lang / rel).read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_has_every_chapter_title_and_plausible_length(site, lang):
    (pdf,) = (site / "downloads").glob(f"*-{lang}.pdf")
    text = pdf_text(pdf, "-layout")
    flat = re.sub(r"\s+", "", text)
    missing = [rel for rel in CHAPTERS.values() if re.sub(r"\s+", "", source_title(lang, rel)) not in flat]
    assert not missing, f"chapter titles missing from {pdf.name}: {missing}"
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True, check=True).stdout).group(1))
    assert pages >= 2 * len(CHAPTERS), f"{pages} pages for {len(CHAPTERS)} chapters"


def test_zh_pdf_embeds_a_cjk_font(site):
    (pdf,) = (site / "downloads").glob("*-zh.pdf")
    # the first pages (title, contents) are set in Chinese; reading every page's fonts costs seconds more
    fonts = subprocess.run(["pdffonts", "-l", "3", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_has_a_destination_for_every_chapter_and_section(site, lang):
    (pdf,) = (site / "downloads").glob(f"*-{lang}.pdf")
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert '"p-part1-model"' in dests and '"p-part2-volunteers"' in dests
    assert re.search(r'"p-part1-model--[a-z-]+"', dests), "sections inside chapters are link targets too"


@browser
def test_print_hides_navigation_and_search(server, visit):
    v = visit(server.url("/part2/volunteers/"))
    v.page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".copy-link", ".md-footer"):
        assert not v.page.locator(selector).first.is_visible(), selector
    assert v.page.locator("article h1").is_visible()
    assert v.page.locator(".reader-kit__qr svg").is_visible(), "the QR code belongs on the handout"


@browser
@pytest.mark.parametrize("path", ["/part2/volunteers/", "/en/part2/volunteers/"])
def test_copy_link_button_writes_section_permalink(server, browser, path):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(server.url(path))
        heading = page.locator("article h2[id]").nth(1)
        section_id = heading.get_attribute("id")
        heading.locator(".copy-link").click()
        copied = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                               ".translations['clipboard.copied']")
        page.wait_for_selector(f".md-dialog--active:has-text('{copied}')")  # the theme's own toast
        assert page.evaluate("navigator.clipboard.readText()") == server.url(f"{path}#{section_id}")
    finally:
        context.close()


@browser
def test_print_button_prints_the_chapter(server, visit):
    v = visit(server.url("/part2/volunteers/"))
    v.page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    v.page.click(".reader-kit__print")
    assert v.page.evaluate("window.printed") == 1


@browser
@pytest.mark.parametrize("path", ["/part1/model/", "/en/part2/volunteers/"])
def test_qr_code_decodes_to_chapter_url(server, visit, tmp_path, path):
    v = visit(server.url(path), device_scale_factor=2)
    shot = tmp_path / "qr.png"
    v.page.locator(".reader-kit__qr svg").screenshot(path=str(shot))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(shot)], capture_output=True, text=True).stdout.strip()
    canonical = v.page.locator("link[rel=canonical]").get_attribute("href")  # MkDocs: site_url + page
    assert decoded == canonical and canonical.endswith(path)


def test_every_short_link_stub_points_at_its_page_in_each_language(site):
    wrong = []
    for key, rel in SHORTLINKS.items():
        for prefix in ("", "en/"):
            stub = site / prefix / "go" / key / "index.html"
            doc = html.fromstring(stub.read_bytes())
            refresh = doc.xpath('//meta[@http-equiv="refresh"]/@content')
            target = refresh[0].split("url=", 1)[1] if refresh else ""
            landed = (stub.parent / target).resolve()
            script = doc.xpath("//script[@data-target]")   # assets/javascripts/redirect.js keeps the #section
            ok_script = (len(script) == 1 and script[0].get("data-target") == target
                         and (stub.parent / script[0].get("src")).resolve() == site / "assets" / "javascripts" / "redirect.js")
            if landed != (site / prefix / built_path(rel)).resolve() or not ok_script:
                wrong.append(f"{prefix}go/{key}/ -> {target!r}")
    assert not wrong, wrong


@browser
@pytest.mark.parametrize("key", ["1-4", "glossary"])  # a chapter and an appendix page
def test_short_links_land_on_their_page_and_section_in_each_language(server, visit, key):
    for prefix in ("/", "/en/"):
        v = visit(server.url(f"{prefix}go/{key}/#sources"))
        v.page.wait_for_url(re.compile(re.escape(server.url(prefix + built_path(SHORTLINKS[key]))) + "#sources$"))


@pytest.mark.parametrize("key", sorted(CHAPTERS))
def test_parallel_view_pairs_the_same_sections(site, key):
    rel = CHAPTERS[key]
    for prefix in ("", "en/"):
        doc = html.fromstring((site / prefix / built_path(rel) / "parallel.html").read_bytes())
        rows = doc.xpath('//div[contains(@class,"parallel-row")]')
        assert rows
        pairs = []
        for row in rows:
            zh_ids = row.xpath('./div[@lang="zh"]//*[self::h2 or self::h3]/@id')
            en_ids = row.xpath('./div[@lang="en"]//*[self::h2 or self::h3]/@id')
            pairs.append(([i.removeprefix("zh-") for i in zh_ids], [i.removeprefix("en-") for i in en_ids]))
        assert all(z == e for z, e in pairs), pairs
        assert sum(len(z) for z, _ in pairs) >= 2


@pytest.mark.parametrize("key", sorted(CHAPTERS))
def test_parallel_view_pairs_paragraph_by_paragraph(site, key):
    """Inside each pair of sections the rows follow the paragraph alignment (scripts/paragraphs.py): the
    clean manual is translated block for block, so every row of blocks has both languages, and there
    are more rows than sections."""
    rel = CHAPTERS[key]
    doc = html.fromstring((site / built_path(rel) / "parallel.html").read_bytes())
    rows = doc.xpath('//div[contains(@class,"parallel-row")]')
    blocks = [r for r in rows if "parallel-block" in r.get("class")]
    assert len(blocks) > len(rows) - len(blocks)
    for row in blocks:
        zh, en = row.xpath('./div[@lang="zh"]')[0], row.xpath('./div[@lang="en"]')[0]
        assert len(zh) and len(en), html.tostring(row)[:300]
        assert [c.tag for c in zh] == [c.tag for c in en], html.tostring(row)[:300]


@browser
def test_parallel_view_rows_line_up_on_desktop(server, visit):
    v = visit(server.url("/part1/model/parallel.html"), viewport={"width": 1280, "height": 900})
    tops = v.page.eval_on_selector_all(
        ".parallel-block", "rows => rows.map(r => [r.children[0].firstElementChild.getBoundingClientRect().top,"
        " r.children[1].firstElementChild.getBoundingClientRect().top, r.children[0].getBoundingClientRect().left"
        " < r.children[1].getBoundingClientRect().left])")
    assert len(tops) > 20
    assert all(abs(z - e) < 1 and side_by_side for z, e, side_by_side in tops), tops


@browser
def test_parallel_view_toggle_on_phone(server, visit):
    v = visit(server.url("/part1/model/parallel.html"), viewport={"width": 375, "height": 812}, is_mobile=True)
    assert v.page.locator(".parallel-en").first.is_visible()
    v.page.click(".parallel-toggle button[data-show=zh]")
    assert not v.page.locator(".parallel-en").first.is_visible()
    assert v.page.locator(".parallel-zh").first.is_visible()


def test_chapters_link_their_parallel_view_in_both_languages(site):
    for rel in CHAPTERS.values():
        for prefix in ("", "en/"):
            doc = html.fromstring((site / prefix / built_path(rel) / "index.html").read_bytes())
            assert doc.xpath('//aside[contains(@class,"reader-kit")]//a[@href="parallel.html"]'), prefix + rel


def test_last_updated_matches_git(site):
    rel = "part1/model.md"
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", f"docs/zh/{rel}"], cwd=ROOT,
                         capture_output=True, text=True).stdout.strip()
    if not out:
        pytest.skip("page not committed yet")
    day = date.fromisoformat(out)
    zh = html.fromstring((site / built_path(rel) / "index.html").read_bytes())
    en = html.fromstring((site / "en" / built_path(rel) / "index.html").read_bytes())
    assert zh.xpath("//p[contains(@class,'reader-kit__updated')]/time/text()") == [f"{day.year} 年 {day.month} 月 {day.day} 日"]
    assert en.xpath("//p[contains(@class,'reader-kit__updated')]/time/text()")[0].endswith(str(day.year))


def test_downloads_linked_with_size_on_every_page(site):
    for prefix, lang in (("", "zh"), ("en/", "en")):
        doc = html.fromstring((site / prefix / "part1" / "model" / "index.html").read_bytes())
        links = doc.xpath('//div[contains(@class,"reader-kit__downloads")]//a/@href')
        assert any(h.endswith(f"-{lang}.pdf") for h in links) and any(h.endswith(".zip") for h in links), links
        text = doc.xpath('string(//div[contains(@class,"reader-kit__downloads")])')
        assert re.search(r"\d+(\.\d)? (MB|KB)", text)
