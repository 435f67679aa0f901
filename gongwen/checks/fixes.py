"""Apply the fixes of findings to a text: each replaces the characters its finding names
(``start``–``end``) with ``fix``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gongwen.checks.diagnostic import Diagnostic

_ROUNDS = 10  # fixes that overlapped one taken get their turn in the next round


@dataclass(frozen=True)
class Fixed:
    """A text with fixes applied, and which findings were fixed."""

    text: str
    applied: list[Diagnostic]


def apply_fixes(text: str, findings: Iterable[Diagnostic], *, unsafe: bool = False) -> Fixed:
    """``text`` with the fixes of ``findings`` applied: the safe ones (``unsafe``: all).
    A fix is left out where a finding without a fix covers the same characters (a
    person must look there first), or where it overlaps a fix already taken."""
    findings = list(findings)
    held = sorted((d.start, d.end) for d in findings if d.fix is None)
    taken: list[Diagnostic] = []
    end = -1
    for finding in sorted((d for d in findings if d.fix is not None and (unsafe or not d.unsafe_fix)),
                          key=lambda d: (d.start, d.end)):
        if finding.start < end or any(_overlap(finding, span) for span in held):
            continue
        taken.append(finding)
        end = max(finding.end, finding.start + 1)
    pieces: list[str] = []
    position = 0
    for finding in taken:
        pieces += [text[position:finding.start], finding.fix or ""]
        position = finding.end
    pieces.append(text[position:])
    return Fixed("".join(pieces), taken)


def _overlap(finding: Diagnostic, span: tuple[int, int]) -> bool:
    start, end = span
    return finding.start < max(end, start + 1) and start < max(finding.end, finding.start + 1)


def fix_until_done(text: str, findings_of: Callable[[str], list[Diagnostic]], *,
                   unsafe: bool = False) -> tuple[str, int]:
    """Fix ``text`` round after round (each round checks the text again with
    ``findings_of``) until no fix is left to take; the text, and how many fixes were
    applied."""
    count = 0
    for _ in range(_ROUNDS):
        fixed = apply_fixes(text, findings_of(text), unsafe=unsafe)
        if not fixed.applied:
            break
        text, count = fixed.text, count + len(fixed.applied)
    return text, count
