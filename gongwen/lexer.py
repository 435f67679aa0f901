"""The post-lexer: decisions about lines that the grammar cannot make alone.

It sits between Lark's lexer and the LALR parser (like ``lark.indenter``) and
only relabels or cuts tokens; it never drops a character. It decides:

* which opening lines are the title (a line's shape and place, not its words);
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
from gongwen.kinds import kind_of_title
from gongwen.numerals import ordinal_of

SECTION_MARKERS = frozenset({
    "VOLUME", "CHAPTER", "PART", "ARTICLE", "CN_DUN", "CN_PAREN", "AR_DOT", "AR_DUN",
    "AR_PAREN", "CIRCLED", "DI", "SHI", "YAO", "ADVERB",
})
# Markers that may open a line and go on as an inline list (二是 later on the line).
_LIST_OPENERS = frozenset({"DI", "SHI", "YAO", "ADVERB", "CIRCLED"})
_LINE_BREAK = re.compile(r"\r\n?|\n")
# A title line: short, no sentence inside, not ending like a clause. Subtitles
# (——在…上的讲话) are title lines too. A line holding only a date is not.
_TITLE_MAX = 60
_NOT_TITLE_END = tuple("。；：，、,;:")
# A line holding only a date, or opening with a full date (a 题注 such as
# 2022年6月6日 …令第2号公布), is not a title line.
_DATE_LED = re.compile(
    r"^[（(]?(?:[0-9０-９]{4}|[一二三四五六七八九〇○零]{4})\s?年[^\s）)]{0,8}[）)]?$"
    r"|^[（(]?[0-9０-９]{4}\s?年\s?[0-9０-９]{1,2}\s?月\s?[0-9０-９]{1,2}\s?日"
)
# Header lines, not title lines: a document number (国办发〔2023〕12号, also with
# wrong brackets) or an issuing organ's mark (XX市人民政府文件).
_HEADER = re.compile(
    r"^[\u4e00-\u9fffA-Za-z×Xx]{1,20}\s?[〔\[【［(（﹝]\s?\d{2,4}\s?[〕\]】］)）﹞]\s?第?\d{1,5}\s?号$"
    r"|^[\u4e00-\u9fff（）()、 ]{2,40}文件$"
)
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,4}$")  # 张三 under a title: a name, not a title line
_TITLE_LINES_MAX = 4
_MARKUP = "*#> "  # Markdown residue around a line, ignored when judging its shape
_TITLE_GAP_MAX = 2  # blank lines allowed between two title lines


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

    always_accept = ("HEADING", "RUN_IN_HEADING", "TITLE", "LEAD", "HEADING_END")

    def __init__(self, patterns: LinePatterns) -> None:
        self.patterns = patterns

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        line = 1
        for token in self._cut(self._titles(stream)):
            token.line = line
            line += len(_LINE_BREAK.findall(token))
            yield token

    def _titles(self, stream: Iterator[Token]) -> Iterator[Token]:
        """Relabel the title lines at the top of the document. Blank lines between two
        title lines belong to the title; a speaker's name or a date ends it. Header lines
        above the title (XX市人民政府文件, 国办发〔2023〕12号) are passed over."""
        titles: list[Token] = []
        blanks: list[Token] = []
        for token in stream:
            if not titles and (
                token.type in ("BLANK", "RESIDUE_LINE")
                or (token.type == "TEXT" and _HEADER.match(_shape(token)))
            ):
                yield token
            elif token.type == "BLANK" and len(blanks) < _TITLE_GAP_MAX:
                blanks.append(token)
            elif (
                token.type == "TEXT"
                and len(titles) < _TITLE_LINES_MAX
                and _is_title_line(_shape(token), first=not titles)
            ):
                titles.extend((*blanks, token))
                blanks = []
            else:
                yield from (_retype(title, "TITLE") for title in titles)
                yield from blanks
                yield token
                break
        else:
            yield from (_retype(title, "TITLE") for title in titles)
            yield from blanks
        yield from stream

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
                yield from self._heading(marker, _empty(marker, "TEXT"))
                if token.type in SECTION_MARKERS:
                    previous = token
                else:
                    yield token
                continue
            yield from self._heading(marker, token)
        if previous is not None:
            yield from self._heading(previous, _empty(previous, "TEXT"))

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
            yield _retype(rest, "HEADING")
            return
        cut = end.end()
        yield Token("RUN_IN_HEADING", rest.value[:cut], start_pos=rest.start_pos)
        yield Token("TEXT", body, start_pos=(rest.start_pos or 0) + cut)



def _shape(token: Token) -> str:
    """The line without indentation and Markdown residue around it."""
    return str(token).strip().strip(_MARKUP).strip()


def _is_title_line(text: str, *, first: bool) -> bool:
    if text.endswith("。") and kind_of_title(text[:-1]):
        text = text[:-1]  # 关于…的通知。: a title with a stray full stop
    return (
        0 < len(text) <= _TITLE_MAX
        and not text.endswith(_NOT_TITLE_END)
        and "。" not in text
        and not _DATE_LED.match(text)
        and not _HEADER.match(text)
        and (first or not _SPEAKER.match(text))
    )


def _retype(token: Token, type_: str) -> Token:
    return Token.new_borrow_pos(type_, token.value, token)


def _empty(after: Token, type_: str) -> Token:
    return Token(type_, "", start_pos=(after.start_pos or 0) + len(after.value))
