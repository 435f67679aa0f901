"""The post-lexer: decisions about lines that the grammar cannot make alone.

It sits between Lark's lexer and the LALR parser (like ``lark.indenter``) and
only relabels or cuts tokens; it never drops a character. It decides:

* the role of a line by its place (title, 主送机关, 署名 …: gongwen/zones.py);
* whether a line opening with 一是 (一要, 第一，, 首先，, ①) opens a section or an
  inline list: a list when its next item follows on the same line;
* where a heading line's heading ends: at the first 。！？ when body text
  follows on the same line (a run-in heading), else at the end of the line.

It also numbers lines, counting \\r\\n, \\r and \\n as one line break each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token
from lark.lark import PostLex

from gongwen.inline import list_continues
from gongwen.numerals import ordinal_of
from gongwen.zones import assign, retype

SECTION_MARKERS = frozenset({
    "VOLUME", "CHAPTER", "PART", "ARTICLE", "CN_DUN", "CN_PAREN", "AR_DOT", "AR_DUN",
    "AR_PAREN", "CIRCLED", "DI", "SHI", "YAO", "ADVERB",
})
# Markers that may open a line and go on as an inline list (二是 later on the line).
_LIST_OPENERS = frozenset({"DI", "SHI", "YAO", "ADVERB", "CIRCLED"})
_LINE_BREAK = re.compile(r"\r\n?|\n")


class LinePatterns:
    """Terminals of document.lark that Python code applies inside a token, taken from
    the compiled grammar (so they are written only there)."""

    _NEVER = re.compile(r"(?!)")

    def __init__(self) -> None:
        self.lead = self.heading_end = self._NEVER

    def lead_length(self, marker: str) -> int:
        """Length of what precedes the marker on its line (indentation, residue)."""
        lead = self.lead.match(marker)
        return lead.end() if lead else 0


class PostLexer(PostLex):
    """Relabels and cuts line tokens; see the module docstring."""

    always_accept = (
        "HEADING", "RUN_IN_HEADING", "TITLE", "TITLE_DATE", "ADDRESSEE", "SIGNATURE",
        "ATTACHMENT_ITEM", "LEAD", "HEADING_END",
    )

    def __init__(self, patterns: LinePatterns) -> None:
        self.patterns = patterns

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        line = 1
        for token in self._cut(iter(assign(list(stream)))):
            token.line = line
            line += len(_LINE_BREAK.findall(token))
            yield token

    def _cut(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Split marker tokens from their indentation and the rest of their line."""
        previous: Token | None = None
        for token in stream:
            if previous is None:
                if token.type in SECTION_MARKERS:
                    previous = token
                else:
                    yield token
                continue
            marker, previous = previous, None
            if token.type != "TEXT":  # the marker ended the text
                yield from self._heading(marker, _empty(marker))
                if token.type in SECTION_MARKERS:
                    previous = token
                else:
                    yield token
                continue
            yield from self._heading(marker, token)
        if previous is not None:
            yield from self._heading(previous, _empty(previous))

    def _heading(self, marker: Token, rest: Token) -> Iterator[Token]:
        mark = marker.value[self.patterns.lead_length(marker.value):]
        if (
            marker.type in _LIST_OPENERS
            and ordinal_of(mark.rstrip("、，,.．")) == 1
            and list_continues(rest.value, marker.type.lower())
        ):
            yield Token.new_borrow_pos("TEXT", marker.value + rest.value, marker)
            return
        yield marker
        if marker.type == "ARTICLE":  # an article's text is body, not a heading
            yield rest
            return
        end = self.patterns.heading_end.search(rest.value)
        body = rest.value[end.end():] if end else ""
        if end is None or not body.strip():
            yield retype(rest, "HEADING")
            return
        cut = end.end()
        yield Token("RUN_IN_HEADING", rest.value[:cut], start_pos=rest.start_pos)
        yield Token("TEXT", body, start_pos=(rest.start_pos or 0) + cut)



def _empty(after: Token) -> Token:
    """An empty rest of line, for a marker that ends the text."""
    return Token("TEXT", "", start_pos=(after.start_pos or 0) + len(after.value))
