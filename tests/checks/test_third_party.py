"""Third-party resources (X101-X104): the message names the resource, its host and where to put a copy,
which is all an editor needs to fix it. Fixtures third_party and third_party_everywhere (their lines are in
their expected.txt; here, what the messages say)."""
from __future__ import annotations

from scripts.runner import run
from scripts.site import load_site
from tests.checks.conftest import build_root

PAGE = "docs/en/part1/model.md"


def messages(tmp_path, name):
    return {(d.path, d.line): d.message for d in run(load_site(build_root(tmp_path, name))).findings}


def test_a_markdown_image_says_where_its_copy_goes(tmp_path):
    assert messages(tmp_path, "third_party")[(PAGE, 28)] == (
        "image from cdn.example.com: download it into docs/en/assets/ and link it relatively")


def test_messages_name_the_resource_and_its_host(tmp_path):
    found = messages(tmp_path, "third_party_everywhere")
    assert {key: found[key] for key in [(PAGE, 36), (PAGE, 42), (PAGE, 49), (PAGE, 50),
                                        ("overrides/assets/app.mjs", 2), ("overrides/assets/extra.css", 3), ("mkdocs.yml", 6), ("mkdocs.yml", 15),
                                        ("mkdocs.yml", 21)]} == {
        (PAGE, 36): "<img src> loads https://CDN.Example.NET/a.png from cdn.example.net: serve it from this site",
        (PAGE, 42): "<link rel=?> loads https://x.example.net/y.css from x.example.net: serve it from this site",
        (PAGE, 49): "<link rel=preload stylesheet> loads https://fonts.example.net/y.css from fonts.example.net: "
                    "serve it from this site",
        (PAGE, 50): "CSS url() loads https://fonts.example.net/b.css from fonts.example.net: serve it from this site",
        ("overrides/assets/app.mjs", 2): "script URL loads //cdn.example.net/lib.js from cdn.example.net: vendor it "
                                         "into overrides/ or docs/",
        ("overrides/assets/extra.css", 3): "CSS url() loads https://fonts.example.net/a.css from fonts.example.net: "
                                           "vendor it into overrides/ or docs/",
        ("mkdocs.yml", 6): "Material loads Google Fonts unless 'theme.font' is false",
        ("mkdocs.yml", 15): "extra_javascript loads https://cdn.example.net/m.js from cdn.example.net: vendor it "
                            "into docs/",
        ("mkdocs.yml", 21): "extra.analytics loads a third-party tracking script",
    }


def test_one_resource_given_twice_on_a_line_is_one_finding(tmp_path):
    """src and srcset name the same image: one finding, the first way it was given."""
    report = run(load_site(build_root(tmp_path, "third_party_everywhere")))
    assert [d.message for d in report.findings if (d.path, d.line) == (PAGE, 48)] == [
        "<img src> loads http://plain.example.net/p.png from plain.example.net: serve it from this site"]


def test_a_font_setting_other_than_false_is_cited_on_its_line(control_root):
    """theme.font names the fonts Material then fetches from Google: the finding points at that key."""
    config = control_root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  font: false\n", "  font:\n    text: Noto Sans\n"), encoding="utf-8")
    line = text.splitlines().index("  font: false") + 1
    found = [(d.path, d.line, d.code, d.message) for d in run(load_site(control_root)).findings]
    assert found == [("mkdocs.yml", line, "X104", "Material loads Google Fonts unless 'theme.font' is false")]


def test_theme_given_by_name_alone_still_loads_google_fonts(control_root):
    """``theme: material`` (MkDocs accepts a bare name) has no ``font: false``: Material fetches its fonts."""
    config = control_root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("theme:\n  name: material\n  language: zh\n  font: false\n", "theme: material\n"),
                      encoding="utf-8")
    line = text.splitlines().index("theme:") + 1
    found = [(d.path, d.line, d.code, d.message) for d in run(load_site(control_root)).findings]
    assert found == [("mkdocs.yml", line, "X104", "Material loads Google Fonts unless 'theme.font' is false")]
