"""The document node and the navigation API."""

from __future__ import annotations

import bisect
import builtins
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

from pydantic import BaseModel, ConfigDict, PrivateAttr, computed_field

from gongwen.jsontext import dump_json, load_json
from gongwen.kinds import kind_of_title
from gongwen.nodes import (
    FIELDS,
    Addressee,
    Answered,
    Artifact,
    Block,
    Closing,
    DateLine,
    Derived,
    DocNumber,
    Enumeration,
    Marker,
    Metadata,
    Node,
    Placeholder,
    Salutation,
    Section,
    Signature,
    Title,
)

if TYPE_CHECKING:
    from gongwen.checks import Diagnostic
    from gongwen.chunks import Chunk
    from gongwen.compact import Compact
    from gongwen.word.layout import Layout

N = TypeVar("N", bound=Node)
_BUILDING = threading.Lock()
Place = Literal["body", "table", "row", "text_box", "margin"]


class SourceParagraph(BaseModel):
    """A paragraph of the Word file (a line of the web page, a paragraph of the PDF or
    OFD) a text was extracted from: one line of the text, more when a Word paragraph holds line
    breaks."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    index: int
    """Its place in reading order (0-based): body paragraphs, table cells row by row, text
    boxes before the paragraph they are anchored in."""
    start: int
    """Offset of its first character in the text."""
    end: int
    """Offset just past its line break."""
    place: Place
    """Where it stood: in the body, in a table cell, in a text box; a table's row read
    as one line (PDF, OFD, web page), which opens no section; or (PDF, OFD) in a page's
    margin as a page number or a running header, which the tree holds as an artifact."""
    numbering: str | None = None
    """The marker Word's automatic numbering drew before it (with the tab or space after it),
    written into the text at ``start``; None when the paragraph is not numbered."""
    element: str | None = None
    """For a web page, the element the line came from (an XPath); None for Word and for
    the title taken from the page's metadata."""
    page: int | None = None
    """For a PDF or OFD, the page (1-based) the paragraph begins on."""
    box: tuple[float, float, float, float] | None = None
    """For a PDF or OFD, the paragraph's box in points: x0, top, x1, bottom (top and bottom of
    its first and last lines, which may stand on different pages)."""


@dataclass(frozen=True)
class Extracted:
    """The text a file that is no plain text gives (Word, PDF, OFD, a web page), where
    each paragraph of it came from, and (Word) how it is laid out."""

    text: str
    paragraphs: list[SourceParagraph]
    layout: Layout | None = None


