"""Safe YAML with positions.

The document is composed into a node tree (no object construction), walked into
plain Python values, and every value's line and column is remembered by its path
so that later checks can say `file:line:col`. Aliases are refused (so an alias
bomb costs nothing), duplicate keys and non-standard tags are errors, and nesting
is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from placement.messages.registry import Message
from placement.problems import InputError, Problem, problem

MAX_DEPTH = 40
MAX_BYTES = 20 * 1024 * 1024
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

Path = tuple


@dataclass
class YamlDoc:
    """A loaded document: its data and where each value came from."""

    file: str
    data: object
    pos: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (line, col) of value
    keypos: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> of the key

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        table = self.keypos if key else self.pos
        while path:
            if path in table:
                return table[path]
            if not key and path in self.keypos:
                return self.keypos[path]
            path = path[:-1]
        return self.pos.get((), (1, 1))

    def problem(
        self,
        path: Path,
        code: str,
        /,
        message: Message | None = None,
        hint: Message | str = "",
        key: bool = False,
        **fields: object,
    ) -> Problem:
        """A problem of `code` at the position of `path` in the document (its key's with
        `key`); the message is `message`, else the code's template over `fields`."""
        line, col = self.where(path, key)
        return problem(code, self.file, line, col, hint=hint, message=message, **fields)


def _syntax(file: str, line: int, col: int, sentence: str, **fields: object) -> Problem:
    """A `yaml-syntax` problem whose message is the declared `sentence`."""
    return problem("yaml-syntax", file, line, col, message=Message(sentence, fields))


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark(obj: Any) -> tuple[int, int]:  # a yaml Node or Event
    return obj.start_mark.line + 1, obj.start_mark.column + 1


