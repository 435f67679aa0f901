"""Lines and paragraphs from characters placed on pages (PDF, OFD): the document's lines
as a reader sees them.

Characters are grouped into lines by their baseline; a space is written only where
the page shows a gap (not the space glyphs a WPS export or full justification puts
between characters). The text block is measured from the pages themselves (where
most lines begin and end, the usual character size), and a line that reaches the
block's right edge continues on the next line when that one starts at the left edge
without indent and is no heading; also across a page break. Page numbers and
running headers stay lines of their own, after the paragraph a page break cut.
Text set in columns (a gutter of blank page most lines leave, with prose on both
sides) is read a column at a time, each column's lines measured on their own. A ruled
table the file's reader finds is read a row at a time, one line a row: its cells left
to right, a cell's wrapped lines joined, a cell that spans rows in its first row.
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
    column: tuple[float, float] | None = None  # the left and right edge of the column it stands in
    table: bool = False  # a table's row


_Row = list[dict[str, Any]]
Page = tuple[int, float, list[dict[str, Any]]]
"""A page: its number (1-based), its height, and its characters, each a dict with
``text``, ``x0``, ``x1``, ``top``, ``bottom`` and ``size`` (in points, y down), and
``run``, where the characters of one run of text begin, when the file says so."""


Box = tuple[float, float, float, float]
"""x0, top, x1, bottom, in points."""
Table = list[tuple[Box, list[Box | None]]]
"""A ruled table: its rows, each its box and the boxes of the cells that begin in it, left
to right (None where a cell of a row above reaches down)."""


def lay_out(pages: list[Page], tables: dict[int, list[Table]] | None = None) -> Extracted | None:
    """The paragraphs of the pages' characters (see the module's docstring), with the
    tables found on each page (by page number); None when there is no character to read."""
    lines = _furniture([line for number, height, chars in pages
                        for line in _page_lines(number, height, chars, (tables or {}).get(number, []))])
    if not lines:
        return None
    return _assemble(_paragraphs(lines))


def private_share(laid_out: Extracted) -> float:
    """The share of characters mapped to private-use code points (a font without a
    readable mapping)."""
    text = laid_out.text
    return sum(1 for ch in text if 0xE000 <= ord(ch) <= 0xF8FF) / max(1, len(text))


def _page_lines(number: int, height: float, chars: list[dict[str, Any]], tables: list[Table]) -> list[_Line]:
    """The page's characters as lines, in reading order: by their baselines, a column at
    a time, a table's rows where the table stands."""
    visible = [c for c in chars if c["text"] not in _SPACES and c["text"].strip()]
    rows_of_tables = [_table_lines(number, visible, table) for table in tables]
    if rows_of_tables:
        taken = {id(c) for _, used in rows_of_tables for c in used}
        visible = [c for c in visible if id(c) not in taken]
    lines = []
    for row, column in _reading_order(_rows(visible)):
        top, bottom = min(c["top"] for c in row), max(c["bottom"] for c in row)
        margin = top < _MARGIN * height or bottom > (1 - _MARGIN) * height
        x0, x1 = min(c["x0"] for c in row), max(c["x1"] for c in row)
        lines.append(_Line(number, x0, x1, top, bottom, statistics.median(c["size"] for c in row), _text(row),
                           furniture=margin, column=column))  # furniture for now: in a margin (_furniture)
    for table_lines, _ in rows_of_tables:  # each table where it stands, before the text below it
        if table_lines:
            at = next((i for i, line in enumerate(lines) if line.top >= table_lines[0].top), len(lines))
            lines[at:at] = table_lines
    return lines


def _rows(chars: list[dict[str, Any]]) -> list[_Row]:
    """Characters grouped by their baselines, top to bottom."""
    rows: list[_Row] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if rows and abs(rows[-1][-1]["bottom"] - char["bottom"]) <= 0.4 * char["size"]:
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _text(row: _Row) -> str:
    """A row's text, a space only where the page shows a gap (as many as characters fit)."""
    row.sort(key=lambda c: (c.get("run", c["x0"]), c["x0"]))  # a run's characters together
    size = statistics.median(c["size"] for c in row)
    pieces = [row[0]["text"]]
    for before, char in itertools.pairwise(row):
        gap = char["x0"] - before["x1"]
        if gap > 0.6 * size:
            pieces.append(" " * min(8, max(1, round(gap / size))))
        pieces.append(char["text"])
    return _readable("".join(pieces))


