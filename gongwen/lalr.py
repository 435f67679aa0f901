"""Run the LALR(1) tables Lark compiled from document.lark, calling the tree builder.

Lark's own loop passes every reduction through generic callbacks (child filters,
a tree object for each inlined rule) that cost a fifth of a parse. The grammar
uses only two shapes of rule, which this loop applies directly: a rule whose
name starts with ``_`` (and each helper Lark makes for ``x*``) is spliced into
the rule that contains it, as Lark does; any other rule calls the builder's
method of that name (or alias) with its children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lark import Lark, Token
from lark.exceptions import UnexpectedToken
from lark.grammar import Rule
from lark.parsers.lalr_analysis import Shift

_END = "$END"


class LALRParser:
    """Lark's parse table for the start rule, driven over a stream of tokens."""

    def __init__(self, compiled: Lark, builder: type) -> None:
        table = compiled.parser.parser._parse_table
        self.states: dict[int, dict[str, tuple[Any, Any]]] = table.states
        self.start_state: int = table.start_states["start"]
        self.end_state: int = table.end_states["start"]
        rules = {arg for actions in self.states.values() for action, arg in actions.values()
                 if action is not Shift}
        self.reductions = {rule: _reduction(rule, builder) for rule in rules}

    def parse(self, tokens: Iterable[Token], builder: object) -> object:
        """Parse ``tokens``, calling the methods of ``builder`` (an instance of the class
        the parser was made with) as rules are reduced."""
        states, reductions = self.states, self.reductions
        state_stack = [self.start_state]
        value_stack: list[Any] = []
        last = None
        for token in tokens:
            last = token
            while True:
                try:
                    action, arg = states[state_stack[-1]][token.type]
                except KeyError:
                    raise _unexpected(states[state_stack[-1]], token) from None
                if action is Shift:
                    state_stack.append(arg)
                    value_stack.append(token)
                    break
                _reduce(reductions[arg], builder, states, state_stack, value_stack)
        end = Token(_END, "", 0, getattr(last, "line", 1))
        while True:
            try:
                action, arg = states[state_stack[-1]][_END]
            except KeyError:
                raise _unexpected(states[state_stack[-1]], end) from None
            _reduce(reductions[arg], builder, states, state_stack, value_stack)
            if state_stack[-1] == self.end_state:
                return value_stack[-1]


Reduction = tuple[int, str, "tuple[bool, ...] | None", "Callable[[Any, list[Any]], Any] | None"]


def _reduction(rule: Rule, builder: type) -> Reduction:
    """How to reduce ``rule``: its length, name, which children to splice, and the
    builder class's method to call (None for a rule that is itself spliced)."""
    options = rule.options
    if options.expand1 or options.keep_all_tokens or options.empty_indices or options.template_source:
        raise ValueError(f"rule {rule} uses a form this parser does not apply (?rule, !rule, [x], templates)")
    splice = tuple(not symbol.is_term and symbol.name.startswith("_") for symbol in rule.expansion)
    name = rule.origin.name
    call = None if name.startswith("_") else getattr(builder, rule.alias or name)
    return len(rule.expansion), name, splice if any(splice) else None, call


def _unexpected(actions: dict[str, tuple[Any, Any]], token: Token) -> UnexpectedToken:
    expected = {name for name in actions if name.isupper()}
    return UnexpectedToken(token, expected)  # type: ignore[no-untyped-call]


def _reduce(
    reduction: Reduction, builder: object, states: dict[int, dict[str, tuple[Any, Any]]],
    state_stack: list[int], value_stack: list[Any],
) -> None:
    size, name, splice, call = reduction
    if size:
        children = value_stack[-size:]
        del value_stack[-size:]
        del state_stack[-size:]
    else:
        children = []
    if splice is not None:
        # x* is left-recursive (list: list x): grow the first list rather than copy it,
        # or a long list would cost its length squared
        flat: list[Any] = children[0] if splice[0] else [children[0]]
        for child, spliced in zip(children[1:], splice[1:], strict=True):
            if spliced:
                flat.extend(child)
            else:
                flat.append(child)
        children = flat
    state_stack.append(states[state_stack[-1]][name][1])
    value_stack.append(children if call is None else call(builder, children))
