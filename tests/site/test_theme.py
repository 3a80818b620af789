"""The theme is extended, not copied: what the templates in overrides/ reference exists in the built site,
and the attributes patched into Material's own blocks are there (a Material upgrade that moves them fails
the build in scripts/mkdocs_hooks/theme.py, and these tests say which page lost what)."""

from __future__ import annotations

import json
import posixpath
import sys
from pathlib import Path

import pytest
from lxml import html
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT, built_pages, parsed, site_path

sys.path.insert(0, str(ROOT / "scripts" / "mkdocs_hooks"))
from theme import patch_once  # noqa: E402

PARALLEL = ["/part1/model/parallel.html", "/en/part1/model/parallel.html"]


def pages(site: Path) -> list[tuple[str, Path]]:
    out = [(url, site / url.strip("/") / "index.html") for url in built_pages(site)]
    return out + [(url, site / url.lstrip("/")) for url in PARALLEL] + [("/404.html", site / "404.html")]


def config_of(doc) -> dict:
    return json.loads(doc.xpath('//script[@id="__config"]')[0].text)


def resolve(url: str, ref: str, at: str = "/") -> str:
    """A reference on the page at `url`, as a path from the site root. `at`: the path the site was built
    for (its site_url's): the 404 page names its files absolutely, under it, since it is served at any
    address."""
    if at != "/" and ref.startswith(at):
        ref = "/" + ref[len(at):]
    folder = url if url.endswith("/") else posixpath.dirname(url) + "/"
    return posixpath.normpath(posixpath.join(folder, ref.split("#")[0].split("?")[0])).lstrip("/")


def test_every_script_stylesheet_icon_and_search_worker_the_templates_name_is_built(site):
    missing = []
    for url, path in pages(site):
        doc = parsed(path)
        refs = doc.xpath("//script/@src | //link[@rel='stylesheet' or @rel='icon']/@href")
        refs.append(config_of(doc)["search"])
        for ref in refs:
            if "://" in ref or ref.startswith("data:"):
                continue
            if not (site / resolve(url, ref, site_path(site))).is_file():
                missing.append(f"{url}: {ref}")
    assert not missing, "referenced but not built:\n" + "\n".join(missing)


def test_search_base_is_the_language_root_and_the_dialog_is_named(site):
    for url, path in pages(site):
        doc = parsed(path)
        root = {"en": "en", "zh-Hant": "zh-hant"}.get(doc.get("lang"), "")
        base = config_of(doc)["base"]
        assert not base.startswith("//") and resolve(url, base, site_path(site)) == root, f"{url}: search base {base}"
        dialog = doc.xpath('//div[@data-md-component="search"][@role="dialog"]')
        assert len(dialog) == 1 and dialog[0].get("aria-label"), f"{url}: search dialog without a name"
        assert (site / root / "search" / "search_index.json").is_file(), url


def test_patch_once_changes_exactly_one_occurrence():
    assert patch_once('<div role="dialog">', 'role="dialog"', 'role="dialog" aria-label="x"') == \
        '<div role="dialog" aria-label="x">'


@pytest.mark.parametrize("markup", ['<div role="other">', '<i role="dialog"></i><b role="dialog"></b>'])
def test_patch_once_stops_the_build_when_the_theme_markup_changed(markup):
    with pytest.raises(PluginError, match="found it [02] times"):
        patch_once(markup, 'role="dialog"', 'role="dialog" aria-label="x"')


def test_no_inline_event_handler_or_script_in_any_page(site):
    """A strict Content-Security-Policy (script-src without 'unsafe-inline') must not break anything we
    wrote; Material's own small inline scripts are the theme's and are counted apart."""
    found = []
    for url, path in pages(site):
        doc = parsed(path)
        for el in doc.iter():
            found += [f"{url}: <{el.tag} {name}>" for name in el.attrib if name.lower().startswith("on")]
    assert not found, "\n".join(found[:10])


def test_every_page_starts_the_on_demand_worker_naming_materials_and_loads_the_gate_before_the_bundle(site):
    """search-on-demand.js must run before Material's bundle (which requests the index as it starts), and
    the worker the theme starts is ours, naming Material's real one (built) in ?worker=."""
    for url, path in pages(site):
        doc = parsed(path)
        worker = config_of(doc)["search"]
        assert "/workers/on-demand.js?worker=search." in worker, f"{url}: {worker}"
        real = worker.split("?worker=")[1]
        folder = (site / resolve(url, worker.split("?")[0], site_path(site))).parent
        assert (folder / real).is_file(), f"{url}: {real}"
        scripts = doc.xpath("//script/@src")
        gate = [i for i, s in enumerate(scripts) if s.endswith("search-on-demand.js")]
        bundle = [i for i, s in enumerate(scripts) if "/bundle." in s]
        assert len(gate) == 1 and bundle and gate[0] < bundle[0], f"{url}: {scripts}"


def test_patch_once_can_patch_a_block_twice():
    from markupsafe import Markup
    once = patch_once(Markup('{"base": ".", "search": "w/search.1.js"}'), "w/search.", "w/x.js?worker=search.")
    assert patch_once(once, '"base": "."', '"base": "./en/"') == '{"base": "./en/", "search": "w/x.js?worker=search.1.js"}'


MATERIAL = Path(__import__("material").__file__).parent / "templates"


