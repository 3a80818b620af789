"""The benchmark suite's own pieces, on tiny inputs (seconds, no build, no browser): the synthetic
manual generator keeps links valid and extends nav and lock; the stock configuration changes what it
says; the report renders any results, even failed ones, and BENCHMARKS.md is what results.json renders
to; quick runs never write the published files; fixture sites are assembled as documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from benchmarks import __main__ as cli
from benchmarks import mkdocs_yml, report
from benchmarks.common import ROOT, Run, show_command
from benchmarks.preview import page_epoch
from benchmarks.scale import growth
from benchmarks.sites import stock_config
from benchmarks.synth import make_synthetic
from benchmarks.weight import classify
from harness import fixtures

MKDOCS_YML = """\
site_name: 测试
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme:
  name: material
  custom_dir: overrides
  font: false
  favicon: assets/favicon.svg
  palette:
    - scheme: default
      primary: custom
extra_css: [assets/site.css]
extra_javascript: [assets/site.js]
hooks: [scripts/hook.py]
plugins:
  - search
  - i18n:
      docs_structure: folder
      reconfigure_search: false
      languages:
        - {locale: zh, default: true, name: 中文}
        - locale: en
          name: English
          nav_translations: {关于: About}
nav:
  - 首页: index.md
  - 关于:
      - part1/a.md
  - https://example.org/
