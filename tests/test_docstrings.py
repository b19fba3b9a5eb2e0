"""Every public function and method of the core has a docstring (issue 12 item 7).

Public: a name without a leading underscore, defined in the module (not imported), in the
packages load, evaluate, place, commands and messages; methods and properties of public
classes count too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator

CORE = [
    "placement.load",
    "placement.evaluate",
    "placement.place",
    "placement.commands",
    "placement.messages",
]


def _modules() -> Iterator[str]:
    for name in CORE:
        package = importlib.import_module(name)
        yield name
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            yield info.name


def _public(module: str) -> Iterator[tuple[str, Callable[..., object]]]:
    mod = importlib.import_module(module)
    for name, obj in vars(mod).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module:
            continue
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if isinstance(member, property):
                    member = member.fget
                if inspect.isfunction(member):
                    yield f"{name}.{attr}", member


def test_core_is_walked():
    modules = list(_modules())
    assert "placement.place.plan" in modules and "placement.load.rules.load" in modules
    assert "placement.load.roster.load" in modules and "placement.load.roster.read" in modules
    names = {n for m in modules for n, _ in _public(m)}
    assert {"make_plan", "Rule.in_force", "Units.kept", "read_roster", "RawTable.where"} <= names


def test_every_public_function_of_the_core_has_a_docstring():
    missing = [
        f"{module}.{name}"
        for module in _modules()
        for name, fn in _public(module)
        if not (fn.__doc__ or "").strip()
    ]
    assert not missing, "public functions without a docstring:\n" + "\n".join(missing)
