"""The rules: registered by code, selected by code or prefix, run over a document."""

from __future__ import annotations

import bisect
import functools
import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from gongwen.checks.diagnostic import Diagnostic, Severity
from gongwen.checks.profile import NOMINAL, Profile
from gongwen.document import Document

_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass
class Context:
    """What a rule sees: the document, its text, and a way to report a finding."""

    doc: Document
    code: str = ""
    severity: Severity = Severity.WARNING
    unsafe_fix: bool = False
    found: list[Diagnostic] = field(default_factory=list)
    profile: Profile = NOMINAL
    """The figures the layout rules check against."""

    def __post_init__(self) -> None:
        self.text = self.doc.to_text()
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    @functools.cached_property
    def residue(self) -> list[tuple[int, int, str]]:
        """The document's residue spans (:meth:`Document.residue`)."""
        return self.doc.residue()

    def in_residue(self, offset: int) -> bool:
        """Whether ``offset`` falls inside residue (see :attr:`residue`)."""
        spans = self.residue
        at = bisect.bisect_right(spans, (offset, float("inf"), "")) - 1
        return at >= 0 and offset < spans[at][1]

    def report(self, start: int, end: int, message: str, fix: str | None = None) -> None:
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        self.found.append(Diagnostic(
            path=self.doc.path, line=line, col=col, end_line=end_line, end_col=end_col,
            start=start, end=end, code=self.code, severity=self.severity,
            message=message, fix=fix, unsafe_fix=fix is not None and self.unsafe_fix,
        ))


RuleFunction = Callable[[Context], None]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    doc: str
    function: RuleFunction
    default: bool = True
    """Whether the rule runs when no --select names it."""
    unsafe_fix: bool = False
    """Whether its fixes may change more than the reader wants (deleting residue that
    may be wanted, rewriting a list of names): applied only on request."""


RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, *, default: bool = True, unsafe_fix: bool = False
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule. Its docstring is its documentation: a one-line summary, then
    what it checks, why, an example, and what to write instead."""

    def register(function: RuleFunction) -> RuleFunction:
        doc = inspect.cleandoc(function.__doc__ or "")
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        RULES[code] = Rule(code, severity, doc.splitlines()[0], doc, function, default, unsafe_fix)
        return function

    return register


def codes(value: str | Iterable[str] | None) -> list[str]:
    """Codes or prefixes as given: a string of them comma-separated ("GW1,gw401") or a
    sequence of strings, upper-cased and stripped."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    if not all(isinstance(item, str) for item in items):
        raise TypeError("rule codes are strings, such as 'GW1' or ['GW101', 'GW4']")
    return [item.strip().upper() for item in items if item.strip()]


def selected(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> list[Rule]:
    """Rules chosen by code or prefix (GW1, GW10, GW101), ignored ones left out. Without
    ``select``, the rules on by default; a rule off by default runs only when ``select``
    names its full code. Each takes a sequence of codes or a comma-separated string."""
    select, ignore = codes(select), codes(ignore)
    unknown = [p for p in select + ignore if not any(code.startswith(p) for code in RULES)]
    if unknown:
        raise ValueError(f"no rule code starts with {', '.join(unknown)} (see `gongwen rules`)")
    chosen = []
    for code, current in sorted(RULES.items()):
        wanted = code in select or (
            current.default and (not select or any(code.startswith(p) for p in select))
        )
        if wanted and not any(code.startswith(prefix) for prefix in ignore):
            chosen.append(current)
    return chosen


def run(doc: Document, rules: Iterable[Rule], profile: Profile = NOMINAL) -> Iterator[Diagnostic]:
    context = Context(doc, profile=profile)
    for current in rules:
        context.code, context.severity = current.code, current.severity
        context.unsafe_fix = current.unsafe_fix
        current.function(context)
    yield from sorted(context.found, key=lambda d: (d.start, d.code, d.end))
