"""Edit a copy of mkdocs.yml without losing its tags.

mkdocs.yml uses ``!ENV [SITE_URL, "..."]`` (and may use ``!!python/name:...``), which ``yaml.safe_load``
refuses. The benchmarks only need to change a few keys (the nav of a synthetic manual, the theme of the
stock comparison), so any local tag is loaded as a :class:`Tagged` value and written back unchanged.
Comments are not kept: the result is a scratch copy, never the project's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader, suffix, node):
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, "" if data.value is None else str(data.value))


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def load(path: Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}


def dump(data: dict, path: Path) -> None:
    Path(path).write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                    width=120), encoding="utf-8")


def plugin_options(config: dict, name: str) -> dict | None:
    """The options mapping of plugin `name` in `plugins:` (a list of names or one-key mappings)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        value = plugins.get(name)
        if value is None and name in plugins:
            plugins[name] = value = {}
        return value
    for i, item in enumerate(plugins):
        if item == name:
            plugins[i] = {name: {}}
            return plugins[i][name]
        if isinstance(item, dict) and name in item:
            if item[name] is None:
                item[name] = {}
            return item[name]
    return None
