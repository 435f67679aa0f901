"""Lines and paragraphs from characters placed on pages (PDF, OFD): the document's lines
as a reader sees them.

Characters are grouped into lines by their baseline; a space is written only where
the page shows a gap (not the space glyphs a WPS export or full justification puts
between characters). The text block is measured from the pages themselves (where
most lines begin and end, the usual character size), and a line that reaches the
block's right edge continues on the next line when that one starts at the left edge
without indent and is no heading; also across a page break. Page numbers and
running headers stay lines of their own, after the paragraph a page break cut.
Characters a browser print emits as radicals (⼈ ⺠) become the characters they
stand for.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import statistics
import unicodedata
from dataclasses import dataclass
from typing import Any

from gongwen.document import Extracted, SourceParagraph

_SPACES = frozenset(" \u3000\xa0\u2002\u2003")
# CJK Radicals Supplement forms a browser print emits for whole characters (⺠ for 民);
# NFKC maps the Kangxi radicals (U+2F00–U+2FD5) but not these
_RADICALS = str.maketrans(dict(pair.split(":") for pair in [
    "⺟:母", "⺠:民", "⺬:示", "⺮:竹", "⺶:羊", "⻄:西", "⻅:见", "⻆:角", "⻈:讠", "⻉:贝",
    "⻊:足", "⻋:车", "⻓:长", "⻔:门", "⻘:青", "⻚:页", "⻛:风", "⻜:飞", "⻝:食", "⻢:马",
    "⻣:骨", "⻤:鬼", "⻥:鱼", "⻦:鸟", "⻨:麦", "⻩:黄", "⻬:齐", "⻮:齿", "⻰:龙", "⻳:龟",
]))
_MARGIN = 0.12  # the top and bottom share of a page where running headers and page numbers stand


@dataclass(frozen=True)
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str
    furniture: bool = False


Page = tuple[int, float, list[dict[str, Any]]]
"""A page: its number (1-based), its height, and its characters, each a dict with
``text``, ``x0``, ``x1``, ``top``, ``bottom`` and ``size`` (in points, y down), and
``run``, where the characters of one run of text begin, when the file says so."""


def lay_out(pages: list[Page]) -> Extracted | None:
    """The paragraphs of the pages' characters (see the module's docstring); None when
    there is no character to read."""
    lines = _furniture([line for number, height, chars in pages
                        for line in _page_lines(number, height, chars)])
    if not lines:
        return None
    return _assemble(_paragraphs(lines))


def private_share(laid_out: Extracted) -> float:
    """The share of characters mapped to private-use code points (a font without a
    readable mapping)."""
    text = laid_out.text
    return sum(1 for ch in text if 0xE000 <= ord(ch) <= 0xF8FF) / max(1, len(text))


def _page_lines(number: int, height: float, chars: list[dict[str, Any]]) -> list[_Line]:
    """The page's characters as lines, top to bottom, by their baselines."""
    visible = [c for c in chars if c["text"] not in _SPACES and c["text"].strip()]
    visible.sort(key=lambda c: (round(c["bottom"]), c["x0"]))
    rows: list[list[dict[str, Any]]] = []
    for char in visible:
        if rows and abs(rows[-1][-1]["bottom"] - char["bottom"]) <= 0.4 * char["size"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: (c.get("run", c["x0"]), c["x0"]))  # a run's characters together
        size = statistics.median(c["size"] for c in row)
        pieces = [row[0]["text"]]
        for before, char in itertools.pairwise(row):
            gap = char["x0"] - before["x1"]
            if gap > 0.6 * size:  # a gap the reader sees: as many spaces as characters fit
                pieces.append(" " * min(8, max(1, round(gap / size))))
            pieces.append(char["text"])
        top, bottom = min(c["top"] for c in row), max(c["bottom"] for c in row)
        margin = top < _MARGIN * height or bottom > (1 - _MARGIN) * height
        lines.append(_Line(number, row[0]["x0"], row[-1]["x1"], top, bottom, size, _readable("".join(pieces)),
                           furniture=margin))  # for now: in the margin (see _furniture)
    return lines


def _furniture(lines: list[_Line]) -> list[_Line]:
    """Lines in a page's margin are furniture when they are page numbers (as the grammar
    reads a page number line: — 1 —, or a number alone) or repeat on other pages (a
    running header); other lines there are text that stands high or low on its page."""
    from gongwen.parser import first_token

    def key(line: _Line) -> str:
        return "".join(ch for ch in line.text if not ch.isdigit())

    repeated = collections.Counter(key(line) for line in lines if line.furniture)
    return [line if not line.furniture or line.text.isdigit() or repeated[key(line)] > 1
            or first_token(line.text) == "RESIDUE_LINE" else dataclasses.replace(line, furniture=False)
            for line in lines]


def _readable(text: str) -> str:
    """Radicals printed for characters as the characters (NFKC for the Kangxi block)."""
    text = text.translate(_RADICALS)
    if any("\u2f00" <= ch <= "\u2fdf" for ch in text):
        text = "".join(unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fdf" else ch
                       for ch in text)
    return text


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    """Lines joined into paragraphs (see the module's docstring); furniture lines alone."""
    from gongwen.parser import starts_section

    body = [line for line in lines if not line.furniture] or lines
    size = statistics.median(line.size for line in body)
    left = _mode(line.x0 for line in body)
    middle = statistics.median(line.x1 for line in body)
    # the right edge of the block: where lines end most often, if two or more do
    ends = collections.Counter(round(line.x1 / 4) * 4 for line in body if line.x1 >= middle)
    edge, count = ends.most_common(1)[0] if ends else (0, 0)
    right = float(edge) if count >= 2 else float("inf")
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(body) if a.page == b.page and b.top > a.bottom]
    spacing = statistics.median(gaps or [size])
    out: list[list[_Line]] = []
    held: list[list[_Line]] = []  # furniture met while a paragraph goes on over a page break
    for line in lines:
        if line.furniture and body is not lines:
            held.append([line])
            continue
        last = out[-1][-1] if out else None
        joins = (
            last is not None
            and last.x1 >= right - 1.2 * size
            and line.x0 <= left + 0.5 * size
            and (line.page != last.page or line.top - last.bottom <= 1.6 * spacing + 0.5 * size)
            and not starts_section(line.text)
        )
        if joins:
            out[-1].append(line)
            continue
        out.extend(held)
        held = []
        out.append([line])
    out.extend(held)
    return out


def _mode(values: Any) -> float:
    counts = collections.Counter(round(v) for v in values)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


def _assemble(paragraphs: list[list[_Line]]) -> Extracted:
    pieces: list[str] = []
    sources: list[SourceParagraph] = []
    offset = 0
    for index, lines in enumerate(paragraphs):
        text = "".join(line.text for line in lines) + "\n"
        first = lines[0]
        sources.append(SourceParagraph(
            index=index, start=offset, end=offset + len(text), place="body", page=first.page,
            box=(round(min(line.x0 for line in lines), 1), round(first.top, 1),
                 round(max(line.x1 for line in lines), 1), round(lines[-1].bottom, 1))))
        pieces.append(text)
        offset += len(text)
    return Extracted("".join(pieces), sources)
