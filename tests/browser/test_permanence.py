"""The journey of issue 15, end to end: a month later the files are reorganised, and every link on the
slides still lands on the right section.

In a copy of the checks' control site (harness/fixtures.py) with the real theme overrides, site.js and
build hooks, the record is published, then ``python -m scripts move part1/model.md
part2/service-model.md`` and ``python -m scripts rename-id part2/service-model.md training
volunteer-training`` run, and a glossary term's id changes (volunteer -> volunteer-person, with its alias
in redirects.yml, as an editor writes it); ``make check`` gives 0 findings; the site is built (strict) for the web and
with OFFLINE=true. The old URLs are then followed in Chromium, in both languages, at the site's root
of a plain static server, under the subpath /manual/ of nginx with deploy/nginx.conf and from ``file://``
in the offline copy: each lands on the new page, with the
old ``#id`` scrolled into view at the renamed heading. Only the tests that drive Chromium carry the
`browser` mark; the others read the built files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from harness import ROOT, fixtures
from harness.nginx import NginxMissing, NginxServer
from harness.server import StaticServer, free_port
from scripts import cli
from scripts.runner import run
from scripts.site import load_site
from scripts.yamlfile import load_yaml
from tests.checks.test_permanence import add_glossary_page

browser = pytest.mark.browser
pytestmark = pytest.mark.slow      # builds the moved site twice (web and offline)
HOOKS = ("theme", "downloads", "shortlinks", "parallel_view", "glossary", "redirects")
GLOSSARY = "appendix/glossary/"
OLD, NEW = "part1/model/", "part2/service-model/"
OLD_HTML, NEW_HTML = "part1/model.html", "part2/service-model.html"
LANG_PREFIX = {"zh": "", "en": "en/"}
SMALL = {"width": 800, "height": 420}          # the renamed section is well below the fold


def site_config(root: Path) -> None:
    """The control's mkdocs.yml with the site's theme overrides and features (navigation.tracking rewrites
    the #hash as the reader scrolls), site.js, search, the offline plugin and the hooks this journey needs."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    features = "".join(f"    - {feature}\n" for feature in load_yaml((ROOT / "mkdocs.yml").read_text(
        encoding="utf-8")).data["theme"]["features"])
    text = text.replace("theme:\n  name: material\n", f"theme:\n  name: material\n  custom_dir: {ROOT}/overrides\n"
                                                      f"  features:\n{features}")
    text = text.replace("plugins:\n", "extra:\n  polyfills: []\nextra_css:\n  - assets/stylesheets/site.css\n"
                                      "extra_javascript:\n  - assets/javascripts/site.js\n\nplugins:\n  - search\n")
    text = text.replace("\nnav:\n", "  - offline:\n      enabled: !ENV [OFFLINE, false]\n\nnav:\n", 1)
    text += "\nhooks:\n" + "".join(f"  - {ROOT}/scripts/mkdocs_hooks/{hook}.py\n" for hook in HOOKS)
    path.write_text(text, encoding="utf-8")


def mkdocs_build(root: Path, site_dir: Path, **env: str) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(site_dir)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHECKS_CACHE": "0", **env})
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """(www folder with the site at manual/, offline site folder), after the move and the rename."""
    base = tmp_path_factory.mktemp("moved")
    root = fixtures.assemble(base / "site-root")
    site_config(root)
    with open(root / "shortlinks.yml", "a", encoding="utf-8") as shortlinks:     # a chapter: short link, side by side
        shortlinks.write("model: part1/model.md\n")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CHECKS_CACHE", "0")
        add_glossary_page(root)
        assert cli.main(["publish", "--root", str(root)]) == 0
        assert cli.main(["move", "--root", str(root), "part1/model.md", "part2/service-model.md"]) == 0
        assert cli.main(["rename-id", "--root", str(root), "part2/service-model.md", "training",
                         "volunteer-training"]) == 0
        rename_term(root, "volunteer", "volunteer-person")
        assert [f"{d.path}:{d.line}: {d.code}" for d in run(load_site(root)).findings] == []
    mkdocs_build(root, base / "www" / "manual")
    mkdocs_build(root, base / "offline", OFFLINE="true")
    return base / "www", base / "offline"


