"""Load the grammars shipped in the package (``gongwen/grammars/*.lark``) once."""

from __future__ import annotations

import functools
import re
from typing import Any

from lark import Lark, Transformer
from lark.lark import PostLex

_GRAMMAR_DIR = ("grammars",)


def load(name: str, **options: Any) -> Lark:
    """Compile ``grammars/<name>`` for the LALR parser with the basic lexer."""
    return Lark.open_from_package(
        "gongwen", name, _GRAMMAR_DIR, parser="lalr", lexer="basic", **options
    )


def inline_patterns() -> dict[str, str]:
    """The regular expression of every terminal in inline.lark, by name (regex syntax),
    higher priorities first."""
    return dict(_inline_terminals())


@functools.cache
def _inline_terminals() -> tuple[tuple[str, str], ...]:
    terminals = sorted(load("inline.lark", regex=True).terminals, key=lambda t: -t.priority)
    return tuple((t.name, t.pattern.to_regexp()) for t in terminals)


def terminal_regex(parser: Lark, name: str) -> re.Pattern[str]:
    return re.compile(parser.get_terminal(name).pattern.to_regexp())


def document_parser(postlex: PostLex, transformer: Transformer) -> Lark:  # type: ignore[type-arg]
    return load("document.lark", postlex=postlex, transformer=transformer)
