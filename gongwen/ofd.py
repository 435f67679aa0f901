"""OFD files (GB/T 33190-2016): the characters of each page's text objects, with their
positions, laid out as a reader sees them (:mod:`gongwen.layout`).

Needs the optional extra ``gongwen[ofd]`` (lxml). The package is read as OFD.xml →
DocRoot → Document.xml → pages (and the templates they use, where a 红头 or page
numbers often stand) → their text objects, whose TextCode characters are placed by
X, Y and DeltaX (also in its ``g`` repeat form). The package is opened with the care
given to .docx (:mod:`gongwen.zips`); its XML is read without entities or network.
Not read yet: text drawn as composite objects or glyph indexes (CGTransform).
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from gongwen.document import Extracted
from gongwen.layout import Page, lay_out
from gongwen.reader import InputError
from gongwen.zips import open_package

_POINTS = 72 / 25.4  # OFD measures in millimetres


def read_ofd(data: bytes, path: str | os.PathLike[str]) -> Extracted:
    """The text of an OFD document (its first document), laid out; :class:`InputError`
    naming ``path`` when it cannot be read."""
    try:
        from lxml import etree
    except ImportError:
        raise InputError(path, "reading .ofd needs the ofd extra: pip install 'gongwen[ofd]'") from None
    archive = open_package(data, path, ".ofd")
    names = {name.lstrip("/"): name for name in archive.namelist()}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)

    def xml(name: str) -> Any:
        member = names.get(name.lstrip("/"))
        if member is None:
            raise InputError(path, f"not a readable OFD ({name} is missing)")
        try:
            return etree.fromstring(archive.read(member), parser)
        except etree.XMLSyntaxError as error:
            raise InputError(path, f"not a readable OFD ({name}: {error})") from None

    root = xml("OFD.xml")
    doc_root = _text(root.find(".//{*}DocBody/{*}DocRoot"))
    if not doc_root:
        raise InputError(path, "not a readable OFD (OFD.xml names no DocRoot)")
    document = xml(doc_root)
    folder = posixpath.dirname(doc_root.lstrip("/"))
    box = _numbers(_text(document.find(".//{*}CommonData/{*}PageArea/{*}PhysicalBox")))
    default_height = box[3] if len(box) == 4 else 297.0
    templates = {template.get("ID"): template.get("BaseLoc", "")
                 for template in document.iterfind(".//{*}CommonData/{*}TemplatePage")}
    pages: list[Page] = []
    for number, page in enumerate(document.iterfind(".//{*}Pages/{*}Page"), start=1):
        content = xml(posixpath.join(folder, page.get("BaseLoc", "")))
        area = _numbers(_text(content.find(".//{*}Area/{*}PhysicalBox")))
        height = area[3] if len(area) == 4 else default_height
        chars: list[dict[str, Any]] = []
        for used in content.iterfind("{*}Template"):
            base = templates.get(used.get("TemplateID"))
            if base:
                chars.extend(_chars(xml(posixpath.join(folder, base))))
        chars.extend(_chars(content))
        pages.append((number, height * _POINTS, chars))
    laid_out = lay_out(pages)
    if laid_out is None:
        raise InputError(path, f"no text to read: {len(pages)} pages without text objects")
    return laid_out


def _chars(content: Any) -> list[dict[str, Any]]:
    """The characters of the text objects under ``content``, placed on the page in points."""
    chars = []
    for text_object in content.iter("{*}TextObject"):
        boundary = _numbers(text_object.get("Boundary", ""))
        if len(boundary) != 4:
            continue
        size = float(text_object.get("Size", "0") or 0) or boundary[3]
        x, y = boundary[0], boundary[1]
        for code in text_object.iterfind("{*}TextCode"):
            text = code.text or ""
            deltas = _deltas(code.get("DeltaX", ""))
            at = x + float(code.get("X", "0") or 0)
            run = at * _POINTS  # (text objects may overlap: each one's characters stay together)
            baseline = y + float(code.get("Y", "0") or 0)
            for index, char in enumerate(text):
                advance = deltas[index] if index < len(deltas) else size
                chars.append({"text": char, "x0": at * _POINTS, "x1": (at + min(advance, size)) * _POINTS,
                              "top": (baseline - size) * _POINTS, "bottom": baseline * _POINTS,
                              "size": size * _POINTS, "run": run})
                at += advance
    return chars


def _deltas(value: str) -> list[float]:
    """DeltaX as numbers, its ``g N d`` (d repeated N times) written out."""
    parts = value.split()
    out: list[float] = []
    index = 0
    while index < len(parts):
        if parts[index] == "g" and index + 2 < len(parts):
            out.extend([_number(parts[index + 2])] * min(int(_number(parts[index + 1])), 10_000))
            index += 3
        else:
            out.append(_number(parts[index]))
            index += 1
    return out


def _numbers(value: str) -> list[float]:
    return [_number(part) for part in value.split()]


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _text(element: Any) -> str:
    return (element.text or "").strip() if element is not None else ""
