"""Writing outputs safely: atomic, never over an input, formulas neutralised."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from placement.messages.registry import Message
from placement.problems import InputError, problem

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A spreadsheet cell that would start a formula gets a leading apostrophe; a Message
    becomes its English text (machine formats carry English)."""
    if isinstance(value, Message):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


RULE_SUFFIXES = (".yaml", ".yml")  # the files a rules folder is read from (load/rules/load.py)


def guard(out: Path, inputs: list[str | Path | None]) -> Path:
    """`out` when it may be written: InputError when it names an input (file or folder,
    `output-is-input`) — a rule file inside an input folder (`rules/00-bureau.yaml` when
    `--rules rules`) included, since the folder is read whole — or its folder does not exist
    (`output-folder-missing`)."""
    out = Path(out)
    target = out.resolve()
    for p in inputs:
        if not p or not Path(p).exists():
            continue
        source = Path(p).resolve()
        read = source.is_dir() and target.parent == source and target.suffix in RULE_SUFFIXES
        if source == target or read:
            shown = str(Path(p) / out.name) if read else str(p)
            raise InputError(problem("output-is-input", str(out), path=shown))
    if not target.parent.exists():
        raise InputError(problem("output-folder-missing", str(out), folder=str(out.parent)))
    return out


def write_atomic(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then rename it into place."""
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)  # an ordinary file, not mkstemp's private 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def to_json(doc) -> bytes:
    """UTF-8 JSON, indented, keys in document order; orjson for speed on province-sized plans."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; stay usable without it
        return (json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
    return orjson.dumps(
        doc,
        option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_PASSTHROUGH_DATACLASS,
        default=str,
    )
