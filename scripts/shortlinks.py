"""shortlinks.yml: the one map behind the short links /go/<key>/ and /en/go/<key>/.

``load_shortlinks(root)`` never raises: the map (key -> page path inside docs/<lang>/, in file order) and
its problems, each at ``shortlinks.yml:line``. The build hook (``mkdocs_hooks/shortlinks.py``) writes
the redirect pages and fails the build on a problem; the reader's kit shows each chapter's key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.yamlfile import YamlError, load_yaml

SHORTLINKS = "shortlinks.yml"


@dataclass
class ShortLinks:
    targets: dict[str, str] = field(default_factory=dict)     # key -> page path inside docs/<lang>/
    lines: dict[str, int] = field(default_factory=dict)       # key -> its line in shortlinks.yml
    problems: list[str] = field(default_factory=list)         # "shortlinks.yml:line: message"

    @property
    def keys(self) -> dict[str, str]:
        """Page path -> its key (the last one, if a page has more than one)."""
        return {rel: key for key, rel in self.targets.items()}


def load_shortlinks(root: Path) -> ShortLinks:
    links = ShortLinks()
    path = Path(root) / SHORTLINKS
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        links.problems.append(f"{SHORTLINKS}:1: cannot be read: {err}")
        return links
    except YamlError as err:
        links.problems.append(f"{SHORTLINKS}:{err.line}: not valid YAML: {err.message}")
        return links
    if doc.data is None:
        return links
    if not isinstance(doc.data, dict):
        links.problems.append(f"{SHORTLINKS}:1: expected a mapping of short key to page path")
        return links
    for key, value in doc.data.items():
        links.targets[str(key)] = str(value)
        links.lines[str(key)] = doc.line((key,))
    return links
