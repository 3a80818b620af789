"""Benchmark: the checks as a detector of what the English leaves out, adds, or never translated.

A labelled mutation corpus is generated from the real manual with a fixed seed (:func:`corpus`): over
every English page, one defect at a time, of six classes:

- ``omit_paragraph``: an English paragraph deleted;
- ``add_paragraph``: a paragraph of another English page inserted after an English paragraph (text that
  has no Chinese counterpart);
- ``untranslated``: an English paragraph replaced by the Chinese paragraph it translates;
- ``truncate``: an English paragraph of at least ``LONG`` characters cut at a word boundary so that
  40-70 % of its characters are lost;
- ``omit_sentence``: one sentence (not the first) of a one-line English paragraph deleted;
- ``add_sentence``: a sentence of another English page appended to a one-line English paragraph.

Each case is written into a scratch copy of the repository (the page replaced, then put back), the page
parsed again, and the checks run in-process on the copy through ``scripts.runner.run`` (every family,
so whatever family reports the defect counts: the omissions family O1xx, and any other). A case is
*detected* when a finding names the mutated English page at a line inside the mutated region (the
inserted or changed lines; for a deletion, the blocks on either side of the gap), or names the Chinese
block the mutation concerns as its related location. *Recall* is detected cases / cases; *precision* is
findings that point at the mutation / all findings of the class's cases (the clean manual gives none, so
every other finding is a false alarm the mutation caused somewhere else). The clean manual is the control
(goal: 0 findings). Last, ``python -m scripts check`` (page cache off) is timed against ``mkdocs build
--strict`` in alternating pairs (goal: at most ``TIME_GOAL`` of the build).
"""

from __future__ import annotations

import copy
import random
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import Context, checks_cmd, log, median, mkdocs_cmd
from benchmarks.common import run as run_command
from scripts.lengthalign import calibrate, en_length, percentile, split_en
from scripts.model import Block, parse_page
from scripts.paragraphs import align_section, block_text, length
from scripts.runner import run
from scripts.site import load_site

TITLE = "Omissions, additions, untranslated text: a mutation corpus"
SEED = 14
CLASSES = ("omit_paragraph", "add_paragraph", "untranslated", "truncate", "omit_sentence", "add_sentence")
GOALS = {"omit_paragraph": 0.95, "add_paragraph": 0.95, "untranslated": 0.95, "truncate": 0.80}
PER_CLASS = 50
QUICK_PER_CLASS = 2
LONG = 250                  # characters: a "long" English paragraph, for truncation
COPIED = ("docs", "mkdocs.yml", "glossary.yml", "translation-lock.yml", "checks.yml", "shortlinks.yml",
          "ui-strings.yml", "overrides")
_INLINE_RE = re.compile(r"[`\[\]()<>*_!{}|]")


@dataclass
class Case:
    cls: str
    rel: str                                  # page inside docs/<lang>/
    lines: list[str]                          # the mutated English page
    region: tuple[int, int]                   # lines of the mutated English page the defect is at
    zh_region: tuple[int, int] | None = None  # the Chinese block it concerns
    note: str = ""
    found: list = field(default_factory=list)


def _plain(block: Block, page_lines: list[str]) -> bool:
    """A one-line paragraph whose source is plain prose (no markup a cut or insert could break)."""
    return (block.kind == "paragraph" and block.line == block.end
            and not _INLINE_RE.search(page_lines[block.line - 1]))


def _counterparts(site) -> dict:
    """For every English block of the clean manual: (page pair, its Chinese blocks), by (rel, line)."""
    out = {}
    for pair, sp in site.matched_sections():
        for bead in align_section(site, pair.zh, pair.en, sp.zh, sp.en):
            for block in bead.en:
                out[(pair.rel, block.line)] = (pair, bead.zh)
    return out


