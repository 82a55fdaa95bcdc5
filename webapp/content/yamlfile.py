"""Read a YAML content file keeping the line of every value, so that validation errors can
name the file, the line and the field."""

from __future__ import annotations

import gc
from pathlib import Path

import yaml


class ContentError(Exception):
    """A content file is broken. The message reads `file:line: field: problem`."""

    def __init__(self, path: Path | str, line: int, field: str, problem: str):
        self.path, self.line, self.field, self.problem = str(path), line, field, problem
        super().__init__(f"{self.path}:{line}: {field}: {problem}")


class Node(dict):
    """A mapping that remembers the line of itself and of each of its values."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Items(list):
    """A sequence that remembers the line of each item."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list[int] = []


# libyaml's parser when PyYAML has it (about ten times faster on a large directory), with the
# same line-keeping constructors as the pure-Python one.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise ContentError(loader.name, key_node.start_mark.line + 1, str(key), "appears twice")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = value_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Items:
    result = Items()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates are checked by the models, which can say which field holds a bad one.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def load(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, 0, "(file)", "is missing") from None
    except UnicodeDecodeError as exc:
        raise ContentError(path, 1, "(file)", f"is not UTF-8 text ({exc.reason})") from None
    loader = _Loader(text)
    loader.name = str(path)
    # A large file (a regional directory) builds many containers and no cycles: the cyclic
    # garbage collector would only slow the load (about threefold for 10,000 entries).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ContentError(path, line, "(syntax)", exc.problem or str(exc)) from None
    finally:
        if collecting:
            gc.enable()
        loader.dispose()
