"""The checker: rules with stable codes (GW1xx hierarchy, GW2xx parts and formulas,
GW3xx residue, GW4xx characters, GW5xx formal parts of 公文, GW6xx the layout of a Word
file by the role of each part) run over a parsed document."""

from __future__ import annotations

from collections.abc import Iterable

from gongwen.checks import characters, formal, formulas, hierarchy, layout, residue
from gongwen.checks.diagnostic import Diagnostic, Severity
from gongwen.checks.profile import NOMINAL, Profile, load_profile
from gongwen.checks.registry import RULES, Rule, run, selected
from gongwen.document import Document

__all__ = ["NOMINAL", "RULES", "Diagnostic", "Profile", "Rule", "Severity", "check", "load_profile"]
_RULE_MODULES = (characters, formal, formulas, hierarchy, layout, residue)  # importing them registers rules


def check(
    doc: Document, select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None,
    profile: Profile = NOMINAL,
) -> list[Diagnostic]:
    """The findings of the selected rules on ``doc``, in text order. ``select`` and
    ``ignore`` take codes or prefixes, as a sequence or a comma-separated string ("GW5");
    an unknown one raises ValueError. ``profile``: the figures the layout rules check
    (GB/T 9704-2012's, or :func:`load_profile`'s)."""
    return list(run(doc, selected(select, ignore), profile))
