"""Reporting harm (R101-R103): no page tells a worker to wait, or to ask first, before reporting harm.

The law makes reporting harm to a child immediate and each worker's own duty (《未成年人保护法》 Art. 11;
高检发〔2020〕9号): no internal discussion or manager's approval comes first, and a missing child is
110 at once. The manual says this once, in the section named by ``reporting.authority`` in checks.yml;
every other page must agree with it and link to it.

- R101: on a line about reporting harm (``强制报告``, ``报案``, ``报警``, ``拨打 110``, "report … to the
  police", "mandatory reporting"…: ``TOPIC``), a sentence puts a delay or a step next to the act of
  reporting (within ``WINDOW`` characters of ``报告``, "report", "call the police"…): a deadline (``24 小时内``,
  "within 48 hours"), an agreed time, someone's approval or agreement, "first discuss / consult / verify",
  waiting, the next day. The phrase is not reported when a negation stands just before it (``无需等待``,
  ``不必经过任何人同意``, "no need to wait", "never after approval"): that is the rule restated.
  A line is a paragraph, a list item or a table row (a data incident "立即报告项目负责人" is not about
  harm, and its line does not count); a sentence is cut at ``。！？；`` and at ``. ! ? ;`` followed by a
  space, and each table cell is a sentence of its own. A table of common mistakes that names the wrong practice on
  purpose is suppressed in place, with its reason (``<!-- check: ignore R101 … -->``).
- R102: a page with such a sentence does not link to the authoritative section (its own page excepted).
- R103: the authoritative section named in checks.yml does not exist in a language.

Both languages are read; the sentence patterns are in this module (``TOPIC``, ``DELAY``, ``NEGATION``),
so that a change to them is reviewed with its tests. The check is off when ``reporting.authority`` is not
set. It finds the phrases that contradicted the rule in earlier drafts; it cannot prove a page is right.
"""
from __future__ import annotations

import posixpath
import re
from typing import Iterator

from scripts.config import Option
from scripts.diagnostics import Diagnostic

def _section_ref(value: str) -> str | None:
    if not value.split("#")[0].endswith(".md") or value.startswith(("/", "docs/")):
        return "reporting.authority is 'path/in/lang.md#section-id'"
    return None


OPTIONS = {"reporting": {
    "authority": Option(str, "", _section_ref, doc="the one section on reporting harm, 'page.md#id' (R1xx)"),
}}

CODES = {
    "R101": "a sentence about reporting harm sets a delay or an approval step before the report",
    "R102": "page speaks of reporting harm but does not link to the authoritative section",
    "R103": "the authoritative reporting section named in checks.yml does not exist",
}

TOPIC = {        # a line (a paragraph, a list item, a table row) about reporting harm to a child
    "zh": re.compile(r"强制报告|报案|举报|报警|拨打\s*110|向公安(?:机关)?(?:报告|报案)|报告.{0,8}(?:伤害|虐待|侵害|失踪|走失)"
                     r"|(?:伤害|虐待|侵害|失踪|走失).{0,20}报告"),
    "en": re.compile(r"mandatory report|\breport(?:s|ed|ing)?\b.{0,40}\b(?:police|public security|harm|abuse)"
                     r"|\b(?:harm|abuse|missing)\b.{0,40}\breport|\bcall(?:s|ed|ing)? (?:110|the police)\b", re.I),
}
VERB = {         # the act of reporting, which a delay must stand near (``WINDOW`` characters) to be one
    "zh": re.compile(r"报告|上报|报案|举报|报警|拨打\s*110"),
    "en": re.compile(r"\breport(?:s|ed|ing)?\b|\bcall(?:s|ed|ing)? (?:110|the police)\b", re.I),
}
WINDOW = {"zh": 20, "en": 60}
DELAY = {
    "zh": re.compile(r"\d+\s*(?:个)?(?:小时|天|日)(?:之内|以内|内|后)|约定(?:的)?时间|次日|第二天|观察一段时间"
                     r"|(?:经|得到|获得|征得).{0,12}(?:同意|批准|许可)|(?:等待|等到|等候)|等.{0,5}(?:批准|同意|核实|确认)"
                     r"|先.{0,12}(?:讨论|商量|请示|汇报|核实|确认)"),
    "en": re.compile(r"\bwithin \d+ (?:hours?|days?)\b|\bagreed time\b|\bnext day\b"
                     r"|\b(?:after|with|once|until)\b (?:\S+ ){0,3}(?:approval|agreement|permission|consent)"
                     r"|\bfirst (?:discuss|consult|check with|ask|verify|confirm)"
                     r"|\bwait(?:s|ed|ing)? (?:for|until|a|to)\b|\bonce (?:\S+ ){0,3}(?:confirmed|verified)\b"
                     r"|\b(?:discuss|discussing) (?:it )?internally\b", re.I),
}
NEGATION = {
    "zh": (re.compile(r"(?:不|无需|无须|不必|不用|不要|不得|勿|没有|而非|不是|不需|毋须|无论).{0,8}$"), 10),
    "en": (re.compile(r"\b(?:no|not|never|without|don't|doesn't|do not|does not|nor|rather than|instead of|"
                      r"whatever)\b[^.;]{0,30}$", re.I), 40),
}
_SENTENCE_RE = re.compile(r"[^。！？；]+?(?:[。！？；]|[.!?;](?=\s)|$)", re.S)