def corpus(site, per_class: int = PER_CLASS, seed: int = SEED) -> list[Case]:
    """Up to ``per_class`` cases of each class, spread over every English page (round robin over the
    pages in a shuffled order, one random block per page and turn)."""
    rng = random.Random(seed)
    counterpart = _counterparts(site)
    pages = sorted(site.by_lang["en"].values(), key=lambda p: p.rel)
    blocks = {p.rel: [b for s in p.sections for b in s.blocks] for p in pages}
    donors = [(p, b) for p in pages for b in blocks[p.rel] if _plain(b, p.lines) and not p.lines[b.line - 1][0].isspace()
              and 60 <= en_length(p.lines[b.line - 1]) <= 400]
    donor_sentences = [s for p, b in donors for s in split_en(p.lines[b.line - 1]) if 50 <= len(s) <= 200]
    cases: list[Case] = []
    for cls in CLASSES:
        order = pages[:]
        rng.shuffle(order)
        made, turn = [], 0
        while len(made) < per_class and turn < 20:
            for page in order:
                if len(made) >= per_class:
                    break
                case = _mutate(cls, page, blocks[page.rel], counterpart, donors, donor_sentences, rng,
                               {(c.rel, c.region) for c in made})
                if case is not None:
                    made.append(case)
            turn += 1
        cases.extend(made)
    return cases


def _mutate(cls, page, blocks, counterpart, donors, donor_sentences, rng, taken) -> Case | None:
    lines = page.lines
    def zh_of(block):
        pair, zh_blocks = counterpart.get((page.rel, block.line), (None, ()))
        return zh_blocks
    def zh_span(zh_blocks):
        return (zh_blocks[0].line, zh_blocks[-1].end) if zh_blocks else None

    if cls in ("omit_paragraph", "untranslated", "add_paragraph"):
        candidates = [b for b in blocks if b.kind == "paragraph" and len(zh_of(b)) == 1]
    elif cls == "truncate":
        candidates = [b for b in blocks if b.kind in ("paragraph", "item") and len(zh_of(b)) == 1
                      and en_length(block_text(b, "en")) >= LONG and b.line == b.end]
    else:
        candidates = [b for b in blocks if _plain(b, lines) and len(zh_of(b)) == 1
                      and (cls == "add_sentence" or len(split_en(lines[b.line - 1])) >= 2)]
    candidates = [b for b in candidates if (page.rel, (b.line, b.end)) not in taken]
    if not candidates:
        return None
    block = rng.choice(candidates)
    zh_blocks = zh_of(block)
    first, last = block.line - 1, block.end             # 0-based slice of the block's lines
    if cls == "omit_paragraph":
        drop_to = last + 1 if last < len(lines) and not lines[last].strip() else last
        new = lines[:first] + lines[drop_to:]
        before = max([b for b in blocks if b.end < block.line], key=lambda b: b.line, default=None)
        after = min([b for b in blocks if b.line > block.end], key=lambda b: b.line, default=None)
        shift = drop_to - first
        lo = before.line if before else max(1, block.line - 1)
        hi = (after.end - shift) if after else len(new)
        return Case(cls, page.rel, new, (lo, max(lo, hi)), zh_span(zh_blocks), lines[first][:60])
    if cls == "add_paragraph":
        donor_page, donor = rng.choice([d for d in donors if d[0].rel != page.rel])
        text = donor_page.lines[donor.line - 1]
        new = lines[:last] + ["", text] + lines[last:]
        return Case(cls, page.rel, new, (block.end + 2, block.end + 2), None,
                    f"from {donor_page.rel}:{donor.line}")
    if cls == "untranslated":
        zb = zh_blocks[0]
        pair, _ = counterpart[(page.rel, block.line)]
        zh_lines = pair.zh.lines[zb.line - 1:zb.end]
        new = lines[:first] + zh_lines + lines[last:]
        return Case(cls, page.rel, new, (block.line, block.line + len(zh_lines) - 1), zh_span(zh_blocks))
    if cls == "truncate":
        source = lines[first]
        fraction = rng.uniform(0.4, 0.7)
        keep = _cut(source, int(len(source) * (1 - fraction)))
        if keep is None:
            return None
        new = lines[:first] + [keep] + lines[last:]
        lost = 1 - en_length(keep) / max(1, en_length(source))
        return Case(cls, page.rel, new, (block.line, block.line), zh_span(zh_blocks), f"lost {lost:.0%}")
    sentences = split_en(lines[first])
    if cls == "omit_sentence":
        k = rng.randrange(1, len(sentences))
        new_line = " ".join(sentences[:k] + sentences[k + 1:])
        note = sentences[k][:60]
    else:
        extra = rng.choice(donor_sentences)
        new_line = " ".join(sentences + [extra])
        note = extra[:60]
    new = lines[:first] + [new_line] + lines[last:]
    return Case(cls, page.rel, new, (block.line, block.line), zh_span(zh_blocks), note)