@pytest.mark.parametrize("name", ["base.html", "palette.html", "content.html"])
def test_materials_inline_scripts_moved_to_files_are_verbatim(name):
    """overrides/partials/javascripts/<name> loads assets/javascripts/theme/<name>.js instead of Material's
    inline script: when a Material upgrade changes the script, this says which file to update."""
    import re
    upstream = re.findall(r"<script>(.*?)</script>", (MATERIAL / "partials" / "javascripts" / name).read_text(),
                          re.S)[-1].replace('"{{ config.extra.scope | d(base_url) }}"',
                                            "document.currentScript.dataset.scope")
    ours = (ROOT / "overrides" / "assets" / "javascripts" / "theme" / name.replace(".html", ".js")).read_text()
    assert ours.rstrip("\n").endswith(upstream), f"Material's partials/javascripts/{name} changed"


def test_no_script_blocks_the_parser_in_head(site):
    """Scripts in <head> wait for every stylesheet before the body is parsed; Material's helpers
    (theme/base.js) go just before the bundle, their only reader."""
    wrong = []
    for url, path in pages(site):
        doc = parsed(path)
        head = doc.xpath("//head/script[@src]")
        scripts = doc.xpath("//script/@src")
        helpers = [i for i, s in enumerate(scripts) if s.endswith("theme/base.js")]
        bundle = [i for i, s in enumerate(scripts) if "/bundle." in s]
        if head or len(helpers) != 1 or not bundle or helpers[0] > bundle[0]:
            wrong.append(f"{url}: head {[s.get('src') for s in head]}, scripts {scripts}")
    assert not wrong, "\n".join(wrong)


def test_only_a_page_with_content_tabs_links_the_tab_opening_script(site):
    """theme/content.js opens the content tab named in the address; a page without tabs would only wait
    for it (a parser-blocking request on a slow line)."""
    wrong = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if ("theme/content.js" in text) != ('name="__tabbed_' in text):
            wrong.append(str(path.relative_to(site)))
    assert not wrong, wrong[:10]


def test_the_tab_opening_script_comes_back_with_content_tabs():
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    env.filters["url"] = lambda path: "../" + path
    partial = env.get_template("partials/javascripts/content.html")
    with_tabs = partial.render(page={"content": '<input id="__tabbed_1_1" name="__tabbed_1" type="radio">'})
    assert '<script src="../assets/javascripts/theme/content.js"></script>' in with_tabs
    assert "<script" not in partial.render(page={"content": "<p>no tabs</p>"})


def test_features_whose_inline_scripts_are_not_moved_out_stay_off():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "content.tabs.link" not in text and "announce.dismiss" not in text and "\n  consent:" not in text


def test_no_page_has_an_executable_inline_script(site):
    """CSP script-src without 'unsafe-inline' (deploy/nginx.conf): every script is a file; inline JSON
    data (type=application/json) is not executed and is allowed."""
    found = []
    for path in sorted(site.rglob("*.html")):
        doc = parsed(path)
        for el in doc.iter("script"):
            if not el.get("src") and el.get("type") != "application/json":
                found.append(f"{path.relative_to(site)}: {(el.text or '')[:60]}")
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("url", ["/part1/model/", *PARALLEL, "/zh-hant/part1/model/parallel.html"])
def test_print_rules_wait_for_paper_and_the_side_by_side_rules_stay_in_their_view(site, url):
    """print.css is linked with media="print" (a screen's first paint does not wait for it); parallel.css
    only by the side-by-side views, after site.css and before print.css, and it resolves."""
    path = site / url.strip("/") if url.endswith(".html") else site / url.strip("/") / "index.html"
    sheets = [(link.get("href"), link.get("media")) for link in
              parsed(path).xpath('//head/link[@rel="stylesheet"]')]
    names = [posixpath.basename(href) for href, _ in sheets]
    assert ("print.css", "print") in [(posixpath.basename(h), m) for h, m in sheets]
    assert names.index("print.css") > names.index("site.css")
    if url.endswith("parallel.html"):
        href = sheets[names.index("parallel.css")][0]
        assert names.index("site.css") < names.index("parallel.css") < names.index("print.css")
        assert (path.parent / href).resolve().is_file(), href
    else:
        assert "parallel.css" not in names


def test_no_script_holds_back_the_text_of_a_page(site):
    """Between <body> and the end of the article, no script that stops the parser (a <script src> without
    defer or async): the text paints with the header. Material's palette switch script sat there once the
    CSP moved it into a file, and held the first paint of the text back by a request (Lighthouse LCP)."""
    blocking = []
    for url, path in pages(site):
        text = path.read_text(encoding="utf-8")
        if "</article>" not in text:
            continue
        doc = html.fromstring(text[text.index("<body"):text.index("</article>")] + "</article>")
        blocking += [f"{url}: {s.get('src')}" for s in doc.xpath("//script[@src]")
                     if s.get("defer") is None and s.get("async") is None]
    assert blocking == [], blocking[:10]


def test_no_file_a_readers_browser_never_loads_is_shipped(site):
    """Source maps (developer tools only) and lunr's language scripts (the worker imports them only for an
    index in a language other than English; every index here is English-tokenised) are in neither the site
    nor the offline copy. Search itself is tested in a browser (tests/browser/), where a missing script the
    worker wanted would leave it broken."""
    import zipfile
    configs = [json.loads(p.read_text("utf-8"))["config"]["lang"] for p in site.glob("**/search/search_index.json")]
    assert len(configs) == 3 and all(lang == ["en"] for lang in configs), configs
    [offline] = (site / "downloads").glob("*offline*.zip")
    shipped = [p.relative_to(site).as_posix() for p in site.rglob("*")] + zipfile.ZipFile(offline).namelist()
    unused = [name for name in shipped if name.endswith(".map") or "/javascripts/lunr/" in f"/{name}"]
    assert unused == []
    assert any(name.endswith("/assets/javascripts/workers/on-demand.js") for name in shipped)