"""
LINK_RE = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")


def tiny_repo(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for lang in ("zh", "en"):
        docs = root / "docs" / lang
        (docs / "part1").mkdir(parents=True)
        (docs / "assets").mkdir()
        (docs / "assets" / "d.svg").write_text("<svg/>", encoding="utf-8")
        (docs / "index.md").write_text("# Home\n\n[a](part1/a.md)\n", encoding="utf-8")
        (docs / "part1" / "a.md").write_text("# A\n\n[home](../index.md) ![d](../assets/d.svg)\n", encoding="utf-8")
    (root / "translation-lock.yml").write_text("part1/a.md:\n  intro: abc123\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / "site").mkdir()
    return root


def test_synthetic_manual_multiplies_pages_and_keeps_links_valid(tmp_path):
    src = tiny_repo(tmp_path / "src")
    summary = make_synthetic(tmp_path / "x3", 3, src)
    dest = tmp_path / "x3"
    assert summary["pages"] == 3 * 4
    assert not (dest / ".git").exists() and not (dest / "site").exists()
    for page in (dest / "docs").rglob("*.md"):
        for target in LINK_RE.findall(page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), f"{page}: {target}"
    config = mkdocs_yml.load(dest / "mkdocs.yml")
    assert isinstance(config["site_url"], mkdocs_yml.Tagged) and config["site_url"].tag == "!ENV"
    titles = [next(iter(item)) for item in config["nav"] if isinstance(item, dict)]
    assert titles == ["首页", "关于", "副本 02", "副本 03"]
    copy3 = config["nav"][-1]["副本 03"]
    assert copy3[0] == {"首页": "copy-03/index.md"} and copy3[1] == {"关于": ["copy-03/part1/a.md"]}
    assert copy3[2] == "https://example.org/"
    en = config["plugins"][1]["i18n"]["languages"][1]
    assert en["nav_translations"]["副本 02"] == "Copy 02" and en["nav_translations"]["关于"] == "About"
    lock = yaml.safe_load((dest / "translation-lock.yml").read_text(encoding="utf-8"))
    assert set(lock) == {"part1/a.md", "copy-02/part1/a.md", "copy-03/part1/a.md"}
    assert "!ENV" in (dest / "mkdocs.yml").read_text(encoding="utf-8")


def test_factor_one_is_an_unchanged_copy(tmp_path):
    src = tiny_repo(tmp_path / "src")
    make_synthetic(tmp_path / "x1", 1, src)
    assert (tmp_path / "x1" / "mkdocs.yml").read_text(encoding="utf-8") == MKDOCS_YML


def test_stock_config_is_stock(tmp_path):
    src = tiny_repo(tmp_path / "src")
    config = mkdocs_yml.load(stock_config(src, tmp_path / "stock"))
    theme = config["theme"]
    assert "font" not in theme and "custom_dir" not in theme and "favicon" not in theme
    assert "primary" not in theme["palette"][0]
    assert "hooks" not in config and "extra_css" not in config and "extra_javascript" not in config
    assert "reconfigure_search" not in config["plugins"][1]["i18n"]
    assert Path(config["docs_dir"]).is_absolute()
    assert config["nav"] == mkdocs_yml.load(src / "mkdocs.yml")["nav"]


def test_request_types():
    assert classify("http://h/a/", "document", "text/html; charset=utf-8", True) == "html"
    assert classify("http://h/x.js", "other", "text/javascript", True) == "js"
    assert classify("http://h/search/search_index.json", "xhr", "application/json", True) == "json"
    assert classify("https://fonts.googleapis.com/css?family=Roboto", "stylesheet", None, False) == "css"
    assert classify("http://h/f.woff2", "font", "font/woff2", True) == "font"
    assert classify("http://h/a/sitemap.xml", "xhr", "text/html", False) == "other"


def test_growth_verdicts():
    rows = [{"pages": 100, "build_median_s": 10.0}, {"pages": 1000, "build_median_s": 100.0},
            {"pages": 5000, "build_median_s": 500.0}]
    assert growth(rows, "build")["linear"] is True
    rows[2]["build_median_s"] = 1500.0
    assert growth(rows, "build")["linear"] is False
    rows[2] = {"pages": 5000, "build_median_s": None, "build_lower_bound_s": 300}
    assert growth(rows, "build")["linear"] is None      # a low lower bound proves nothing


def test_report_renders_failed_and_partial_results():
    results = {"generated": "now", "mode": "quick", "command": "x", "machine": {"nproc": 2},
               "sections": {
                   "checks": {"title": "Checks", "status": "failed", "met": None, "errors": ["boom"]},
                   "scale": {"title": "Scale", "status": "ok", "met": None, "sizes": [], "growth": {}},
                   "weight": {"title": "Weight", "status": "failed", "met": None, "pages": {}},
                   "search": {"title": "Search", "status": "ok", "met": None},
                   "lighthouse": {"title": "Lighthouse", "status": "ok", "met": None, "pages": []},
                   "preview": {"title": "Preview", "status": "ok", "met": None, "edits": [None]},
               }}
    text = report.render(results, ROOT / "benchmarks" / "results.json")
    for title in ("Checks", "Scale", "Weight", "Search", "Lighthouse", "Preview"):
        assert f". {title}" in text
    assert "**Failed measurement:** boom" in text
    assert "could not render" not in text


def test_quick_runs_never_write_the_published_files():
    results, markdown = cli.output_paths(cli.parse_args(["--quick"]))
    assert results != ROOT / "benchmarks" / "results.json" and markdown != ROOT / "BENCHMARKS.md"
    results, markdown = cli.output_paths(cli.parse_args([]))
    assert results == ROOT / "benchmarks" / "results.json" and markdown == ROOT / "BENCHMARKS.md"


def test_commands_are_shown_from_the_repository_root():
    shown = show_command([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict"], ROOT,
                         {"NO_MKDOCS_2_WARNING": "1"})
    assert shown == "NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict"
    assert show_command(["x"], Path("/tmp")) == "(cd /tmp && x)"
    assert Run("c", 0, 1.0, 1.0, "", "secret").as_dict().get("output") is None


def test_benchmarks_md_is_rendered_from_results_json():
    """What `python -m benchmarks --render-only` writes: BENCHMARKS.md holds nothing results.json lacks."""
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    rendered = report.render(results, ROOT / "benchmarks" / "results.json")
    assert rendered == (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")


def test_results_json_keeps_one_row_per_line_and_reads_back():
    results = {"sections": {"search": {"misses": [{"query": "夏令营", "expected": ["/a/"], "top3": []}],
                                       "by_type": {"html": {"requests": 1, "bytes": 2}}, "empty": {}}}}
    text = cli.to_json(results)
    assert json.loads(text) == results
    assert '{"query": "夏令营", "expected": ["/a/"], "top3": []}' in text.splitlines()[4]
    assert '"html": {"requests": 1, "bytes": 2}' in text


def test_preview_reads_the_build_epoch_mkdocs_serve_injects():
    assert page_epoch("<script>livereload(1733150000123, 1733150000999);</script>") == 1733150000123
    assert page_epoch("<html>built by mkdocs build</html>") is None


def test_fixture_assembly_lays_the_mutation_over_the_control(tmp_path):
    base = tmp_path / "fixtures"
    (base / "control" / "docs").mkdir(parents=True)
    (base / "control" / "docs" / "a.md").write_text("control", encoding="utf-8")
    (base / "control" / "docs" / "b.md").write_text("control", encoding="utf-8")
    (base / "defect" / "docs").mkdir(parents=True)
    (base / "defect" / "docs" / "a.md").write_text("mutated", encoding="utf-8")
    (base / "defect" / "delete.txt").write_text("docs/b.md\n", encoding="utf-8")
    (base / "defect" / "expected.txt").write_text("# suppressed: 2\ndocs/a.md:1: X101\ndocs/a.md:3: X102\n",
                                                  encoding="utf-8")
    site = fixtures.assemble(tmp_path / "site", "defect", base)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == ["docs/a.md"]
    assert (site / "docs" / "a.md").read_text(encoding="utf-8") == "mutated"
    assert fixtures.expected("defect", base) == (["docs/a.md:1: X101", "docs/a.md:3: X102"], 2)
    assert fixtures.expected_codes("defect", base) == ["X101", "X102"]
    assert fixtures.mutations(base) == ["defect"]


def test_a_first_paint_held_past_the_load_event_is_counted(tmp_path):
    """Lighthouse's observed first paint 1.2 s after a load event at 0.5 s is a held paint (Chromium's
    compositor, lighthouse#17148); a paint before the load event is not; the report counts them per page."""
    from benchmarks import lighthouse

    def report_with(first_paint, load):
        path = tmp_path / f"{first_paint}.json"
        path.write_text(json.dumps({"categories": {c: {"score": 0.9, "auditRefs": []} for c in lighthouse.CATEGORIES},
                                    "audits": {"metrics": {"details": {"items": [
                                        {"observedFirstContentfulPaint": first_paint, "observedLoad": load}]}}}}))
        return lighthouse.parse_report(path)

    held, on_time = report_with(1222, 505), report_with(300, 505)
    assert (held["paint_held"], on_time["paint_held"]) == (True, False)
    assert report_with(1000, 505)["paint_held"] is False          # within HELD_MS of the load event
    assert lighthouse.paint_held(None, 505) is None
    for row in (held, on_time):
        row["load_before"] = [1.0]
    page = {"template": "home", "lang": "zh", "path": "/", "server": "nginx", **lighthouse.summarise([held, on_time, held])}
    assert page["paint_held_each"] == [True, False, True]
    text = "\n".join(report._lighthouse({"servers": {"nginx": "nginx"}, "pages": [page], "held_ms": 500}))
    assert "| 2 of 3 |" in text and "(2 of 3 runs)" in text and "lighthouse#17148" in text


