"""What the hooks share: page -> (lang, rel), one Site per build, one rule for TODO definitions, and the
article helpers of the side-by-side view and the PDF."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from lxml import html
from mkdocs.config import load_config

from scripts import article
from scripts.glossary import Term
from scripts.mkdocs_hooks import glossary as glossary_hook
from scripts.mkdocs_hooks import shared
from tests.checks.conftest import build_root


@pytest.mark.parametrize("src_uri, expected", [
    ("en/part1/model.md", ("en", "part1/model.md")),
    ("zh/index.md", ("zh", "index.md")),
    ("index.md", ("zh", "index.md")),
    ("assets/x.md", ("zh", "assets/x.md")),
    ("en", ("zh", "en")),
])
def test_lang_rel(src_uri, expected):
    assert shared.lang_rel(src_uri) == expected


def test_one_site_per_build_and_a_new_one_for_the_next(tmp_path):
    root = build_root(tmp_path)
    config = load_config(str(root / "mkdocs.yml"))
    site = shared.manual(config)
    assert shared.manual(config) is site
    assert site.page("en", "part1/model.md") is not None and site.docs_dir == "docs"
    assert shared.manual(load_config(str(root / "mkdocs.yml"))) is not site


def test_the_site_honours_docs_dir(tmp_path):
    root = build_root(tmp_path)
    (root / "docs").rename(root / "manual")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: manual")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = shared.manual(load_config(str(root / "mkdocs.yml")))
    assert site.page("zh", "part1/model.md").path == "manual/zh/part1/model.md"


@pytest.mark.parametrize("text, shown", [("A definition.", "A definition."), ("TODO", ""),
                                         ("TODO: ask the county", ""), ("  todo later ", ""), ("", "")])
def test_a_definition_not_written_yet_is_never_shown(text, shown):
    term = Term("volunteer", "志愿者", "volunteer", definition_en=text, definition_zh=text)
    assert term.definition("en") == shown == term.definition("zh")


def test_no_tooltip_for_a_todo_definition(tmp_path, monkeypatch):
    root = build_root(tmp_path)
    config = load_config(str(root / "mkdocs.yml"))
    site = shared.manual(config)
    [term, *_] = site.glossary.terms
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/part1/model.md"))
    content = f"<p>The {term.en} and the {term.en}.</p>"
    assert glossary_hook.on_page_content(content, page, config, None).count("<abbr") == 1
    monkeypatch.setattr(term, "definition_en", "TODO: ask the county")
    assert "<abbr" not in glossary_hook.on_page_content(content, page, config, None)


def test_split_at_model_sections_and_relink():
    doc = html.fromstring('<html><body><article class="md-content__inner"><h1>T</h1><p>intro</p>'
                          '<h2 id="a">A</h2><p><a href="../b/#x">b</a> <a href="#y">y</a></p>'
                          '<h2 id="not-a-section">N</h2><div><h3 id="c">C</h3></div><p>c</p>'
                          '<aside class="reader-kit">kit</aside></article></body></html>')
    body = article.article_of(doc)
    article.remove(body, article.READER_KIT)
    parts = article.split_at(body, {"a", "c"})
    assert {k: [n.tag for n in v] for k, v in parts.items()} == {"_intro": ["h1", "p"], "a": ["h2", "p", "h2"],
                                                                 "c": ["div", "p"]}
    seen = []
    article.relink(parts["a"], "part1/a", lambda f: f"#in-{f}", lambda t, s, d: seen.append((t, s, d)) or "X")
    assert seen == [("part1/b", "#x", True)]
    assert [a.get("href") for a in parts["a"][1].iter("a")] == ["X", "#in-y"]
    assert article.title_of(body) == "T"


SITE_URL = "https://example.org/manual/"


@pytest.mark.parametrize("link, public", [
    ("part2/volunteers/", "part2/volunteers/"),                   # a page link from the site root
    ("/en/part2/volunteers/", "en/part2/volunteers/"),
    ("/manual/", ""),                                             # static-i18n's language roots under a subpath
    ("/manual/en/", "en/"),
    ("part2/volunteers.html", "part2/volunteers/"),              # the offline copy's links
    ("part2/index.html", "part2/"),
    ("/manual/index.html", ""),
    ("part1/model.parallel.html", "part1/model/parallel.html"),
    (SITE_URL + "part1/model.html", "part1/model/"),              # a canonical_url
    (SITE_URL + "en/", "en/"),
    ("404.html", "404.html"),
])
def test_public_url_is_the_address_the_published_site_serves(link, public):
    from scripts.mkdocs_hooks.shared import public_url
    assert public_url(link, SITE_URL) == SITE_URL + public
    at_root = "http://127.0.0.1:8000/"                            # a site at its host's root
    assert public_url(link.replace(SITE_URL, at_root).replace("/manual/", "/"), at_root) == at_root + public
