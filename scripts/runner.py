"""Run every check family on a loaded site; apply checks.yml ``disable`` and the Markdown suppressions."""
from __future__ import annotations

from dataclasses import dataclass, field

from scripts.checks import FAMILIES, all_codes, declared_options, suppressions
from scripts.config import ConfigError
from scripts.diagnostics import Diagnostic, sort


@dataclass
class Report:
    findings: list[Diagnostic] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    suppressed: int = 0


def validate(config) -> None:
    """checks.yml against every family's declared options, and every code or family in ``disable``
    exists (load_config reads the file but does not know the families: they import it)."""
    config.validate(declared_options())
    codes = all_codes()
    for index, prefix in enumerate(config.disable):
        if not any(code.startswith(prefix) for code in codes):
            line = config.disable_lines[index] if index < len(config.disable_lines) else 1
            raise ConfigError(f"checks.yml:{line}: 'disable' names '{prefix}', which is no code or family "
                              "(`python -m scripts codes` lists them)")


def run(site) -> Report:
    validate(site.config)
    known = all_codes()
    everything: list[Diagnostic] = []
    for family in FAMILIES:
        everything.extend(family.check(site))
        if family is suppressions:
            everything.extend(suppressions.comments(site, known))
    everything = [d for d in everything if site.config.enabled(d.code)]
    notes = [d for d in everything if d.level == "note"]
    findings = [d for d in everything if d.level != "note"]
    kept, suppressed, unused = suppressions.apply(site, findings, known)
    kept.extend(d for d in unused if site.config.enabled(d.code))
    unique = list(dict.fromkeys(kept))
    return Report(sort(unique), sort(notes), suppressed)
