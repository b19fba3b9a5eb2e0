"""Appointments (任職): filling the leadership vacancies the transfers leave (SPEC §2.1).

A pure module: the caller builds a :class:`Problem` (arrays; see ``problem.py`` for the
representation) after the transfers are placed and the appointment pins applied, calls
:func:`solve` for the optimal appointments, then :func:`alternates` for the slates and
:func:`vacancies` for the vacancies that stay open and why.
"""

from placement.place.appoint.problem import (
    Candidates,
    Policies,
    Problem,
    Slots,
    Units,
    pin_fits,
)
from placement.place.appoint.slate import Vacancy, alternates, vacancies
from placement.place.appoint.solver import Solution, solve

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
