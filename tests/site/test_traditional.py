"""The Traditional edition in the built site: every page, side-by-side view, short link and diagram of the
Simplified edition has its /zh-hant/ counterpart, in Traditional characters, linking inside the edition."""

from __future__ import annotations

import posixpath
import re

from lxml import html

from tests.conftest import built_pages, parsed

# Frequent Simplified-only characters: none may be left in the edition's text (the switch's 简体中文 apart).
SIMPLIFIED = set("这说们为个发对时会过还进来动问题经关样让号处长务记录实现书报儿")


def test_every_page_view_and_short_link_has_its_traditional_copy(site):
    pages = [u for u in built_pages(site) if not u.startswith(("/en/", "/zh-hant/"))]
    assert pages
    missing = [u for u in pages if not (site / "zh-hant" / u.strip("/") / "index.html").is_file()]
    views = [p.relative_to(site) for p in site.rglob("parallel.html") if p.relative_to(site).parts[0] not in ("en", "zh-hant")]
    assert views
    missing += [str(v) for v in views if not (site / "zh-hant" / v).is_file()]
    links = [p.relative_to(site) for p in site.glob("go/*/index.html")]
    assert links
    missing += [str(g) for g in links if not (site / "zh-hant" / g).is_file()]
    assert not missing


def test_edition_text_is_traditional(site):
    left = {}
    for path in list((site / "zh-hant").rglob("*.html")) + list((site / "zh-hant").rglob("*.svg")):
        doc = html.fromstring(path.read_bytes())         # a tree of its own: the links to zh are dropped
        for a in doc.xpath('//a[@hreflang="zh"]'):
            a.drop_tree()
        text = doc.text_content() + " ".join(doc.xpath("//@title | //@alt | //@aria-label"))
        found = SIMPLIFIED & set(text)
        if found:
            left[str(path.relative_to(site))] = "".join(sorted(found))
    assert not left


def test_edition_links_stay_in_the_edition_and_resolve(site):
    broken, leaving = [], []
    for path in (site / "zh-hant").rglob("*.html"):
        doc = parsed(path)
        here = posixpath.dirname("/" + path.relative_to(site).as_posix())
        for a in doc.xpath("//article//a[@href] | //main//a[@href]"):
            url = a.get("href").split("#")[0]
            if not url or re.match(r"[a-z]+:|/", url):
                continue
            target = posixpath.normpath(posixpath.join(here, url)).lstrip("/")
            file = site / target
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{path.relative_to(site)}: {url}")
            elif not (target + "/").startswith(("zh-hant/", "en/", "downloads/")) and a.get("hreflang") != "zh":
                leaving.append(f"{path.relative_to(site)}: {url}")
    assert not broken and not leaving, (broken[:10], leaving[:10])


def test_diagrams_are_converted_copies(site):
    page = html.fromstring((site / "zh-hant/part1/model/index.html").read_bytes())
    sources = [s for s in page.xpath("//article//img/@src") if s.endswith(".svg")]
    assert sources and all(posixpath.normpath(posixpath.join("/zh-hant/part1/model/", s)).startswith("/zh-hant/")
                           for s in sources)
    svg = (site / "zh-hant/assets/diagrams/service-model.svg").read_text(encoding="utf-8")
    assert 'lang="zh-Hant"' in svg and "服務模式概覽" in svg and "本地志願者" in svg


def test_pdf_of_the_edition(site):
    import shutil
    import subprocess

    pdf = site / "downloads" / "children-in-difficulties-manual-zh-hant.pdf"
    assert pdf.is_file()
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", "-l", "3", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
    assert "基於困境兒童生存現狀的社會關愛服務介入模式手冊" in text and "困境儿童" not in text
    page = html.fromstring((site / "zh-hant/part1/model/index.html").read_bytes())
    assert "downloads/children-in-difficulties-manual-zh-hant.pdf" in " ".join(page.xpath("//a/@href"))
