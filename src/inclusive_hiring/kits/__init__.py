"""Structured interview kits: a spec (role, competencies, stages, panel) in, printable kit out.

Import the submodules you need; this package imports nothing heavy so that ``ih --help`` stays
instant (Jinja is loaded only by :mod:`.render`).

- :mod:`.library`: the competency library (shipped plus organisation additions and overrides)
- :mod:`.spec`: the kit spec, validated with file:line messages
- :mod:`.mapping`: a job posting to a starter spec
- :mod:`.plan`: competencies to stages, interviewers and time boxes
- :mod:`.render`: Jinja templates to Markdown or one printable HTML file
- :mod:`.write`: atomic, all-or-nothing writes
"""

from __future__ import annotations


class KitError(Exception):
    """Bad input for a kit (spec, posting, template, output directory); ``str()`` is one line."""
