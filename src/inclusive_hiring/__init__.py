"""ih: lint job postings and interview questions for exclusionary or legally risky wording."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["FileResult", "Finding", "LintReport", "__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .api import LintReport, lint_paths, lint_text
    from .results import FileResult, Finding


def __getattr__(name: str) -> Any:  # lazy: keep `import inclusive_hiring` and `ih --help` light
    if name in ("lint_text", "lint_paths", "LintReport"):
        from . import api

        return getattr(api, name)
    if name == "FileResult":
        from .results import FileResult

        return FileResult
    if name == "Finding":
        from .results import Finding

        return Finding
    raise AttributeError(name)
