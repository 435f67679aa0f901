"""PDF files: the characters of the text layer, with their boxes, laid out as a reader
sees them (:mod:`gongwen.layout`).

Needs the optional extra ``gongwen[pdf]`` (pdfplumber, on pdfminer.six), which also
finds the ruled tables on pages that draw lines (read a row at a time). A PDF
without a text layer (a scan) or whose fonts map the text to private-use code points
is an :class:`InputError`.
"""

from __future__ import annotations

import io
import os
from typing import Any

from gongwen.document import Extracted
from gongwen.layout import Table, lay_out, private_share
from gongwen.reader import InputError

_PRIVATE_MAX = 1 / 3


def read_pdf(data: bytes, path: str | os.PathLike[str]) -> Extracted:
    """The lines of a PDF's text layer, rebuilt as its pages show them (see the module's
    docstring); :class:`InputError` naming ``path`` when it has none to read."""
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:
        raise InputError(path, "reading .pdf needs the pdf extra: pip install 'gongwen[pdf]'") from None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [(page.page_number, page.height, page.chars, len(page.images)) for page in pdf.pages]
            tables = {page.page_number: _tables(page) for page in pdf.pages if page.rects or page.lines}
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if type(cause).__name__ == "PDFPasswordIncorrect":
            raise InputError(path, "the PDF is locked with a password: it cannot be read") from None
        raise InputError(path, f"not a readable PDF ({type(cause).__name__}: {cause})") from None
    laid_out = lay_out([(number, height, chars) for number, height, chars, _ in pages], tables)
    if laid_out is None:
        images = sum(count for *_, count in pages)
        raise InputError(path, f"no text to read: {len(pages)} pages without a text layer"
                               f"{f' ({images} images: a scan?)' if images else ''}")
    if private_share(laid_out) > _PRIVATE_MAX:
        raise InputError(path, "its fonts map the text to private-use code points: it cannot be read")
    return laid_out


def _tables(page: Any) -> list[Table]:
    """The ruled tables pdfplumber finds on the page from the rules it shows (not the white
    boxes a word processor fills behind its lines), each with two cells in a row at least
    (a bordered frame round a paragraph is one cell: it is text, not a table)."""
    found = page.filter(_shown).find_tables()
    return [[(row.bbox, list(row.cells)) for row in table.rows] for table in found
            if any(sum(cell is not None for cell in row.cells) >= 2 for row in table.rows)]


def _shown(drawn: dict[str, Any]) -> bool:
    """Whether a page object is seen: a rectangle stroked, or filled with a colour."""
    if drawn.get("object_type") != "rect" or drawn.get("stroke"):
        return True
    colour = drawn.get("non_stroking_color")
    values = colour if isinstance(colour, (list, tuple)) else (colour,)
    white = (all(v == 1 for v in values) if len(values) in (1, 3)
             else len(values) == 4 and all(v == 0 for v in values))  # gray, RGB, CMYK
    return bool(drawn.get("fill")) and not white