def _table_lines(number: int, chars: _Row, table: Table) -> tuple[list[_Line], _Row]:
    """A table's rows as lines, and the characters they hold: a character belongs to the
    cell its middle stands in, or, outside every cell, to the row beside it."""
    cells = [(index, box) for index, (_, boxes) in enumerate(table) for box in boxes if box is not None]
    by_cell: dict[int, _Row] = collections.defaultdict(list)
    outside: dict[int, _Row] = collections.defaultdict(list)  # by row
    used: _Row = []
    for char in chars:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        cell = next((k for k, (_, (x0, top, x1, bottom)) in enumerate(cells)
                     if x0 <= x <= x1 and top <= y <= bottom), None)
        if cell is not None:
            by_cell[cell].append(char)
        else:
            row = next((i for i, ((x0, top, x1, bottom), _) in enumerate(table)
                        if top <= y <= bottom and x0 <= x <= x1), None)
            if row is None:
                continue
            outside[row].append(char)
        used.append(char)
    held: dict[int, list[_Row]] = collections.defaultdict(list)  # by row, its cells' characters
    for cell, members in by_cell.items():
        held[cells[cell][0]].append(members)
    for row, members in outside.items():
        held[row].append(members)
    lines = []
    for index in sorted(held):
        pieces = sorted(held[index], key=lambda members: min(c["x0"] for c in members))
        texts = ["".join(_text(row) for row in _rows(members)) for members in pieces]
        members = [c for group in pieces for c in group]
        x0, top, x1, bottom = table[index][0]
        lines.append(_Line(number, x0, x1, top, bottom, statistics.median(c["size"] for c in members),
                           " ".join(texts), table=True))
    return lines, used



def _reading_order(rows: list[_Row]) -> list[tuple[_Row, tuple[float, float] | None]]:
    """The rows of a page as a reader takes them: where gutters split the page into
    columns of prose, a band of rows between full-width lines is read a column at a
    time; each piece of a row with the edges of its column."""
    gutters = _gutters(rows)
    if not gutters:
        return [(row, None) for row in rows]
    size = statistics.median(c["size"] for row in rows for c in row)
    out: list[tuple[_Row, tuple[float, float] | None]] = []
    band: list[list[_Row]] = []  # per row, its pieces by column

    def close() -> None:
        columns = [[pieces[k] for pieces in band if pieces[k]] for k in range(len(gutters) + 1)]
        full = [column for column in columns if len(column) >= 5]  # one may be empty beside a picture
        prose = len(full) >= 2 and all(statistics.median(map(len, column)) >= 8 for column in full)
        if not prose:  # a table or a form: its rows as they stand
            out.extend((sorted((c for pieces in row for c in pieces), key=lambda c: c["x0"]), None)
                       for row in band)
        for column in columns if prose else []:
            edges = _edges([piece[0]["x0"] for piece in column], [piece[-1]["x1"] for piece in column])
            out.extend((piece, edges) for piece in column)
        band.clear()

    for row in rows:
        row = sorted(row, key=lambda c: c["x0"])
        crossing = any(a["x0"] < g < b["x0"] and b["x0"] - a["x1"] < 1.5 * size and a["size"] >= 0.8 * size
                       for a, b in itertools.pairwise(row) for g in gutters)
        if crossing:  # a line across the columns (not a caption in smaller type): they end above it
            close()
            out.append((row, None))
            continue
        pieces: list[_Row] = [[] for _ in range(len(gutters) + 1)]
        column = 0
        for before, char in itertools.pairwise([row[0], *row]):
            if char is row[0] or char["x0"] - before["x1"] >= 1.5 * size:  # a run stays in one column
                column = sum(1 for g in gutters if char["x0"] > g)
            pieces[column].append(char)
        band.append(pieces)
    close()
    return out


def _longest_run(row: _Row, size: float) -> float:
    """The width of the row's longest stretch of text without a gap of 1.5 characters."""
    row = sorted(row, key=lambda c: c["x0"])
    longest, start = 0.0, float(row[0]["x0"])
    for before, char in itertools.pairwise(row):
        if char["x0"] - before["x1"] >= 1.5 * size:
            longest, start = max(longest, before["x1"] - start), char["x0"]
    end: float = row[-1]["x1"]
    return max(longest, end - start)


