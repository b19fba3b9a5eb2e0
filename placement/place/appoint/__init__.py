"""Appointments (任職): filling the leadership vacancies the transfers leave (SPEC §2.1).

A pure module: the caller builds a :class:`Problem` (arrays; see ``problem.py`` for the
representation) after the transfers are placed and the appointment pins applied, calls
:func:`solve` for the optimal appointments, then :func:`alternates` for the slates and
:func:`vacancies` for the vacancies that stay open and why.
"""

from typing import TYPE_CHECKING, Any

from placement.place.appoint.problem import (
    Candidates,
    Policies,
    Problem,
    Slots,
    Units,
    pin_fits,
)

if TYPE_CHECKING:
    from placement.place.appoint.slate import Vacancy, alternates, vacancies
    from placement.place.appoint.solver import Solution, solve


def __getattr__(name: str) -> Any:
    """The solver's names on first use: OR-Tools' CP-SAT takes a second or more to import,
    which a plan whose units establish no posts should not pay."""
    if name in ("Vacancy", "alternates", "vacancies"):
        from placement.place.appoint import slate

        return getattr(slate, name)
    if name in ("Solution", "solve"):
        from placement.place.appoint import solver

        return getattr(solver, name)
    raise AttributeError(name)


__all__ = [
    "Candidates",
    "Policies",
    "Problem",
    "Slots",
    "Solution",
    "Units",
    "Vacancy",
    "alternates",
    "pin_fits",
    "solve",
    "vacancies",
]
