"""The compact form of a parsed text, and the one place it becomes the typed tree.

The parser reduces each block to a draft (gongwen/builder.py): the node's class and
offsets, a section's marker, heading and drafts below it — never text, never a
pydantic node. A document keeps its drafts and its text (:class:`Compact`) until its
children are first looked at; :meth:`Compact.build` then makes every node, slicing
each leaf's text from the source and scanning each line for what lies inside it
(gongwen/inline.py). The tree is the same whenever it is built.
"""

from __future__ import annotations

import contextlib
import gc
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union, cast

from gongwen.inline import scan
from gongwen.nodes import (
    Appendix,
    Artifact,
    Attachment,
    AttachmentNote,
    Blank,
    Block,
    Heading,
    Inline,
    Marker,
    Metadata,
    MetadataField,
    Section,
    Text,
    _Inlines,
)
from gongwen.numerals import marker_label, ordinal_of

if TYPE_CHECKING:
    from gongwen.lexer import LinePatterns

Span = tuple[int, int, int]
"""start, end (exclusive) and line of a stretch of the text."""


@dataclass(slots=True)
class LineDraft:
    """A block of one line (or of consecutive lines: a title): a paragraph, a blank line,
    residue, a metadata line, or a part of the document (title, 署名 …)."""

    node: type[Block]
    start: int
    end: int
    line: int
    kind: str = ""
    """An artifact's kind."""


@dataclass(slots=True)
class NoteDraft:
    """附件说明: its first line (附件：… or 附件： alone), then a line per further item."""

    lines: list[Span]

    @property
    def end(self) -> int:
        return self.lines[-1][1]


@dataclass(slots=True)
class AppendixDraft:
    label: Span | None
    children: list[Draft]
    start: int
    end: int
    line: int


@dataclass(slots=True)
class SectionDraft:
    marker: Span
    family: str
    """The marker's terminal, lower case (cn_dun, shi …)."""
    heading: Span | None
    run_in: bool
    children: list[Draft]
    end: int


Draft = Union[LineDraft, NoteDraft, AppendixDraft, SectionDraft]  # noqa: UP007

_NOTE_LABEL = re.compile(r"[^：:]*[：:][ \t\u3000]*")  # 附件：


@dataclass(slots=True)
class Compact:
    """What a parse keeps: the text and its drafts, and what building them needs."""

    text: str
    drafts: list[Draft]
    patterns: LinePatterns
    markdown: bool
    """Whether the text is Markdown: its ** pairs are emphasis."""
    generated: frozenset[int]
    """Offsets where a Word file's automatic numbering was written into the text."""

    def build(self) -> list[Block]:
        """The document's children."""
        with collector_paused():
            return self._blocks(self.drafts, ())

    def _blocks(self, drafts: Sequence[Draft], path: tuple[str, ...]) -> list[Block]:
        return [self._block(draft, path) for draft in drafts]

    def _block(self, draft: Draft, path: tuple[str, ...]) -> Block:
        if isinstance(draft, LineDraft):
            return self._line(draft)
        if isinstance(draft, SectionDraft):
            return self._section(draft, path)
        if isinstance(draft, AppendixDraft):
            return Appendix.assemble(
                start=draft.start, end=draft.end, line=draft.line,
                label=self._text(draft.label) if draft.label else None,
                children=self._blocks(draft.children, ()),
            )
        return self._note(draft)

    def _text(self, span: Span) -> Text:
        start, end, line = span
        return Text.assemble(start=start, end=end, line=line, text=self.text[start:end])

    def _inlines(self, start: int, end: int, line: int) -> list[Inline]:
        return scan(self.text[start:end], start, line, self.markdown)

    def _line(self, draft: LineDraft) -> Block:
        start, end, line, node = draft.start, draft.end, draft.line, draft.node
        if node is Blank:
            return Blank.assemble(start=start, end=end, line=line, text=self.text[start:end])
        if node is Artifact:
            return Artifact.assemble(start=start, end=end, line=line, text=self.text[start:end],
                                     kind=draft.kind)
        if node is Metadata:
            return self._metadata(draft)
        assert issubclass(node, _Inlines)
        return cast("Block", node.assemble(start=start, end=end, line=line,
                                           children=self._inlines(start, end, line)))

    def _metadata(self, draft: LineDraft) -> Metadata:
        """Fields split where a label begins (META_KEY); each value runs to the next. The
        line is searched alone: a label's lookbehind sees no line before it."""
        start, end, line = draft.start, draft.end, draft.line
        written = self.text[start:end]
        meta_key = self.patterns.meta_key
        starts = [start + m.start() for m in meta_key.finditer(written)]
        if not starts:  # METADATA and META_KEY disagree (a grammar bug): the line as text
            return Metadata.assemble(start=start, end=end, line=line,
                                     children=[self._text((start, end, line))])
        parts: list[Text | MetadataField] = []
        if starts[0] > start:
            parts.append(self._text((start, starts[0], line)))
        for field_start, field_end in zip(starts, [*starts[1:], end], strict=True):
            key = meta_key.match(written, field_start - start)
            assert key is not None
            key_end = start + key.end()
            parts.append(MetadataField.assemble(
                start=field_start, end=field_end, line=line,
                key=self._text((field_start, key_end, line)), value=self._text((key_end, field_end, line))))
        return Metadata.assemble(start=start, end=end, line=line, children=parts)

    def _note(self, draft: NoteDraft) -> AttachmentNote:
        (start, end, line), *more = draft.lines
        label_end = _NOTE_LABEL.match(self.text, start, end).end()  # type: ignore[union-attr]
        if not self.text[label_end:end].strip():  # 附件： alone: its items are on the next lines
            label_end, items = end, more
        else:
            items = [(label_end, end, line), *more]
        label = self._text((start, label_end, line))
        nodes = [Attachment.assemble(start=s, end=e, line=n, children=self._inlines(s, e, n))
                 for s, e, n in items]
        return AttachmentNote.assemble(start=start, end=nodes[-1].end if nodes else label.end,
                                       line=line, label=label, items=nodes)

    def _section(self, draft: SectionDraft, parent_path: tuple[str, ...]) -> Section:
        marker = self._marker(draft)
        path = (*parent_path, marker.label)
        heading = None
        if draft.heading is not None:
            start, end, line = draft.heading
            heading = Heading.assemble(start=start, end=end, line=line,
                                       children=self._inlines(start, end, line))
        return Section.assemble(
            start=marker.start, end=draft.end, line=marker.line, marker=marker, heading=heading,
            level=len(path), run_in=draft.run_in, number_path=path,
            children=self._blocks(draft.children, path),
        )

    def _marker(self, draft: SectionDraft) -> Marker:
        start, end, line = draft.marker
        written = self.text[start:end]
        cut = self.patterns.lead_length(written)
        text = written[cut:]
        return Marker.assemble(
            start=start, end=end, line=line, text=text, family=sys.intern(draft.family),
            ordinal=ordinal_of(marker_label(text)), prefix=written[:cut],
            generated=start + cut in self.generated,
        )


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a tree is built: the tree makes many
    objects and no cycles, and the collector's passes over them cost a tenth of the
    parse. It runs again at once after (unless it was off before)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
