"""Benchmark 5: Lighthouse's four categories, mobile and desktop, on the pages readers land on.

Lighthouse is the check readers' IT people and funders run; each point below 100 names a concrete audit
(a missing description, a contrast problem, a request that 404s). We run the npm ``lighthouse`` pinned in
benchmarks/package.json + package-lock.json (12.2.3: 13 needs Node 22), installed by ``npm ci --prefix
benchmarks`` when missing, against our built site on a local static server, for the home page and
part1/model/ in both languages, with the mobile default and ``--preset=desktop``.

The server gzips text (HTML, CSS, JS, JSON, SVG) as the static hosts the README names (nginx, object
storage with compression, a university server) do: without it, Lighthouse's simulated 1.6 Mbit/s mobile
link spends seconds on the uncompressed CSS, JS and search index, and the score says more about the
test server than about the site (its `uses-text-compression` audit then flags ~770 KiB).

The goal is 100 in every category. Below 100, the ids of the audits that did not pass are listed (the
lead's to-do list). Performance is simulated-throttled and moves a few points between runs on a busy
machine; the other three categories are deterministic.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.common import BENCH, Context, failed, log, run, show_path
from benchmarks.sites import built_site
from harness.chromium import CHROMIUM
from harness.nginx import NginxServer
from harness.server import StaticServer, free_port

TITLE = "Lighthouse (mobile and desktop)"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.2.3"
PAGES = ("/", "/part1/model/", "/en/", "/en/part1/model/", "/zh-hant/", "/zh-hant/part1/model/")
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def ensure_lighthouse() -> tuple[bool, str]:
    if LIGHTHOUSE.exists():
        return True, ""
    if not shutil.which("npm"):
        return False, "npm is missing (make bench installs nodejs/npm)"
    log("lighthouse: npm ci --prefix benchmarks")
    r = run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error"], timeout=600)
    if not r.ok or not LIGHTHOUSE.exists():
        return False, f"`{r.command}` failed (exit {r.returncode}): {r.output_tail.splitlines()[-1:]}"
    return True, ""


def failing_audits(report: dict, category: str) -> list[dict]:
    """Audits of a category that count towards its score and did not pass (score < 1)."""
    audits = report.get("audits", {})
    out = []
    for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
        audit = audits.get(ref.get("id"), {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            out.append({"id": ref["id"], "score": score, "weight": ref["weight"]})
    return out


def parse_report(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    scores, failing = {}, {}
    for cat in CATEGORIES:
        score = report.get("categories", {}).get(cat, {}).get("score")
        scores[cat] = None if score is None else round(score * 100)
        failing[cat] = [a["id"] for a in failing_audits(report, cat)]
    metrics = {m: report.get("audits", {}).get(m, {}).get("numericValue") for m in METRICS}
    hints = []      # unscored performance diagnostics below 0.9: where the time goes
    for ref in report.get("categories", {}).get("performance", {}).get("auditRefs", []):
        audit = report.get("audits", {}).get(ref.get("id"), {})
        if ref.get("weight", 0) == 0 and audit.get("score") is not None and audit["score"] < 0.9:
            hints.append({"id": ref["id"], "display": audit.get("displayValue")})
    return {"scores": scores, "failing": failing, "hints": hints,
            "metrics": {k: (round(v, 1) if isinstance(v, (int, float)) else None) for k, v in metrics.items()},
            "runtime_error": (report.get("runtimeError") or {}).get("message")}


def lighthouse_run(cmd: list[str], report: Path, path: str, factor: str) -> dict:
    report.unlink(missing_ok=True)
    r = run(cmd, timeout=240, env={"CHROME_PATH": CHROMIUM}, show_env={"CHROME_PATH": CHROMIUM})
    row = {"page": path, "form_factor": factor, "command": r.command}
    if report.is_file():
        try:
            row.update(parse_report(report))
        except (OSError, ValueError) as err:
            row["error"] = f"unreadable report: {err}"
    else:
        row["error"] = f"no report (exit {r.returncode}): {r.output_tail.splitlines()[-2:]}"
    return row


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "goal": "100 in every category, mobile and desktop", "status": "ok", "runs": [],
               "server": "local static server, text gzipped (Content-Encoding: gzip) like a typical static host"}
    ok, why = ensure_lighthouse()
    if not ok:
        return failed(section, why)
    site = built_site(ctx, "ours")
    section["build"] = {"command": site["command"], "exit": site["build"]["returncode"], "note": site["note"]}
    if not site["usable"]:
        return failed(section, f"site not built: {site['note']}")
    out_dir = ctx.scratch("lighthouse")
    pages = PAGES[:1] if ctx.quick else PAGES
    factors = FORM_FACTORS[:1] if ctx.quick else FORM_FACTORS
    with StaticServer(site["dir"], site.get("port", 0), gzip=True) as server:
        for path in pages:
            for factor in factors:
                name = f"{factor}{path.replace('/', '_')}.json"
                cmd = [str(LIGHTHOUSE), server.url(path), "--output=json", f"--output-path={out_dir / name}",
                       "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
                if factor == "desktop":
                    cmd.append("--preset=desktop")
                attempts = 1 if ctx.quick else 2     # a protocol timeout on a loaded machine: once more
                for attempt in range(attempts):
                    row = lighthouse_run(cmd, out_dir / name, path, factor)
                    if not (row.get("error") or row.get("runtime_error")):
                        break
                    row["attempts"] = attempt + 1
                if row.get("error"):
                    failed(section, f"{factor} {path}: {row['error']}")
                elif row.get("runtime_error"):
                    section.setdefault("notes", []).append(
                        f"{factor} {path}: Lighthouse reported `{row['runtime_error']}`; its scores are kept")
                log(f"lighthouse {factor} {path}: {row.get('scores')}")
                section["runs"].append(row)
    section["lighthouse"] = f"{show_path(LIGHTHOUSE)} {VERSION}"
    scored = [r for r in section["runs"] if r.get("scores")]
    section["met"] = bool(scored) and len(scored) == len(section["runs"]) and all(
        v == 100 for r in scored for v in r["scores"].values())
    below = sorted({a for r in scored for audits in r["failing"].values() for a in audits})
    section["failing_audit_ids"] = below
    measure_nginx(ctx, section, out_dir)
    return section


def measure_nginx(ctx: Context, section: dict, out_dir: Path) -> None:
    """Mobile Lighthouse, one run per page template and language, served as the deploy guide says (nginx with
    deploy/nginx.conf under /manual/, precompressed files, CSP): ``section["nginx_runs"]``."""
    from benchmarks.first_view import LANGS, TEMPLATES, ours_for_subpath
    port = (ctx.builds.get("ours-subpath") or {}).get("port") or free_port()
    site = ours_for_subpath(ctx, port)
    templates = dict(list(TEMPLATES.items())[:1]) if ctx.quick else TEMPLATES
    section["nginx_runs"] = []
    with NginxServer(site, port, ctx.work / "nginx-lighthouse") as server:
        for name, rel in templates.items():
            for lang, prefix in LANGS.items():
                url = server.url(prefix + rel)
                report = out_dir / f"nginx-{name.replace(' ', '-')}-{lang}.json"
                cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                       f"--chrome-flags={CHROME_FLAGS}"]
                row = lighthouse_run(cmd, report, f"{name} ({lang})", "mobile")
                log(f"lighthouse nginx mobile {name} ({lang}): {row.get('scores')}")
                section["nginx_runs"].append(row)
