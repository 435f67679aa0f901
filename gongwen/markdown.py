"""The tree as Markdown: the title as ``#``, sections as ``##``…``######`` by level
(deeper levels as bold lines), every other line a paragraph.

Nothing of the text is dropped or moved: each line is written in order, with
Markdown's special characters escaped, so placeholders (``**``, ``xx``) and inline
enumerations read as they were written. Indentation and blank lines are layout,
not text, and are not kept; nor is the Markdown heading sign a source text put
before a marker (``## 一、``), which the section's own heading replaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gongwen.document import Document, cut_out
from gongwen.nodes import Appendix, Blank, Node, Section, Title

_INLINE_SIGNS = re.compile(r"([\\`*_<&\[])")
_BLOCK_SIGN = re.compile(r"#{1,6}(?=[ \t]|$)|>|[-+=~](?=[ \t]|$|[-=~]*[ \t]*$)")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_HEADING_RESIDUE = re.compile(r"[#* \t\u3000]*")
_DEEPEST = 6


def escape(line: str, *, starts_block: bool = True) -> str:
    """One line of text as Markdown that shows it as written: no emphasis, code or HTML
    made of it, nor (when it ``starts_block``) a heading, list or quote."""
    line = _INLINE_SIGNS.sub(r"\\\1", line)
    if not starts_block:
        return line
    if _BLOCK_SIGN.match(line):
        return "\\" + line
    return _ORDERED.sub(r"\1\\\2", line, count=1) if _ORDERED.match(line) else line


def to_markdown(doc: Document, *, residue: bool = True) -> str:
    """The document as Markdown (see the module's docstring); ``residue=False`` leaves
    out what the parser knows is residue (:meth:`Document.residue`)."""
    written = _Written(doc.to_text(), [] if residue else doc.residue())
    return "\n\n".join(written.blocks(doc.children)) + "\n"


class _Written:
    """The text of nodes, with or without the residue spans given."""

    def __init__(self, text: str, residue: list[tuple[int, int, str]]) -> None:
        self.text, self.residue = text, residue

    def of(self, node: Node) -> str:
        return cut_out(self.text, self.residue, node.start, node.end)

    def blocks(self, blocks: Sequence[Node]) -> Iterator[str]:
        for block in blocks:
            if isinstance(block, Blank):
                continue
            if isinstance(block, Title):
                yield title_line(block, self.of(block))
            elif isinstance(block, Section):
                yield self.heading(block)
                yield from self.blocks(block.children)
            elif isinstance(block, Appendix):
                if block.label is not None:
                    yield from self.paragraphs(block.label)
                yield from self.blocks(block.children)
            else:  # every other part, a 附件说明 included: its lines as paragraphs
                yield from self.paragraphs(block)

    def heading(self, section: Section) -> str:
        prefix = self.of(section.marker)[:-len(section.marker.text) or None]
        kept = prefix[_HEADING_RESIDUE.match(prefix).end():]  # type: ignore[union-attr]
        heading = self.of(section.heading) if section.heading is not None else ""
        text = escape((kept + section.marker.text + heading).strip(), starts_block=False)
        level = section.level + 1  # the title is the one level-1 heading
        return f"{'#' * level} {text}" if level <= _DEEPEST else f"**{text}**"

    def paragraphs(self, node: Node) -> Iterator[str]:
        for line in self.of(node).splitlines():
            if line.strip():
                yield escape(line.strip())


def title_line(title: Title, written: str | None = None) -> str:
    """The title as one ``#`` heading: lines wrapped mid-title joined, a ——subtitle
    after a space. ``written``: its text, when not ``title.to_text()``."""
    lines = [line.strip() for line in (written or title.to_text()).splitlines() if line.strip()]
    joined = "".join(f" {line}" if i and line.startswith("—") else line
                     for i, line in enumerate(lines))
    return "# " + escape(joined, starts_block=False)
