"""The command line: ``python -m scripts check|codes|stamp|publish|move|rename-id``. ``main()`` returns the exit code.

Exit codes: 0 clean, 1 findings, 2 usage or configuration error (and any unexpected failure, which
prints one line instead of a traceback).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scripts.config import ConfigError
from scripts.diagnostics import visible

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        raise _UsageExit(f"{self.prog}: {message}")


class _UsageExit(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m scripts", description="Editorial checks for the bilingual manual.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="run every check; findings as path:line: CODE message")
    check.add_argument("--root", default=".", help="repository root (default: current directory)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--online", action="store_true", help="also check external URLs (never in CI)")
    check.add_argument("--today", type=_day, metavar="YYYY-MM-DD",
                       help="judge review dates (G1xx) as on this day (default: CHECKS_TODAY, else today)")
    codes = sub.add_parser("codes", help="list every code with its description")
    codes.add_argument("--markdown", action="store_true", help="as a Markdown list (for the README)")
    codes.add_argument("--explain", metavar="CODE", help="print the documentation of one code (e.g. L103)")
    stamp = sub.add_parser("stamp", help="record the Chinese sections the English translates")
    stamp.add_argument("--root", default=".", help="repository root (default: current directory)")
    stamp.add_argument("--defer", action="store_true",
                       help="acknowledge stale sections without claiming the translation caught up")
    stamp.add_argument("pages", nargs="*", metavar="PAGE", help="e.g. part2/volunteers.md (default: all)")
    publish = sub.add_parser("publish", help="record every published URL, section id and short link "
                                             "in published.yml (when a release is cut)")
    publish.add_argument("--root", default=".", help="repository root (default: current directory)")
    move = sub.add_parser("move", help="move a page in both languages, fix every link, record the redirect")
    move.add_argument("--root", default=".", help="repository root (default: current directory)")
    move.add_argument("old", metavar="OLD", help="e.g. part2/volunteers.md")
    move.add_argument("new", metavar="NEW", help="e.g. part2/volunteering.md")
    rename = sub.add_parser("rename-id", help="rename a section id in both languages, fix every link, "
                                              "record the alias")
    rename.add_argument("--root", default=".", help="repository root (default: current directory)")
    rename.add_argument("page", metavar="PAGE", help="e.g. part2/volunteers.md")
    rename.add_argument("old", metavar="OLD", help="the section id now")
    rename.add_argument("new", metavar="NEW", help="its new id")
    return parser


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "check":
            return _check(args)
        if args.command == "codes":
            return _codes(args)
        if args.command == "stamp":
            return _stamp(args)
        if args.command == "publish":
            return _publish(args)
        if args.command in ("move", "rename-id"):
            return _move(args)
        _parser().print_help(sys.stderr)
        return EXIT_USAGE
    except _UsageExit as err:
        print(visible(str(err)), file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as err:          # --help
        return err.code if isinstance(err.code, int) else EXIT_USAGE
    except ConfigError as err:
        print(visible(f"config error: {err}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:            # `check | head`: the reader has gone, nothing left to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except Exception as err:  # noqa: BLE001 - never a traceback
        from scripts.site import UsageError

        if isinstance(err, UsageError):
            print(visible(f"error: {err}"), file=sys.stderr)
        else:
            print(visible(f"internal error: {type(err).__name__}: {err} (please report this)"), file=sys.stderr)
        return EXIT_USAGE


def _today(given):
    """The day reviews are judged on, as load_site will take it (for the result cache's key)."""
    from datetime import date

    return given or os.environ.get("CHECKS_TODAY", "").strip() or date.today()


def _docs_dir(root: Path) -> str:
    """docs_dir from mkdocs.yml, read as the Site reads it (for the result cache's key)."""
    from scripts.yamlfile import YamlError, load_yaml

    try:
        data = load_yaml((root / "mkdocs.yml").read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlError):
        return "docs"
    value = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
    return value.strip().strip("/") if isinstance(value, str) and value.strip() and not os.path.isabs(value) else "docs"


def _check(args) -> int:
    from scripts.cache import ResultCache
    from scripts.diagnostics import render

    online = args.online
    if online and os.environ.get("CI"):
        print("note: --online is ignored in CI (other sites' outages must not fail the build)", file=sys.stderr)
        online = False
    report, cache = None, None
    if not online:
        cache = ResultCache(Path(args.root), _docs_dir(Path(args.root)), f"today={_today(args.today)}")
        report = cache.get()
    if report is None:                 # the checks are imported only when they run
        from scripts.runner import run
        from scripts.site import load_site

        site = load_site(Path(args.root), online=online, today=args.today)
        report = run(site)
        if cache is not None:
            cache.put(report)
    output = render(report.findings, report.notes, report.suppressed, args.format)
    if output:
        print(output)
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def _codes(args) -> int:
    from scripts.checks import FAMILIES, explain

    if args.explain is not None:
        text = explain(args.explain.strip().upper())
        if text is None:
            raise _UsageExit(f"python -m scripts codes: unknown code '{args.explain}' "
                             "(`python -m scripts codes` lists them)")
        print(text)
        return EXIT_CLEAN
    for family in FAMILIES:
        for code, text in family.CODES.items():
            print(f"- `{code}` {text}" if args.markdown else f"{code}  {text}")
    return EXIT_CLEAN


def _stamp(args) -> int:
    from scripts.lock import stamp, write_lock
    from scripts.site import UsageError, load_site

    site = load_site(Path(args.root))
    for problem in site.lock.problems:
        print(f"note: {problem.path}:{problem.line}: {problem.message} (the lock is rewritten)", file=sys.stderr)
    pages = None
    if args.pages:
        pages = []
        translated = {p.rel for p in site.page_pairs if p.zh and p.en}
        for name in args.pages:
            rel = _page_rel(site, name)
            if rel not in translated:
                raise UsageError(f"'{name}' is not a page with both {site.lang_root('zh')}/{rel} and "
                                 f"{site.lang_root('en')}/{rel}")
            pages.append(rel)
    lock, result = stamp(site, pages, args.defer)
    order = [entry.rel for entry in site.nav]
    write_lock(site.root, lock, order)
    if args.defer:
        print(f"deferred {result.deferred} stale section(s) in {result.pages} page(s)")
    else:
        print(f"stamped {result.recorded} section(s) in {result.pages} page(s)")
        from scripts.governance import follow_review

        for rel in pages if pages is not None else [p.rel for p in site.page_pairs if p.zh and p.en]:
            day = follow_review(site, rel)
            if day is not None:
                print(f"{site.lang_root('en')}/{rel}: reviewed: {day} (the Chinese review it now follows)")
    return EXIT_CLEAN


def _publish(args) -> int:
    from scripts.published import PUBLISHED, record, write_record
    from scripts.site import load_site

    site = load_site(Path(args.root))
    problems = site.published.problems + site.redirects.problems
    if problems:
        raise _UsageExit(f"python -m scripts publish: cannot read what is recorded ({problems[0][1]}); "
                         "`python -m scripts check` names the line")
    rec = record(site, site.published)
    write_record(site.root, rec)
    ids = sum(len(ids) for _, ids in rec.pages.values())
    print(f"recorded in {PUBLISHED}: {len(rec.pages)} page(s), {ids} section id(s), {len(rec.shortlinks)} short "
          f"link(s), {len(rec.redirects.pages)} redirect(s), "
          f"{sum(map(len, rec.redirects.sections.values()))} section alias(es)")
    return EXIT_CLEAN


def _move(args) -> int:
    from scripts import moves
    from scripts.site import load_site

    site = load_site(Path(args.root))
    if args.command == "move":
        done = moves.move_page(site, _page_rel(site, args.old), _page_rel(site, args.new))
    else:
        done = moves.rename_id(site, _page_rel(site, args.page), args.old.lstrip("#"), args.new.lstrip("#"))
    for line in done:
        print(line)
    return EXIT_CLEAN


def _page_rel(site, name: str) -> str:
    name = name.replace("\\", "/").lstrip("./")
    for prefix in (f"{site.docs_dir}/zh/", f"{site.docs_dir}/en/", "zh/", "en/"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
