"""The one mask for resident ID numbers in what a person reads (SPEC §3: terminal, HTML, md).

An 18-character ID (17 digits and a digit or X check digit) shows its first 6 and last 4
characters (`110105********1234`); a 15-digit old ID (GB 11643-1989) its first 6 and last 3
(`110105******123`). An ID is found anywhere in a text, also touching letters or Chinese
(`张三110105199001011234`), but never inside a longer run of digits. Machine outputs (json,
csv, xlsx) keep the value as the roster gave it.
"""

from __future__ import annotations

import re

_ID = re.compile(
    r"(?<![0-9])(\d{6})"  # region, never inside a longer run of digits
    r"(?:(\d{8})(\d{3}[0-9Xx])(?![0-9])"  # 18: birth date, sequence and check digit
    r"|(\d{6})(\d{3})(?![0-9Xx]))"  # 15: birth date (YYMMDD) and sequence
)


def _hide(m: re.Match[str]) -> str:
    if m.group(2) is not None:
        return m.group(1) + "*" * 8 + m.group(3)[-4:]
    return m.group(1) + "*" * 6 + m.group(5)


def mask(text: object) -> str:
    """`str(text)` with every resident ID number in it masked."""
    return _ID.sub(_hide, str(text))
