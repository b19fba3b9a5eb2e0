"""Messages as values: one registry of codes, templates per language, rendered at the edge.

Import `define`, `Kind`, `Severity` in a catalogue module under
`placement/messages/catalog/` (one module per pipeline stage, so that parallel work
touches different files) and `Message`, `render` wherever a message is made or shown.
Importing this package loads every catalogue, so `REGISTRY` is complete.
"""

from __future__ import annotations

from placement.messages import catalog as _catalog  # noqa: F401  (fills REGISTRY)
from placement.messages.registry import REGISTRY, Code, Kind, Message, Severity, define
from placement.messages.render import render, template_fields

__all__ = ["REGISTRY", "Code", "Kind", "Message", "Severity", "define", "render", "template_fields"]
