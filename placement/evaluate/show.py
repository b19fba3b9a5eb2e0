"""The one formatter of condition values in reasons, traces and explanations.

`show_value` is the record form (for `explain` and rule tests); `compile.shown` is its column
form over a frame, kept equal to it by `tests/test_engine_property.py`.
"""

from __future__ import annotations

from placement.load.schema import FieldType
from placement.load.vocab import Vocabulary


def show_value(v: object, ftype: FieldType, vocab: Vocabulary | None = None) -> str:
    """A literal or an officer's value as a reason prints it.

    A tuple (the literal of in/not_in) as `[a, b]`; a vocabulary term as its label
    (`deputy_section (副科)`) when a vocabulary is given; booleans as yes/no; whole floats
    without `.0` (`38`, not `38.0`);
    dates ISO (YYYY-MM-DD); anything else as `str`.
    """
    if isinstance(v, tuple):
        return "[" + ", ".join(show_value(x, ftype, vocab) for x in v) + "]"
    if ftype.kind == "term" and vocab is not None and isinstance(v, str):
        return vocab.label(ftype.vocab, v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
