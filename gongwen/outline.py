"""Tables of contents: the sections of a document as Markdown or as JSON-ready data
(the plain-text outline is :meth:`Document.outline`)."""

from __future__ import annotations

from typing import Any

from gongwen.document import Document
from gongwen.markdown import escape, title_line
from gongwen.nodes import Appendix, Section


def outline_data(doc: Document) -> dict[str, Any]:
    """The title and the section tree: marker, heading, level, number path, line and
    offsets of each section, its subsections nested."""
    return {
        "path": doc.path,
        "title": doc.title.text if doc.title is not None else None,
        "kind": doc.kind,
        "sections": [_entry(s) for s in doc.sections],
        "attachments": [
            {"label": a.label.text.strip() if a.label else None, "title": a.title.text if a.title else None,
             "line": a.line, "sections": [_entry(s) for s in a.sections]}
            for a in doc.children if isinstance(a, Appendix)
        ],
    }


def _entry(section: Section) -> dict[str, Any]:
    return {
        "marker": section.marker.text, "heading": section.heading_text,
        "level": section.level, "number_path": list(section.number_path),
        "line": section.line, "start": section.start, "end": section.end,
        "sections": [_entry(s) for s in section.sections],
    }


def outline_markdown(doc: Document) -> str:
    """The title as a heading and the sections as a nested list."""
    lines = [title_line(doc.title)] if doc.title is not None else []
    for section in doc.find_all(Section):
        indent = "  " * (section.level - 1)
        heading = escape(section.marker.text + section.heading_text, starts_block=False)
        lines.append(f"{indent}- {heading}")
    return "".join(line + "\n" for line in lines)  # nothing at all for a text with neither
