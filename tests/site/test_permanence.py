"""What trainers copy from the built site is what published.yml guarantees: the chapter link under every
QR code and every section's copy-link target (page URL + #id, see README "Links that never break") are
recorded, so `make check` (M101, M102) fails before any of them can break."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import html

from scripts.published import load_published
from tests.conftest import ROOT, built_pages


def test_every_qr_link_and_section_id_of_the_built_site_is_recorded(site):
    published = load_published(ROOT)
    urls = {url: page for page in published.pages.values() for url in page.urls}
    unrecorded, pages = [], 0
    for path in built_pages(site):
        doc = html.fromstring((site / path.strip("/") / "index.html").read_bytes())
        if path.strip("/") in ("404",) or not doc.xpath('//aside[@class="reader-kit"]'):
            continue
        pages += 1
        record = urls.get(path)
        if record is None:
            unrecorded.append(path)
            continue
        for href in doc.xpath('//ul[@class="reader-kit__links"]/li[1]/a/@href'):     # the URL in the QR code
            if not urlsplit(href).path.endswith(path):                              # (SITE_URL may add a subpath)
                unrecorded.append(f"QR/chapter link {href} on {path}")
        for section_id in doc.xpath('//div[contains(@class, "md-content")]//*[self::h2 or self::h3]/@id'):
            if section_id not in record.ids:
                unrecorded.append(f"{path}#{section_id}")
    assert pages > 80
    assert unrecorded == []
