"""Precompressed copies (scripts/precompress.py, run by `make build`): every text file of the built site
has a .gz and a .br beside it that decompress to the same bytes; images and archives have none."""

from __future__ import annotations

import gzip

import brotli

from scripts.precompress import MIN_SIZE, TEXT, precompress, text_files


def test_every_text_file_of_the_built_site_has_gzip_and_brotli_copies_with_the_same_content(site):
    files = text_files(site)
    assert len(files) > 100
    missing = [str(p) for p in files if not p.with_name(p.name + ".gz").is_file()
               or not p.with_name(p.name + ".br").is_file()]
    assert not missing, missing[:5]
    for path in [site / "index.html", site / "en" / "search" / "search_index.json"]:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data
    assert not list((site / "downloads").glob("*.gz")) and not list(site.rglob("*.zip.br"))


def test_precompress_skips_small_and_binary_files_and_removes_stale_copies(tmp_path):
    (tmp_path / "page.html").write_text("<p>" + "words " * 200 + "</p>", encoding="utf-8")
    (tmp_path / "tiny.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + bytes(2000))
    (tmp_path / "gone.js.gz").write_bytes(b"old")
    totals = precompress(tmp_path, workers=1)
    assert totals["files"] == 1 and totals["gzip"] < totals["bytes"]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["page.html", "page.html.br", "page.html.gz", "photo.png", "tiny.css"]
    assert ".html" in TEXT and MIN_SIZE > len("a{}")


def test_precompress_without_brotli_writes_gzip_copies_only(tmp_path):
    """The tests' served copy (tests/conftest.py: served_site): nginx-light sends .gz, never .br."""
    (tmp_path / "page.html").write_text("<p>" + "words " * 200 + "</p>", encoding="utf-8")
    totals = precompress(tmp_path, workers=1, brotli=False)
    assert (tmp_path / "page.html.gz").is_file() and not (tmp_path / "page.html.br").exists()
    assert totals["files"] == 1 and 0 < totals["gzip"] < totals["bytes"]
