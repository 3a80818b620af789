"""Edit a scratch copy of mkdocs.yml without losing its tags.

mkdocs.yml uses ``!ENV [SITE_URL, "..."]``, which ``yaml.safe_load`` refuses. It is read with the checks'
own loader (:func:`scripts.yamlfile.load_yaml`, which records each local tag by its path); here every
tagged node becomes a :class:`Tagged` value, so that the benchmarks can change a few keys (the nav of a
synthetic manual, the theme of the stock comparison) and write the tags back unchanged. Comments are not
kept: the result is a scratch copy, never the project's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.yamlfile import load_yaml


@dataclass
class Tagged:
    tag: str
    value: Any


class _Dumper(yaml.SafeDumper):
    pass


def _represent(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, "" if data.value is None else str(data.value))


_Dumper.add_representer(Tagged, _represent)


def load(path: Path) -> dict:
    doc = load_yaml(Path(path).read_text(encoding="utf-8"))
    data = doc.data or {}
    # deepest first: a tagged node inside a tagged node is wrapped before its parent is
    for node_path, tag in sorted(doc.tags.items(), key=lambda item: -len(item[0])):
        if "<key>" in node_path:
            continue
        if not node_path:
            data = Tagged(tag, data)
            continue
        parent = data
        for step in node_path[:-1]:
            parent = parent[step]
        parent[node_path[-1]] = Tagged(tag, parent[node_path[-1]])
    return data


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
