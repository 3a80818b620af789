"""Every HTML page of the built site says what it is: <html lang>, a title, a description and one absolute
canonical link; the side-by-side view and the short-link stubs (in the three editions) point their
canonical at their chapter (the view is the chapter's text twice, a stub only redirects); only redirect
pages say noindex; hreflang alternates are absolute and name valid language codes. These are the head
audits of Lighthouse's SEO category (document-title, meta-description, canonical, is-crawlable, hreflang),
for every page rather than the sampled templates of benchmarks/lighthouse.py."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import yaml
from lxml import html

from tests.conftest import ROOT, built_for, parsed


def head_of(path: Path) -> dict:
    doc = parsed(path)
    return {"lang": doc.get("lang"), "title": "".join(doc.xpath("//head/title/text()")).strip(),
            "description": doc.xpath('//head/meta[@name="description"]/@content'),
            "canonical": doc.xpath('//head/link[@rel="canonical"]/@href'),
            "robots": doc.xpath('//head/meta[@name="robots"]/@content'),
            "refresh": doc.xpath('//head/meta[@http-equiv="refresh"]/@content'),
            "alternates": [(a.get("hreflang"), a.get("href")) for a in doc.xpath('//head/link[@rel="alternate"][@hreflang]')]}


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if "downloads" not in p.relative_to(site).parts]


def test_every_page_has_lang_title_description_and_one_absolute_canonical(site):
    bad = []
    pages = html_pages(site)
    assert len(pages) > 100
    for path in pages:
        h = head_of(path)
        problems = [k for k in ("lang", "title") if not h[k]]
        problems += ["description"] if len(h["description"]) != 1 or not h["description"][0].strip() else []
        problems += ["canonical"] if len(h["canonical"]) != 1 or not h["canonical"][0].startswith("http") else []
        if problems:
            bad.append(f"{path.relative_to(site)}: {', '.join(problems)}")
    assert not bad, "\n".join(bad[:20])


def test_side_by_side_views_are_canonically_their_chapter_and_indexable(site):
    views = sorted(site.rglob("parallel.html"))
    assert len(views) > 20
    for view in views:
        chapter = head_of(view.with_name("index.html"))
        h = head_of(view)
        assert h["canonical"] == chapter["canonical"], view
        assert not any("noindex" in r for r in h["robots"]), view


def test_short_link_stubs_are_canonically_their_chapter(site):
    links = yaml.safe_load((ROOT / "shortlinks.yml").read_text(encoding="utf-8"))
    for key, rel in links.items():
        chapter_dir = rel.removesuffix(".md").removesuffix("index").rstrip("/")
        for prefix in ("", "en/", "zh-hant/"):
            h = head_of(site / prefix / "go" / str(key) / "index.html")
            chapter = head_of(site / prefix / chapter_dir / "index.html")
            assert h["canonical"] == chapter["canonical"], (prefix, key)


HREFLANGS = {"zh", "zh-Hans", "zh-Hant", "en", "x-default"}


def test_only_redirect_pages_say_noindex(site):
    wrong = [str(path.relative_to(site)) for path in html_pages(site)
             if any("noindex" in r for r in head_of(path)["robots"]) and not head_of(path)["refresh"]]
    assert wrong == []


def test_hreflang_alternates_are_absolute_with_valid_codes_on_every_page_of_the_three_editions(site):
    bad, with_alternates = [], 0
    for path in html_pages(site):
        alternates = head_of(path)["alternates"]
        with_alternates += bool(alternates)
        bad += [f"{path.relative_to(site)}: {code} {href}" for code, href in alternates
                if code not in HREFLANGS or not href.startswith("http")]
        if alternates and {code for code, _ in alternates} != HREFLANGS:
            bad.append(f"{path.relative_to(site)}: {sorted(code for code, _ in alternates)}")
    assert with_alternates > 100 and bad == [], bad[:10]


def test_the_one_404_page_is_the_default_languages(site):
    """Every language is built into one folder; the 404 page a host sends for any missing path is the
    Simplified Chinese one (scripts/mkdocs_hooks/theme.py), not the last edition built."""
    doc = html.fromstring((site / "404.html").read_bytes())
    assert doc.get("lang") == "zh"
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert "".join(doc.xpath("//head/title/text()")).strip() == site_name
    # its canonical is its own address, not the home page (Lighthouse: "points to the domain's root URL")
    assert head_of(site / "404.html")["canonical"][0].endswith("/404.html")


def unserved(site: Path, urls) -> list[str]:
    """The URLs among `urls` that the built site does not serve at its public address (built_for)."""
    base = built_for(site)
    missing = []
    for url in urls:
        path = url[len(base):] if url.startswith(base) else None
        if path is None or not (site / path if path.endswith(".html") else site / path / "index.html").is_file():
            missing.append(url)
    return missing


def test_canonical_and_hreflang_name_pages_the_published_site_serves(site):
    """Under a subpath static-i18n gives each language root with the site's path in it: joined to site_url
    as it was, every home page's alternates named /manual/manual/ (shared.public_url)."""
    bad = []
    for path in html_pages(site):
        h = head_of(path)
        bad += [f"{path.relative_to(site)}: {url}" for url in
                unserved(site, h["canonical"] + [href for _, href in h["alternates"]])]
    assert bad == [], bad[:10]


def test_the_offline_copy_names_published_pages_in_its_head_chapter_links_and_qr_codes(site):
    """A handout printed from the offline copy carries the chapter's link and QR code: they must open the
    published page (the copy's own addresses end in .html, which the site does not serve); so must its
    canonical and hreflang links, and site.js copies a section link from the canonical."""
    (archive,) = (site / "downloads").glob("*offline*.zip")
    bad, kits = [], 0
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            if not name.endswith(".html") or "/downloads/" in name:
                continue
            doc = html.fromstring(z.read(name))
            if doc.xpath('//meta[@http-equiv="refresh"]'):
                continue                                       # a redirect stub of the copy
            urls = doc.xpath('//head/link[@rel="canonical"]/@href | //head/link[@rel="alternate"][@hreflang]/@href')
            chapter = doc.xpath('//ul[@class="reader-kit__links"]/li[1]/a/@href')
            qr_title = doc.xpath('//div[@class="reader-kit__qr"]//*[local-name()="title"]/text()')
            kits += bool(chapter)
            if chapter:
                urls += chapter
                if not (qr_title and qr_title[0].endswith(chapter[0])):
                    bad.append(f"{name}: QR {qr_title} is not {chapter[0]}")
            bad += [f"{name}: {url}" for url in unserved(site, urls)]
    assert kits > 40 and bad == [], bad[:10]
