"""The one diagnostic type, and its three output formats.

Every finding of every check is a :class:`Diagnostic`: ``path:line: CODE message``. Paths are relative to
the repository root, lines are 1-based. When two files are involved (a stale English section and the
Chinese section that changed), the message names both and ``related`` holds the second location.
``level`` is ``"error"`` for findings (they fail ``make check``) or ``"note"`` for information that is
counted but does not fail (a translation whose staleness was acknowledged with ``stamp --defer``).

No format ever prints a control character: messages quote what the files hold, and a NUL, an escape
sequence, a line or paragraph separator or a bidirectional override in a file is shown as its escape
(``\\x1b``, ``\\u202e``), so the output stays one finding per line, readable text for grep and
terminals, and JSON without ``\\u0000``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every control character written as its escape (``\\x00``, ``\\u2028``)."""
    return _CONTROL_RE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Location:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str
    related: Location | None = None
    level: str = "error"

    @property
    def location(self) -> Location:
        return Location(self.path, self.line)

    def sort_key(self):
        return (self.path, self.line, self.code, self.message)

    def as_dict(self) -> dict:
        out = {"path": visible(self.path), "line": self.line, "code": self.code,
               "message": visible(self.message), "level": self.level}
        if self.related:
            out["related"] = {"path": visible(self.related.path), "line": self.related.line}
        return out


def format_text(d: Diagnostic) -> str:
    note = "note: " if d.level == "note" else ""
    return f"{visible(d.path)}:{d.line}: {d.code} {note}{visible(d.message)}"


def _github_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(d: Diagnostic) -> str:
    kind = "notice" if d.level == "note" else "error"
    return (f"::{kind} file={_github_escape(visible(d.path), True)},line={d.line},"
            f"title={_github_escape(d.code, True)}::{_github_escape(visible(d.message))}")


def summary(findings: list[Diagnostic], notes: list[Diagnostic], suppressed: int) -> str:
    files = len({d.path for d in findings})
    parts = [f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} "
             f"file{'s' if files != 1 else ''}",
             f"{suppressed} suppressed",
             f"{len(notes)} note{'s' if len(notes) != 1 else ''}"]
    return ", ".join(parts)


def render(findings: list[Diagnostic], notes: list[Diagnostic], suppressed: int, fmt: str) -> str:
    """The whole report in format ``text``, ``json`` or ``github`` (findings and notes, sorted)."""
    items = sorted(findings + notes, key=Diagnostic.sort_key)
    if fmt == "json":
        return json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=1)
    if fmt == "github":
        return "\n".join(format_github(d) for d in items)
    lines = [format_text(d) for d in items]
    lines.append(summary(findings, notes, suppressed))
    return "\n".join(lines)


def sort(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)
