"""Zip packages (.docx, .ofd) opened with care: nothing is trusted that the archive
declares about itself."""

from __future__ import annotations

import io
import os
import zipfile

from gongwen.reader import ZIP_MAGIC, InputError

MAX_UNCOMPRESSED = 256 * 2**20
"""Bytes a package may unpack to; a zip bomb is refused before anything else reads it."""
_CHUNK = 2**20


def open_package(data: bytes, path: str | os.PathLike[str], kind: str) -> zipfile.ZipFile:
    """The zip archive ``data`` (a ``kind`` file: .docx, .ofd), unpacked once in pieces
    against a running total before anything else reads it; :class:`InputError` naming
    ``path`` when it is not a readable archive, is encrypted, would unpack to more than
    :data:`MAX_UNCOMPRESSED` (also beyond what it declares) or uses a packing method
    the format's writers do not use (bzip2, lzma: they unpack without a bound per piece)."""
    if not data.startswith(ZIP_MAGIC):
        raise InputError(path, f"not a {kind} (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise InputError(path, f"not a {kind} (not a readable zip archive: {error})") from None
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(path, f"an encrypted zip archive, not a {kind}")
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNCOMPRESSED:
        raise InputError(path, f"unpacks to {declared / 2**20:.0f} MB, more than the "
                               f"{MAX_UNCOMPRESSED // 2**20} MB a {kind} may (a zip bomb?)")
    total = 0
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(path, f"not a {kind} ({member.filename} is packed with zip method "
                                   f"{member.compress_type}, which its writers do not use)")
        try:
            with archive.open(member) as unpacking:
                while piece := unpacking.read(_CHUNK):
                    total += len(piece)
                    if total > MAX_UNCOMPRESSED:
                        raise InputError(path, f"unpacks to more than the {MAX_UNCOMPRESSED // 2**20} "
                                               f"MB a {kind} may (a zip bomb?)")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise InputError(path, f"not a {kind} (a damaged zip archive: {error})") from None
    return archive
