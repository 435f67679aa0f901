"""Turn the parse into the typed tree.

The LALR parser calls :class:`TreeBuilder` as it reduces each rule, bottom up.
Line nodes are built at once; a section's level and number path depend on
its ancestors, so sections are first drafted and then built top down.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union, cast

from lark import Token

from gongwen.inline import scan
from gongwen.lexer import LinePatterns, LineRun
from gongwen.nodes import (
    Addressee,
    Appendix,
    Artifact,
    Attachment,
    AttachmentNote,
    Attendance,
    Blank,
    Block,
    Closing,
    CopyNumber,
    CopyTo,
    DateLine,
    DocNumber,
    Heading,
    Imprint,
    Inline,
    Issuer,
    Marker,
    Metadata,
    MetadataField,
    Paragraph,
    Remark,
    Salutation,
    Secrecy,
    Section,
    Signature,
    Text,
    Title,
    Urgency,
    _Line,
)
from gongwen.numerals import marker_label, ordinal_of
from gongwen.tokens import new_token


@dataclass(slots=True)
class AppendixDraft:
    label: Text | None
    children: list[Block | Draft]
    start: int
    end: int
    line: int

    def build(self, parent_path: tuple[str, ...]) -> Appendix:
        return Appendix.assemble(
            start=self.start, end=self.end, line=self.line, label=self.label,
            children=build_blocks(self.children),
        )


@dataclass(slots=True)
class SectionDraft:
    marker: Marker
    heading: Heading | None
    run_in: bool
    children: list[Block | Draft]
    end: int

    def build(self, parent_path: tuple[str, ...]) -> Section:
        path = (*parent_path, self.marker.label)
        return Section.assemble(
            start=self.marker.start, end=self.end, line=self.marker.line,
            marker=self.marker, heading=self.heading, level=len(path), run_in=self.run_in,
            number_path=path, children=build_blocks(self.children, path),
        )


Draft = Union[SectionDraft, AppendixDraft]  # noqa: UP007


def build_blocks(items: Sequence[Block | Draft], path: tuple[str, ...] = ()) -> list[Block]:
    return [item.build(path) if isinstance(item, (SectionDraft, AppendixDraft)) else item
            for item in items]




def _text(token: Token, start: int, end: int) -> Text:
    """The characters ``start:end`` of a one-line token."""
    base = token.start_pos or 0
    return Text.assemble(start=base + start, end=base + end, line=token.line or 1,
                         text=token.value[start:end])


def _span(token: Token) -> dict[str, int]:
    start = token.start_pos or 0
    return {"start": start, "end": start + len(token.value), "line": token.line or 1}


class TreeBuilder:
    """Callbacks named after the rules of document.lark, called with each rule's
    children (gongwen/lalr.py); one builder per text."""

    def __init__(
        self, patterns: LinePatterns, *, markdown: bool = False, generated: frozenset[int] = frozenset()
    ) -> None:
        self.patterns = patterns
        self.markdown = markdown
        """Whether the text is Markdown: its ** pairs are emphasis."""
        self.generated = generated
        """Offsets where a Word file's automatic numbering was written into the text."""

    def _inlines(self, token: Token) -> list[Inline]:
        return scan(token.value, token.start_pos or 0, token.line or 1, self.markdown)

    def start(self, children: list[object]) -> list[Block | Draft]:
        return _blocks(children)

    def paragraph(self, children: list[Token]) -> Paragraph:
        (token,) = children
        return Paragraph.assemble(**_span(token), children=self._inlines(token))

    def blank(self, children: list[Token]) -> Blank:
        (token,) = children
        return Blank.assemble(**_span(token), text=token.value)

    def plain(self, children: list[LineRun]) -> list[Block]:
        (run,) = children
        return [self.paragraph([line]) if line.type == "TEXT" else self.blank([line])
                for line in run.lines]

    def artifact(self, children: list[Token]) -> Artifact:
        (token,) = children
        return Artifact.assemble(**_span(token), text=token.value, kind="residue_line")

    def bom(self, children: list[Token]) -> Artifact:
        (token,) = children
        return Artifact.assemble(**_span(token), text=token.value, kind="byte_order_mark")

    def metadata(self, children: list[Token]) -> Metadata:
        """Fields split where a label begins (META_KEY); each value runs to the next."""
        (token,) = children
        span = _span(token)
        starts = [m.start() for m in self.patterns.meta_key.finditer(token.value)]
        parts: list[Text | MetadataField] = []
        if not starts:  # METADATA and META_KEY disagree (a grammar bug): the line as text
            return Metadata.assemble(**span, children=[_text(token, 0, len(token.value))])
        if starts[0]:
            parts.append(_text(token, 0, starts[0]))
        for start, end in zip(starts, [*starts[1:], len(token.value)], strict=True):
            key = self.patterns.meta_key.match(token.value, start)
            assert key is not None
            parts.append(MetadataField.assemble(
                start=span["start"] + start, end=span["start"] + end, line=span["line"],
                key=_text(token, start, key.end()), value=_text(token, key.end(), end)))
        return Metadata.assemble(**span, children=parts)

    def _line(self, children: list[Token]) -> Block:
        (token,) = children
        return cast("Block", _LINES[token.type].assemble(**_span(token), children=self._inlines(token)))

    title = addressee = salutation = closing = signature = date = remark = attendance = _line
    copy_to = imprint = copy_number = secrecy = urgency = issuer = doc_number = _line

    def attachment_note(self, children: list[Token]) -> AttachmentNote:
        first, *more = children
        cut = _NOTE_LABEL.match(first).end()  # type: ignore[union-attr]
        if not first[cut:].strip():  # 附件： alone: its items are on the next lines
            cut, lines = len(first), more
        else:
            rest = new_token("ATTACHMENT_ITEM", first[cut:], (first.start_pos or 0) + cut, first.line)
            lines = [rest, *more]
        span = _span(first)
        label = Text.assemble(start=span["start"], end=span["start"] + cut, line=span["line"],
                              text=first[:cut])
        items = [Attachment.assemble(**_span(token), children=self._inlines(token)) for token in lines]
        return AttachmentNote.assemble(start=span["start"], end=items[-1].end if items else label.end,
                                       line=span["line"], label=label, items=items)

    def appendix(self, children: list[object]) -> AppendixDraft:
        first = children[0]
        if isinstance(first, Token):  # 附件1
            label: Text | None = Text.assemble(**_span(first), text=str(first))
            blocks = _blocks(children[1:])
            span = _span(first)
        else:  # a document the text issues: no label, its title first
            label, blocks = None, _blocks(children)
            assert isinstance(first, Title)
            span = {"start": first.start, "end": first.end, "line": first.line}
        end = blocks[-1].end if blocks else span["end"]
        return AppendixDraft(label, blocks, span["start"], end, span["line"])

    def heading(self, children: list[Token]) -> tuple[Heading, bool]:
        (token,) = children
        run_in = token.type in ("RUN_IN_HEADING", "LISTED_HEADING")
        return Heading.assemble(**_span(token), children=self._inlines(token)), run_in

    def _section(self, children: list[object]) -> SectionDraft:
        token = children[0]
        assert isinstance(token, Token)
        rest = children[1:]
        heading, run_in = None, False
        if isinstance(rest[0], tuple):
            (heading, run_in), rest = rest[0], rest[1:]
        blocks = _blocks(rest)
        end = blocks[-1].end if blocks else (heading.end if heading else _span(token)["end"])
        return SectionDraft(self._marker(token), heading, run_in, blocks, end)

    division = level_1 = level_2 = level_3 = level_3_1 = level_3_2 = _section
    level_4 = level_4_1 = level_5 = _section
    lead_di = lead_shi = lead_yao = lead_adverb = di = shi = yao = adverb = _section
    volume = chapter = part = article = _section

    def _marker(self, token: Token) -> Marker:
        cut = self.patterns.lead_length(token.value)
        text = token.value[cut:]
        span = _span(token)
        return Marker.assemble(
            **span, text=text, family=sys.intern(token.type.lower()),
            ordinal=ordinal_of(marker_label(text)), prefix=token.value[:cut],
            generated=span["start"] + cut in self.generated,
        )


