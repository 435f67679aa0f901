"""Lark tokens, made cheaply: the lexer and the post-lexer make one or more a line."""

from __future__ import annotations

from lark import Token

# The terminals of markers that open a section (document.lark)
SECTION_MARKERS = frozenset({
    "VOLUME", "CHAPTER", "PART", "ARTICLE", "DIVISION", "CN_DUN", "CN_PAREN", "AR_DOT",
    "AR_DUN", "AR_BARE", "OUTLINE_2", "OUTLINE_3", "AR_PAREN", "AR_HALF_PAREN", "CIRCLED", "DI", "SHI",
    "YAO", "ADVERB",
})
# Markers that may open a line and go on as an inline list (二是 later on the line).
LIST_OPENERS = frozenset({"DI", "SHI", "YAO", "ADVERB", "CIRCLED"})

_new_str = str.__new__


class _Token(Token):
    """A token that is its own ``value``: a Lark token keeps its text twice, as itself
    (a str) and as ``value``, which would hold a second copy of the whole text while the
    parser reads it."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return self


def new_token(type_: str, value: str, start_pos: int | None, line: int | None = None) -> Token:
    """``Token(type_, value, start_pos, line)``, set directly: Lark's constructor spends
    as long again on its arguments. Columns and end positions are not used here."""
    made: Token = _new_str(_Token, value)
    made.type, made.start_pos, made.line = type_, start_pos, line
    made.column = made.end_line = made.end_column = made.end_pos = None
    return made


def retype(original: Token, type_: str) -> Token:
    """The same token under another terminal name."""
    return new_token(type_, original, original.start_pos, original.line)
