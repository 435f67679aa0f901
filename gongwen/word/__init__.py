"""Word (.docx) input: the text Word shows, numbering included, and where each line came
from. Needs the optional extra ``gongwen[docx]`` (python-docx)."""

from __future__ import annotations

import os

from gongwen.document import Extracted
from gongwen.reader import InputError
from gongwen.word.package import open_word
from gongwen.word.text import TEXT_MAX, TooLong, extract


def read_word(data: bytes, path: str | os.PathLike[str]) -> Extracted:
    """The text of the Word file whose bytes are ``data`` (``path`` names it in errors)."""
    parts = open_word(data, path)
    try:
        return extract(parts)
    except TooLong:
        raise InputError(path, f"its text passes {TEXT_MAX // 2**20} M characters "
                               "(numbering that repeats without end?)") from None


__all__ = ["read_word"]
