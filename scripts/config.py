"""``checks.yml``: the options of the checks, declared and validated in one place.

A missing file means the defaults below. Every key is optional; an unknown key, a wrong type or an
unknown code is a :class:`ConfigError` naming ``checks.yml:line`` of the value at fault (the CLI exits 2).
Example::

    disable: [C105]                 # codes (or families: "C") not to report
    typography:
      autocorrect: true             # Han/Latin/digit spacing as autocorrect-py formats it (C104, C105)
      halfwidth: ",;:?!("           # half-width marks not allowed between Han characters (C101)
      doubled: "。，、；：？！"       # marks that must not be doubled (C103)
    third_party:
      allowed_hosts: []             # hosts pages may load images/scripts/styles from (X1xx)
    links:
      online_timeout: 5             # seconds per HEAD request with --online (L107)
      online_cache_days: 7          # how long a checked external URL stays in .cache/
    generated:                      # pages filled at build time: page (inside docs/<lang>/) -> marker
      appendix/translation-status.md: "<!-- translation-status -->"
    reporting:
      authority: part2/psychosocial.md#mandatory-reporting   # the one section on reporting harm (R1xx)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.yamlfile import YamlError, load_yaml

FILENAME = "checks.yml"


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the file and line."""


@dataclass
class Typography:
    autocorrect: bool = True
    halfwidth: str = ",;:?!("
    doubled: str = "。，、；：？！"


@dataclass
class Config:
    disable: list[str] = field(default_factory=list)
    disable_lines: list[int] = field(default_factory=list)     # line of each in checks.yml (the runner
                                                               # checks them against every family's codes)
    typography: Typography = field(default_factory=Typography)
    allowed_hosts: list[str] = field(default_factory=list)
    online_timeout: float = 5.0
    online_cache_days: float = 7.0
    generated: dict[str, str] = field(
        default_factory=lambda: {"appendix/translation-status.md": "<!-- translation-status -->"})
    reporting_authority: str = ""                # page#section that states the duty to report harm (R1xx)
    reporting_line: int = 1                      # its line in checks.yml

    def enabled(self, code: str) -> bool:
        return not any(code.startswith(prefix) for prefix in self.disable)


_SCHEMA = {
    "disable": list,
    "typography": {"autocorrect": bool, "halfwidth": str, "doubled": str},
    "third_party": {"allowed_hosts": list},
    "links": {"online_timeout": (int, float), "online_cache_days": (int, float)},
    "generated": dict,
    "reporting": {"authority": str},
}


def load_config(root: Path) -> Config:
    path = Path(root) / FILENAME
    if not path.is_file():
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{FILENAME}:1: cannot be read: {err}") from None
    try:
        doc = load_yaml(text)
    except YamlError as err:                    # an error at the end of the file: its last line
        line = min(err.line, max(1, len(text.splitlines())))
        raise ConfigError(f"{FILENAME}:{line}: invalid YAML: {err.message}") from None
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{FILENAME}:1: must be a mapping of options (see scripts/config.py)")

    def fail(path_, message):
        raise ConfigError(f"{FILENAME}:{doc.line(path_)}: {message}")

    _validate(data, _SCHEMA, (), fail)
    config = Config()
    config.disable = [str(code) for code in data.get("disable") or []]
    config.disable_lines = [doc.line(("disable", i)) for i in range(len(config.disable))]
    for i, code in enumerate(config.disable):
        if not isinstance(data["disable"][i], str) or not code or not code[0].isalpha():
            fail(("disable", i), f"'{code}' is not a code or family letter")
    typo = data.get("typography") or {}
    config.typography = Typography(**{k: typo[k] for k in ("autocorrect", "halfwidth", "doubled")
                                    if typo.get(k) is not None})
    hosts = (data.get("third_party") or {}).get("allowed_hosts") or []
    for i, host in enumerate(hosts):
        if not isinstance(host, str) or not host or "/" in host:
            fail(("third_party", "allowed_hosts", i), f"allowed host {host!r} must be a bare host name")
    config.allowed_hosts = [h.lower() for h in hosts]
    links = data.get("links") or {}
    config.online_timeout = float(links.get("online_timeout") or config.online_timeout)
    config.online_cache_days = float(links.get("online_cache_days") or config.online_cache_days)
    if config.online_timeout <= 0:
        fail(("links", "online_timeout"), "online_timeout must be positive")
    if "generated" in data:
        generated = data["generated"] or {}
        for page, marker in generated.items():
            if not isinstance(page, str) or not page.endswith(".md") or not isinstance(marker, str) or not marker:
                fail(("generated", page), "each generated page is 'path/in/lang.md: \"<!-- marker -->\"'")
        config.generated = dict(generated)
    authority = (data.get("reporting") or {}).get("authority")
    if authority:
        if not authority.split("#")[0].endswith(".md") or authority.startswith(("/", "docs/")):
            fail(("reporting", "authority"), "reporting.authority is 'path/in/lang.md#section-id'")
        config.reporting_authority = authority
        config.reporting_line = doc.line(("reporting", "authority"))
    return config


def _validate(data, schema, path, fail):
    for key, value in data.items():
        if key not in schema:
            where = f" in '{'.'.join(map(str, path))}'" if path else ""
            fail(path + (key,), f"unknown option '{key}'{where}; known: {', '.join(schema)}")
        expected = schema[key]
        if isinstance(expected, dict):
            if value is None:
                continue
            if not isinstance(value, dict):
                fail(path + (key,), f"'{key}' must be a mapping")
            _validate(value, expected, path + (key,), fail)
        elif value is not None and (not isinstance(value, expected) or
                                    (expected is not bool and isinstance(value, bool))):
            names = expected.__name__ if isinstance(expected, type) else "number"
            fail(path + (key,), f"'{key}' must be a {names}, not {type(value).__name__}")
