"""The one diagnostic type, and its three output formats.

Every finding of every check is a :class:`Diagnostic`: ``path:line: CODE message``. Paths are relative to
the repository root, lines are 1-based. When two files are involved (a stale English section and the
Chinese section that changed), the message names both and ``related`` holds the second location.
``level`` is ``"error"`` for findings (they fail ``make check``) or ``"note"`` for information that is
counted but does not fail (a translation whose staleness was acknowledged with ``stamp --defer``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable


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
        out = {"path": self.path, "line": self.line, "code": self.code, "message": self.message,
               "level": self.level}
        if self.related:
            out["related"] = {"path": self.related.path, "line": self.related.line}
        return out


def format_text(d: Diagnostic) -> str:
    note = "note: " if d.level == "note" else ""
    return f"{d.path}:{d.line}: {d.code} {note}{d.message}"


def _github_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(d: Diagnostic) -> str:
    kind = "notice" if d.level == "note" else "error"
    return (f"::{kind} file={_github_escape(d.path, True)},line={d.line},"
            f"title={_github_escape(d.code, True)}::{_github_escape(d.message)}")


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
