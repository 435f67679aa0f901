"""Read a document file: decode it exactly, or say clearly why not."""

from __future__ import annotations

import contextlib
import importlib
import os
import stat
from collections.abc import Callable

from gongwen.document import Document, Extracted
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

    UTF-8 (with or without byte order mark), UTF-16 (with a byte order mark, or
    without when the text reads as Chinese), GB18030 and Big5 are recognised. A byte
    order mark stays in the text as U+FEFF, so the text encodes back to the exact
    bytes of the file.
    """
    return decode(read_bytes(path), path)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
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


# The 500 characters most used in Chinese text: a reading in which few of its Han
# characters are among them is the wrong encoding (Big5 bytes read as GB18030 give
# 1 in 60; real text, simplified or traditional, more than half).
_COMMON_HAN = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
    "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你"
    "明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果"
    "料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
    "指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济"
    "阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示"
    "议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装"
    "影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克"
    "何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适"
)
_PLAUSIBLE = 0.4  # share of common characters above which a reading is taken as text
_DOUBTFUL = 0.2  # … below which the GB18030 reading gives way to a more plausible one


def decode(data: bytes, path: str | os.PathLike[str], encoding: str | None = None) -> tuple[str, str]:
    """The text of a file's bytes and the encoding read (see :func:`read_text`); ``path``
    names the file in an :class:`InputError`. ``encoding`` (a Python codec name) reads
    the bytes in that encoding only."""
    if encoding is not None:
        return _decode_as(data, path, encoding), encoding
    codec, name = next(
        ((codec, name) for bom, codec, name in _BOMS if data.startswith(bom)), (None, None)
    )
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _undecodable(path, data, error, name or codec) from None
    elif b"\x00" in data:  # UTF-16 without its byte order mark, or binary
        text, name = _utf16_without_mark(data, path)
    else:
        try:
            text, name = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as error:
            text, name = _legacy(data, path, error)
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) // 100):
        raise InputError(path, f"binary file ({controls} control characters)")
    return text, name or "utf-8"


def _decode_as(data: bytes, path: str | os.PathLike[str], encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(path, f"no such encoding: {encoding}") from None
    except UnicodeDecodeError as error:
        raise _undecodable(path, data, error, encoding) from None


def _common_share(text: str) -> float:
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON_HAN for ch in han) / len(han) if han else 0.0


def _legacy(data: bytes, path: str | os.PathLike[str], utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: GB18030, or Big5 when the GB18030 reading is nonsense and Big5's is
    text. Where neither reads, the error is where UTF-8 failed."""
    readings: dict[str, str] = {}
    for codec in ("gb18030", "big5"):
        with contextlib.suppress(UnicodeDecodeError):
            readings[codec] = data.decode(codec)
    gb, big5 = readings.get("gb18030"), readings.get("big5")
    if gb is not None and (big5 is None or _common_share(gb) >= _DOUBTFUL):
        return gb, "gb18030"
    if big5 is not None and _common_share(big5) > _PLAUSIBLE:
        return big5, "big5"
    if gb is not None:
        return gb, "gb18030"
    raise _undecodable(path, data, utf8_error, "UTF-8, GB18030 or Big5")


def _utf16_without_mark(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """Bytes with NULs: UTF-16 when they read as Chinese text in it (little endian first
    where more NULs stand second in their pair, as ASCII and U+4E00 put them); else binary."""
    if len(data) % 2 == 0:
        little_first = data[1::2].count(0) >= data[0::2].count(0)
        for codec in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _common_share(text) > _PLAUSIBLE:
                return text, codec
    raise InputError(path, f"binary file (NUL byte at offset {data.index(0)})")


def _undecodable(path: str | os.PathLike[str], data: bytes, error: UnicodeDecodeError,
                 tried: str) -> InputError:
    return InputError(
        path,
        f"not {tried} text (byte 0x{data[error.start]:02x} at offset {error.start} "
        "cannot be decoded; --encoding names another)",
    )


def parse_file(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Read and parse one document file: text, or Word (.docx, known by its name or its
    zip content); raises :class:`InputError` if it is neither. ``encoding`` (a Python
    codec name: gbk, big5, utf-16-le …) reads a text file in that encoding only."""
    return parse_bytes(read_bytes(path), path, encoding)


def parse_bytes(data: bytes, path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Parse the bytes of a document file (see :func:`parse_file`); ``path`` is recorded
    and names the file in an :class:`InputError`."""
    extracted = _extracted(data, path)
    if extracted is not None:
        return parse_extracted(extracted.text, path=os.fspath(path), source_paragraphs=extracted.paragraphs,
                               layout=extracted.layout)
    text, read_as = decode(data, path, encoding)
    return parse(text, encoding=read_as, path=os.fspath(path))


def is_ofd(data: bytes, path: str | os.PathLike[str]) -> bool:
    """Whether to read a file as OFD: a zip archive named .ofd."""
    return data.startswith(ZIP_MAGIC) and os.fspath(path).lower().endswith(".ofd")


def is_pdf(data: bytes, path: str | os.PathLike[str]) -> bool:
    """Whether to read a file as PDF: by its signature, whatever its name."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def is_html(data: bytes, path: str | os.PathLike[str]) -> bool:
    """Whether to read a file as a web page: named .html or .htm, or opening like one."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (os.fspath(path).lower().endswith((".html", ".htm"))
            or head.startswith((b"<!doctype html", b"<html")))


# Files that are no plain text, tried in this order (an .ofd and a .docx are both zip
# archives: the name decides): how each is recognised, and the function that reads it,
# loaded only for such a file.
_READERS: tuple[tuple[Callable[[bytes, str | os.PathLike[str]], bool], str, str], ...] = (
    (is_ofd, "gongwen.ofd", "read_ofd"), (is_word, "gongwen.word", "read_word"),
    (is_pdf, "gongwen.pdf", "read_pdf"), (is_html, "gongwen.web", "read_html"),
)


def extracted_format(data: bytes, path: str | os.PathLike[str]) -> bool:
    """Whether a file is read by extracting its text (Word, PDF, OFD, a web page), not
    decoded as text."""
    return any(recognises(data, path) for recognises, _, _ in _READERS)


def _extracted(data: bytes, path: str | os.PathLike[str]) -> Extracted | None:
    for recognises, module, function in _READERS:
        if recognises(data, path):
            read: Callable[[bytes, str | os.PathLike[str]], Extracted] = getattr(
                importlib.import_module(module), function)
            return read(data, path)
    return None
