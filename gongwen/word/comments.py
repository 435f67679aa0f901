"""Findings written into a copy of a Word file as comments (批注), each anchored on the
characters it concerns; on request, the layout findings with one right answer (the font
and size of a title, a body paragraph or a heading, a first-line indent) fixed in the
copy as tracked formatting changes (``w:rPrChange``, ``w:pPrChange``) instead.

The copy is the original with ``word/document.xml`` rewritten (the runs a comment or a
fix starts or ends inside split there, ``w:commentRangeStart``/``End`` and a reference
added) and a comments part added or extended; every other part is copied as it is. The
original is never written.
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import zipfile
from typing import TYPE_CHECKING, Any

from gongwen.reader import InputError
from gongwen.word.numbering import W
from gongwen.word.text import _paragraphs, _runs_text
from gongwen.zips import open_package

if TYPE_CHECKING:
    from gongwen.checks import Diagnostic, Profile
    from gongwen.document import Document

_DOCUMENT = "word/document.xml"
_COMMENTS = "word/comments.xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
AUTHOR = "gongwen"


def annotate(data: bytes, path: str | os.PathLike[str], doc: Document, findings: list[Diagnostic],
             fix: Profile | None = None) -> bytes:
    """The bytes of a copy of the Word file ``data`` (parsed as ``doc``) with each finding
    as a comment on the characters from its ``start`` to its ``end``; with ``fix`` (the
    profile checked against), the fixable layout findings fixed as tracked changes
    instead of commented (:func:`fixable`)."""
    from lxml import etree

    archive = open_package(data, path, ".docx")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    names = set(archive.namelist())
    if _DOCUMENT not in names:
        raise InputError(path, "not a Word document this can annotate (no word/document.xml)")
    document = etree.fromstring(archive.read(_DOCUMENT), parser)
    body = document.find(W + "body")
    comments = (etree.fromstring(archive.read(_COMMENTS), parser) if _COMMENTS in names
                else etree.Element(W + "comments", nsmap={"w": W[1:-1]}))
    next_id = 1 + max((int(c.get(W + "id", "0")) for c in comments.iter(W + "comment")
                       if c.get(W + "id", "").isdigit()), default=-1)
    paragraphs = [paragraph for paragraph, _ in _paragraphs(body, "body")]
    sources = doc.source_paragraphs or []
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    changes = iter(range(10**6, 2 * 10**6))  # ids of tracked changes, apart from the comments'
    for finding in findings:
        target = fixable(doc, finding, fix) if fix is not None else None
        paragraph = _paragraph_at(sources, finding.start)
        if target is None or paragraph is None or paragraph.index >= len(paragraphs):
            continue
        element = paragraphs[paragraph.index]
        if isinstance(target, float):
            _indent(element, target, next(changes), when)
            continue
        lo, hi = finding.start - _text_start(paragraph), finding.end - _text_start(paragraph)
        _split(element, lo)  # (a fix stops where its finding does)
        _split(element, min(finding.end, paragraph.end - 1) - _text_start(paragraph))
        for run, begins, ends in _runs_text(element)[1]:
            if begins < hi and ends > lo:
                _set_font(run, *target, next(changes), when)
    fixed = {id(f) for f in findings if fix is not None and fixable(doc, f, fix) is not None}
    for finding in sorted((f for f in findings if id(f) not in fixed), key=lambda f: (f.start, f.end)):
        first = _paragraph_at(sources, finding.start)
        last = _paragraph_at(sources, max(finding.start, finding.end - 1))
        if first is None or last is None or last.index >= len(paragraphs):
            continue
        start = _split(paragraphs[first.index], finding.start - _text_start(first))
        end = _split(paragraphs[last.index], min(finding.end, last.end - 1) - _text_start(last))
        _mark(paragraphs[first.index], start, paragraphs[last.index], end, next_id)
        comments.append(_comment(next_id, comment_text(finding), when))
        next_id += 1
    return _packed(archive, {
        _DOCUMENT: etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True),
        _COMMENTS: etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True),
        **({} if _COMMENTS in names else _registered(archive, parser)),
    })


def fixable(doc: Document, finding: Diagnostic, profile: Profile) -> tuple[str, float | None] | float | None:
    """What fixing a layout finding sets: (font, size) for the runs of a title, a body
    paragraph, a heading or the 版记, an indent in characters for GW605; None for a
    finding that has no one right answer."""
    if finding.code == "GW602":
        return profile.title.fonts[0], profile.title.size
    if finding.code == "GW603":
        return profile.body.fonts[0], profile.body.size
    if finding.code == "GW608":
        return profile.body.fonts[0], 14.0
    if finding.code == "GW604":
        from gongwen.nodes import Section

        section = next((s for s in doc.find_all(Section) if s.marker.start == finding.start), None)
        fonts = profile.headings.get(section.marker.family) if section is not None else None
        return (fonts[0], None) if fonts else None
    if finding.code == "GW605":
        return profile.indent
    return None


def _set_font(run: Any, font: str, size: float | None, number: int, when: str) -> None:
    """Set a run's East Asian font (and size), the change tracked."""
    from lxml import etree

    properties = run.find(W + "rPr")
    if properties is None:
        properties = etree.Element(W + "rPr")
        run.insert(0, properties)
    before = copy.deepcopy(properties)
    fonts = properties.find(W + "rFonts")
    if fonts is None:
        fonts = etree.Element(W + "rFonts")
        properties.insert(1 if properties.find(W + "rStyle") is not None else 0, fonts)
    fonts.set(W + "eastAsia", font)
    fonts.attrib.pop(W + "eastAsiaTheme", None)
    if size is not None:
        for name in ("sz", "szCs"):
            element = properties.find(W + name)
            if element is None:
                element = etree.SubElement(properties, W + name)
            element.set(W + "val", str(round(size * 2)))
    _track(properties, before, "rPrChange", number, when)


