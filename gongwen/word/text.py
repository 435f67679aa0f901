"""The text of a Word body, paragraph by paragraph, as Word shows it.

Each Word paragraph becomes one line (a ``w:br`` inside it starts another line),
in reading order: body paragraphs, table cells row by row, and the paragraphs of
a text box before the paragraph it is anchored in. Word's automatic numbering
is written before the paragraph's text. Deleted revisions, hidden text, field
codes and the fallback copy of a text box (``mc:Fallback``) are left out, so
nothing is read twice and nothing Word hides is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.document import Extracted, Place, SourceParagraph
from gongwen.word.layout import Footer, Format, Layout, Styles, page_setup, paragraph_format, run_format
from gongwen.word.numbering import Numbering, W
from gongwen.word.package import WordParts

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_SKIPPED = frozenset({
    W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText",
    W + "delInstrText", W + "footnoteReference", W + "endnoteReference", MC + "Fallback",
})
_CONTAINERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", MC + "AlternateContent",
                         MC + "Choice"})
_BREAKS_NOT_LINES = frozenset({"page", "column"})


TEXT_MAX = 64 * 2**20
"""Characters of text a Word file may give; beyond, it is refused."""


class TooLong(Exception):
    """The text of a Word file would pass :data:`TEXT_MAX`."""


def extract(parts: WordParts) -> Extracted:
    """The text of the body of a Word file (deterministic: same file, same text); raises
    :class:`TooLong` beyond :data:`TEXT_MAX` characters."""
    numbering = Numbering.read(parts.numbering, parts.styles)
    styles = Styles(parts.styles, parts.theme)
    pieces: list[str] = []
    lines: list[SourceParagraph] = []
    formats: list[Format] = []
    offset = 0
    for paragraph, place in _paragraphs(parts.body, "body"):
        marker = numbering.marker(paragraph.find(W + "pPr"))
        words, spans = _runs_text(paragraph)
        text = (marker or "") + words + "\n"
        lines.append(SourceParagraph(index=len(lines), start=offset, end=offset + len(text),
                                     place=place, numbering=marker))
        at = offset + len(marker or "")
        chain = styles.paragraph_chain(paragraph)
        runs = tuple(run_format(styles, run, chain, at + start, at + end) for run, start, end in spans)
        formats.append(paragraph_format(styles, paragraph, runs))
        pieces.append(text)
        offset += len(text)
        if offset > TEXT_MAX:
            raise TooLong
    footers = tuple(_footer(styles, kind, element) for kind, element in parts.footers)
    drawn = any(True for _ in parts.body.iter(W + "drawing", W + "pict", W + "tbl"))
    return Extracted("".join(pieces), lines,
                     Layout(page_setup(parts.body), tuple(formats), footers, parts.even_and_odd, drawn))


def _footer(styles: Styles, kind: str, element: Any) -> Footer:
    """A footer's text and format (its paragraph holding the most text)."""
    paragraphs = [paragraph for paragraph, _ in _paragraphs(element, "body")]
    texts = [_runs_text(paragraph) for paragraph in paragraphs]
    main = max(range(len(paragraphs)), key=lambda i: len(texts[i][0].strip()), default=None)
    instructions = " ".join(t.text or "" for t in element.iter(W + "instrText"))
    instructions += " ".join(f.get(W + "instr", "") for f in element.iter(W + "fldSimple"))
    if main is None:
        return Footer(kind, "", "PAGE" in instructions.upper(), Format(None, None, None, ()))
    paragraph, (text, spans) = paragraphs[main], texts[main]
    chain = styles.paragraph_chain(paragraph)
    runs = tuple(run_format(styles, run, chain, start, end) for run, start, end in spans)
    page_field = "PAGE" in instructions.upper().split()
    return Footer(kind, text, page_field, paragraph_format(styles, paragraph, runs))


def _paragraphs(container: Any, place: Place) -> Iterator[tuple[Any, Place]]:
    """The ``w:p`` under ``container`` in reading order, text boxes' first."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            for box in _text_boxes(child):
                yield from _paragraphs(box, "text_box")
            yield child, place
        elif tag == W + "tbl":
            for row in _children(child, W + "tr"):
                for cell in _children(row, W + "tc"):
                    yield from _paragraphs(cell, "text_box" if place == "text_box" else "table")
        elif tag in _CONTAINERS:
            yield from _paragraphs(child, place)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The ``w:txbxContent`` anchored in a paragraph (not those inside another text box,
    nor the fallback copies)."""
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        if element.tag == W + "txbxContent":
            yield element
        elif element.tag not in _SKIPPED:
            stack.extend(reversed(element))


def _runs_text(paragraph: Any) -> tuple[str, list[tuple[Any, int, int]]]:
    """The paragraph's text, and each run with the span of it that the run gives."""
    out: list[str] = []
    runs: list[tuple[Any, int, int]] = []
    length = 0  # of what ``out`` holds
    stack: list[Any] = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        if isinstance(element, tuple):  # the end of a run: (the run, where it began)
            run, began = element
            if length > began:
                runs.append((run, began, length))
            continue
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag == W + "txbxContent":
            continue
        if tag == W + "r" and _hidden(element):
            continue
        if tag == W + "r":
            stack.append((element, length))
            stack.extend(reversed(element))
            continue
        if tag in (W + "t", M + "t"):  # an unresolved entity inside is left out
            piece = (element.text or "") + "".join(child.tail or "" for child in element)
        elif tag == W + "tab" or tag == W + "ptab":
            piece = "\t"
        elif tag == W + "br":
            piece = "\n" if element.get(W + "type") not in _BREAKS_NOT_LINES else ""
        elif tag == W + "cr":
            piece = "\n"
        elif tag == W + "noBreakHyphen":
            piece = "-"
        elif tag == W + "sym":
            piece = _symbol(element.get(W + "char", ""))
        else:
            stack.extend(reversed(element))
            continue
        out.append(piece)
        length += len(piece)
    return "".join(out), runs


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (``w:vanish``), which Word does not show."""
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")


def _symbol(code: str) -> str:
    """The character of a ``w:sym``; U+FFFD for a code that is no character (a surrogate)."""
    try:
        char = chr(int(code, 16))
    except (ValueError, OverflowError):
        return ""
    return "\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char
