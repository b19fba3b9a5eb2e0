"""Safe YAML with positions.

The document is composed into a node tree (no object construction), walked into
plain Python values, and every value's line and column is remembered by its path
so that later checks can say `file:line:col`. Aliases are refused (so an alias
bomb costs nothing), duplicate keys and non-standard tags are errors, and nesting
is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import InputError, Problem

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
    pos: dict = field(default_factory=dict)  # path -> (line, col) of the value
    keypos: dict = field(default_factory=dict)  # path -> (line, col) of the key

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

    def problem(self, path: Path, code: str, message: str, hint: str = "",
                key: bool = False, severity: str = "error") -> Problem:
        line, col = self.where(path, key)
        return Problem(self.file, line, col, code, message, hint, severity)


class _Loader(yaml.SafeLoader):
    """Composer that refuses aliases and bounds depth while the tree is built."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_yaml(text: str | bytes, file: str) -> YamlDoc:
    """Parse one YAML document; raise InputError with file:line:col on any problem."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise InputError(Problem(file, 0, 0, "yaml-too-large",
                                     f"file is larger than {MAX_BYTES // 1048576} MiB"))
        if b"\x00" in text:
            raise InputError(Problem(file, 0, 0, "yaml-binary",
                                     "file is binary (contains NUL bytes), not YAML"))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(Problem(file, 0, 0, "yaml-encoding",
                                     f"not UTF-8 text (byte {e.start})")) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = " ".join(str(x) for x in (e.context, e.problem) if x)
        if "\t" in msg or "found character '\\t'" in msg:
            msg += " (use spaces for indentation, not tabs)"
        raise InputError(Problem(file, line, col, "yaml-syntax", msg)) from None
    except yaml.YAMLError as e:
        raise InputError(Problem(file, 0, 0, "yaml-syntax", str(e))) from None
    except RecursionError:
        raise InputError(Problem(file, 0, 0, "yaml-syntax", "document nested too deeply")) from None
    finally:
        loader.dispose()
    doc = YamlDoc(file, None)
    problems: list[Problem] = []
    if node is None:
        doc.data = None
        return doc
    doc.data = _walk(node, (), doc, problems, loader)
    if problems:
        raise InputError(problems)
    return doc


def _walk(node: Node, path: Path, doc: YamlDoc, problems: list, loader) -> object:
    doc.pos[path] = _mark(node)
    if node.tag not in _STANDARD_TAGS and not node.tag.startswith("tag:yaml.org,2002:"):
        line, col = _mark(node)
        problems.append(Problem(doc.file, line, col, "yaml-tag",
                                f"tag {node.tag} is not allowed"))
        return None
    if isinstance(node, ScalarNode):
        if node.tag not in _STANDARD_TAGS:
            line, col = _mark(node)
            problems.append(Problem(doc.file, line, col, "yaml-tag",
                                    f"tag {node.tag} is not allowed"))
            return None
        try:
            return loader.construct_object(node, deep=False)
        except (yaml.YAMLError, ValueError, OverflowError) as e:
            line, col = _mark(node)
            problems.append(Problem(doc.file, line, col, "yaml-value",
                                    f"cannot read {node.value!r}: {e}"))
            return None
    if isinstance(node, SequenceNode):
        return [_walk(child, path + (i,), doc, problems, loader)
                for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node)
                problems.append(Problem(doc.file, line, col, "yaml-key",
                                        "mapping keys must be plain scalars"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                problems.append(Problem(doc.file, line, col, "yaml-key",
                                        "merge keys (<<) are not allowed"))
                continue
            key = key_node.value
            if key_node.tag == "tag:yaml.org,2002:int":
                key = loader.construct_object(key_node)
            if key in out:
                line, col = _mark(key_node)
                first = doc.keypos.get(path + (key,), (0, 0))[0]
                problems.append(Problem(doc.file, line, col, "duplicate-key",
                                        f"key '{key}' appears twice (first at line {first})"))
                continue
            doc.keypos[path + (key,)] = _mark(key_node)
            out[key] = _walk(value_node, path + (key,), doc, problems, loader)
        return out
    return None
