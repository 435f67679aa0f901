"""The parser's callbacks: each rule of document.lark reduced to its draft.

The LALR parser calls :class:`TreeBuilder` as it reduces each rule, bottom up, with
the rule's tokens and the drafts of the rules inside it. A draft keeps offsets, not
text (gongwen/compact.py, which turns drafts into the typed tree).
"""

from __future__ import annotations

from collections.abc import Sequence

from lark import Token

from gongwen.compact import AppendixDraft, Draft, LineDraft, NoteDraft, SectionDraft, Span
from gongwen.lexer import LineRun
from gongwen.nodes import (
    Addressee,
    Artifact,
    Attendance,
    Blank,
    Block,
    Closing,
    CopyNumber,
    CopyTo,
    DateLine,
    DocNumber,
    Imprint,
    Issuer,
    Metadata,
    Paragraph,
    Remark,
    Salutation,
    Secrecy,
    Signature,
    Title,
    Urgency,
)
from gongwen.tokens import SECTION_MARKERS


def _span(token: Token) -> Span:
    start = token.start_pos or 0
    return start, start + len(token), token.line or 1


def _draft(node: type[Block], token: Token, kind: str = "") -> LineDraft:
    return LineDraft(node, *_span(token), kind)


class TreeBuilder:
    """Callbacks named after the rules of document.lark, called with each rule's
    children (gongwen/lalr.py)."""

    def start(self, children: list[object]) -> list[Draft]:
        return _blocks(children)

    def paragraph(self, children: list[Token]) -> LineDraft:
        return _draft(Paragraph, children[0])

    def blank(self, children: list[Token]) -> LineDraft:
        return _draft(Blank, children[0])

    def plain(self, children: list[LineRun]) -> list[Draft]:
        return [_draft(Paragraph if line.type == "TEXT" else Blank, line) for line in children[0].lines]

    def artifact(self, children: list[Token]) -> LineDraft:
        return _draft(Artifact, children[0], "residue_line")

    def bom(self, children: list[Token]) -> LineDraft:
        return _draft(Artifact, children[0], "byte_order_mark")

    def metadata(self, children: list[Token]) -> LineDraft:
        return _draft(Metadata, children[0])

    def _line(self, children: list[Token]) -> LineDraft:
        (token,) = children
        return _draft(_LINES[token.type], token)

    title = addressee = salutation = closing = signature = date = remark = attendance = _line
    copy_to = imprint = copy_number = secrecy = urgency = issuer = doc_number = _line

    def attachment_note(self, children: list[Token]) -> NoteDraft:
        return NoteDraft([_span(token) for token in children])

    def appendix(self, children: list[object]) -> AppendixDraft:
        first = children[0]
        if isinstance(first, Token):  # 附件1
            start, end, line = span = _span(first)
            label: Span | None = span
            blocks = _blocks(children[1:])
        else:  # a document the text issues: no label, its title first
            label, blocks = None, _blocks(children)
            assert isinstance(first, LineDraft) and first.node is Title
            start, end, line = first.start, first.end, first.line
        return AppendixDraft(label, blocks, start, blocks[-1].end if blocks else end, line)

    def heading(self, children: list[Token]) -> tuple[Span, bool]:
        (token,) = children
        return _span(token), token.type in ("RUN_IN_HEADING", "LISTED_HEADING")

    def _section(self, children: list[object]) -> SectionDraft:
        token = children[0]
        assert isinstance(token, Token)
        head = children[1]
        if isinstance(head, tuple):
            heading, run_in = head
            blocks = _blocks(children[2:])
        else:  # an article: no heading
            heading, run_in = None, False
            blocks = _blocks(children[1:])
        marker = _span(token)
        end = blocks[-1].end if blocks else (heading[1] if heading else marker[1])
        return SectionDraft(marker, _FAMILIES[token.type], heading, run_in, blocks, end)

    division = level_1 = level_2 = level_3 = level_3_1 = level_3_2 = _section
    level_4 = level_4_1 = level_5 = _section
    lead_di = lead_shi = lead_yao = lead_adverb = di = shi = yao = adverb = _section
    volume = chapter = part = article = _section


_LINES: dict[str, type[Block]] = {
    "TITLE": Title, "ADDRESSEE": Addressee, "SALUTATION": Salutation, "CLOSING": Closing,
    "SIGNATURE": Signature, "DATE": DateLine, "TITLE_DATE": DateLine, "REMARK": Remark,
    "ISSUED_TITLE": Title, "ATTENDANCE": Attendance,
    "COPY_TO": CopyTo, "IMPRINT": Imprint, "COPY_NUMBER": CopyNumber, "SECRECY": Secrecy,
    "URGENCY": Urgency, "ISSUER": Issuer, "DOC_NUMBER": DocNumber,
}
_DRAFTS = (LineDraft, NoteDraft, AppendixDraft, SectionDraft)
_FAMILIES = {name: name.lower() for name in SECTION_MARKERS}  # a marker's family: cn_dun …


def _blocks(children: Sequence[object]) -> list[Draft]:
    """The drafts among a rule's children (its tokens and heading left out), the lines of
    a run of plain lines one by one."""
    blocks: list[Draft] = []
    for child in children:
        if isinstance(child, list):
            blocks.extend(child)
        elif isinstance(child, _DRAFTS):
            blocks.append(child)
    return blocks
