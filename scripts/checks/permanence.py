"""Permanence (M101-M107): every URL and section the manual has published keeps working after files move.

Trainers print section links and QR codes on handouts that live for years. ``published.yml`` records
every page URL (both languages), section id and short-link key ever published (``python -m scripts
publish`` writes it when a release is cut; format in ``scripts/published.py``). ``redirects.yml``
declares where moved pages and renamed ids went (format in ``scripts/redirects.py``); the build turns
each page redirect into a redirect page at the old URL in both languages (it keeps the ``#section``,
works under a subpath and from the offline copy), and each section alias into an extra anchor with the
old id at the renamed section. ``python -m scripts move OLD NEW`` and ``python -m scripts rename-id PAGE
OLD NEW`` move or rename in both languages and write the redirect or alias themselves.

- A published page that no longer exists at its path in a language, with no redirect in redirects.yml
  (M101), reported at its line in published.yml with its old URL: every printed link to it is a 404.
  A published redirect removed from redirects.yml is the same defect.
- A published section id no longer on its page (after following the page's redirect) and with no alias
  in redirects.yml ``sections`` (M102), at its line in published.yml, naming ``page.md#id`` and the URL:
  ``/page/#id`` would silently land at the top of the page. A glossary term's id is a section id of the
  glossary page (its row): changing it in glossary.yml needs ``appendix/glossary.md: {old-id: new-id}``
  under ``sections`` in redirects.yml.
- A published short-link key no longer in shortlinks.yml (M103), at its line in published.yml.
- A redirect to a page that does not exist in a language, section aliases for a page that does not
  exist, or an alias to an id the page does not have (M104), at its line in redirects.yml.
- A redirect to a path that is itself redirected, or a loop (M105): a reader would be sent twice, or
  forever; point the old path straight at where the page is now. The same for an alias to an alias.
- A redirect from a path where a page still exists, or an alias from an id the page still has (M106):
  the redirect page would replace the real page, or the alias would duplicate an id.
- redirects.yml or published.yml that cannot be read (M107): not YAML, or not the documented shape.

Without published.yml nothing has been published yet, and only redirects.yml is checked.
"""
from __future__ import annotations

from typing import Iterator

from scripts.diagnostics import Diagnostic
from scripts.model import LANGS
from scripts.published import PUBLISHED, url_path
from scripts.redirects import REDIRECTS

CODES = {
    "M101": "published page no longer exists and has no redirect",
    "M102": "published section id no longer exists and has no alias",
    "M103": "published short-link key removed from shortlinks.yml",
    "M104": "redirect or alias points to a page or id that does not exist",
    "M105": "redirect or alias goes through another one, or loops",
    "M106": "redirect from a page that still exists, or alias from an id still in use",
    "M107": "redirects.yml or published.yml is malformed",
}


def _exist(paths: list[str]) -> str:
    return " and ".join(paths) + (" do not exist" if len(paths) > 1 else " does not exist")


def _urls(rel: str, langs=LANGS) -> str:
    return ", ".join(url_path(rel, lang) for lang in langs)


def check(site) -> Iterator[Diagnostic]:
    red, pub = site.redirects, site.published
    for line, message in red.problems:
        yield Diagnostic(REDIRECTS, line, "M107", message)
    for line, message in pub.problems:
        yield Diagnostic(PUBLISHED, line, "M107", message)
    served = _served(site)
    yield from _page_redirects(site, red, served)
    yield from _section_aliases(site, red)
    if pub.exists:
        yield from _published(site, red, pub, served)


def _page_redirects(site, red, served) -> Iterator[Diagnostic]:
    for old, new in red.pages.items():
        line = red.page_lines[old]
        still = [f"{site.lang_root(lang)}/{served[(lang, url_path(old, lang))]}" for lang in LANGS
                 if (lang, url_path(old, lang)) in served]
        if still:
            yield Diagnostic(REDIRECTS, line, "M106", f"redirect from {old} ({_urls(old)}), but {still[0]} still "
                                                      "exists: its redirect page would replace it")
            continue
        final, passed, loops = red.follow(old)
        if loops:
            yield Diagnostic(REDIRECTS, line, "M105", f"redirect loop: {' -> '.join(passed)}")
            continue
        if len(passed) > 2:
            yield Diagnostic(REDIRECTS, line, "M105", f"redirect chain {' -> '.join(passed)}: point {old} "
                                                      f"straight at {final}")
            continue
        missing = [f"{site.lang_root(lang)}/{new}" for lang in LANGS if site.page(lang, new) is None]
        if missing:
            yield Diagnostic(REDIRECTS, line, "M104", f"redirect {old} -> {new}: {_exist(missing)}")


