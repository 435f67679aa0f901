"""PDF files: the characters of the text layer, with their boxes, laid out as a reader
sees them (:mod:`gongwen.layout`).

Needs the optional extra ``gongwen[pdf]`` (pdfplumber, on pdfminer.six). A PDF
without a text layer (a scan) or whose fonts map the text to private-use code points
is an :class:`InputError`.
"""

from __future__ import annotations

import io
import os

from gongwen.document import Extracted
from gongwen.layout import lay_out, private_share
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
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise InputError(path, f"not a readable PDF ({type(error).__name__}: {error})") from None
    laid_out = lay_out([(number, height, chars) for number, height, chars, _ in pages])
    if laid_out is None:
        images = sum(count for *_, count in pages)
        raise InputError(path, f"no text to read: {len(pages)} pages without a text layer"
                               f"{f' ({images} images: a scan?)' if images else ''}")
    if private_share(laid_out) > _PRIVATE_MAX:
        raise InputError(path, "its fonts map the text to private-use code points: it cannot be read")
    return laid_out
