"""published.yml: the record of what the manual has published, so that nothing published ever stops working.

``python -m scripts publish`` writes it when a release is cut, and it is committed. ``make check``
(M101-M107, ``scripts/checks/permanence.py``) then fails when anything recorded no longer resolves:
a page that moved without a redirect, a section id renamed without an alias, a short-link key removed.

The record never forgets: ``publish`` adds what is published now to what the file already holds (a page
moved since keeps its old entry, which its redirect must serve). To retract an entry published by mistake,
delete it by hand in the same commit, and say why in the commit message.

Format (sorted, one item a line, so a release's diff shows exactly what it published)::

    pages:                          # every page, by its path inside docs/<lang>/ (the same in both languages)
      part2/volunteers.md:
        urls:                       # its URL path in each language it was published in, from the site root
          - /part2/volunteers/
          - /en/part2/volunteers/
        ids:                        # every ## and ### section id, sorted (the same in both languages)
          - recruitment
          - training
    shortlinks:                     # every short-link key: /go/<key>/ and /en/go/<key>/
      - "2-6"
    redirects:                      # redirects.yml as published (scripts/redirects.py)
      pages:
        part1/old.md: part1/new.md
      sections:
        part2/volunteers.md:
          recruiting: recruitment

URL paths are those of the directory-URL site (``/part1/model/``); the offline copy serves the same page
at ``part1/model.html``. ``load_published(root)`` never raises: what the file holds, the line of every
entry, and its problems.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.model import INTRO, LANGS
from scripts.redirects import Redirects, scalar
from scripts.yamlfile import YamlError, load_yaml

PUBLISHED = "published.yml"
HEADER = """\
# What this manual has published: every page URL (both languages), section id and short-link key that
# slides, handouts and QR codes may carry, and the redirects serving what moved. Written by
# `python -m scripts publish` when a release is cut; it never forgets an entry. `make check` (M1xx) fails
# when anything here no longer resolves. Format: scripts/published.py.
"""
_NUMBERS_RE = re.compile(r"(\d+)")
_URL_RE = re.compile(r"^/[A-Za-z0-9_./-]*$")


def url_path(rel: str, lang: str, directory_urls: bool = True) -> str:
    """The URL path of the page ``rel`` in ``lang``, from the site's root, as MkDocs and static-i18n make
    it: the first language (zh) at the root, every other under /<lang>/; ``part1/model.md`` ->
    ``/part1/model/`` (``/part1/model.html`` without directory URLs), ``part1/index.md`` -> ``/part1/``."""
    prefix = "/" if lang == LANGS[0] else f"/{lang}/"
    stem = rel[:-3] if rel.endswith(".md") else rel
    folder, _, name = stem.rpartition("/")
    folder = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return prefix + folder + ("" if directory_urls else "index.html")
    return prefix + folder + (f"{name}/" if directory_urls else f"{name}.html")


@dataclass
class PublishedPage:
    rel: str
    line: int
    urls: list[str] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)        # id -> its line

    @property
    def langs(self) -> list[str]:
        """The languages the page was published in (read from its URLs)."""
        return [lang for lang in LANGS if url_path(self.rel, lang) in self.urls]


@dataclass
class Published:
    exists: bool = False
    pages: dict[str, PublishedPage] = field(default_factory=dict)
    shortlinks: dict[str, int] = field(default_factory=dict)     # key -> its line
    redirects: Redirects = field(default_factory=Redirects)
    problems: list[tuple[int, str]] = field(default_factory=list)


def load_published(root: Path) -> Published:
    published = Published()
    path = Path(root) / PUBLISHED
    if not path.is_file():
        return published
    published.exists = True
    problem = published.problems.append
    try:
        doc = load_yaml(path.read_bytes().decode("utf-8").lstrip("\ufeff"))
    except (OSError, UnicodeDecodeError) as err:
        problem((1, f"cannot be read as UTF-8 text: {err}"))
        return published
    except YamlError as err:
        problem((err.line, f"not valid YAML: {err.message}"))
        return published
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict) or set(map(str, data)) - {"pages", "shortlinks", "redirects"}:
        problem((1, "expected a mapping with 'pages', 'shortlinks' and 'redirects'"))
        return published
    pages = data.get("pages") or {}
    if not isinstance(pages, dict):
        problem((doc.line(("pages",)), "'pages' must map page paths to their urls and ids"))
        pages = {}
    for rel, entry in pages.items():
        rel, line = str(rel), doc.line(("pages", rel))
        if not isinstance(entry, dict) or not isinstance(entry.get("urls") or [], list) \
                or not isinstance(entry.get("ids") or [], list) or set(entry) - {"urls", "ids"}:
            problem((line, f"'{rel}' must hold 'urls' and 'ids' lists"))
            continue
        page = PublishedPage(rel, line, [str(u) for u in entry.get("urls") or []])
        for index, section_id in enumerate(entry.get("ids") or []):
            page.ids[str(section_id)] = doc.line(("pages", rel, "ids", index))
        published.pages[rel] = page
    keys = data.get("shortlinks") or []
    if not isinstance(keys, list):
        problem((doc.line(("shortlinks",)), "'shortlinks' must list short-link keys"))
        keys = []
    for index, key in enumerate(keys):
        published.shortlinks[str(key)] = doc.line(("shortlinks", index))
    _recorded_redirects(published, doc, data.get("redirects"))
    return published


def _recorded_redirects(published: Published, doc, data) -> None:
    red = published.redirects
    if data is None:
        return
    if not isinstance(data, dict):
        published.problems.append((doc.line(("redirects",)), "'redirects' must hold 'pages' and 'sections'"))
        return
    for old, new in (data.get("pages") or {}).items() if isinstance(data.get("pages"), dict) else ():
        red.pages[str(old)] = str(new)
        red.page_lines[str(old)] = doc.line(("redirects", "pages", old))
    sections = data.get("sections") if isinstance(data.get("sections"), dict) else {}
    for page, ids in sections.items():
        for old, new in (ids or {}).items() if isinstance(ids, dict) else ():
            red.sections.setdefault(str(page), {})[str(old)] = str(new)
            red.section_lines[(str(page), str(old))] = doc.line(("redirects", "sections", page, old))


def natural(text: str):
    """Sort key putting 2-10 after 2-9."""
    return [(0, int(piece), "") if piece.isdigit() else (1, 0, piece) for piece in _NUMBERS_RE.split(text)]


@dataclass
class Record:
    pages: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)     # rel -> (urls, ids)
    shortlinks: set[str] = field(default_factory=set)
    redirects: Redirects = field(default_factory=Redirects)


def record(site, previous: Published | None = None) -> Record:
    """What ``site`` publishes now, added to what ``previous`` recorded (the record never forgets)."""
    rec = Record()
    if previous is not None:
        for rel, page in previous.pages.items():
            rec.pages[rel] = (set(page.urls), set(page.ids))
        rec.shortlinks |= set(previous.shortlinks)
        rec.redirects.pages.update(previous.redirects.pages)
        for page_rel, ids in previous.redirects.sections.items():
            rec.redirects.sections.setdefault(page_rel, {}).update(ids)
    for lang in LANGS:
        for rel, page in site.by_lang[lang].items():
            urls, ids = rec.pages.setdefault(rel, (set(), set()))
            urls.add(url_path(rel, lang))
            ids.update(s.id for s in page.sections if s.id and s.id != INTRO)
            ids.update(site.generated_ids(page))
    rec.shortlinks |= set(site.shortlinks.targets)
    rec.redirects.pages.update(site.redirects.pages)
    for page_rel, ids in site.redirects.sections.items():
        rec.redirects.sections.setdefault(page_rel, {}).update(ids)
    return rec


def dump_record(rec: Record) -> str:
    lines = [HEADER.rstrip("\n"), "pages:" + ("" if rec.pages else " {}")]

    def lang_rank(url: str) -> int:
        return next((i for i, lang in enumerate(LANGS) if i and url.startswith(f"/{lang}/")), 0)

    for rel in sorted(rec.pages):
        urls, ids = rec.pages[rel]
        lines.append(f"  {scalar(rel)}:")
        lines.append("    urls:" + ("" if urls else " []"))
        lines.extend(f"      - {url if _URL_RE.match(url) else json.dumps(url, ensure_ascii=False)}"
                     for url in sorted(urls, key=lambda u: (lang_rank(u), u)))
        lines.append("    ids:" + ("" if ids else " []"))
        lines.extend(f"      - {scalar(i)}" for i in sorted(ids))
    lines.append("shortlinks:" + ("" if rec.shortlinks else " []"))
    lines.extend(f"  - {scalar(key)}" for key in sorted(rec.shortlinks, key=natural))
    red = rec.redirects
    lines.append("redirects:")
    lines.append("  pages:" + ("" if red.pages else " {}"))
    lines.extend(f"    {scalar(old)}: {scalar(red.pages[old])}" for old in sorted(red.pages))
    sections = {page: ids for page, ids in red.sections.items() if ids}
    lines.append("  sections:" + ("" if sections else " {}"))
    for page in sorted(sections):
        lines.append(f"    {scalar(page)}:")
        lines.extend(f"      {scalar(old)}: {scalar(new)}" for old, new in sorted(sections[page].items()))
    return "\n".join(lines) + "\n"


def write_record(root: Path, rec: Record) -> None:
    (Path(root) / PUBLISHED).write_text(dump_record(rec), encoding="utf-8")
