"""Open a .docx safely: refuse what is not one with a message the user can act on."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from typing import Any

from gongwen.reader import OLE_MAGIC, ZIP_MAGIC, InputError
from gongwen.word.numbering import W

MAX_UNCOMPRESSED = 256 * 2**20
"""Bytes a .docx may unpack to; a zip bomb is refused before anything is unpacked."""
_WORD_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


@dataclass(frozen=True)
class WordParts:
    """The XML a reading needs: the body, and the numbering and styles parts if present."""

    body: Any
    numbering: Any | None
    styles: Any | None


def open_word(data: bytes, path: str | os.PathLike[str]) -> WordParts:
    """The parts of the Word file whose bytes are ``data``; :class:`InputError` naming
    ``path`` when it is not a readable .docx."""
    if data.startswith(OLE_MAGIC):
        what = "an encrypted .docx" if "EncryptedPackage".encode("utf-16-le") in data else "a .doc"
        raise InputError(path, f"{what} (an OLE compound file), not a .docx: "
                               "save it as a .docx without a password")
    if not data.startswith(ZIP_MAGIC):
        raise InputError(path, "not a .docx (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise InputError(path, f"not a .docx (not a readable zip archive: {error})") from None
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(path, "an encrypted zip archive, not a .docx")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNCOMPRESSED:
        raise InputError(path, f"unpacks to {unpacked / 2**20:.0f} MB, more than the "
                               f"{MAX_UNCOMPRESSED // 2**20} MB a .docx may (a zip bomb?)")
    _unpack_within_bounds(archive, members, path)
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names:
        raise InputError(path, "not a Word document (a zip archive without [Content_Types].xml)")
    try:
        from docx.opc.package import OpcPackage
    except ImportError:
        raise InputError(path, "reading .docx needs the docx extra: "
                               "pip install 'gongwen[docx]'") from None
    try:
        main = OpcPackage.open(io.BytesIO(data)).main_document_part
    except Exception as error:  # python-docx and lxml raise many kinds
        raise InputError(path, f"not a readable Word document ({type(error).__name__}: {error})"
                         ) from None
    if main.content_type not in _WORD_MAIN:
        raise InputError(path, f"not a Word document (its main part is {main.content_type})")
    body = main.element.find(W + "body")
    if body is None:
        raise InputError(path, "a Word document without a body (word/document.xml has no w:body)")
    return WordParts(body, _related(main, _NUMBERING), _related(main, _STYLES))


_CHUNK = 2**20


def _unpack_within_bounds(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo],
                          path: str | os.PathLike[str]) -> None:
    """Unpack every member in pieces against a running total, before anything else reads
    them: the sizes a zip declares are not trusted. Word writes members stored or
    deflated; other methods (bzip2, lzma) unpack without a bound per piece and are refused."""
    total = 0
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(path, f"not a .docx ({member.filename} is packed with zip method "
                                   f"{member.compress_type}, which Word does not use)")
        try:
            with archive.open(member) as unpacking:
                while piece := unpacking.read(_CHUNK):
                    total += len(piece)
                    if total > MAX_UNCOMPRESSED:
                        raise InputError(path, f"unpacks to more than the {MAX_UNCOMPRESSED // 2**20} "
                                               "MB a .docx may (a zip bomb?)")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise InputError(path, f"not a .docx (a damaged zip archive: {error})") from None


def _related(part: Any, relationship: str) -> Any | None:
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None
