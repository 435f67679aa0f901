"""A finding of the checker."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict


class Severity(str, Enum):
    """How serious a finding is: a standard broken, a practice ignored, or a note."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def weight(self) -> int:
        return _WEIGHTS[self]


_WEIGHTS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Diagnostic(BaseModel):
    """One finding: where, which rule, what is wrong, and what to write instead."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str | None
    """The file checked; None for text."""
    line: int
    """Line of the first character concerned (1-based)."""
    col: int
    """Column of that character (1-based, in characters)."""
    end_line: int
    end_col: int
    """Column just past the last character concerned (1-based, exclusive)."""
    start: int
    """Offset of the first character concerned in the text."""
    end: int
    code: str
    """The rule's code, e.g. GW101; codes never change meaning."""
    severity: Severity
    message: str
    """What is wrong, quoting the text concerned."""
    fix: str | None = None
    """What to write instead of the text from ``start`` to ``end``, when there is one
    answer."""
    unsafe_fix: bool = False
    """The fix may change more than the finding names (``check --fix`` applies it only
    with ``--unsafe-fixes``)."""

    def format(self) -> str:
        """``path:line:col: CODE message``."""
        return f"{self.path or '-'}:{self.line}:{self.col}: {self.code} {self.message}"