def _section_aliases(site, red) -> Iterator[Diagnostic]:
    for page_rel, aliases in red.sections.items():
        pages = {lang: site.page(lang, page_rel) for lang in LANGS}
        missing = [f"{site.lang_root(lang)}/{page_rel}" for lang, page in pages.items() if page is None]
        if missing:
            moved = f" (it moved to {red.follow(page_rel)[0]}: list its aliases there)" \
                if page_rel in red.pages else ""
            yield Diagnostic(REDIRECTS, red.sections_page_lines[page_rel], "M104",
                             f"section aliases for {page_rel}: {_exist(missing)}{moved}")
            continue
        for old, new in aliases.items():
            line = red.section_lines[(page_rel, old)]
            holding = [page.path for page in pages.values() if old in site.anchors(page)]
            if holding:
                yield Diagnostic(REDIRECTS, line, "M106", f"alias {page_rel}#{old} -> #{new}, but {holding[0]} "
                                                          f"still has an id '{old}'")
                continue
            passed = [old]
            while passed[-1] in aliases and aliases[passed[-1]] not in passed:
                passed.append(aliases[passed[-1]])
            if passed[-1] in aliases:
                yield Diagnostic(REDIRECTS, line, "M105", f"alias loop on {page_rel}: "
                                                          f"#{' -> #'.join(passed + [aliases[passed[-1]]])}")
                continue
            if len(passed) > 2:
                yield Diagnostic(REDIRECTS, line, "M105", f"alias chain on {page_rel}: #{' -> #'.join(passed)}: "
                                                          f"point #{old} straight at #{passed[-1]}")
                continue
            lacking = [page.path for page in pages.values() if new not in site.anchors(page)]
            if lacking:
                yield Diagnostic(REDIRECTS, line, "M104", f"alias {page_rel}#{old} -> #{new}: no id '{new}' in "
                                                          f"{' and '.join(lacking)}")


def _resolve(site, red, served, rel: str, lang: str) -> str | None:
    """Where the published page ``rel`` is now in ``lang`` (following its redirects), or None. A page
    moved to a path with the same URL (``part1/x.md`` -> ``part1/x/index.md``) is still there."""
    if site.page(lang, rel) is not None:
        return rel
    same_url = served.get((lang, url_path(rel, lang)))
    if same_url is not None:
        return same_url
    final, _, loops = red.follow(rel)
    if loops or site.page(lang, final) is None:
        return None
    return final


def _served(site) -> dict[tuple[str, str], str]:
    """(lang, URL path) -> the page served there."""
    return {(lang, url_path(rel, lang)): rel for lang in LANGS for rel in site.by_lang[lang]}


def _published(site, red, pub, served) -> Iterator[Diagnostic]:
    for rel, entry in sorted(pub.pages.items()):
        langs = entry.langs or list(LANGS)
        broken = [lang for lang in langs if _resolve(site, red, served, rel, lang) is None]
        if broken and rel not in red.pages:
            yield Diagnostic(PUBLISHED, entry.line, "M101",
                             f"published page {rel} ({_urls(rel, broken)}) no longer exists and has no redirect: "
                             f"add '{rel}: <new path>' under 'pages' in {REDIRECTS} "
                             "(`python -m scripts move` does it when it moves a page)")
        for section_id, line in entry.ids.items():
            kept = [lang for lang in langs if lang not in broken]
            yield from _published_id(site, red, served, rel, section_id, line, kept)
    for old, line in pub.redirects.page_lines.items():          # (a recorded page says it once, above)
        if old not in pub.pages and all(_resolve(site, red, served, old, lang) is None for lang in LANGS):
            yield Diagnostic(PUBLISHED, line, "M101", f"published redirect from {old} ({_urls(old)}) was removed "
                                                      f"from {REDIRECTS}: put it back")
    for (page_rel, old), line in pub.redirects.section_lines.items():
        if page_rel in pub.pages and old in pub.pages[page_rel].ids:
            continue
        langs = [lang for lang in LANGS if _resolve(site, red, served, page_rel, lang) is not None]
        yield from _published_id(site, red, served, page_rel, old, line, langs)
    for key, line in pub.shortlinks.items():
        if key not in site.shortlinks.targets:
            yield Diagnostic(PUBLISHED, line, "M103", f"published short link /go/{key}/ (and /en/go/{key}/) was "
                                                      "removed from shortlinks.yml: keep the key, pointing where "
                                                      "its page is now")


def _published_id(site, red, served, rel: str, section_id: str, line: int,
                  langs: list[str]) -> Iterator[Diagnostic]:
    lost = []
    for lang in langs:
        final = _resolve(site, red, served, rel, lang)
        page = site.page(lang, final)
        if section_id not in site.anchors(page) and section_id not in red.sections.get(final, {}):
            lost.append((lang, page))
    if lost:
        where = " and ".join(page.path for _, page in lost)
        urls = ", ".join(f"{url_path(rel, lang)}#{section_id}" for lang, _ in lost)
        yield Diagnostic(PUBLISHED, line, "M102",
                         f"published section {rel}#{section_id} ({urls}) is no longer in {where} and has no "
                         f"alias: add '{section_id}: <new id>' under sections: {lost[0][1].rel} in {REDIRECTS} "
                         "(`python -m scripts rename-id` does it when it renames an id)")