def _indent(paragraph: Any, characters: float, number: int, when: str) -> None:
    """Set a paragraph's first-line indent in characters, the change tracked."""
    from lxml import etree

    properties = paragraph.find(W + "pPr")
    if properties is None:
        properties = etree.Element(W + "pPr")
        paragraph.insert(0, properties)
    before = copy.deepcopy(properties)
    for dropped in before.findall(W + "rPr") + before.findall(W + "sectPr"):
        before.remove(dropped)
    indent = properties.find(W + "ind")
    if indent is None:
        indent = etree.Element(W + "ind")
        following = properties.find(W + "jc")
        if following is not None:
            following.addprevious(indent)
        else:
            properties.append(indent)
    for name in ("firstLine", "hanging", "hangingChars"):
        indent.attrib.pop(W + name, None)
    indent.set(W + "firstLineChars", str(round(characters * 100)))
    _track(properties, before, "pPrChange", number, when)


def _track(properties: Any, before: Any, kind: str, number: int, when: str) -> None:
    """Record ``before`` as what ``properties`` were, by gongwen (the change Word shows)."""
    from lxml import etree

    for stale in properties.findall(W + kind):
        properties.remove(stale)
    for stale in before.findall(W + kind):
        before.remove(stale)
    change = etree.SubElement(properties, W + kind)
    change.set(W + "id", str(number))
    change.set(W + "author", AUTHOR)
    change.set(W + "date", when)
    before.tag = properties.tag
    change.append(before)


def comment_text(finding: Diagnostic) -> str:
    """A finding as its comment says it: the code and the message, spacing made plain (a
    tab the message quotes is a space)."""
    return " ".join(f"{finding.code} {finding.message}".split())


def _paragraph_at(sources: list[Any], offset: int) -> Any | None:
    return next((p for p in sources if p.start <= offset < p.end), None)


def _text_start(source: Any) -> int:
    """Where the runs' text of a paragraph begins: after a marker Word's numbering drew."""
    return int(source.start) + len(source.numbering or "")


def _split(paragraph: Any, offset: int) -> Any | None:
    """The run that begins at ``offset`` of the paragraph's runs' text, splitting the run
    that holds it there; None at the end of the text (or inside a drawn marker: the first
    run is taken)."""
    _, runs = _runs_text(paragraph)
    offset = max(offset, 0)
    for run, start, end in runs:
        if offset <= start:
            return run
        if start < offset < end:
            return _split_run(run, offset - start)
    return None


