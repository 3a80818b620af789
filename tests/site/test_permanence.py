"""Everything published.yml records resolves in the built site: every page URL in both languages serves
the page or a redirect page to it, every recorded #id is an element on the page it lands on (a heading, or
a section alias), every short-link key has its stubs. And what trainers copy from the built site is in
the form the record guarantees: the chapter link under every QR code is the page's own URL (README,
"Links that never break")."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from lxml import html

from scripts.published import load_published
from tests.conftest import ROOT, built_pages


def landing(site, url: str):
    """(final URL path, its document) after following redirect pages in the built files, or (url, None)."""
    for _ in range(3):
        file = site / url.strip("/") / "index.html"
        if not file.is_file():
            return url, None
        doc = html.fromstring(file.read_bytes())
        refresh = doc.xpath('//meta[@http-equiv="refresh"]/@content')
        if not refresh:
            return url, doc
        target = refresh[0].split("url=", 1)[1]
        url = posixpath.normpath(posixpath.join(url, target)) + "/"
    return url, None


def test_every_recorded_url_and_id_resolves_in_the_built_site(site):
    published = load_published(ROOT)
    broken = []
    for rel, page in published.pages.items():
        for url in page.urls:
            final, doc = landing(site, url)
            if doc is None:
                broken.append(url)
                continue
            ids = set(doc.xpath("//@id"))
            broken += [f"{url}#{section_id} (on {final})" for section_id in page.ids if section_id not in ids]
    for key in published.shortlinks:
        broken += [f"/{prefix}go/{key}/" for prefix in ("", "en/")
                   if landing(site, f"/{prefix}go/{key}/")[1] is None]
    assert len(published.pages) > 40 and broken == []


def test_the_qr_code_carries_the_page_url(site):
    checked, wrong = 0, []
    for path in built_pages(site):
        doc = html.fromstring((site / path.strip("/") / "index.html").read_bytes())
        for href in doc.xpath('//ul[@class="reader-kit__links"]/li[1]/a/@href'):      # the URL in the QR code
            checked += 1
            if not urlsplit(href).path.endswith(path):                              # (SITE_URL may add a subpath)
                wrong.append(f"{path}: {href}")
    assert checked > 50 and wrong == []
