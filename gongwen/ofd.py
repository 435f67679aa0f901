"""OFD files (GB/T 33190-2016): the characters of each page's text objects, with their
positions, laid out as a reader sees them (:mod:`gongwen.layout`).

Needs the optional extra ``gongwen[ofd]`` (lxml). The package is read as OFD.xml →
DocRoot → Document.xml → pages (and the templates they use, where a 红头 or page
numbers often stand) → their text objects, whose TextCode characters are placed by
X, Y and DeltaX (also in its ``g`` repeat form). The package is opened with the care
given to .docx (:mod:`gongwen.zips`); its XML is read without entities or network.
A text code that DeltaY carries onto the lines below is read as those lines.
Composite objects are followed into the graphic units of the document's resources
(DocumentRes, PublicRes), each object's CTM applied. The text of a TextCode is read
as written; glyph substitutions (CGTransform) change the drawing, not the text.
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
_MOST_OBJECTS = 1_000_000  # composite units can nest and repeat: a bound on what is visited

Matrix = tuple[float, float, float, float, float, float]  # x' = a·x + c·y + e, y' = b·x + d·y + f
_PAGE: Matrix = (_POINTS, 0.0, 0.0, _POINTS, 0.0, 0.0)


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
    units: dict[str, Any] = {}
    for resources in ("PublicRes", "DocumentRes"):
        for listed in document.iterfind(f".//{{*}}CommonData/{{*}}{resources}"):
            resource = xml(posixpath.join(folder, _text(listed)))
            units.update((unit.get("ID"), unit) for unit in resource.iter("{*}CompositeGraphicUnit"))
    budget = [_MOST_OBJECTS]
    pages: list[Page] = []
    for number, page in enumerate(document.iterfind(".//{*}Pages/{*}Page"), start=1):
        content = xml(posixpath.join(folder, page.get("BaseLoc", "")))
        area = _numbers(_text(content.find(".//{*}Area/{*}PhysicalBox")))
        height = area[3] if len(area) == 4 else default_height
        chars: list[dict[str, Any]] = []
        for used in content.iterfind("{*}Template"):
            base = templates.get(used.get("TemplateID"))
            if base:
                _chars(xml(posixpath.join(folder, base)), _PAGE, units, chars, budget)
        _chars(content, _PAGE, units, chars, budget)
        if budget[0] < 0:
            raise InputError(path, f"not a readable OFD (more than {_MOST_OBJECTS} objects drawn)")
        pages.append((number, height * _POINTS, chars))
    laid_out = lay_out(pages)
    if laid_out is None:
        raise InputError(path, f"no text to read: {len(pages)} pages without text objects")
    return laid_out


def _chars(content: Any, outer: Matrix, units: dict[str, Any], chars: list[dict[str, Any]],
           budget: list[int], depth: int = 0) -> None:
    """Append the characters of the text objects under ``content``, placed on the page in
    points by ``outer`` (content space → page), following composite objects into ``units``."""
    for drawn in content.iter("{*}TextObject", "{*}CompositeObject"):
        budget[0] -= 1
        boundary = _numbers(drawn.get("Boundary", ""))
        if budget[0] < 0 or len(boundary) != 4:
            continue
        ctm = _numbers(drawn.get("CTM", ""))
        inner = _times(outer, (1.0, 0.0, 0.0, 1.0, boundary[0], boundary[1]))
        if len(ctm) == 6:
            inner = _times(inner, (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]))
        if drawn.tag.endswith("CompositeObject"):
            unit = units.get(drawn.get("ResourceID"))
            if unit is not None and depth < 8:
                for unit_content in unit.iterfind("{*}Content"):
                    _chars(unit_content, inner, units, chars, budget, depth + 1)
            continue
        size = float(drawn.get("Size", "0") or 0) or boundary[3]
        scale = abs(inner[0] * inner[3] - inner[1] * inner[2]) ** 0.5
        for code in drawn.iterfind("{*}TextCode"):
            text = code.text or ""
            budget[0] -= len(text)
            deltas, downs = _deltas(code.get("DeltaX", "")), _deltas(code.get("DeltaY", ""))
            x, y = float(code.get("X", "0") or 0), float(code.get("Y", "0") or 0)
            run = _at(inner, x, y)[0]  # (text objects may overlap: each one's characters stay together)
            for index, char in enumerate(text):
                advance = deltas[index] if index < len(deltas) else size
                left, baseline = _at(inner, x, y)
                right = _at(inner, x + min(abs(advance), size), y)[0]
                chars.append({"text": char, "x0": left, "x1": right, "top": baseline - size * scale,
                              "bottom": baseline, "size": size * scale, "run": run})
                x += advance
                y += downs[index] if index < len(downs) else 0.0  # (a text code wrapped onto lines below)


def _times(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix that applies ``inner``, then ``outer``."""
    a, b, c, d, e, f = outer
    p, q, r, s, t, u = inner
    return (a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f)


def _at(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _deltas(value: str) -> list[float]:
    """DeltaX (or DeltaY) as numbers, its ``g N d`` (d repeated N times) written out."""
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
