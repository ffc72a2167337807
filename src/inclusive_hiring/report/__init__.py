"""``ih report``: one self-contained HTML dashboard (or JSON aggregates) over many postings.

:mod:`.aggregate` computes the numbers from a lint report, :mod:`.posting` lays out each posting's
text with its findings, :mod:`.charts` turns counts into SVG geometry, :mod:`.render` fills the
Jinja templates in ``templates/report/``. docs/report.md describes the page and the JSON.
"""

#: Where rule ids link to; ``#<id>-<name>`` is the heading anchor of each rule in docs/rules.md.
DEFAULT_RULES_URL = "https://github.com/inclusive-hiring/ih/blob/main/docs/rules.md"