def _split_run(run: Any, at: int) -> Any:
    """Split ``run`` ``at`` characters into its text; the second part, a new run with the
    same properties, is returned. A split falls inside a ``w:t`` or between the run's
    pieces (a tab, a break: a character each); a run whose text it cannot reach (a
    symbol, a field's result in pieces) is taken whole."""
    children = [child for child in run if child.tag != W + "rPr"]
    seen = 0
    for index, child in enumerate(children):
        length = (len(child.text or "") if child.tag == W + "t"
                  else 1 if child.tag in (W + "tab", W + "br", W + "cr", W + "noBreakHyphen") else 0)
        if seen + length <= at:
            seen += length
            continue
        second = copy.deepcopy(run)
        kept = [c for c in second if c.tag != W + "rPr"]
        cut = at - seen
        if child.tag == W + "t" and cut:
            text = child.text or ""
            child.text, kept[index].text = text[:cut], text[cut:]
            for element in (child, kept[index]):
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            first_drops, second_drops = children[index + 1:], kept[:index]
        else:
            first_drops, second_drops = children[index:], kept[:index]
        for element in first_drops:
            run.remove(element)
        for element in second_drops:
            second.remove(element)
        run.addnext(second)
        return second
    return run


def _mark(first_paragraph: Any, start: Any | None, last_paragraph: Any, end: Any | None, number: int) -> None:
    """Put the comment's range from before ``start`` to before ``end`` (the run after the
    range; None: the end of ``last_paragraph``), and its reference after the range."""
    from lxml import etree

    opening = etree.Element(W + "commentRangeStart")
    opening.set(W + "id", str(number))
    closing = etree.Element(W + "commentRangeEnd")
    closing.set(W + "id", str(number))
    reference = etree.Element(W + "r")
    properties = etree.SubElement(reference, W + "rPr")
    etree.SubElement(properties, W + "rStyle").set(W + "val", "CommentReference")
    etree.SubElement(reference, W + "commentReference").set(W + "id", str(number))
    if start is not None:
        start.addprevious(opening)
    else:
        first_paragraph.append(opening)
    if end is not None:
        end.addprevious(closing)
    else:
        last_paragraph.append(closing)
    closing.addnext(reference)


def _comment(number: int, text: str, when: str) -> Any:
    from lxml import etree

    comment = etree.Element(W + "comment")
    comment.set(W + "id", str(number))
    comment.set(W + "author", AUTHOR)
    comment.set(W + "initials", "gw")
    comment.set(W + "date", when)
    run = etree.SubElement(etree.SubElement(comment, W + "p"), W + "r")
    etree.SubElement(run, W + "t").text = text
    return comment


def _registered(archive: zipfile.ZipFile, parser: Any) -> dict[str, bytes]:
    """The relationship and content type that make a new comments part Word's."""
    from lxml import etree

    rels = (etree.fromstring(archive.read(_RELS), parser) if _RELS in archive.namelist()
            else etree.Element(_PACKAGE_RELS + "Relationships", nsmap={None: _PACKAGE_RELS[1:-1]}))
    ids = {r.get("Id") for r in rels}
    number = 1 + len(ids)
    while f"rId{number}" in ids:
        number += 1
    relation = etree.SubElement(rels, _PACKAGE_RELS + "Relationship")
    relation.set("Id", f"rId{number}")
    relation.set("Type", _COMMENTS_REL)
    relation.set("Target", "comments.xml")
    types = etree.fromstring(archive.read(_TYPES), parser)
    override = etree.SubElement(types, _CONTENT_TYPES + "Override")
    override.set("PartName", "/" + _COMMENTS)
    override.set("ContentType", _COMMENTS_TYPE)
    return {_RELS: etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True),
            _TYPES: etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)}


def _packed(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The archive again, ``replaced`` parts written anew (added where missing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy_of:
        for member in archive.infolist():
            copy_of.writestr(member, replaced.pop(member.filename) if member.filename in replaced
                             else archive.read(member))
        for name, data in replaced.items():
            copy_of.writestr(name, data)
    return out.getvalue()
