"""Open a .docx safely: refuse what is not one with a message the user can act on."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any

from gongwen.reader import OLE_MAGIC, InputError
from gongwen.word.numbering import W
from gongwen.zips import open_package

_WORD_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class WordParts:
    """The XML a reading needs: the body, and the numbering and styles parts if present."""

    body: Any
    numbering: Any | None
    styles: Any | None
    theme: Any | None = None
    footers: tuple[tuple[str, Any], ...] = ()
    """The body's last section's footers: (default, first or even; its XML)."""
    even_and_odd: bool = False
    """Whether even pages have footers of their own (``w:evenAndOddHeaders``)."""


def open_word(data: bytes, path: str | os.PathLike[str]) -> WordParts:
    """The parts of the Word file whose bytes are ``data``; :class:`InputError` naming
    ``path`` when it is not a readable .docx."""
    if data.startswith(OLE_MAGIC):
        what = "an encrypted .docx" if "EncryptedPackage".encode("utf-16-le") in data else "a .doc"
        raise InputError(path, f"{what} (an OLE compound file), not a .docx: "
                               "save it as a .docx without a password")
    archive = open_package(data, path, ".docx")
    members = archive.infolist()
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
    return WordParts(body, _related(main, _NUMBERING), _related(main, _STYLES), _theme(main),
                     _footers(main, body), _even_and_odd(main))


def _footers(main: Any, body: Any) -> tuple[tuple[str, Any], ...]:
    section = body.find(W + "sectPr")
    found = []
    for reference in section.iterfind(W + "footerReference") if section is not None else ():
        try:
            part = main.related_parts[reference.get(_R + "id", "")]
        except KeyError:
            continue
        element = getattr(part, "element", None)
        if element is not None:
            found.append((reference.get(W + "type", "default"), element))
    return tuple(found)


def _even_and_odd(main: Any) -> bool:
    settings = _related(main, _SETTINGS)
    return settings is not None and settings.find(W + "evenAndOddHeaders") is not None


def _theme(main: Any) -> Any | None:
    """The theme's XML (python-docx keeps it as a plain part: its bytes, parsed here)."""
    try:
        part = main.part_related_by(_THEME)
    except (KeyError, AttributeError):
        return None
    from lxml import etree

    try:
        return etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _related(part: Any, relationship: str) -> Any | None:
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None