class Document(Derived):
    """A parsed document: its blocks and sections, in order."""

    type: Literal["document"] = "document"
    children: list[Block]
    encoding: str | None = None
    """How the file was decoded (utf-8, utf-8-sig, utf-16, utf-16-le, utf-16-be, gb18030, big5,
    or the encoding named); None for text."""
    path: str | None = None
    """The file the document was read from; None for text."""
    source_paragraphs: list[SourceParagraph] | None = None
    """For a Word file, the paragraph each stretch of the text came from; None for text."""
    _layout: Any = PrivateAttr(default=None)
    _compact: Any = PrivateAttr(default=None)

    # A parsed document keeps its compact form (gongwen/compact.py) and builds its
    # children when they are first looked at: as an attribute (``__getattr__``) or
    # through ``__dict__``, which pydantic reads for every dump, copy, comparison and
    # pickle.

    def _defer(self, compact: Compact) -> None:
        """Leave the children to ``compact``, until they are looked at."""
        del FIELDS.__get__(self)["children"]
        self._compact = compact

    @property
    def __dict__(self) -> dict[str, Any]:
        fields: dict[str, Any] = FIELDS.__get__(self)
        if "children" not in fields:
            with _BUILDING:
                fields = FIELDS.__get__(self)
                if "children" not in fields:
                    fields = self._build(fields)
        return fields

    @__dict__.setter
    def __dict__(self, fields: dict[str, Any]) -> None:
        FIELDS.__set__(self, fields)

    def _build(self, fields: dict[str, Any]) -> dict[str, Any]:
        private = self.__pydantic_private__
        assert private is not None
        children = private["_compact"].build()
        built = {name: children if name == "children" else fields[name] for name in type(self).model_fields}
        built.update(fields)  # what else was kept there (cached properties)
        FIELDS.__set__(self, built)
        private["_compact"] = None
        return built

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            if name == "children":
                return self.__dict__["children"]
            return super().__getattr__(name)

    @property
    def layout(self) -> Layout | None:
        """For a Word file read here, its page and the format of each source paragraph (by
        index): what the layout rules (GW6xx) check. Not part of the tree or its JSON."""
        return cast("Layout | None", self._layout)

    def child_nodes(self) -> Iterator[Node]:
        return iter(self.children)

    def __eq__(self, other: object) -> bool:
        """Trees are equal when their nodes are: the layout a Word file gave is no part of
        the tree (nor of its JSON)."""
        if not isinstance(other, Document):
            return NotImplemented
        return all(self.__dict__[name] == other.__dict__[name] for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def model_dump_json(self, *, indent: int | None = None, **options: Any) -> str:
        """The JSON of the tree; also for a text or path holding lone surrogates, which are
        escaped (see :mod:`gongwen.jsontext`)."""
        return dump_json(self, indent, **options).decode("utf-8")

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Document:
        """The tree from its JSON, lone surrogates escaped in it included."""
        if options:
            return super().model_validate_json(json_data, **options)
        return load_json(cls, json_data)

    # ---- parts --------------------------------------------------------------

    def _own(self, kind: builtins.type[N]) -> N | None:
        """The first part of ``kind`` of the document itself, not of an attachment."""
        return next((child for child in self.children if isinstance(child, kind)), None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind(self) -> str | None:
        """The document type named by the title (通知, 请示, 讲话, 汇报, 办法 …); None when
        the title names none."""
        titles = [child.text for child in self.children if isinstance(child, Title)]
        return kind_of_title("\n".join(titles)) if titles else None

    @property
    def title(self) -> Title | None:
        """The document's title (an attachment's own title is the attachment's)."""
        return self._own(Title)

    @property
    def salutation(self) -> Salutation | None:
        return self.find(Salutation)

    @property
    def closing(self) -> Closing | None:
        """The last closing formula (谢谢大家！, 特此通知。), if any."""
        closings: list[Closing] = list(self.find_all(Closing))
        return closings[-1] if closings else None

    @property
    def metadata(self) -> dict[str, str]:
        """The fields of the metadata lines by their usual names (索引号, 发文字号,
        成文日期 …), each with its first value that is not empty."""
        fields: dict[str, str] = {}
        for line in self.children:
            if isinstance(line, Metadata):
                for field in line.fields:
                    if field.content:
                        fields.setdefault(field.name, field.content)
        return fields

    @property
    def answers(self) -> Answered | None:
        """For a 批复 or 复函: the request or letter it answers, as its body names it."""
        return self.find(Answered)

    @property
    def addressee(self) -> Addressee | None:
        """The document's 主送机关 (an attachment's is the attachment's)."""
        return self._own(Addressee)

    @property
    def doc_number(self) -> DocNumber | None:
        """The 发文字号 (a 令号 too), if the document shows one."""
        return self._own(DocNumber)

    @property
    def signature(self) -> list[Signature]:
        """The 署名 lines of the document itself, one per organ."""
        return [child for child in self.children if isinstance(child, Signature)]

    @property
    def date(self) -> DateLine | None:
        """The 成文日期: the last date line of the document itself (a date under the
        title when there is no other)."""
        dates = [child for child in self.children if isinstance(child, DateLine)]
        return dates[-1] if dates else None

    @property
    def sections(self) -> list[Section]:
        """The top-level sections."""
        return [child for child in self.children if isinstance(child, Section)]

    @property
    def placeholders(self) -> list[Placeholder]:
        return list(self.find_all(Placeholder))

    @property
    def enumerations(self) -> list[Enumeration]:
        return list(self.find_all(Enumeration))

    def residue(self) -> list[tuple[int, int, str]]:
        """What the parser knows is not the document's text, in order: (start, end, kind)
        of each artifact but a byte order mark, and of what stands before a marker on
        its line beyond spacing (## , **, &emsp;, an emoji), kind ``prefix``."""
        spans = [(a.start, a.end, a.kind) for a in self.find_all(Artifact) if a.kind != "byte_order_mark"]
        for marker in self.find_all(Marker):
            if marker.prefix.strip(" \t\u3000\xa0"):
                spans.append((marker.start, marker.start + len(marker.prefix), "prefix"))
        return sorted(spans)

    # ---- search -------------------------------------------------------------

    @overload
    def find_all(self, kind: builtins.type[N], /, **attrs: Any) -> Iterator[N]: ...
    @overload
    def find_all(self, /, *kinds: builtins.type[Node] | str, **attrs: Any) -> Iterator[Node]: ...
    def find_all(self, /, *kinds: Any, **attrs: Any) -> Iterator[Any]:
        """Nodes of any of ``kinds`` (classes or ``type`` names; all when none) whose
        attributes equal ``attrs``, in document order."""
        classes = tuple(k for k in kinds if isinstance(k, builtins.type))
        names = {k for k in kinds if isinstance(k, str)}
        for node in self.walk():
            if kinds and not (isinstance(node, classes) or getattr(node, "type", None) in names):
                continue
            if all(getattr(node, key, _MISSING) == value for key, value in attrs.items()):
                yield node

    @overload
    def find(self, kind: builtins.type[N], /, **attrs: Any) -> N | None: ...
    @overload
    def find(self, /, *kinds: builtins.type[Node] | str, **attrs: Any) -> Node | None: ...
    def find(self, /, *kinds: Any, **attrs: Any) -> Any:
        """The first node that :meth:`find_all` would give, or None."""
        return next(self.find_all(*kinds, **attrs), None)

    # ---- relations ------------------------------------------------------------

    @functools.cached_property
    def _parents(self) -> dict[int, Node]:
        parents: dict[int, Node] = {}
        for node in self.walk():
            for child in node.child_nodes():
                parents[id(child)] = node
        return parents

    def parent(self, node: Node) -> Node | None:
        """The node directly containing ``node``; None for the document itself."""
        return self._parents.get(id(node))

    def ancestors(self, node: Node) -> list[Node]:
        """The nodes containing ``node``, nearest first, the document last."""
        chain = []
        parent = self.parent(node)
        while parent is not None:
            chain.append(parent)
            parent = self.parent(parent)
        return chain

    @functools.cached_property
    def _leaves(self) -> list[Node]:
        return [node for node in self.walk() if not any(True for _ in node.child_nodes())]

    def at(self, offset: int) -> Node | None:
        """The leaf covering character ``offset`` (a text run, marker, placeholder …)."""
        leaves = self._leaves
        index = bisect.bisect_right(leaves, offset, key=lambda leaf: leaf.start) - 1
        while index >= 0 and leaves[index].start == leaves[index].end:
            index -= 1  # an empty leaf covers nothing
        if index >= 0 and leaves[index].start <= offset < leaves[index].end:
            return leaves[index]
        return None

    def source_paragraph(self, node: Node) -> SourceParagraph | None:
        """The Word paragraph (web page line, PDF or OFD paragraph) ``node`` begins in;
        None for a document read from text."""
        paragraphs = self.source_paragraphs
        if not paragraphs:
            return None
        index = bisect.bisect_right(paragraphs, node.start, key=lambda p: p.start) - 1
        return paragraphs[max(index, 0)]

    def chunks(self, max_chars: int = 1000, overlap: int = 0,
               min_chars: int | None = None) -> list[Chunk]:
        """Section-aware chunks for retrieval, with their heading path and offsets (see
        :func:`gongwen.chunks.chunk`)."""
        from gongwen.chunks import chunk

        return chunk(self, max_chars, overlap, min_chars)

    def to_markdown(self, *, residue: bool = True) -> str:
        """The document as Markdown: title ``#``, sections ``##``… by level (see
        :mod:`gongwen.markdown`); ``residue=False`` leaves out what the parser knows is
        residue (``&emsp;``, ``**``, ``— 1 —`` …)."""
        from gongwen.markdown import to_markdown

        return to_markdown(self, residue=residue)

    def to_html(self, findings: list[Diagnostic] | None = None, max_chars: int = 1000) -> str:
        """The document as one self-contained HTML page: its text with the structure read,
        the outline, the findings (``findings``, by default :func:`gongwen.checks.check`'s)
        where they stand, and chunk boundaries for ``max_chars`` (see :mod:`gongwen.report`)."""
        from gongwen.report import to_html

        return to_html(self, findings, max_chars)

    def outline(self) -> str:
        """One line per section: indentation by level, marker, heading, line number."""
        lines = []
        if self.title is not None:
            title = " / ".join(line.strip() for line in self.title.text.splitlines() if line.strip())
            lines.append(f"{title}  [line {self.title.line}]")
        section: Section
        for section in self.find_all(Section):
            indent = "  " * (section.level - 1)
            heading = section.heading_text
            lines.append(f"{indent}{section.marker.text}{heading}  [line {section.line}]")
        return "\n".join(lines)


_MISSING = object()


def cut_out(text: str, spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """``text[start:end]`` without the characters of ``spans`` (sorted, not overlapping)."""
    pieces: list[str] = []
    position = start
    for span_start, span_end, _ in spans[max(bisect.bisect_left(spans, (start,)) - 1, 0):]:
        if span_start >= end:
            break
        if span_end <= position:
            continue
        pieces.append(text[position:max(position, span_start)])
        position = min(span_end, end)
    pieces.append(text[position:end])
    return "".join(pieces)
