"""One module per output format; each is a pure function of the report. Formatters know nothing
about rules: they see only :class:`~inclusive_hiring.finding.Finding` objects and metrics."""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("human", "concise", "json")
