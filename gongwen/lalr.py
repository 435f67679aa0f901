"""Run the LALR(1) table Lark compiled from document.lark (see :mod:`gongwen.tables`),
calling the tree builder.

Lark's own loop passes every reduction through generic callbacks (child filters,
a tree object for each inlined rule) that cost a fifth of a parse. The grammar
uses only two shapes of rule, which this loop applies directly: a rule whose
name starts with ``_`` (and each helper Lark makes for ``x*``) is spliced into
the rule that contains it, as Lark does; any other rule calls the builder's
method of that name (or alias) with its children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedToken

from gongwen.tables import Rule, Tables

_END = "$END"


class LALRParser:
    """The parse table of the start rule, driven over a stream of tokens."""

    def __init__(self, tables: Tables, builder: type) -> None:
        self.states = tables.states
        self.start_state = tables.start
        self.end_state = tables.end
        self.reductions = [_reduction(rule, builder) for rule in tables.rules]

    def parse(self, tokens: Iterable[Token], builder: object) -> object:
        """Parse ``tokens``, calling the methods of ``builder`` (an instance of the class
        the parser was made with) as rules are reduced."""
        states, reductions, end_state = self.states, self.reductions, self.end_state
        state_stack = [self.start_state]
        value_stack: list[Any] = []
        push_state, push_value = state_stack.append, value_stack.append
        for token in _ended(tokens):
            while True:
                actions = states[state_stack[-1]]
                try:
                    action = actions[token.type]
                except KeyError:
                    raise _unexpected(actions, token) from None
                if action & 1:  # shift
                    push_state(action >> 1)
                    push_value(token)
                    break
                # reduce, here rather than in a function: a parse makes several a line
                size, name, splice, call = reductions[action >> 1]
                if size:
                    children = value_stack[-size:]
                    del value_stack[-size:]
                    del state_stack[-size:]
                else:
                    children = []
                if splice is not None:
                    children = _spliced(children, splice)
                push_state(states[state_stack[-1]][name] >> 1)
                push_value(children if call is None else call(builder, children))
                if state_stack[-1] == end_state:
                    return value_stack[-1]
        raise AssertionError("unreachable: a table never shifts $END")


def _ended(tokens: Iterable[Token]) -> Iterator[Token]:
    """The tokens, then the end of the input."""
    line = 1
    for token in tokens:
        line = token.line or line
        yield token
    yield Token(_END, "", 0, line)


Reduction = tuple[int, str, "tuple[bool, ...] | None", "Callable[[Any, list[Any]], Any] | None"]


def _reduction(rule: Rule, builder: type) -> Reduction:
    """How to reduce ``rule``: its length, name, which children to splice, and the
    builder class's method to call (None for a rule that is itself spliced)."""
    call = None if rule.name.startswith("_") else getattr(builder, rule.alias or rule.name)
    return rule.size, rule.name, rule.splice, call


def _unexpected(actions: dict[str, int], token: Token) -> UnexpectedToken:
    expected = {name for name in actions if name.isupper()}
    return UnexpectedToken(token, expected)  # type: ignore[no-untyped-call]


def _spliced(children: list[Any], splice: tuple[bool, ...]) -> list[Any]:
    """The children with those of spliced rules in their place. x* is left-recursive
    (list: list x): the first list grows rather than being copied, or a long list would
    cost its length squared."""
    flat: list[Any] = children[0] if splice[0] else [children[0]]
    for index in range(1, len(splice)):  # (by index: zip over slices costs twice as much)
        if splice[index]:
            flat.extend(children[index])
        else:
            flat.append(children[index])
    return flat