_NOTE_LABEL = re.compile(r"[^：:]*[：:][ \t\u3000]*")  # 附件：
_LINES: dict[str, type[_Line]] = {
    "TITLE": Title, "ADDRESSEE": Addressee, "SALUTATION": Salutation, "CLOSING": Closing,
    "SIGNATURE": Signature, "DATE": DateLine, "TITLE_DATE": DateLine, "REMARK": Remark,
    "ISSUED_TITLE": Title, "ATTENDANCE": Attendance,
    "COPY_TO": CopyTo, "IMPRINT": Imprint, "COPY_NUMBER": CopyNumber, "SECRECY": Secrecy,
    "URGENCY": Urgency, "ISSUER": Issuer, "DOC_NUMBER": DocNumber,
}
_BLOCKS = (Paragraph, Blank, Artifact, Metadata, AttachmentNote, AppendixDraft, SectionDraft,
           *_LINES.values())


def _blocks(children: Sequence[object]) -> list[Block | Draft]:
    """The blocks and drafts among a rule's children (its tokens and heading left out),
    the lines of a run of plain lines one by one."""
    blocks: list[Block | Draft] = []
    for child in children:
        if isinstance(child, list):
            blocks.extend(child)
        elif isinstance(child, _BLOCKS):
            blocks.append(cast("Block | Draft", child))
    return blocks
