"""YAML loading that keeps line numbers and tolerates tags it does not know.

``load_yaml(text)`` returns a :class:`YamlDoc`: the plain Python data plus ``line(path)``, the 1-based line
of any node, addressed by its path of keys and indexes (``doc.line((3, "en"))``). Unknown tags such as
mkdocs.yml's ``!ENV [SITE_URL, "http://..."]`` or ``!!python/name:...`` load as the plain scalar, list or
mapping they tag. Syntax errors raise :class:`YamlError` with the line of the problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_STANDARD = "tag:yaml.org,2002:"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)     # libyaml when present: 20 times faster


class YamlError(Exception):
    """A YAML file that cannot be read; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class YamlDoc:
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    tags: dict[tuple, str] = field(default_factory=dict)

    def line(self, path: tuple = (), default: int = 1) -> int:
        """Line of the node at ``path``; falls back to the nearest ancestor, then ``default``."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def load_yaml(text: str) -> YamlDoc:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or err.context or "invalid YAML"
        return _raise(line, problem)
    except yaml.YAMLError as err:  # pragma: no cover - pyyaml raises Marked errors in practice
        return _raise(1, str(err).splitlines()[0] if str(err) else "invalid YAML")
    doc = YamlDoc(None)
    if node is None:
        return doc
    constructor = yaml.SafeLoader("")
    doc.data = _convert(node, (), doc, constructor, depth=0)
    return doc


def _raise(line: int, message: str):
    raise YamlError(line, message)


def _convert(node, path, doc, constructor, depth):
    if depth > 200:
        raise YamlError(node.start_mark.line + 1, "YAML nested too deeply")
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if not node.tag.startswith(_STANDARD):
        doc.tags[path] = node.tag
    if isinstance(node, yaml.ScalarNode):
        build = constructor.yaml_constructors.get(node.tag) if node.tag.startswith(_STANDARD) else None
        if build is None:
            return node.value
        try:
            return build(constructor, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), doc, constructor, depth + 1) for i, item in enumerate(node.value)]
    result = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, path + ("<key>",), doc, constructor, depth + 1)
        try:
            hash(key)
        except TypeError:
            raise YamlError(key_node.start_mark.line + 1, "a mapping key must be a plain value") from None
        doc.lines[path + (key,)] = key_node.start_mark.line + 1
        result[key] = _convert(value_node, path + (key,), doc, constructor, depth + 1)
        doc.lines[path + (key,)] = key_node.start_mark.line + 1
    doc.lines.pop(path + ("<key>",), None)
    return result
