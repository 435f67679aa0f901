"""``parse``: text in, :class:`Document` out. Never raises on any text."""

from __future__ import annotations

import functools
from typing import cast

from lark import Lark

from gongwen.builder import Draft, TreeBuilder, build_blocks
from gongwen.document import Document
from gongwen.grammar import document_parser, terminal_regex
from gongwen.lexer import LinePatterns, PostLexer
from gongwen.nodes import Block


@functools.cache
def _parser() -> Lark:
    """The document grammar, compiled once per process."""
    patterns = LinePatterns()
    parser = document_parser(PostLexer(patterns), TreeBuilder(patterns))
    patterns.lead = terminal_regex(parser, "LEAD")
    patterns.heading_end = terminal_regex(parser, "HEADING_END")
    return parser


def parse(text: str, *, encoding: str | None = None, path: str | None = None) -> Document:
    """Parse the text of one document into its tree.

    ``encoding`` and ``path`` are recorded in the document, for text read from a file.
    """
    blocks = cast("list[Block | Draft]", _parser().parse(text))
    return Document(
        start=0, end=len(text), line=1, children=build_blocks(blocks),
        encoding=encoding, path=path,
    )