def _cut(source: str, at: int) -> str | None:
    """``source`` cut at a word boundary at or before ``at``, never inside a link or inline code."""
    at = source.rfind(" ", 0, at)
    while at > 0:
        head = source[:at]
        if head.count("`") % 2 == 0 and head.count("[") == head.count("]") and head.count("(") == head.count(")") \
                and head.count("**") % 2 == 0:
            return head.rstrip(" ,;:")
        at = source.rfind(" ", 0, at)
    return None


def _with_page(site, rel: str, lines: list[str]):
    """A shallow copy of ``site`` whose English page ``rel`` is ``lines``, parsed again (the other pages
    are shared; what the site derives from its pages is computed afresh)."""
    page = site.page("en", rel)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    new_page = parse_page(page.path, data, "en", rel)
    other = copy.copy(site)
    for name in list(vars(other)):
        if name in ("page_pairs", "_section_pairs", "translation_status", "nav_rels", "folders"):
            del vars(other)[name]       # the paragraph alignments are kept: they are keyed by section
    other.pages = dict(site.pages)
    other.pages[page.path] = new_page
    other.by_lang = {lang: dict(pages) for lang, pages in site.by_lang.items()}
    other.by_lang["en"][rel] = new_page
    return other, data


def _points_at(finding, case: Case, en_path: str, zh_path: str) -> bool:
    lo, hi = case.region
    if finding.path == en_path and lo <= finding.line <= hi:
        return True
    related = finding.related
    if case.zh_region and related is not None and related.path == zh_path:
        return case.zh_region[0] <= related.line <= case.zh_region[1]
    return False


def evaluate(root: Path, per_class: int, seed: int = SEED) -> dict:
    """Build the corpus on the manual at ``root`` (a scratch copy), run the checks on every case."""
    site = load_site(root)
    started = time.perf_counter()
    control = run(site)
    control_s = time.perf_counter() - started
    cases = corpus(site, per_class, seed)
    log(f"omissions: {len(cases)} cases over {len({c.rel for c in cases})} pages, control "
        f"{len(control.findings)} findings")
    stats = {cls: {"cases": 0, "detected": 0, "findings": 0, "pointing": 0, "codes": Counter(), "missed": []}
             for cls in CLASSES}
    started = time.perf_counter()
    for n, case in enumerate(cases, 1):
        page = site.page("en", case.rel)
        target = root / page.path
        original = target.read_bytes()
        mutated, data = _with_page(site, case.rel, case.lines)
        target.write_bytes(data)                      # the scratch copy holds the case while it runs
        try:
            findings = run(mutated).findings
        finally:
            target.write_bytes(original)
        zh_path = site.page("zh", case.rel).path
        pointing = [f for f in findings if _points_at(f, case, page.path, zh_path)]
        s = stats[case.cls]
        s["cases"] += 1
        s["findings"] += len(findings)
        s["pointing"] += len(pointing)
        s["codes"].update(f.code for f in pointing)
        if pointing:
            s["detected"] += 1
        else:
            s["missed"].append(f"{page.path}:{case.region[0]} {case.note}".strip())
        if n % 50 == 0:
            log(f"omissions: {n}/{len(cases)} cases")
    seconds = time.perf_counter() - started
    rows = []
    for cls in CLASSES:
        s = stats[cls]
        rows.append({"class": cls, "cases": s["cases"], "detected": s["detected"],
                     "recall": s["detected"] / s["cases"] if s["cases"] else None,
                     "findings": s["findings"], "pointing": s["pointing"],
                     "precision": s["pointing"] / s["findings"] if s["findings"] else None,
                     "goal": GOALS.get(cls), "codes": dict(s["codes"].most_common()),
                     "missed": s["missed"][:12]})
    return {"seed": seed, "cases": len(cases), "pages": len({c.rel for c in cases}), "rows": rows,
            "control_findings": len(control.findings),
            "control_codes": dict(Counter(f.code for f in control.findings)),
            "seconds_per_case": seconds / len(cases) if cases else None, "control_seconds": control_s,
            "distribution": distribution(site)}


