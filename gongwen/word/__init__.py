"""Word (.docx) input: the text Word shows, numbering included, and where each line came
from. Needs the optional extra ``gongwen[docx]`` (python-docx)."""

from __future__ import annotations

import os

from gongwen.word.package import open_word
from gongwen.word.text import WordText, extract


def read_word(data: bytes, path: str | os.PathLike[str]) -> WordText:
    """The text of the Word file whose bytes are ``data`` (``path`` names it in errors)."""
    return extract(open_word(data, path))


__all__ = ["WordText", "read_word"]
