"""``ih track``: interview-inclusivity tracking (adverse impact and structured-interview discipline)
from pipeline, scorecard and demographic CSV files kept in a local SQLite store (docs/tracking.md).

Privacy by construction: demographic rows live in their own table and are only read back in
aggregate (GROUP BY queries in :mod:`.store`); no message names a candidate id.
"""

from __future__ import annotations


class TrackError(Exception):
    """Bad input or an unusable store; ``str()`` is one line, ready for ``ih: error:``."""
