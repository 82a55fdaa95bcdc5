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


# libyaml's parser when PyYAML has it (about ten times faster on a large directory). Values are
# built straight from its events, keeping the line of each: PyYAML's own loading first composes
# a graph of every node of the file with two marks each, about forty times the file's size in
# memory (an 11 MB directory took 500 MB to read), only to throw it away.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates are checked by the models, which can say which field holds a bad one.
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _Syntax(Exception):
    def __init__(self, line: int, problem: str):
        self.line, self.problem = line, problem


def _scalar(loader: _Loader, event: yaml.ScalarEvent):
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    constructor = loader.yaml_constructors.get(tag, loader.yaml_constructors.get(None))
    return constructor(loader, yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))


def _value(loader: _Loader, anchors: dict, path):
    """The next value of the event stream: a scalar, or a Node or Items built item by item."""
    event = loader.get_event()
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent):
        if event.anchor not in anchors:
            raise _Syntax(line, f"found undefined alias {event.anchor!r}")
        return anchors[event.anchor]
    if isinstance(event, yaml.ScalarEvent):
        value = _scalar(loader, event)
    elif isinstance(event, yaml.SequenceStartEvent):
        value = Items()
        value.line = line
        while not loader.check_event(yaml.SequenceEndEvent):
            value.lines.append(loader.peek_event().start_mark.line + 1)
            value.append(_value(loader, anchors, path))
        loader.get_event()
    elif isinstance(event, yaml.MappingStartEvent):
        value = Node()
        value.line = line
        while not loader.check_event(yaml.MappingEndEvent):
            key_line = loader.peek_event().start_mark.line + 1
            key = _value(loader, anchors, path)
            if isinstance(key, (dict, list)):
                raise _Syntax(key_line, "a key must be a plain value")
            if key in value:
                raise ContentError(path, key_line, str(key), "appears twice")
            value.lines[key] = loader.peek_event().start_mark.line + 1
            value[key] = _value(loader, anchors, path)
        loader.get_event()
    else:  # pragma: no cover - the parser never puts another event where a value starts
        raise _Syntax(line, f"unexpected {type(event).__name__}")
    if getattr(event, "anchor", None):
        anchors[event.anchor] = value
    return value


def load(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, 0, "(file)", "is missing") from None
    except UnicodeDecodeError as exc:
        raise ContentError(path, 1, "(file)", f"is not UTF-8 text ({exc.reason})") from None
    return loads(text, path)


def loads(text: str, path: Path | str) -> object:
    """The YAML `text` (one document, or none) read as the file `path`, which its problems
    name, would be."""
    loader = _Loader(text)
    loader.name = str(path)
    # A large file (a regional directory) builds many containers and no cycles: the cyclic
    # garbage collector would only slow the load (about threefold for 10,000 entries).
    collecting = gc.isenabled()
    gc.disable()
    try:
        loader.get_event()                                   # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()                                   # document start
        data = _value(loader, {}, str(path))
        loader.get_event()                                   # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise _Syntax(loader.peek_event().start_mark.line + 1,
                          "expected a single document in the stream, but found another document")
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ContentError(path, line, "(syntax)", exc.problem or str(exc)) from None
    except _Syntax as exc:
        raise ContentError(path, exc.line, "(syntax)", exc.problem) from None
    finally:
        if collecting:
            gc.enable()
        loader.dispose()