def check(site) -> Iterator[Diagnostic]:
    authority = site.config.section("reporting", OPTIONS["reporting"]).authority
    if not authority:
        return
    target_rel, _, target_id = authority.partition("#")
    for lang, pages in site.by_lang.items():
        page = pages.get(target_rel)
        if page is None or (target_id and target_id not in site.anchors(page)):
            where = f"docs/{lang}/{target_rel}" + (f" (section #{target_id})" if target_id else "")
            yield Diagnostic("checks.yml", site.config.line(("reporting", "authority")), "R103",
                             f"reporting.authority '{authority}' is not in {where}")
    for page in site.pages.values():
        about_reporting = None
        lines: dict[int, list[str]] = {}
        for piece in (line for section in page.sections for line in section.text):
            lines.setdefault(piece.line, []).append(piece.text)
        for number, pieces in lines.items():
            if not any(TOPIC[page.lang].search(text) for text in pieces):
                continue
            about_reporting = about_reporting or number
            for text in pieces:
                for sentence in _SENTENCE_RE.finditer(text):
                    delay = _delay(sentence.group(0), page.lang)
                    if delay:
                        yield Diagnostic(page.path, number, "R101",
                                         f"'{_quote(sentence.group(0), delay)}': reporting harm is immediate and no "
                                         f"one's approval comes first; say so, and link to {authority}")
        if about_reporting and page.rel != target_rel and not _links_to(page, target_rel, target_id):
            yield Diagnostic(page.path, about_reporting, "R102",
                             f"this page speaks of reporting harm: link to the authoritative section "
                             f"({authority})")


def _delay(sentence: str, lang: str):
    """The first delay phrase near a reporting verb and not negated, or None."""
    verbs = [m.span() for m in VERB[lang].finditer(sentence)]
    if not verbs:
        return None
    negation, window = NEGATION[lang]
    for match in DELAY[lang].finditer(sentence):
        near = any(start - WINDOW[lang] <= match.end() and match.start() <= end + WINDOW[lang] for start, end in verbs)
        if near and not negation.search(sentence[max(0, match.start() - window):match.start()]) \
                and not negation.search(match.group(0)):
            return match
    return None


def _quote(sentence: str, match) -> str:
    start, end = max(0, match.start() - 12), min(len(sentence), match.end() + 12)
    return " ".join(sentence[start:end].split())


def _links_to(page, target_rel: str, target_id: str) -> bool:
    base = posixpath.dirname(page.rel)
    for link in page.links:
        if link.kind != "link" or "://" in link.target:
            continue
        path, _, fragment = link.target.partition("#")
        resolved = posixpath.normpath(posixpath.join(base, path)) if path else page.rel
        if resolved == target_rel and (not target_id or fragment == target_id):
            return True
    return False
