"""Section-aware chunks for search and retrieval (RAG).

A chunk never spans two top-level sections (一、… and 二、…), unless one of them
is tiny; inside a section that is too long it ends, by preference, where a
subsection begins, then at a paragraph's end, then after 。！？, and only if
there is none of these within reach, at ``max_chars``. White space is never a
chunk of its own: it stays with the text before it. The chunks tile the text:
joined without their overlap, they give it back exactly.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence

from pydantic import BaseModel, ConfigDict

from gongwen.document import Document, cut_out
from gongwen.nodes import Appendix, Node, Section

_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
_LINE_END = re.compile(r"\n|\r\n?")


class Chunk(BaseModel):
    """A stretch of a document, with where it stands in the document's structure."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    index: int
    """Its place among the document's chunks (0-based)."""
    text: str
    """The text of the chunk, the overlap with the chunk before it first."""
    start: int
    """Offset of the chunk's own first character (after the overlap)."""
    end: int
    """Offset just past its last character; ``text`` ends there."""
    overlap: int
    """How many characters of ``text`` come from the chunk before it."""
    embedding_text: str
    """``text`` without the residue the parser knows (Markdown and HTML marks, &emsp;,
    page numbers, paywall marks): what to embed or show; ``start``, ``end`` and
    ``overlap`` still index ``text`` and the document."""
    line_start: int
    """Line of its first character (1-based), the overlap left out."""
    line_end: int
    """Line of its last character."""
    heading_path: list[str]
    """The headings (marker and heading) of the sections it begins in, outermost first:
    ['二、聚焦重点任务', '第一，抓学习促提升']; in an attachment, the attachment's label and
    title first."""
    title: str | None
    kind: str | None
    """The document type (通知, 讲话 …), as :attr:`Document.kind`."""
    path: str | None
    """The file the document was read from."""

    @property
    def own_text(self) -> str:
        """The text without the overlap: the document's characters ``start``–``end``."""
        return self.text[self.overlap:]

    def metadata(self) -> dict[str, object]:
        """Everything but the texts, for a vector store's metadata."""
        return self.model_dump(exclude={"text", "embedding_text"})


def chunk(doc: Document, max_chars: int = 1000, overlap: int = 0,
          min_chars: int | None = None) -> list[Chunk]:
    """The chunks of ``doc``: at most ``max_chars`` characters of its own each (not
    counting the white space it ends with), the last ``overlap`` characters of the
    chunk before prepended. A top-level part shorter than ``min_chars`` (default:
    ``max_chars // 4``) joins its neighbour when the two fit together."""
    if max_chars < 1 or overlap < 0 or overlap >= max_chars:
        raise ValueError("need max_chars >= 1 and 0 <= overlap < max_chars")
    text = doc.to_text()
    small = max_chars // 4 if min_chars is None else min_chars
    section_starts = sorted(_section_starts(doc.children))
    spans: list[tuple[int, int]] = []
    for start, end in _merged(text, _parts(doc), max_chars, small):
        spans.extend(_split(text, start, end, max_chars, section_starts))
    lines = [0, *(m.end() for m in _LINE_END.finditer(text))]
    residue = doc.residue()
    title = doc.title.text if doc.title is not None else None
    kind = doc.kind
    chunks = []
    for index, (start, end) in enumerate(spans):
        before = max(spans[index - 1][0], start - overlap) if index else start
        chunks.append(Chunk(
            index=index, text=text[before:end], start=start, end=end, overlap=start - before,
            embedding_text=cut_out(text, residue, before, end),
            line_start=bisect.bisect_right(lines, start),
            line_end=bisect.bisect_right(lines, max(start, end - 1)),
            heading_path=_heading_path(doc, _first_visible(text, start, end)),
            title=title, kind=kind, path=doc.path,
        ))
    return chunks


def _parts(doc: Document) -> list[tuple[int, int]]:
    """The document cut before each top-level section or attachment (and after the last)."""
    cuts = {0, doc.end}
    for child in doc.children:
        if isinstance(child, (Section, Appendix)):
            cuts.update((child.start, child.end))
    ordered = sorted(cuts)
    return [(a, b) for a, b in itertools.pairwise(ordered) if b > a]


def _section_starts(blocks: Sequence[Node]) -> Iterator[int]:
    for block in blocks:
        if isinstance(block, Section):
            yield block.start
        if isinstance(block, (Section, Appendix)):
            yield from _section_starts(block.children)


def _merged(text: str, parts: list[tuple[int, int]], max_chars: int,
            small: int) -> Iterator[tuple[int, int]]:
    """Parts with a tiny one joined to its neighbour when together they fit, and white
    space joined to the part before it."""
    current: tuple[int, int] | None = None
    for start, end in parts:
        if current is None:
            current = (start, end)
            continue
        joined = end - current[0]
        tiny = min(current[1] - current[0], end - start) < small
        if (tiny and joined <= max_chars) or text[start:end].isspace():
            current = (current[0], end)
        else:
            yield current
            current = (start, end)
    if current is not None:
        yield current


def _split(text: str, start: int, end: int, max_chars: int,
           section_starts: list[int]) -> Iterator[tuple[int, int]]:
    """``start``–``end`` cut into pieces of at most ``max_chars``, at the best place in the
    second half of each piece's reach (see the module's docstring). ``section_starts``
    are the offsets where sections begin, sorted."""
    line_ends = [m.end() for m in _LINE_END.finditer(text, start, end)]
    while end - start > max_chars:
        reach = start + max_chars
        low = start + max(1, max_chars // 2)  # a cut always advances, also at max_chars 1
        cut = (_last_in(section_starts, low, reach) or _last_in(line_ends, low, reach)
               or _last_sentence_end(text, low, reach)
               or _last_in(section_starts, start + 1, reach)
               or _last_in(line_ends, start + 1, reach)
               or _last_sentence_end(text, start + 1, reach) or reach)
        if text[cut:end].isspace():
            break
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _last_in(points: list[int], low: int, high: int) -> int | None:
    """The last of the sorted ``points`` in ``low``…``high``, or None."""
    index = bisect.bisect_right(points, high) - 1
    return points[index] if index >= 0 and points[index] >= low else None


def _last_sentence_end(text: str, low: int, high: int) -> int | None:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, high)]
    return ends[-1] if ends else None


def _first_visible(text: str, start: int, end: int) -> int:
    """The first character from ``start`` that is not white space (``start`` if none)."""
    stripped = len(text[start:end]) - len(text[start:end].lstrip())
    return start + stripped if stripped < end - start else start


def _heading_path(doc: Document, offset: int) -> list[str]:
    """The attachment and the sections containing ``offset`` ('marker heading'),
    outermost first."""
    path: list[str] = []
    children: Sequence[Node] = doc.children
    while children:
        index = bisect.bisect_right(children, offset, key=_start_of) - 1
        part = children[index] if index >= 0 else None
        if not isinstance(part, (Section, Appendix)) or offset >= part.end:
            break
        path.append(part.heading_text if isinstance(part, Appendix)
                    else part.marker.text + part.heading_text)
        children = part.children
    return path


def _start_of(node: Node) -> int:
    return node.start
