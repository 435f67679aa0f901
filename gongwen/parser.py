"""``parse``: text in, :class:`Document` out. Never raises on any text."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from lark import Token
from lark.exceptions import UnexpectedInput

from gongwen.builder import TreeBuilder
from gongwen.compact import Compact, Draft, collector_paused
from gongwen.document import Document, SourceParagraph
from gongwen.grammar import document_tables
from gongwen.inline import looks_like_markdown
from gongwen.lalr import LALRParser
from gongwen.lexer import LineLexer, LinePatterns, PostLexer
from gongwen.nodes import Block, Paragraph, Text
from gongwen.tokens import LIST_OPENERS, SECTION_MARKERS, new_token

if TYPE_CHECKING:
    from gongwen.word.layout import Layout

_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


class _Engine:
    """The compiled document grammar: lexer, post-lexer, and the LALR parser that
    calls the tree builder."""

    def __init__(self) -> None:
        patterns = LinePatterns()
        self.postlexer = PostLexer(patterns)
        tables = document_tables(self.postlexer)
        patterns.lead = re.compile(tables.terminal("LEAD").regexp)
        patterns.heading_end = re.compile(tables.terminal("HEADING_END").regexp)
        patterns.meta_key = re.compile(tables.terminal("META_KEY").regexp)
        patterns.issued_name = re.compile(tables.terminal("ISSUED_NAME").regexp)
        patterns.lost_glyph = re.compile(tables.terminal("LOST_GLYPH").regexp)
        self.lexer = LineLexer(tables.terminals)
        self.patterns = patterns
        self.lalr = LALRParser(tables, TreeBuilder)

    def parse(self, text: str, generated: frozenset[int], margin: frozenset[int] = frozenset(),
              rows: frozenset[int] = frozenset()) -> Compact:
        """The text's drafts; ``generated``: offsets of markers that Word's automatic
        numbering drew; ``margin``: offsets of lines a page's layout shows as page
        furniture (its page numbers, its running headers); ``rows``: offsets of lines
        that are a table's rows."""
        tokens = self.lexer.tokens(text)
        if margin or rows:
            tokens = _as_read(tokens, margin, rows, text)
        drafts = self.lalr.parse(self.postlexer.process(iter(tokens)), TreeBuilder())
        return Compact(text, cast("list[Draft]", drafts), self.patterns, looks_like_markdown(text),
                       generated)


def _as_read(tokens: list[Token], margin: frozenset[int], rows: frozenset[int], text: str) -> list[Token]:
    """The file's reader knows what a line's words alone do not say: a line of a page's
    margin is one RESIDUE_LINE (a bare 3 is a page number), and a table's row that
    opens with a marker (一、本年新收申请数量 21) is a line of text, no heading."""
    out: list[Token] = []
    end = 0
    for token in tokens:
        start = token.start_pos or 0
        if start < end:
            continue
        kind = ("RESIDUE_LINE" if start in margin
                else "TEXT" if start in rows and token.type in SECTION_MARKERS else None)
        if kind:
            end = text.find("\n", start) + 1 or len(text)
            out.append(new_token(kind, text[start:end], start))
        else:
            out.append(token)
    return out


@functools.cache
def _parser() -> _Engine:
    """The document grammar, compiled once per process."""
    return _Engine()


def first_token(line: str) -> str:
    """The grammar's first terminal on a line (CN_DUN for 一、…, RESIDUE_LINE for — 1 —,
    TEXT …): for readers that rebuild lines from a layout."""
    tokens = _parser().lexer.tokens(line.rstrip("\r\n") + "\n")
    return tokens[0].type if tokens else ""


def field_names() -> re.Pattern[str]:
    """The grammar's names of a document's fields (索引号, 发文字号, 成文日期 …: META_KEY),
    for readers that look for a page's fields."""
    return _parser().patterns.meta_key


def opens_heading(line: str) -> bool:
    """Whether a line opens with a heading's marker, as the grammar reads it (一、 （一） 1.
    第一条 …), not with one that as often runs on inside a paragraph (一是, 首先, ①)."""
    first = first_token(line)
    return first in SECTION_MARKERS and first not in LIST_OPENERS


def parse(text: str, *, encoding: str | None = None, path: str | None = None) -> Document:
    """Parse the text of one document into its tree.

    ``encoding`` and ``path`` are recorded in the document, for text read from a file.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}: for the bytes of a file "
                        "use gongwen.parse_bytes(data, path), for a file gongwen.parse_file(path)")
    return parse_extracted(text, encoding=encoding, path=path)


def parse_extracted(
    text: str, *, encoding: str | None = None, path: str | None = None,
    source_paragraphs: list[SourceParagraph] | None = None, layout: Layout | None = None,
) -> Document:
    """:func:`parse`, for text extracted from a file: ``source_paragraphs`` say where each
    line came from; the markers Word's numbering drew are marked generated, and the lines
    a page's margin holds are artifacts, the rows of a table open no section."""
    generated = frozenset(p.start for p in source_paragraphs or () if p.numbering)
    margin = frozenset(p.start for p in source_paragraphs or () if p.place == "margin")
    rows = frozenset(p.start for p in source_paragraphs or () if p.place == "row")
    compact: Compact | None = None
    children: list[Block] = []
    try:
        with collector_paused():
            compact = _parser().parse(text, generated, margin, rows)
    except UnexpectedInput as error:  # a grammar bug: keep the text, say so, go on
        warnings.warn(
            f"gongwen: the grammar rejected line {error.line} of {path or 'the text'}; "
            "it is kept as plain paragraphs (please report this)",
            RuntimeWarning, stacklevel=2,
        )
        children = list(_plain_paragraphs(text))
    doc = Document.assemble(
        start=0, end=len(text), line=1, children=children, encoding=encoding, path=path,
        source_paragraphs=source_paragraphs,
    )
    if compact is not None:
        doc._defer(compact)
    doc._layout = layout
    return doc


def _plain_paragraphs(text: str) -> Iterator[Paragraph]:
    """Every line a paragraph of plain text: the tree of last resort, still lossless."""
    for number, match in enumerate(_LINE.finditer(text), start=1):
        span = {"start": match.start(), "end": match.end(), "line": number}
        yield Paragraph.assemble(**span, children=[Text.assemble(**span, text=match.group())])