def rename_term(root: Path, old: str, new: str) -> None:
    """A term's id changed in glossary.yml by hand, with its alias and the links to its row rewritten."""
    glossary = root / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(f"- id: {old}\n", f"- id: {new}\n"),
                        encoding="utf-8")
    redirects = root / "redirects.yml"
    redirects.write_text(redirects.read_text(encoding="utf-8").replace(
        "sections:\n", f"sections:\n  appendix/glossary.md:\n    {old}: {new}\n", 1), encoding="utf-8")
    for lang in ("zh", "en"):
        for page in (root / "docs" / lang).rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(f"glossary.md#{old})", f"glossary.md#{new})"), encoding="utf-8")
    assert cli.main(["stamp", "--root", str(root)]) == 0


# --- the built files -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("offline", [False, True], ids=["web", "offline"])
def test_redirect_page_at_the_old_url(moved, lang, offline):
    www, offline_site = moved
    prefix = LANG_PREFIX[lang]
    at = (offline_site / prefix / OLD_HTML) if offline else (www / "manual" / prefix / OLD / "index.html")
    doc = lxml_html.fromstring(at.read_bytes())
    target = "../part2/service-model.html" if offline else "../../part2/service-model/"
    assert doc.get("lang") == lang
    assert doc.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert doc.xpath('//link[@rel="canonical"]/@href') == [
        f"https://manual.example.org/{prefix}{NEW_HTML if offline else NEW}"]
    assert doc.xpath('//meta[@http-equiv="refresh"]/@content') == [f"0; url={target}"]
    assert doc.xpath("//body//a/@href") == [target]                      # for a reader without JavaScript
    root = offline_site if offline else www / "manual"
    script = doc.xpath("//script")        # one script, a file (no inline script: deploy/nginx.conf's CSP)
    assert [s.get("data-target") for s in script] == [target] and not script[0].text
    assert (at.parent / script[0].get("src")).resolve() == root / "assets" / "javascripts" / "redirect.js"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("offline", [False, True], ids=["web", "offline"])
def test_short_link_and_side_by_side_view_follow_the_move(moved, lang, offline):
    www, offline_site = moved
    site, prefix = (offline_site if offline else www / "manual"), LANG_PREFIX[lang]
    short = lxml_html.fromstring((site / prefix / "go/model/index.html").read_bytes())
    assert short.xpath("//body//a/@href") == ["../../" + (NEW_HTML if offline else NEW)]
    old_view = site / prefix / ("part1/model.parallel.html" if offline else "part1/model/parallel.html")
    new_view = "../part2/service-model.parallel.html" if offline else "../../part2/service-model/parallel.html"
    assert (site / prefix / (NEW_HTML.replace(".html", ".parallel.html") if offline else NEW + "parallel.html")).is_file()
    assert lxml_html.fromstring(old_view.read_bytes()).xpath("//body//a/@href") == [new_view]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_alias_anchor_inside_the_renamed_heading(moved, lang):
    www, _ = moved
    doc = lxml_html.fromstring((www / "manual" / LANG_PREFIX[lang] / NEW / "index.html").read_bytes())
    (alias,) = doc.xpath('//*[@id="training"]')
    assert alias.tag == "a" and alias.get("class") == "section-alias" and not alias.text_content()
    assert alias.getparent().tag == "h3" and alias.getparent().get("id") == "volunteer-training"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_alias_of_a_renamed_glossary_term_inside_its_row(moved, lang):
    """Inside the row's first cell: an <a> directly in a <tr> would be moved out of the table by the parser."""
    www, _ = moved
    doc = lxml_html.fromstring((www / "manual" / LANG_PREFIX[lang] / GLOSSARY / "index.html").read_bytes())
    (alias,) = doc.xpath('//*[@id="volunteer"]')
    assert alias.tag == "a" and alias.get("class") == "section-alias"
    cell = alias.getparent()
    assert cell.tag == "td" and cell.getparent().tag == "tr" and cell.getparent().get("id") == "volunteer-person"


# --- in Chromium ---------------------------------------------------------------------------------------

