"""Turn the parse into the typed tree.

The LALR parser calls :class:`TreeBuilder` as it reduces each rule, bottom up.
Line nodes are built at once; a section's level and number path depend on
its ancestors, so sections are first drafted and then built top down.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Transformer

from gongwen.inline import scan
from gongwen.lexer import LinePatterns
from gongwen.nodes import (
    Artifact,
    Blank,
    Block,
    Closing,
    Heading,
    Inline,
    Marker,
    Paragraph,
    Salutation,
    Section,
    Title,
)
from gongwen.numerals import ordinal_of


@dataclass(slots=True)
class SectionDraft:
    marker: Marker
    heading: Heading | None
    run_in: bool
    children: list[Block | SectionDraft]
    end: int

    def build(self, parent_path: tuple[str, ...]) -> Section:
        path = (*parent_path, self.marker.label)
        return Section(
            start=self.marker.start, end=self.end, line=self.marker.line,
            marker=self.marker, heading=self.heading, level=len(path), run_in=self.run_in,
            number_path=path, children=build_blocks(self.children, path),
        )


def build_blocks(items: list[Block | SectionDraft], path: tuple[str, ...] = ()) -> list[Block]:
    return [item.build(path) if isinstance(item, SectionDraft) else item for item in items]


def _inlines(token: Token) -> list[Inline]:
    return scan(token.value, token.start_pos or 0, token.line or 1)


def _span(token: Token) -> dict[str, int]:
    start = token.start_pos or 0
    return {"start": start, "end": start + len(token.value), "line": token.line or 1}


class TreeBuilder(Transformer[Token, list[Block | SectionDraft]]):
    """Callbacks named after the rules of document.lark."""

    def __init__(self, patterns: LinePatterns) -> None:
        super().__init__()
        self.patterns = patterns

    def start(self, children: list[Block | SectionDraft]) -> list[Block | SectionDraft]:
        return children

    def paragraph(self, children: list[Token]) -> Paragraph:
        (token,) = children
        return Paragraph(**_span(token), children=_inlines(token))

    def blank(self, children: list[Token]) -> Blank:
        (token,) = children
        return Blank(**_span(token), text=token.value)

    def artifact(self, children: list[Token]) -> Artifact:
        (token,) = children
        return Artifact(**_span(token), text=token.value, kind="residue_line")

    def bom(self, children: list[Token]) -> Artifact:
        (token,) = children
        return Artifact(**_span(token), text=token.value, kind="byte_order_mark")

    def salutation(self, children: list[Token]) -> Salutation:
        (token,) = children
        return Salutation(**_span(token), children=_inlines(token))

    def closing(self, children: list[Token]) -> Closing:
        (token,) = children
        return Closing(**_span(token), children=_inlines(token))

    def title(self, children: list[Token]) -> Title:
        first, last = _span(children[0]), _span(children[-1])
        inlines = [node for token in children for node in _inlines(token)]
        return Title(start=first["start"], end=last["end"], line=first["line"], children=inlines)

    def heading(self, children: list[Token]) -> tuple[Heading, bool]:
        (token,) = children
        return Heading(**_span(token), children=_inlines(token)), token.type == "RUN_IN_HEADING"

    def _section(self, children: list[object]) -> SectionDraft:
        token = children[0]
        assert isinstance(token, Token)
        rest = children[1:]
        heading, run_in = None, False
        if isinstance(rest[0], tuple):
            (heading, run_in), rest = rest[0], rest[1:]
        blocks: list[Block | SectionDraft] = [
            child for child in rest if isinstance(child, (SectionDraft, *_BLOCKS))
        ]
        end = blocks[-1].end if blocks else (heading.end if heading else _span(token)["end"])
        return SectionDraft(self._marker(token), heading, run_in, blocks, end)

    level_1 = level_2 = level_3 = level_4 = level_5 = speech = _section
    volume = chapter = part = article = _section

    def _marker(self, token: Token) -> Marker:
        cut = self.patterns.lead_length(token.value)
        text = token.value[cut:]
        span = _span(token)
        return Marker(
            **span, text=text, prefix=token.value[:cut], family=token.type.lower(),
            ordinal=ordinal_of(text.rstrip("、，,.．")),
        )


_BLOCKS = (Paragraph, Blank, Title, Salutation, Closing, Artifact)