def distribution(site) -> dict:
    """The zh : en length distribution of the clean manual's aligned 1-1 block pairs (the calibration
    the omissions check's docstring quotes)."""
    pairs, deltas = [], []
    for pair, sp in site.matched_sections():
        for bead in align_section(site, pair.zh, pair.en, sp.zh, sp.en):
            if len(bead.zh) == 1 and len(bead.en) == 1:
                pairs.append((length(block_text(bead.zh[0], "zh"), "zh"), length(block_text(bead.en[0], "en"), "en")))
                deltas.append(bead.delta or 0.0)
    cal = calibrate(pairs)
    return {"pairs": cal.pairs, "c": round(cal.c, 3), "s2": round(cal.s2, 2), "ratio_sd": round(cal.ratio_sd, 3),
            "ratio_percentiles": {str(k): round(v, 2) for k, v in cal.percentiles.items()},
            "delta_min": round(min(deltas), 2) if deltas else None,
            "delta_max": round(max(deltas), 2) if deltas else None,
            "delta_percentiles": {str(p): round(percentile(deltas, p), 2) for p in (1, 50, 99)}}


def copy_manual(src: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in COPIED:
        path = src / name
        if path.is_dir():
            shutil.copytree(path, dest / name)
        elif path.is_file():
            shutil.copy2(path, dest / name)
    return dest


TIME_GOAL = 0.3


def time_check(ctx: Context, pairs: int) -> dict:
    """``python -m scripts check`` (page cache off, every family, the omissions check included) against
    ``mkdocs build --strict`` on the manual, in alternating pairs; the median of the per-pair ratios."""
    site_dir = ctx.scratch("omissions") / "site"
    build = mkdocs_cmd("build", "--strict", "-q", "-d", str(site_dir))
    rows = []
    for i in range(pairs):
        order = ("check", "build") if i % 2 == 0 else ("build", "check")
        got = {}
        for name in order:
            got[name] = run_command(checks_cmd(), cwd=ctx.root, env={"CHECKS_CACHE": "0"}) if name == "check" \
                else run_command(build, cwd=ctx.root)
        rows.append({"check_s": round(got["check"].seconds, 2), "build_s": round(got["build"].seconds, 2),
                     "check_cpu_s": round(got["check"].cpu_seconds, 2), "build_cpu_s": round(got["build"].cpu_seconds, 2),
                     "ratio": round(got["check"].seconds / got["build"].seconds, 3) if got["build"].seconds else None,
                     "exit": [got["check"].returncode, got["build"].returncode]})
    ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
    return {"pairs": rows, "ratio_median": median(ratios) if ratios else None, "goal": TIME_GOAL,
            "check_command": "CHECKS_CACHE=0 .venv/bin/python -m scripts check",
            "build_command": ".venv/bin/mkdocs build --strict"}


def measure(ctx: Context) -> dict:
    per_class = QUICK_PER_CLASS if ctx.quick else PER_CLASS
    goal = ("recall >= 95 % for a paragraph left out, added or left untranslated, >= 80 % for >= 40 % of a "
            f"paragraph cut off; the clean manual: 0 findings; check / strict build <= {TIME_GOAL}")
    section = {"title": TITLE, "goal": goal, "status": "ok", "per_class": per_class}
    root = copy_manual(ctx.root, ctx.scratch("omissions") / "manual")
    result = evaluate(root, per_class)
    section.update(result)
    met = result["control_findings"] == 0
    for row in result["rows"]:
        if row["goal"] is not None and row["cases"]:
            met = met and row["recall"] >= row["goal"]
    section["timing"] = time_check(ctx, 1 if ctx.quick else 3)
    ratio = section["timing"]["ratio_median"]
    met = met and ratio is not None and ratio <= TIME_GOAL
    section["met"] = met if not ctx.quick else None
    section["command"] = ".venv/bin/python -m benchmarks --only omissions"
    return section