LANDED = """([path, id, heading]) => {
    if (!location.pathname.endsWith(path) || location.hash !== '#' + id) return false;
    const h = document.getElementById(heading), target = document.getElementById(id);
    if (!h || !target || !h.contains(target)) return false;
    const top = h.getBoundingClientRect().top;
    return window.scrollY > 0 && top >= 0 && top < innerHeight / 2;
}"""


@pytest.fixture(scope="module")
def servers(moved, tmp_path_factory):
    """At the root of a plain static server, and under /manual/ of nginx with deploy/nginx.conf (its CSP)."""
    www, _ = moved
    at_root = StaticServer(www / "manual")
    try:
        at_subpath = NginxServer(www / "manual", free_port(), tmp_path_factory.mktemp("nginx-moved"))
    except NginxMissing as err:
        at_root.close()
        pytest.fail(str(err))
    yield {"root": at_root.url("/"), "subpath": at_subpath.url("/")}
    at_root.close()
    at_subpath.close()


def follow(browser, url: str, path: str, section: str, heading: str, screenshot: Path | None = None):
    context = browser.new_context(viewport=SMALL)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(LANDED, arg=[path, section, heading])
        if screenshot:
            page.screenshot(path=str(screenshot))
        return page.url
    finally:
        context.close()


@browser
@pytest.mark.parametrize("where", ["root", "subpath"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("section, heading", [("training", "volunteer-training"), ("recruitment", "recruitment")],
                         ids=["renamed-id", "same-id"])
def test_old_url_lands_on_the_new_page_at_the_section(browser, servers, where, lang, section, heading):
    base = servers[where]
    landed = follow(browser, f"{base}{LANG_PREFIX[lang]}{OLD}#{section}", f"/{LANG_PREFIX[lang]}{NEW}", section,
                    heading, _shot(f"{where}-{lang}-{section}"))
    assert landed == f"{base}{LANG_PREFIX[lang]}{NEW}#{section}"


@browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_old_term_link_lands_on_the_renamed_row(browser, servers, lang):
    base = servers["subpath"]
    landed = follow(browser, f"{base}{LANG_PREFIX[lang]}{GLOSSARY}#volunteer", f"/{LANG_PREFIX[lang]}{GLOSSARY}",
                    "volunteer", "volunteer-person", _shot(f"glossary-{lang}"))
    assert landed == f"{base}{LANG_PREFIX[lang]}{GLOSSARY}#volunteer"


@browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_old_url_in_the_offline_copy(browser, moved, lang):
    _, offline_site = moved
    url = (offline_site / LANG_PREFIX[lang] / OLD_HTML).as_uri() + "#training"
    landed = follow(browser, url, f"/{LANG_PREFIX[lang]}{NEW_HTML}", "training", "volunteer-training",
                    _shot(f"file-{lang}-training"))
    assert landed == (offline_site / LANG_PREFIX[lang] / NEW_HTML).as_uri() + "#training"


@browser
@pytest.mark.parametrize("where", ["root", "subpath"])
def test_language_switch_keeps_an_aliased_section(browser, servers, where):
    base = servers[where]
    context = browser.new_context(viewport=SMALL)
    try:
        page = context.new_page()
        page.goto(f"{base}{OLD}#training")
        page.wait_for_function(LANDED, arg=[f"/{NEW}", "training", "volunteer-training"])
        switch = page.locator('a.md-select__link[hreflang="en"]')
        assert switch.get_attribute("href").endswith(f"en/{NEW}#training")
        switch.dispatch_event("click")
        page.wait_for_function(LANDED, arg=[f"/en/{NEW}", "training", "volunteer-training"])
        assert page.evaluate("document.documentElement.lang") == "en"
        if _shot(f"switch-{where}"):
            page.screenshot(path=str(_shot(f"switch-{where}")))
    finally:
        context.close()


def _shot(name: str) -> Path | None:
    """Screenshots for a person to look at, when PERMANENCE_SCREENSHOTS names a folder."""
    folder = os.environ.get("PERMANENCE_SCREENSHOTS")
    return Path(folder) / f"{name}.png" if folder else None
