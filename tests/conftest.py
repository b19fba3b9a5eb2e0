"""Shared fixtures: files written into tmp_path, a small units file, resident IDs."""

from __future__ import annotations

import pytest

from placement.load.roster.values import id_check_digit
from placement.load.units import load_units

# Four units: an organ, a rural station with tags, a bare station (no area, no
# district, no tags) and a dissolved organ merged into BGS.
UNITS_YAML = """\
units:
  - {id: BGS, name: 辦公室, kind: organ, area: urban, district: 城區, capacity: 10, tags: [x]}
  - {id: PCS-HF, name: 匯豐派出所, kind: station, area: rural, district: 東郊, tags: [complex, hardship]}
  - {id: PCS-XX, name: 西郊派出所, kind: station}
  - {id: OLD, name: 舊科, kind: organ, merged_into: BGS}
"""  # noqa: E501


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    """Outputs must not depend on the developer's terminal: no colour forcing, width or locale."""
    for name in (
        "FORCE_COLOR",
        "NO_COLOR",
        "COLUMNS",
        "LINES",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes) -> Path, under tmp_path (folders created)."""

    def _write(name: str, content: str | bytes):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def units_yaml() -> str:
    return UNITS_YAML


@pytest.fixture
def units_path(write, units_yaml):
    return write("units.yaml", units_yaml)


@pytest.fixture
def units(units_path):
    return load_units(units_path)


def make_resident_id(birth: str, area: str = "110105", seq: str = "123") -> str:
    """An 18-character resident ID with a correct check digit; birth is YYYYMMDD."""
    first17 = area + birth + seq
    return first17 + id_check_digit(first17)


@pytest.fixture
def resident_id():
    return make_resident_id