def _gutters(rows: list[_Row]) -> list[float]:
    """The middle of each gutter of the page: a strip at least a character wide that
    at most one row in eight crosses, between strips that a third of the rows fill;
    lines that run across most of the page are not counted."""
    chars = [c for row in rows for c in row]
    if not chars:
        return []
    size = statistics.median(c["size"] for c in chars)
    left = min(c["x0"] for c in chars)
    width = int(max(c["x1"] for c in chars) - left) + 1
    rows = [row for row in rows if _longest_run(row, size) < 0.6 * width]  # not the full-width lines
    if len(rows) < 10:
        return []
    starts = [0] * (width + 2)  # rows covering each point across the page, as differences
    for row in rows:
        reach = -1
        for c in sorted(row, key=lambda c: c["x0"]):
            x0, x1 = max(reach + 1, int(c["x0"] - left)), int(c["x1"] - left)
            if x1 >= x0:
                starts[x0] += 1
                starts[x1 + 1] -= 1
                reach = x1
    per_row = list(itertools.accumulate(starts))[:width + 1]
    sparse, dense = len(rows) / 8, len(rows) / 3
    gutters: list[float] = []
    x = 0
    while x <= width:
        if per_row[x] > sparse:
            x += 1
            continue
        end = x
        while end <= width and per_row[end] <= sparse:
            end += 1
        beside = max(per_row[:x], default=0), max(per_row[end:], default=0)
        if end - x >= size and min(beside) >= dense:
            gutters.append(left + (x + end) / 2)
        x = end
    return gutters


def _furniture(lines: list[_Line]) -> list[_Line]:
    """Lines in a page's margin are furniture when they are page numbers (as the grammar
    reads a page number line, — 1 —, or a line without a Chinese character: 3, 2019·3 31,
    a printed address) or repeat on other pages (a running header); other lines there
    are text that stands high or low on its page."""
    from gongwen.parser import first_token

    def key(line: _Line) -> str:
        return "".join(ch for ch in line.text if not ch.isdigit())

    repeated = collections.Counter(key(line) for line in lines if line.furniture)
    return [line if not line.furniture or not any("\u4e00" <= ch <= "\u9fff" for ch in line.text)
            or repeated[key(line)] > 1
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
    from gongwen.parser import first_token, opens_heading

    body = [line for line in lines if not line.furniture and not line.table] or lines
    size = statistics.median(line.size for line in body)
    block = _edges([line.x0 for line in body], [line.x1 for line in body])
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(body) if a.page == b.page and b.top > a.bottom]
    spacing = statistics.median(gaps or [size])
    out: list[list[_Line]] = []
    held: list[list[_Line]] = []  # furniture met while a paragraph goes on over a page break
    for line in lines:
        if line.furniture and body is not lines:
            held.append([line])
            continue
        last = out[-1][-1] if out else None
        left = (line.column or block)[0]
        right = (last.column or block)[1] if last is not None else block[1]
        joins = (  # (from the foot of one column to the head of the next too)
            last is not None
            and not last.table and not line.table
            and last.x1 >= right - 1.2 * size
            and last.x0 <= (last.column or block)[0] + 4 * size  # not a right-aligned or centred line
            and line.x0 <= left + 0.5 * size
            and (line.page != last.page or line.top - last.bottom <= 1.6 * spacing + 0.5 * size)
            and not opens_heading(line.text)
            and "CONTENTS_ENTRY" not in (first_token(last.text), first_token(line.text))  # 一、总则……1
            and "  " not in last.text + line.text  # a table row or a form: a gap of two characters
        )
        if joins:
            out[-1].append(line)
            continue
        out.extend(held)
        held = []
        out.append([line])
    out.extend(held)
    return out


def _edges(starts: list[float], ends: list[float]) -> tuple[float, float]:
    """The left and right edge of a block of lines: where most lines begin, and where
    they end most often if two or more do (else no right edge)."""
    middle = statistics.median(ends)
    counts = collections.Counter(round(x / 4) * 4 for x in ends if x >= middle)
    edge, count = counts.most_common(1)[0] if counts else (0, 0)
    return _mode(starts), float(edge) if count >= 2 else float("inf")


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
            index=index, start=offset, end=offset + len(text),
            place="margin" if first.furniture else "row" if first.table else "body",
            page=first.page,
            box=(round(min(line.x0 for line in lines), 1), round(first.top, 1),
                 round(max(line.x1 for line in lines), 1), round(lines[-1].bottom, 1))))
        pieces.append(text)
        offset += len(text)
    return Extracted("".join(pieces), sources)
