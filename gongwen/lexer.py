"""The lexer and the post-lexer: the lines of a text as tokens for the LALR parser.

:class:`LineLexer` cuts the text into the tokens of document.lark's terminals.
:class:`PostLexer` then makes the decisions about lines that the grammar cannot
make alone (like ``lark.indenter``); it only relabels or cuts tokens and never
drops a character. It decides:

* the role of a line by its place (title, 主送机关, 署名 …: gongwen/zones.py);
* whether a line opening with 一是 (一要, 第一，, 首先，, ①) opens a section or an
  inline list: a list when its next item follows on the same line;
* where a heading line's heading ends: at the first 。！？ when body text
  follows on the same line (a run-in heading), else at the end of the line;
* which runs of paragraphs and blank lines go to the parser as one token.

It also numbers lines, counting \\r\\n, \\r and \\n as one line break each.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from lark import Token
from lark.exceptions import UnexpectedCharacters
from lark.lark import PostLex

from gongwen.inline import list_continues, opening_item
from gongwen.numerals import marker_label, ordinal_of
from gongwen.tables import Terminal
from gongwen.tokens import LIST_OPENERS, SECTION_MARKERS, new_token, retype
from gongwen.zones import assign

_PLAIN = frozenset({"TEXT", "BLANK"})
_LIST_MARKERS = frozenset({"DI", "SHI", "YAO"})
_BY_NEIGHBOURS = frozenset({"AR_BARE", "ADVERB"}) | _LIST_MARKERS  # see PostLexer._by_neighbours
_AT_LINE_START = "(?<![^\r\n\ufeff])"
# After these the grammar wants one paragraph (an article's first 款, a run-in body).
_BEFORE_PARAGRAPH = frozenset({"ARTICLE", "RUN_IN_HEADING"})


class LineLexer:
    """The tokens Lark's basic lexer would give, from one regular expression pass.

    The terminals are tried in Lark's order (priority, then the longest pattern);
    every position matches one (TEXT takes any line), so the matches tile the text.
    Lark's own lexer gives the same tokens through a loop in Python, one at a time.
    """

    def __init__(self, terminals: Collection[Terminal]) -> None:
        ordered = sorted(terminals, key=lambda t: t.order)
        # Terminals in a row that begin at a line start (document.lark's _LINE_START)
        # share one test of it: the same tokens, one lookbehind per line instead of
        # one per terminal. Each terminal is named by an empty group after it (the
        # match's lastgroup): an alternative that opens with a character or a class
        # is then passed over on its first character, as one that opens with a
        # group is not.
        alternatives: list[str] = []
        run: list[str] = []
        for terminal in ordered:
            regexp = terminal.regexp
            if regexp.startswith(_AT_LINE_START):
                run.append(f"(?:{regexp[len(_AT_LINE_START):]})(?P<{terminal.name}>)")
                continue
            if run:
                alternatives.append(f"{_AT_LINE_START}(?:{'|'.join(run)})")
                run = []
            alternatives.append(f"(?:{regexp})(?P<{terminal.name}>)")
        if run:
            alternatives.append(f"{_AT_LINE_START}(?:{'|'.join(run)})")
        self.pattern = re.compile("|".join(alternatives))

    def tokens(self, text: str) -> list[Token]:
        tokens = [new_token(m.lastgroup or "", m.group(), m.start()) for m in self.pattern.finditer(text)]
        if sum(map(len, tokens)) != len(text):  # a terminal failed somewhere: say where
            position = 0
            for token in tokens:
                if token.start_pos != position:
                    break
                position += len(token)
            line = text.count("\n", 0, position) + 1
            raise UnexpectedCharacters(text, position, line, 0)  # type: ignore[no-untyped-call]
        return tokens


class LinePatterns:
    """Terminals of document.lark that Python code applies inside a token, taken from
    the compiled grammar (so they are written only there)."""

    _NEVER = re.compile(r"(?!)")

    def __init__(self) -> None:
        self.lead = self.heading_end = self.meta_key = self.issued_name = self.lost_glyph = self._NEVER

    def lead_length(self, marker: str) -> int:
        """Length of what precedes the marker on its line (indentation, residue)."""
        lead = self.lead.match(marker)
        return lead.end() if lead else 0


class PostLexer(PostLex):
    """Relabels and cuts line tokens; see the module docstring."""

    always_accept = (
        "HEADING", "RUN_IN_HEADING", "LISTED_HEADING", "TITLE", "TITLE_DATE", "ADDRESSEE", "SIGNATURE",
        "ATTACHMENT_ITEM", "PLAIN", "LEAD", "HEADING_END", "APPENDIX_TITLED",
        "DOC_NUMBER_HEAD", "DOC_NUMBER_TAIL", "META_KEY", "ISSUED_NAME", "ISSUED_TITLE",
        "QUOTED_TITLE", "SIGNED_DATE", "DIGIT_DATE", "SIGNING", "LOST_GLYPH",
    )

    def __init__(self, patterns: LinePatterns) -> None:
        self.patterns = patterns

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        line = 1
        run: list[Token] = []
        previous = ""
        tokens = assign(self._by_neighbours(list(stream)), self.patterns.issued_name)
        for token in self._cut(_drained(tokens)):
            token.line = line
            line += token.count("\n")
            if "\r" in token:  # a lone \r breaks a line too
                line += token.count("\r") - token.count("\r\n")
            if token.type in _PLAIN and previous not in _BEFORE_PARAGRAPH:
                run.append(token)
            else:
                if run:
                    yield LineRun.of(run)
                    run = []
                yield token
            previous = token.type
        if run:
            yield LineRun.of(run)

    def _by_neighbours(self, tokens: list[Token]) -> list[Token]:
        """Markers that the lines around decide, which a terminal does not see: a number
        alone on its line (AR_BARE) stays a marker when the line before or after opens
        with LOST_GLYPH; a line opening with 首先 (其次, 再次, 最后) when the previous or
        the next such line goes on with the sequence; elsewhere they are text. And a
        line opening with item 2 (二是) whose list began at the end of the line before
        (一、总体要求。一是加强领导。 / 我讲三点意见。一是…): that item 1 opens its section there."""
        at = [index for index, token in enumerate(tokens) if token.type in _BY_NEIGHBOURS]
        if not at:
            return tokens
        adverbs = [index for index in at if tokens[index].type == "ADVERB"]
        order = [self._ordinal(tokens[index]) for index in adverbs]
        text = {
            index for k, index in enumerate(adverbs)
            if not (k and _goes_on(order[k - 1], order[k]))
            and not (k + 1 < len(adverbs) and _goes_on(order[k], order[k + 1]))
        }
        lost = self.patterns.lost_glyph
        # index → (index past what is replaced, what replaces it)
        replaced: dict[int, tuple[int, list[Token]]] = {}
        for index in at:
            token = tokens[index]
            if token.type == "AR_BARE":
                rest = index + 1 if index + 1 < len(tokens) and tokens[index + 1].type == "TEXT" else index
                before = tokens[index - 1] if index else ""
                after = tokens[rest + 1] if rest + 1 < len(tokens) else ""
                if not (lost.match(before) or lost.match(after)):
                    text.add(index)
            elif token.type in _LIST_MARKERS and self._ordinal(token) == 2:
                split = self._opening_item(tokens, index)
                if split is not None:
                    replaced[split[0]] = (split[0] + 1, split[1])
        for index in text:  # the marker and the rest of its line, one text line
            past = index + 2 if index + 1 < len(tokens) and tokens[index + 1].type == "TEXT" else index + 1
            replaced[index] = (past, [new_token("TEXT", "".join(tokens[index:past]),
                                                tokens[index].start_pos, tokens[index].line)])
        if not replaced:
            return tokens
        kept: list[Token] = []
        position = 0
        for index in sorted(replaced):
            past, instead = replaced[index]
            kept.extend(tokens[position:index])
            kept.extend(instead)
            position = past
        kept.extend(tokens[position:])
        return kept

    def _ordinal(self, marker: Token) -> int | None:
        return ordinal_of(marker_label(marker[self.patterns.lead_length(marker):]))

    def _opening_item(self, tokens: list[Token], index: int) -> tuple[int, list[Token]] | None:
        """The line before ``tokens[index]`` (a line opening with item 2) cut where item 1
        of that list stands at its end: (the index of its text, the tokens it becomes)."""
        before = index - 1
        while before >= 0 and tokens[before].type == "BLANK":
            before -= 1
        if before < 0 or tokens[before].type != "TEXT":
            return None
        line = tokens[before]
        item = opening_item(str(line), tokens[index].type.lower())
        if item is None or item[0] == 0:
            return None
        head = line[:item[0]]
        after_marker = before > 0 and tokens[before - 1].type in SECTION_MARKERS
        if after_marker and not self.patterns.heading_end.search(head[-1:]):
            return None  # a heading cut anywhere but at its end mark
        start = line.start_pos or 0
        return before, [
            new_token("LISTED_HEADING" if after_marker else "TEXT", head, start),
            new_token(tokens[index].type, line[item[0]:item[1]], start + item[0]),
            new_token("TEXT", line[item[1]:], start + item[1]),
        ]

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
            if token.type == "LISTED_HEADING":  # cut where a list begins on its line
                yield marker
                yield token
                continue
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

    def _heading(self, marker: Token, rest: Token) -> tuple[Token, ...]:
        if (
            marker.type in LIST_OPENERS
            and self._ordinal(marker) == 1
            and list_continues(rest, marker.type.lower())
        ):
            return (new_token("TEXT", marker + rest, marker.start_pos, marker.line),)
        if marker.type == "ARTICLE":  # an article's text is body, not a heading
            return marker, rest
        end = self.patterns.heading_end.search(rest)
        body = rest[end.end():] if end else ""
        if end is None or not body.strip():
            return marker, retype(rest, "HEADING")
        cut = end.end()
        return (marker, new_token("RUN_IN_HEADING", rest[:cut], rest.start_pos),
                new_token("TEXT", body, (rest.start_pos or 0) + cut))


def _goes_on(before: int | None, after: int | None) -> bool:
    """Whether an adverb of ordinal ``after`` continues one of ``before`` (None: 最后)."""
    return before is not None and (after is None or after > before)


def _drained(tokens: list[Token]) -> Iterator[Token]:
    """The tokens in order, each let go once taken: the parse keeps no copy of the
    whole text beside the tree it builds."""
    tokens.reverse()
    while tokens:
        yield tokens.pop()


class LineRun(Token):
    """Paragraph and blank lines in a row, one PLAIN token for the parser. Its text is in
    its lines; the token itself holds none (nothing reads it)."""

    lines: list[Token]

    @staticmethod
    def of(lines: list[Token]) -> Token:
        if len(lines) == 1:
            return lines[0]
        run = LineRun("PLAIN", "", start_pos=lines[0].start_pos, line=lines[0].line)
        run.lines = lines
        return run


def _empty(after: Token) -> Token:
    """An empty rest of line, for a marker that ends the text."""
    return new_token("TEXT", "", (after.start_pos or 0) + len(after))
