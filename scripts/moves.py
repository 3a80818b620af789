"""``python -m scripts move OLD NEW`` and ``python -m scripts rename-id PAGE OLD NEW``: reorganise the manual
without breaking a published link (in the spirit of MDN's content move command).

``move`` moves a page in both languages (plain file moves, no git needed) and then, in one step:
rewrites every relative link and image in both languages that pointed to it, and the moved page's own
relative links from its new folder; the nav entry in mkdocs.yml, shortlinks.yml and checks.yml (their
lines edited in place, formatting kept); the page's key in translation-lock.yml; and records
``OLD: NEW`` under ``pages`` in redirects.yml (a redirect that pointed to OLD now points to NEW, so no
chain is ever written). ``rename-id`` renames a ``## … {#id}`` heading id in both languages, rewrites
every link ``page.md#old`` and ``#old``, the lock entry and checks.yml, and records the alias under
``sections``.

Rewriting a link changes the text of its Chinese section, and so its fingerprint: a translation that was
current before stays current (its lock entry follows the new fingerprint), a stale one stays stale.
Both refuse (exit 2, nothing written) a target that exists, a page in one language only, an id already in
use and an unknown id. Afterwards ``make check`` is clean if it was clean before.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.lock import fingerprint, section_keys, write_lock
from scripts.model import ID_RE, LANGS, Page
from scripts.published import url_path
from scripts.redirects import REDIRECTS, Redirects, write_redirects
from scripts.site import MKDOCS, Site, UsageError, load_site
from scripts.targets import resolve

CONFIG_FILES = (MKDOCS, "shortlinks.yml", "checks.yml")


def _both(site: Site, rel: str, what: str) -> dict[str, Page]:
    pages = {lang: site.page(lang, rel) for lang in LANGS}
    have = [lang for lang, page in pages.items() if page is not None]
    if not have:
        raise UsageError(f"{what}: no page {rel} in {site.lang_root('zh')}/ or {site.lang_root('en')}/")
    if len(have) < len(LANGS):
        lacking = [site.lang_root(lang) + "/" + rel for lang in LANGS if lang not in have]
        raise UsageError(f"{what}: {rel} is a page in one language only ({', '.join(lacking)} is missing): "
                         "write or remove it first")
    return pages


def _redirects(site: Site) -> Redirects:
    red = site.redirects
    if red.problems:
        line, message = red.problems[0]
        raise UsageError(f"{REDIRECTS}:{line}: {message}: fix it first")
    return red


# --- links ---------------------------------------------------------------------------------------------

def _relative(from_rel: str, to_rel: str) -> str:
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")


def _replace_target(lines: list[str], line: int, old: str, new: str) -> bool:
    """Write ``new`` for the link target ``old`` on ``line``, else on a reference definition of it."""
    candidates = [old] if unquote(old) == old else [old, unquote(old)]
    pattern = "(?:" + "|".join(re.escape(c) for c in candidates) + ")"
    inline = re.compile(r"(?<=[(<\"'])" + pattern + r"(?=[)>\"'\s])")
    definition = re.compile(r"(?<=\]: )" + pattern + r"(?=\s|$)")
    if 0 < line <= len(lines):
        changed = inline.sub(new, lines[line - 1])
        if changed != lines[line - 1]:
            lines[line - 1] = changed
            return True
    for index, text in enumerate(lines):
        changed = definition.sub(new, text)
        if changed != text:
            lines[index] = changed
            return True
    return False


def _rewrite(site: Site, page: Page, here: str, where) -> tuple[list[str], int, list[str]]:
    """The page's lines with every relative link rewritten: ``where(rel, fragment)`` gives the
    (path inside the language folder, fragment) a link should now name, written from ``here`` (the page's
    path after the change). Returns (lines, links rewritten, links it could not rewrite)."""
    lines = list(page.lines)
    done: set[tuple[int, str]] = set()
    count, missed = 0, []
    for link in page.links:
        if (link.line, link.target) in done:
            continue
        target = resolve(site, page, link.target)
        parts = urlsplit(link.target.strip())
        if target.kind == "anchor":
            fragment = where(page.rel, target.fragment)[1]
            new = "#" + fragment if fragment != target.fragment else link.target
        elif target.kind == "relative" and not target.leaves and target.path in site.files:
            rel, fragment = where(target.rel, target.fragment)
            if (rel, fragment, here) == (target.rel, target.fragment, page.rel):
                continue                           # nothing it names moved, nor did the page
            new = _relative(here, rel) + (f"?{parts.query}" if parts.query else "")
            new += f"#{fragment}" if fragment != target.fragment else (f"#{parts.fragment}" if parts.fragment else "")
            if unquote(new) == unquote(link.target.strip()):
                new = link.target
        else:
            continue
        done.add((link.line, link.target))
        if new == link.target:
            continue
        if _replace_target(lines, link.line, link.target.strip(), new):
            count += 1
        else:
            missed.append(f"{page.path}:{link.line}: '{link.target}'")
    return lines, count, missed


def _config_edits(root: Path, old: str, new: str) -> list[str]:
    """Replace the path (or page#id) ``old`` by ``new`` where it stands as a whole value in mkdocs.yml,
    shortlinks.yml and checks.yml, editing only those lines."""
    token = re.compile(r"(?<![\w/.#-])" + re.escape(old) + r"(?![\w/.-])")
    done = []
    for name in CONFIG_FILES:
        path = root / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        hits = [i for i, line in enumerate(lines) if token.search(line)]
        if hits:
            for i in hits:
                lines[i] = token.sub(new, lines[i])
            path.write_text("\n".join(lines), encoding="utf-8")
            done.append(f"{name}: line{'s' if len(hits) > 1 else ''} {', '.join(str(i + 1) for i in hits)}")
    return done


# --- the lock ------------------------------------------------------------------------------------------

def _zh_state(page: Page) -> list[tuple[str, str]]:
    keys = section_keys(page)
    return [(keys[id(s)], fingerprint(page, s)) for s in page.sections]


def _follow_lock(site: Site, before: dict[str, tuple[str, list[tuple[str, str]]]]) -> None:
    """Carry the lock entries of the changed Chinese pages to their new keys and fingerprints.
    ``before``: old rel -> (new rel, [(lock key, fingerprint)] of its sections before the change)."""
    after = load_site(site.root, config=site.config)
    lock = site.lock
    for old_rel, (new_rel, old_state) in before.items():
        entries = lock.pages.pop(old_rel, None)
        if entries is None:
            continue
        new_state = _zh_state(after.page("zh", new_rel))
        if len(new_state) == len(old_state):
            carried = {}
            for (old_key, old_fp), (new_key, new_fp) in zip(old_state, new_state):
                entry = entries.pop(old_key, None)
                if entry is None:
                    continue
                if entry.zh == old_fp:
                    entry.zh = new_fp
                if entry.deferred == old_fp:
                    entry.deferred = new_fp
                carried[new_key] = entry
            entries = {**carried, **entries}
        lock.pages[new_rel] = entries
    if lock.exists:
        write_lock(site.root, lock, [entry.rel for entry in after.nav])


def _write_pages(site: Site, texts: dict[str, list[str]]) -> None:
    for path, lines in texts.items():
        target = site.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the commands --------------------------------------------------------------------------------------

def move_page(site: Site, old: str, new: str) -> list[str]:
    """Move the page ``old`` to ``new`` (paths inside docs/<lang>/) in both languages; returns what it did."""
    what = f"move {old} {new}"
    pages = _both(site, old, what)
    new = posixpath.normpath(new)
    if not new.endswith(".md") or new.startswith(("/", "../")) or new == "..":
        raise UsageError(f"{what}: the target must be a page path inside {site.lang_root('zh')}/ ending in .md")
    if new == old:
        raise UsageError(f"{what}: the page is already there")
    for lang in LANGS:
        path = site.root / site.lang_root(lang) / new
        if path.exists():
            raise UsageError(f"{what}: the target exists ({site.lang_root(lang)}/{new})")
        clash = next((rel for rel in site.by_lang[lang] if rel != old and url_path(rel, lang) == url_path(new, lang)),
                     None)
        if clash:
            raise UsageError(f"{what}: {site.lang_root(lang)}/{clash} is already published at {url_path(new, lang)}")
    red = _redirects(site)

    def where(rel: str, fragment: str) -> tuple[str, str]:
        return (new if rel == old else rel), fragment

    texts: dict[str, list[str]] = {}
    before: dict[str, tuple[str, list]] = {}
    links, missed = 0, []
    for page in site.pages.values():
        here = new if page.rel == old else page.rel
        lines, count, lost = _rewrite(site, page, here, where)
        links, missed = links + count, missed + lost
        if page.rel == old or lines != page.lines:
            texts[f"{site.lang_root(page.lang)}/{here}"] = lines
            if page.lang == "zh":
                before[page.rel] = (here, _zh_state(page))
    _write_pages(site, texts)
    for lang in LANGS:
        source = site.root / pages[lang].path
        source.unlink()
        folder = source.parent
        while folder != site.root / site.lang_root(lang) and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    done = [f"moved {site.lang_root(lang)}/{old} -> {site.lang_root(lang)}/{new}" for lang in LANGS]
    done.append(f"rewrote {links} link(s)")
    done += _config_edits(site.root, old, new)
    _follow_lock(site, before)
    red.pages.pop(new, None)                       # moving back to where a page once was
    for source, target in list(red.pages.items()):
        if target == old:
            red.pages[source] = new                # never a chain
    same_url = all(url_path(old, lang) == url_path(new, lang) for lang in LANGS)
    if not same_url:
        red.pages[old] = new
    if old in red.sections:
        red.sections.setdefault(new, {}).update(red.sections.pop(old))
    write_redirects(site.root, red)
    urls = ", ".join(url_path(old, lang) for lang in LANGS)
    done.append(f"{REDIRECTS}: {old} -> {new} ({urls} redirect)" if not same_url
                else f"the URLs stay {urls}: no redirect needed")
    done += [f"not rewritten (rewrite it by hand): {m}" for m in missed]
    return done


def rename_id(site: Site, rel: str, old: str, new: str) -> list[str]:
    """Rename the section id ``old`` of the page ``rel`` to ``new`` in both languages."""
    what = f"rename-id {rel} {old} {new}"
    pages = _both(site, rel, what)
    headings = {}
    for lang, page in pages.items():
        section = page.section(old)
        if section is None or section.heading is None:
            why = "an anchor but not a section heading's id" if old in site.anchors(page) else "no section with that id"
            raise UsageError(f"{what}: unknown id: {page.path} has {why} ('## Title {{#{old}}}')")
        headings[lang] = section.heading
    if not ID_RE.match(new):
        raise UsageError(f"{what}: '{new}' is not an id (lower-case ASCII words joined by hyphens)")
    for lang, page in pages.items():
        if new in site.anchors(page):
            raise UsageError(f"{what}: the id '{new}' is already in use on {page.path}")
    red = _redirects(site)

    def where(target_rel: str, fragment: str) -> tuple[str, str]:
        return target_rel, (new if target_rel == rel and fragment == old else fragment)

    texts: dict[str, list[str]] = {}
    before: dict[str, tuple[str, list]] = {}
    links, missed = 0, []
    for page in site.pages.values():
        lines, count, lost = _rewrite(site, page, page.rel, where)
        links, missed = links + count, missed + lost
        if page.rel == rel:
            heading = headings[page.lang]
            text = lines[heading.line - 1]
            brace = max(text.rfind("{"), 0)
            attrs = re.sub(r"#" + re.escape(old) + r"(?=[\s}])", "#" + new, text[brace:], count=1)
            lines[heading.line - 1] = text[:brace] + attrs
        if lines != page.lines:
            texts[page.path] = lines
            if page.lang == "zh":
                before[page.rel] = (page.rel, _zh_state(page))
    _write_pages(site, texts)
    done = [f"renamed #{old} -> #{new} in {pages[lang].path}:{headings[lang].line}" for lang in LANGS]
    done.append(f"rewrote {links} link(s)")
    done += _config_edits(site.root, f"{rel}#{old}", f"{rel}#{new}")
    _follow_lock(site, before)
    aliases = red.sections.setdefault(rel, {})
    aliases.pop(new, None)                         # renaming back to an id it once had
    for source, target in list(aliases.items()):
        if target == old:
            aliases[source] = new
    aliases[old] = new
    write_redirects(site.root, red)
    done.append(f"{REDIRECTS}: {rel}#{old} -> #{new} ({url_path(rel, 'zh')}#{old} keeps working)")
    done += [f"not rewritten (rewrite it by hand): {m}" for m in missed]
    return done

