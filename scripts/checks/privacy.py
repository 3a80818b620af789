"""Privacy (V101-V106): no personal data of anyone, least of all children, in the manual.

Reported anywhere in a page (prose, tables, code, front matter), outside URLs and HTML comments:

- Chinese resident ID numbers: 18 digits with a valid birth date and check digit, or the old 15-digit
  form with a valid date (V101);
- mainland mobile numbers ``1[3-9]x xxxx xxxx``, with optional ``+86`` and spaces or hyphens (V102);
  not when letters or digits run on (a container or commit id such as ``13912345678ab``) or a unit
  follows (``13812345678 bytes``, ``… ms``, ``… 字节``): those are ids and counts, not phones;
- landlines ``0xx-xxxxxxxx`` / ``(0xxx) xxxxxxx`` (V103);
- e-mail addresses (V104), except at the domains reserved for examples (RFC 2606 and 6761:
  ``example.com``/``.org``/``.net`` and their subdomains, ``.example``, ``.test``, ``.invalid``,
  ``.localhost``), which reach no one. A real-looking address is reported inside code blocks too: a
  code block is published like any other text;
- street-level addresses: ``…村 3 组``, ``…路 12 号``, ``…12 号楼 3 单元``, ``12 Renmin Road`` (V105).
  Document numbers such as ``国发〔2016〕36 号`` or ``第 5 号`` are not addresses;
- images in docs/ carrying EXIF GPS coordinates (V106, reported on the image file).

A public hotline may stay, with a suppression that says so:
``<!-- check: ignore V103 the county civil affairs bureau's public hotline -->``.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterator

from scripts.diagnostics import Diagnostic

CODES = {
    "V101": "Chinese resident ID number",
    "V102": "mobile phone number",
    "V103": "landline phone number",
    "V104": "e-mail address",
    "V105": "street-level address",
    "V106": "image with EXIF GPS location",
}

_MASK_RE = re.compile(r"<!--.*?-->|(?:https?|ftp)://[^\s)>\]\"']+|www\.[^\s)>\]\"']+", re.S | re.I)
# Patterns start with a character class (so the regex engine can skip ahead); what may not come before
# a match is checked in _free_before().
_ID18_RE = re.compile(r"\d{17}[\dXx](?![0-9A-Za-z])")
_ID15_RE = re.compile(r"[1-9]\d{5}(\d{6})\d{3}(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?:(?:\+|00)86[ \t-]?)?1[3-9]\d(?:[ \t-]?\d{4}){2}(?![0-9A-Za-z_])"
                        r"(?![ \t]?(?:bytes?|[KMGT]i?B|B|bits?|ms|s|ns|µs|us|字节|毫秒|秒)(?![A-Za-z]))")
_LANDLINE_RE = re.compile(r"(?:0\d{2,3}-\d{7,8}|[(（]0\d{2,3}[)）][ \t]*\d{7,8})(?![\d-])")
_EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_EXAMPLE_DOMAIN_RE = re.compile(r"@(?:[A-Za-z0-9-]+\.)*(?:example\.(?:com|org|net)|[A-Za-z0-9-]+\.(?:example|test|"
                                r"invalid|localhost))$|@(?:example|test|invalid|localhost)$", re.I)
_NUM = r"(?:\d+|[一二三四五六七八九十百零〇两]+)"
_ADDRESS_RES = [   # (characters one of which must be in the text, pattern)
    ("村", re.compile(rf"村[ \t]*{_NUM}[ \t]*[组社](?![织会区员长])")),
    ("号", re.compile(rf"(?:路|街|大道|巷|弄|胡同)[ \t]*{_NUM}[ \t]*号")),
    ("楼栋幢元", re.compile(rf"{_NUM}[ \t]*(?:号楼|栋|幢|单元)[ \t]*{_NUM}[ \t]*(?:单元|室|号|楼)")),
    ("号", re.compile(rf"[组社][ \t]*{_NUM}[ \t]*号")),
    ("RSLA", re.compile(r"\b\d+[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Road|Street|Lane|Avenue|Alley)\b")),
]
_HAN_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}$")
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
_GPS_IFD = 0x8825
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic"}


def _valid_date(text: str) -> bool:
    try:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
        return 1900 <= year <= 2100 and bool(date(year, month, day))
    except ValueError:
        return False


def valid_id18(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit() or not _valid_date(number[6:14]):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def _free_before(text: str, start: int, forbidden: str) -> bool:
    """The character before ``start`` is no ASCII letter and none of ``forbidden``."""
    if start == 0:
        return True
    before = text[start - 1]
    return before not in forbidden and not (before.isascii() and before.isalpha())


def _mask(text: str) -> str:
    return _MASK_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def findings_in_text(path: str, text: str) -> Iterator[Diagnostic]:
    text = _mask(text)
    if not any(c in text for c in "0123456789@"):
        return

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    ids = []
    for match in _ID18_RE.finditer(text):
        if _free_before(text, match.start(), "0123456789") and valid_id18(match.group(0)):
            ids.append(match.span())
            yield Diagnostic(path, line_of(match.start()), "V101", "resident ID number: remove it")
    for match in _ID15_RE.finditer(text):
        if _free_before(text, match.start(), "0123456789") and _valid_date("19" + match.group(1)):
            ids.append(match.span())
            yield Diagnostic(path, line_of(match.start()), "V101", "15-digit resident ID number: remove it")
    for match in _MOBILE_RE.finditer(text):
        if _free_before(text, match.start(), "0123456789+") and not any(s <= match.start() < e for s, e in ids):
            yield Diagnostic(path, line_of(match.start()), "V102", f"mobile number '{match.group(0)}': remove it, "
                                                                   "or suppress with the reason it is public")
    for match in _LANDLINE_RE.finditer(text):
        if _free_before(text, match.start(), "0123456789-"):
            yield Diagnostic(path, line_of(match.start()), "V103", f"phone number '{match.group(0)}': remove it, "
                                                                   "or suppress with the reason it is public")
    if "@" in text:
        for match in _EMAIL_RE.finditer(text):
            if _free_before(text, match.start(), ".+-_") and not _EXAMPLE_DOMAIN_RE.search(match.group(0)):
                yield Diagnostic(path, line_of(match.start()), "V104", f"e-mail address '{match.group(0)}': "
                                                                       "remove it, or suppress with the reason "
                                                                       "it is public")
    reported = set()
    for needles, pattern in _ADDRESS_RES:
        if not any(c in text for c in needles):
            continue
        for match in pattern.finditer(text):
            line = line_of(match.start())
            if line in reported:
                continue
            reported.add(line)
            before = _HAN_BEFORE_RE.search(text[max(0, match.start() - 8):match.start()])
            shown = (before.group(0) if before else "") + match.group(0)
            yield Diagnostic(path, line, "V105", f"street-level address '{shown.strip()}': no places finer "
                                                 "than the county")


def _gps(path: Path) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(_GPS_IFD)
            return bool(gps)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, KeyError, TypeError, AttributeError):
        return False


def check(site) -> Iterator[Diagnostic]:
    for page in site.pages.values():
        yield from findings_in_text(page.path, "\n".join(page.lines))
    for path in sorted(site.files):
        if Path(path).suffix.lower() in _IMAGE_SUFFIXES and _gps(Path(site.root) / path):
            yield Diagnostic(path, 1, "V106", "image carries EXIF GPS coordinates: strip its metadata "
                                              "(e.g. `exiftool -all= FILE`)")
