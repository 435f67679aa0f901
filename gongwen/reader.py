"""Read a document file: decode it exactly, or say clearly why not."""

from __future__ import annotations

import os
import stat

from gongwen.document import Document
from gongwen.parser import parse, parse_extracted

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_CONTROL = frozenset(chr(c) for c in (*range(0, 9), *range(14, 32))) - {"\x1b"}


ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a .doc, or an encrypted .docx
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def is_word(data: bytes, path: str | os.PathLike[str]) -> bool:
    """Whether to read a file as Word: a zip or OLE file, or one named .docx."""
    return (data.startswith((ZIP_MAGIC, OLE_MAGIC))
            or os.fspath(path).lower().endswith(WORD_SUFFIXES))


class InputError(Exception):
    """A file that cannot be read as a document; the message names the file."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = os.fspath(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Pickled with its path and message (to and from worker processes)."""
        return InputError, (self.path, self.message)


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text of ``path`` and the encoding it was read with.

    UTF-8 (with or without byte order mark), UTF-16 with a byte order mark and
    GB18030 are recognised. A byte order mark stays in the text as U+FEFF, so
    the text encodes back to the exact bytes of the file.
    """
    return decode(_read_bytes(path), path)


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes; a FIFO, a device or a socket is refused, not read without end
    (opened without waiting for a writer, then looked at before reading)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", buffering=0, closefd=True) as file:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                kind = "a FIFO" if stat.S_ISFIFO(mode) else "a folder" if stat.S_ISDIR(mode) else "a device"
                raise InputError(path, f"not a regular file ({kind})")
            return file.read()
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None


def decode(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text of a file's bytes and the encoding read (see :func:`read_text`); ``path``
    names the file in an :class:`InputError`."""
    codec, name = next(
        ((codec, name) for bom, codec, name in _BOMS if data.startswith(bom)), (None, None)
    )
    if codec is None and b"\x00" in data:
        raise InputError(path, f"binary file (NUL byte at offset {data.index(0)})")
    try:
        text = data.decode(codec or "utf-8")
    except UnicodeDecodeError as error:
        if codec is not None:
            raise _undecodable(path, data, error) from None
        codec, name = "gb18030", "gb18030"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _undecodable(path, data, error) from None
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) // 100):
        raise InputError(path, f"binary file ({controls} control characters)")
    return text, name or "utf-8"


def _undecodable(path: str | os.PathLike[str], data: bytes, error: UnicodeDecodeError) -> InputError:
    return InputError(
        path,
        f"not UTF-8, UTF-16 or GB18030 text (byte 0x{data[error.start]:02x} "
        f"at offset {error.start} cannot be decoded)",
    )


def parse_file(path: str | os.PathLike[str]) -> Document:
    """Read and parse one document file: text, or Word (.docx, known by its name or its
    zip content); raises :class:`InputError` if it is neither."""
    return parse_bytes(_read_bytes(path), path)


def parse_bytes(data: bytes, path: str | os.PathLike[str]) -> Document:
    """Parse the bytes of a document file (see :func:`parse_file`); ``path`` is recorded
    and names the file in an :class:`InputError`."""
    if is_word(data, path):
        from gongwen.word import read_word  # loaded only for Word files

        extracted = read_word(data, path)
        return parse_extracted(extracted.text, path=os.fspath(path),
                               source_paragraphs=extracted.paragraphs)
    text, encoding = decode(data, path)
    return parse(text, encoding=encoding, path=os.fspath(path))
