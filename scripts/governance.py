"""Who answers for each page and when it was last checked: the review's facts, read once for the checks
(G1xx, ``scripts/checks/review.py``) and the build (the "Last reviewed" line and the review-status page,
``scripts/mkdocs_hooks/review.py``).

Each page's front matter holds (keys :data:`scripts.model.REVIEW_KEYS`, left out of the translation's
fingerprints, so recording a review never makes the English stale)::

    owner: social-work-supervisor     # a role from checks.yml review.roles, never a person's name
    reviewed: 2026-12-02              # the date of its last content review (YYYY-MM-DD)
    review_interval: 6                # optional: months until the next review (else the default)

The Chinese page is the source, so its date is the review; the English page's ``reviewed`` is the date
of the Chinese review its translation follows (the same date once the translator has caught up).

How often a page is reviewed (``review.law_months``, ``review.other_months`` in checks.yml): a page
whose Chinese text cites a law, regulation, policy document or standard is reviewed every 12 months by
default, every other page every 24. Whether a page cites one is read from its text, not from a flag an
editor would have to remember when adding a citation: a title in book-title marks ending as Chinese
laws and policy documents are named (《未成年人保护法》, 《…条例》, 《…意见》, 《…办法》, 《…通知》, 《…规定》,
《…标准》...), a document number (``〔2020〕9号``) or a standard's number (``MZ/T 248-2025``, ``GB/T``),
in the page's prose (:data:`LAW_RE`). Laws and policies change (the 2025 opinion and MZ/T 248-2025 came
after the manual was first written) and a page repeating them goes wrong when they do; yearly is how
often the ministries have revised these texts in recent years. Practice and method pages age slower:
two years, the length of the programme's own cycle. ``review_interval`` on a page overrides both.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from scripts.config import Option
from scripts.model import Page

ROLE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LAW_RE = re.compile(r"《[^》\n]{1,40}(?:法|条例|规定|办法|意见|通知|决定|纲要|规划|标准|准则|规范|细则)》"
                    r"|〔\d{4}〕\s*\d+\s*号|\b(?:MZ|GB)(?:/T)?\s*\d")
MAX_MONTHS = 120

DEFAULT_ROLES = {
    "programme-lead": {"zh": "项目负责人", "en": "programme lead"},
    "social-work-supervisor": {"zh": "项目社工督导", "en": "project social work supervisor"},
    "safeguarding-focal-person": {"zh": "儿童安全保护联络人", "en": "child safeguarding focal person"},
    "manual-editor": {"zh": "手册编辑", "en": "manual editor"},
}


def _months(value) -> str | None:
    return None if 1 <= value <= MAX_MONTHS else f"a review interval is 1 to {MAX_MONTHS} months"


def _roles(value) -> str | None:
    for key, labels in value.items():
        if not isinstance(key, str) or not ROLE_RE.match(key):
            return f"role '{key}' must be lower-case ASCII words joined by hyphens (owner: {key} in pages)"
        if (not isinstance(labels, dict) or set(labels) != {"zh", "en"}
                or not all(isinstance(v, str) and v.strip() for v in labels.values())):
            return f"role '{key}' must be '{{zh: 中文名称, en: English name}}'"
    return None


OPTIONS = {
    "law_months": Option(int, 12, _months, doc="months between reviews of a page citing laws or policies"),
    "other_months": Option(int, 24, _months, doc="months between reviews of every other page"),
    "roles": Option(dict, DEFAULT_ROLES, _roles,
                    doc="roles a page's 'owner:' may name, each with its zh and en label"),
}


def enabled(config) -> bool:
    """Reviews are kept (and checked) when checks.yml has a ``review:`` section, even an empty one."""
    return "review" in config.data


def options(config):
    """The review section of a Config, defaults filled in."""
    return config.section("review", OPTIONS)


@dataclass
class Entry:
    """One review key of one page: its value as read, what it means (None when missing or malformed)
    and its line in the file (the front matter's first line when the key is missing)."""
    raw: object = None
    value: object = None
    line: int = 1

    @property
    def missing(self) -> bool:
        return self.raw is None


@dataclass
class Facts:
    owner: Entry = field(default_factory=Entry)
    reviewed: Entry = field(default_factory=Entry)
    interval: Entry = field(default_factory=Entry)


def parse_date(raw) -> date | None:
    """A review date: YAML's date, or its text 'YYYY-MM-DD'; None for anything else."""
    if isinstance(raw, datetime):
        return None                      # a time of day is not a review date
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and DATE_RE.match(raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return None


def facts(page: Page) -> Facts:
    fm = page.front_matter if isinstance(page.front_matter, dict) else {}
    out = Facts()

    def entry(key: str) -> Entry:
        line = page.front_lines.get(key, (1, 1))[0]
        return Entry(fm.get(key), None, line)

    out.owner = entry("owner")
    if isinstance(out.owner.raw, str) and out.owner.raw.strip():
        out.owner.value = out.owner.raw.strip()
    out.reviewed = entry("reviewed")
    out.reviewed.value = parse_date(out.reviewed.raw)
    out.interval = entry("review_interval")
    raw = out.interval.raw
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= MAX_MONTHS:
        out.interval.value = raw
    return out


def cites_law(page: Page) -> bool:
    """Whether the page's prose names a law, policy document or standard (:data:`LAW_RE`)."""
    return any(LAW_RE.search(line.text) for section in page.sections for line in section.text)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval(page: Page, page_facts: Facts, opts) -> tuple[int, str]:
    """Months between reviews of ``page`` and why: 'set on the page', 'cites laws' or 'default'."""
    if page_facts.interval.value is not None:
        return page_facts.interval.value, "page"
    if cites_law(page):
        return opts.law_months, "law"
    return opts.other_months, "other"


@dataclass
class Row:
    """One page of the review-status table (both languages share it)."""
    rel: str
    zh_title: str
    en_title: str
    owner: str | None
    reviewed: date | None                # the Chinese page's review
    en_reviewed: date | None
    months: int
    basis: str                           # page, law, other
    next_review: date | None
    overdue: bool


def rows(site, opts, today: date, order: list[str] | None = None) -> list[Row]:
    """Every page pair with a Chinese page: overdue first (longest overdue first), then by next review,
    then in ``order`` (the nav's)."""
    rank = {rel: i for i, rel in enumerate(order or [])}
    out: list[Row] = []
    for pair in site.page_pairs:
        if pair.zh is None:
            continue
        zh = facts(pair.zh)
        en = facts(pair.en) if pair.en is not None else Facts()
        months, basis = interval(pair.zh, zh, opts)
        reviewed = zh.reviewed.value
        next_review = add_months(reviewed, months) if reviewed else None
        out.append(Row(pair.rel, pair.zh.title or pair.rel, (pair.en.title if pair.en else None) or pair.rel,
                       zh.owner.value, reviewed, en.reviewed.value, months, basis, next_review,
                       next_review is None or next_review < today))
    out.sort(key=lambda r: (not r.overdue, r.next_review or date.min, rank.get(r.rel, len(rank)), r.rel))
    return out


def follow_review(site, rel: str) -> date | None:
    """After ``stamp`` (the English has caught up with the Chinese at ``rel``), set the English page's
    ``reviewed:`` to the Chinese page's date: the translation now follows that review. Only an existing
    ``reviewed:`` line of one line is rewritten (a missing or odd one is G102's to report). Returns the
    date written, or None when nothing changed."""
    zh, en = site.page("zh", rel), site.page("en", rel)
    if zh is None or en is None:
        return None
    day, current = facts(zh).reviewed.value, facts(en).reviewed
    first, last = en.front_lines.get("reviewed", (0, 0))
    if day is None or current.value == day or not first or first != last:
        return None
    path = site.root / en.path
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines[first - 1].startswith("reviewed:"):
        return None
    lines[first - 1] = f"reviewed: {day.isoformat()}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return day