def test_stock_materials_scores_are_shown_but_not_held_to_the_goal():
    """The stock-Material rows are a comparison: a stock score below 100 does not fail the goal, and our
    own row below 100 still does."""
    from benchmarks import lighthouse

    def row(server, performance):
        return {"server": server, "scores": {c: (performance if c == "performance" else 100)
                                             for c in lighthouse.CATEGORIES}}

    assert lighthouse.met([row("nginx", 100), row("plain", 95), row("stock", 71)])
    assert not lighthouse.met([row("nginx", 99), row("plain", 95), row("stock", 100)])
    assert not lighthouse.met([row("stock", 100)])


def test_the_stock_sites_nginx_differs_from_the_deploy_config_only_in_its_csp(tmp_path):
    from harness.nginx import config
    ours = config(tmp_path / "site", 8080, tmp_path).splitlines()
    stock = config(tmp_path / "site", 8080, tmp_path, csp=False).splitlines()
    removed = [line for line in ours if line not in stock]
    assert len(removed) == 1 and removed[0].strip().startswith("add_header Content-Security-Policy")
    assert len(ours) - len(stock) == 1


def test_stock_material_gets_a_table_of_its_own():
    from benchmarks import lighthouse
    scores = {c: 100 for c in lighthouse.CATEGORIES}
    pages = [{"template": "home", "lang": "zh", "server": kind, "scores": {**scores, "performance": perf},
              "performance_each": [perf], "metrics": {}} for kind, perf in (("nginx", 98), ("plain", 91), ("stock", 77))]
    text = "\n".join(report._lighthouse({"servers": lighthouse.SERVERS, "pages": pages}))
    ours, stock = text.split("Stock Material from the same pages")
    assert "| nginx perf (each run) |" in ours and "**98** (98)" in ours and "stock perf" not in ours
    assert "| stock perf (each run) |" in stock and "**77** (77)" in stock and "nginx perf" not in stock
