"""``checks.yml``: the options of the checks, each declared beside the rule it tunes.

This module knows only the file and the one option every family shares (``disable``). A family that
has options declares them in its own module, next to its code and documentation::

    OPTIONS = {"typography": {
        "autocorrect": Option(bool, True, doc="Han/Latin/digit spacing as autocorrect-py formats it"),
        "halfwidth": Option(str, ",;:?!("),
    }}

and reads them with ``site.config.section("typography", OPTIONS["typography"])`` (defaults filled in;
a section that is one free-form mapping declares the option ``""`` and reads ``config.value(...)``).
The runner checks the whole file against every family's declarations before any check runs
(``scripts.runner.validate``): an unknown key, a wrong type, a value its option's ``check`` refuses or
an unknown code in ``disable`` is a :class:`ConfigError` naming ``checks.yml:line`` of the value at
fault (the CLI exits 2). A missing file means every default. ``python -m scripts codes --explain CODE``
shows each family's options with its codes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

from scripts.yamlfile import YamlDoc, YamlError, load_yaml

FILENAME = "checks.yml"


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the file and line."""


@dataclass(frozen=True)
class Option:
    """One option: its type (or types), its default, and an optional ``check(value) -> message | None``
    for what the type alone does not say (a positive number, a bare host name)."""
    kind: type | tuple[type, ...]
    default: Any
    check: Callable[[Any], str | None] | None = None
    doc: str = ""


Declared = dict[str, dict[str, Option]]           # section -> option name -> Option


@dataclass
class Config:
    disable: list[str] = field(default_factory=list)
    disable_lines: list[int] = field(default_factory=list)     # line of each in checks.yml
    data: dict = field(default_factory=dict)                   # the file as read (validated by the runner)
    doc: YamlDoc | None = None

    def enabled(self, code: str) -> bool:
        return not any(code.startswith(prefix) for prefix in self.disable)

    def line(self, path: tuple) -> int:
        """The line in checks.yml of the value at ``path`` (1 when there is no file)."""
        return self.doc.line(path) if self.doc is not None else 1

    def section(self, name: str, options: dict[str, Option]) -> SimpleNamespace:
        """The values of one section, each from the file or its default."""
        given = self.data.get(name) or {}
        if not isinstance(given, dict):
            given = {}
        return SimpleNamespace(**{key: given[key] if given.get(key) is not None else option.default
                                  for key, option in options.items()})

    def value(self, name: str, option: Option):
        """A section that is one free-form value (``generated``): from the file, or the default; an empty
        value in the file is an empty one of the option's type."""
        if name not in self.data:
            return option.default
        kind = option.kind[0] if isinstance(option.kind, tuple) else option.kind
        return self.data[name] if self.data[name] is not None else kind()

    def validate(self, declared: Declared) -> None:
        """Raise ConfigError for the first value in the file that ``declared`` does not allow."""
        known = {"disable": None, **declared}
        for name, value in self.data.items():
            if name not in known:
                self.fail((name,), f"unknown option '{name}'; known: {', '.join(known)}")
            if name == "disable" or value is None:
                continue
            options = declared[name]
            if set(options) == {""}:                         # a section that is one free-form value
                self._value((name,), name, options[""], value)
                continue
            if not isinstance(value, dict):
                self.fail((name,), f"'{name}' must be a mapping")
            for key, item in value.items():
                if key not in options:
                    self.fail((name, key), f"unknown option '{key}' in '{name}'; known: {', '.join(options)}")
                if item is not None:
                    self._value((name, key), key, options[key], item)

    def _value(self, path: tuple, key: str, option: Option, value) -> None:
        kinds = option.kind if isinstance(option.kind, tuple) else (option.kind,)
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            names = kinds[0].__name__ if len(kinds) == 1 else "number"
            self.fail(path, f"'{key}' must be a {names}, not {type(value).__name__}")
        if option.check is not None:
            problem = option.check(value)
            if problem:
                named = problem if key in problem else f"'{key}': {problem}"     # the message names the option
                self.fail(_deepest(path, value, option.check), named)

    def fail(self, path: tuple, message: str):
        raise ConfigError(f"{FILENAME}:{self.line(path)}: {message}")


def _deepest(path: tuple, value, check) -> tuple:
    """The path of the first list item or mapping entry that ``check`` refuses on its own (so the
    message names its line), else ``path``."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if check([item]):
                return path + (index,)
    if isinstance(value, dict):
        for key, item in value.items():
            if check({key: item}):
                return path + (key,)
    return path


def load_config(root: Path) -> Config:
    """checks.yml as read: valid YAML, a mapping, ``disable`` a list of codes. Each family's options are
    checked by the runner, which knows the families (they import this module, not the reverse)."""
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
    config = Config(data=data, doc=doc)
    disable = data.get("disable")
    if disable is None:
        disable = []
    if not isinstance(disable, list):
        config.fail(("disable",), f"'disable' must be a list, not {type(disable).__name__}")
    for i, code in enumerate(disable):
        if not isinstance(code, str) or not code or not code[0].isalpha():
            config.fail(("disable", i), f"'{code}' is not a code or family letter")
    config.disable = list(disable)
    config.disable_lines = [doc.line(("disable", i)) for i in range(len(disable))]
    return config