def load_yaml(text: str | bytes, file: str) -> YamlDoc:
    """Parse one YAML document; raise InputError with file:line:col on any problem.

    The document is read as a stream of parser events (libyaml when present) and
    built here, iteratively: no recursion, no object construction, no aliases.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise InputError(problem("yaml-too-large", file, mib=MAX_BYTES // 1048576))
        if b"\x00" in text:
            raise InputError(problem("yaml-binary", file))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(problem("yaml-encoding", file, byte=e.start)) from None
    doc = YamlDoc(file, None)
    loader = _Base(text)
    try:
        doc.data = _build(loader, doc)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = " ".join(str(x) for x in (e.context, e.problem) if x)
        tabs = bool(mark and _tab_at(text, mark.line))
        raise InputError(_syntax(file, line, col, "yaml-parser", detail=msg, tabs=tabs)) from None
    except yaml.YAMLError as e:
        raise InputError(_syntax(file, 0, 0, "yaml-parser", detail=str(e), tabs=False)) from None
    finally:
        loader.dispose()
    return doc


def _tab_at(text: str, line: int) -> bool:
    lines = text.splitlines()
    return (
        0 <= line < len(lines)
        and "\t" in lines[line][: len(lines[line]) - len(lines[line].lstrip())]
    )


class _Frame:
    __slots__ = ("value", "path", "key", "key_mark", "is_map")

    def __init__(self, value: Any, path: Path, is_map: bool) -> None:
        self.value, self.path, self.is_map = value, path, is_map
        self.key: Any = _NO_KEY
        self.key_mark: tuple[int, int] | None = None


_NO_KEY = object()


_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_SKIP = (yaml.StreamStartEvent, yaml.DocumentEndEvent)


def _build(loader: Any, doc: YamlDoc) -> object:
    """Build the value from the event stream. Dispatch is on the event's class, most
    frequent first: a 2,000-unit file has tens of thousands of scalars."""
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root = None
    seen_doc = False
    pos = doc.pos
    get_event = loader.get_event
    while True:
        event = get_event()
        cls = event.__class__ if event is not None else None
        parent = stack[-1] if stack else None
        if cls is _SCALAR:
            m = event.start_mark
            mark = (m.line + 1, m.column + 1)
            if parent is not None and parent.is_map and parent.key is _NO_KEY:
                if event.value == "<<" and event.implicit[0]:
                    raise InputError(
                        problem("yaml-key", doc.file, *mark, message=Message("yaml-merge-key"))
                    )
                parent.key, parent.key_mark = (
                    _scalar(loader, event, doc, problems, as_key=True),
                    mark,
                )
                continue
            value = _scalar(loader, event, doc, problems)
            if parent is None:
                pos[()] = mark
                return value
            if parent.is_map:
                path = parent.path + (parent.key,)
                pos[path] = mark
                _place_key(parent, value, path, doc, problems)
            else:
                path = parent.path + (len(parent.value),)
                pos[path] = mark
                parent.value.append(value)
            continue
        if cls in _ENDS:
            frame = stack.pop()
            if stack:
                top = stack[-1]
                if top.is_map:
                    _place_key(top, frame.value, frame.path, doc, problems)
                else:
                    top.value.append(frame.value)
            else:
                root = frame.value
            continue
        if event is None or cls is yaml.StreamEndEvent:
            break
        if cls in _SKIP:
            continue
        if cls is yaml.DocumentStartEvent:
            if seen_doc:
                line, col = _mark(event)
                raise InputError(_syntax(doc.file, line, col, "yaml-second-document"))
            seen_doc = True
            continue
        if cls is yaml.AliasEvent:
            line, col = _mark(event)
            raise InputError(_syntax(doc.file, line, col, "yaml-alias"))
        # the start of a mapping or a sequence
        if parent is not None and parent.is_map and parent.key is _NO_KEY:
            line, col = _mark(event)
            raise InputError(
                problem("yaml-key", doc.file, line, col, message=Message("key-not-scalar"))
            )
        path = _child_path(parent)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _STANDARD_TAGS:
            problems.append(problem("yaml-tag", doc.file, *_mark(event), tag=tag))
        if len(stack) >= MAX_DEPTH:
            line, col = _mark(event)
            raise InputError(_syntax(doc.file, line, col, "yaml-too-deep", levels=MAX_DEPTH))
        pos[path] = _mark(event)
        stack.append(_Frame({} if cls is _MAP_START else [], path, cls is _MAP_START))
    if problems:
        raise InputError(problems)
    return root


def _child_path(parent: _Frame | None) -> tuple:
    if parent is None:
        return ()
    if parent.is_map:
        return parent.path + (parent.key,)
    return parent.path + (len(parent.value),)


def _place_key(
    parent: _Frame, value: Any, path: Path, doc: YamlDoc, problems: list[Problem]
) -> None:
    key = parent.key
    parent.key = _NO_KEY
    if key in parent.value:
        first = doc.keypos.get(path, (0, 0))[0]
        problems.append(
            problem("duplicate-key", doc.file, *(parent.key_mark or (0, 0)), key=key, first=first)
        )
        return
    if parent.key_mark is not None:  # always, with a key
        doc.keypos[path] = parent.key_mark
    parent.value[key] = value


# first characters of the plain scalars that YAML 1.1 may read as other than text
_MAYBE_TYPED = frozenset("yYnNtTfFoO-+0123456789.<~=")


def _scalar(
    loader: Any,
    event: Any,
    doc: YamlDoc,
    problems: list[Problem],
    as_key: bool = False,
) -> object:
    tag, value = event.tag, event.value
    if tag is None:  # the common cases without the resolver's regular expressions
        if not event.implicit[0] or (value and value[0] not in _MAYBE_TYPED):
            return value  # quoted, block, or plain text that cannot be a number, bool, null or date
        if value.isascii() and value.isdigit() and (value[0] != "0" or value == "0"):
            return int(value)
    if tag is None or tag == "!":
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
    if tag not in _STANDARD_TAGS:
        problems.append(problem("yaml-tag", doc.file, *_mark(event), tag=tag))
        return None
    if as_key and tag != "tag:yaml.org,2002:int":
        return event.value
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return loader.construct_object(node, deep=False)
    except (yaml.YAMLError, ValueError, OverflowError) as e:
        problems.append(
            problem("yaml-value", doc.file, *_mark(event), value=repr(event.value), detail=str(e))
        )
        return None
