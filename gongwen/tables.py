"""The document grammar as Lark compiles it, kept as plain data: each terminal's regular
expression with what orders it, and the LALR(1) parse table with its rules.

This is the one module that reads Lark's compiled objects (the parse table is private
to Lark); the lexer and the parser take these tables. Being plain data they are cached
as JSON, so a process starts without unpickling anything or rebuilding Lark's objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lark import Lark
from lark.grammar import Rule as LarkRule
from lark.parsers.lalr_analysis import Shift


@dataclass(frozen=True)
class Terminal:
    """A terminal: its name, its regular expression, and what decides which of two
    terminals matching at the same place Lark's lexer tries first."""

    name: str
    regexp: str
    priority: int
    max_width: int
    """The longest text the pattern can match (Lark's measure)."""
    length: int
    """The length of the pattern as written."""

    @property
    def order(self) -> tuple[int, int, int, str]:
        """Lark's order of trial: priority, then the longest pattern, then the name."""
        return -self.priority, -self.max_width, -self.length, self.name


@dataclass(frozen=True)
class Rule:
    """A rule as the parser reduces it."""

    name: str
    alias: str | None
    size: int
    """How many symbols it takes from the stack."""
    splice: tuple[bool, ...] | None
    """Which of its children are themselves spliced in (rules named ``_x``, Lark's
    helpers for ``x*``); None when none is."""


@dataclass(frozen=True)
class Tables:
    """The terminals (in the grammar's order) and the LALR(1) table of the start rule:
    per state, per symbol, an action: ``next state << 1 | 1`` to shift (or, after a
    reduction, to go to), ``rule << 1`` to reduce (one int: read from JSON as it is)."""

    terminals: tuple[Terminal, ...]
    states: dict[int, dict[str, int]]
    rules: tuple[Rule, ...]
    start: int
    end: int

    def terminal(self, name: str) -> Terminal:
        return next(t for t in self.terminals if t.name == name)

    def to_json(self) -> bytes:
        return json.dumps({
            "terminals": [[t.name, t.regexp, t.priority, t.max_width, t.length] for t in self.terminals],
            "states": self.states,
            "rules": [[r.name, r.alias, r.size, r.splice] for r in self.rules],
            "start": self.start, "end": self.end,
        }, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Tables:
        """The tables :meth:`to_json` wrote; ValueError, KeyError or TypeError for
        anything else."""
        raw = json.loads(data.decode("utf-8"))
        return cls(
            tuple(Terminal(str(n), str(r), int(p), int(w), int(s)) for n, r, p, w, s in raw["terminals"]),
            {int(state): actions for state, actions in raw["states"].items()},
            tuple(Rule(str(n), None if a is None else str(a), int(s),
                       None if splice is None else tuple(bool(x) for x in splice))
                  for n, a, s, splice in raw["rules"]),
            int(raw["start"]), int(raw["end"]),
        )


def tables_of(parser: Lark) -> Tables:
    """The tables of a grammar Lark compiled for LALR with the basic lexer. A rule in a
    form the parser does not apply (``?rule``, ``!rule``, ``[x]``, templates) is refused
    with ValueError."""
    table = parser.parser.parser._parse_table
    numbered: dict[LarkRule, int] = {}
    rules: list[Rule] = []
    states: dict[int, dict[str, int]] = {}
    for state, actions in table.states.items():
        states[state] = {}
        for symbol, (action, arg) in actions.items():
            if action is Shift:
                states[state][symbol] = arg << 1 | 1
                continue
            if arg not in numbered:
                numbered[arg] = len(rules)
                rules.append(_rule(arg))
            states[state][symbol] = numbered[arg] << 1
    terminals = tuple(Terminal(t.name, t.pattern.to_regexp(), t.priority, t.pattern.max_width,
                               len(t.pattern.value)) for t in parser.terminals)
    return Tables(terminals, states, tuple(rules), table.start_states["start"], table.end_states["start"])


def _rule(rule: LarkRule) -> Rule:
    options = rule.options
    if options.expand1 or options.keep_all_tokens or options.empty_indices or options.template_source:
        raise ValueError(f"rule {rule} uses a form this parser does not apply (?rule, !rule, [x], templates)")
    splice = tuple(not symbol.is_term and symbol.name.startswith("_") for symbol in rule.expansion)
    return Rule(rule.origin.name, rule.alias, len(rule.expansion), splice if any(splice) else None)
