"""A document as one self-contained HTML page: its text as written, with the structure
the parser read and the findings of the checker where they stand.

The text column holds ``doc.to_text()``: every character once, in order, line ends
as written (a character HTML cannot carry, NUL or a lone surrogate, shows as
U+FFFD). What the report adds — part names, chunk boundaries, messages — is drawn by
CSS from attributes, and every element inside the text is inline, so the visible
text of the column is the document's. No request leaves the page: inline CSS, a
few lines of plain JavaScript that only move the outline's highlight, and a
Content-Security-Policy that forbids the rest. Without JavaScript the page is whole.
"""

from __future__ import annotations

import bisect
import collections
import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from gongwen.checks import Diagnostic, check
from gongwen.checks.formulas import announcements
from gongwen.document import Document
from gongwen.nodes import (
    Answered,
    Appendix,
    Artifact,
    Item,
    LeadIn,
    Marker,
    MetadataField,
    Node,
    Placeholder,
    Section,
    Title,
)

_LINE = re.compile(r"[^\r\n]*(\r\n?|\n|$)")
_UNSHOWABLE = re.compile(r"[\x00\ud800-\udfff]")
# The names of the parts, as 公文 writers call them; a paragraph or a blank line has none.
_PARTS = {
    "title": "标题", "salutation": "称谓", "addressee": "主送机关", "closing": "结束语",
    "copy_number": "份号", "secrecy": "密级", "urgency": "紧急程度", "issuer": "发文机关标志",
    "doc_number": "发文字号", "signature": "署名", "date": "日期", "remark": "附注",
    "attachment_note": "附件说明", "copy_to": "抄送", "imprint": "印发", "metadata": "元数据",
    "attendance": "出席", "appendix": "附件", "artifact": "残留",
}
_OUTLINE_CODES = ("GW101", "GW102", "GW103")  # a gap, a repeat or a level error in the numbering
_SEVERITIES = ("error", "warning", "info")
_DEEPEST_TAG = 6
_STYLE = resources.files("gongwen").joinpath("report.css").read_text("utf-8")
_SCRIPT = resources.files("gongwen").joinpath("report.js").read_text("utf-8")


def to_html(doc: Document, findings: list[Diagnostic] | None = None, max_chars: int = 1000) -> str:
    """The report page of ``doc``: ``findings`` (by default what :func:`gongwen.checks.check`
    finds with its default rules) where they stand, chunk boundaries for ``max_chars``."""
    found = check(doc) if findings is None else findings
    return _Page(doc, found, max_chars).html()


@dataclass(frozen=True)
class Summary:
    """What the index of several reports shows of one document."""

    path: str
    kind: str | None
    title: str | None
    sections: int
    placeholders: int
    findings: dict[str, int]
    """Findings by severity (error, warning, info)."""

    @classmethod
    def of(cls, doc: Document, findings: list[Diagnostic], path: str) -> Summary:
        by = collections.Counter(f.severity.value for f in findings)
        title = doc.title.text.replace("\n", " ") if doc.title is not None else None
        return cls(path, doc.kind, title, sum(1 for _ in doc.find_all(Section)),
                   len(doc.placeholders), {s: by[s] for s in _SEVERITIES})


def index_html(reports: Sequence[tuple[str, Summary]]) -> str:
    """The page that lists several reports, a row per document: each report's file name
    (relative to the index) with what it shows."""
    rows = "".join(
        f'<tr><td><a href="{_attr(page)}">{_esc(s.path)}</a></td><td>{_esc(s.kind or "")}</td>'
        f"<td>{_esc(s.title or '')}</td><td>{s.sections}</td><td>{s.placeholders}</td>"
        + "".join(f'<td class="{k}">{s.findings.get(k, 0)}</td>' for k in _SEVERITIES) + "</tr>"
        for page, s in reports)
    table = ('<table><caption>Documents</caption><thead><tr><th scope="col">File</th>'
             '<th scope="col">Kind</th><th scope="col">Title</th><th scope="col">Sections</th>'
             '<th scope="col">Placeholders</th><th scope="col">Errors</th><th scope="col">Warnings</th>'
             f'<th scope="col">Info</th></tr></thead><tbody>{rows}</tbody></table>')
    return _frame("gongwen reports", f"<main id=\"text\"><h1>Reports</h1>{table}</main>", script=False)


@dataclass(frozen=True)
class _Mark:
    """A stretch of the text set apart: ``css`` is its class, ``note`` what hovering tells."""

    start: int
    end: int
    css: str
    note: str = ""
    ident: str = ""
    """The id its first character takes (a finding, an announcement, an item of a list)."""
    target: str = ""
    """For an announcement: the id of the first section or item it counts."""


@dataclass
class _Line:
    start: int
    end: int
    """Offset of its line break (the end of the text for the last line without one)."""
    stop: int
    """Offset just past its line break."""
    node: Node | None = None
    level: int = 0
    """A section heading line's level (an attachment's sections one deeper); for other
    lines, 1 inside an attachment."""
    heading: tuple[int, int] | None = None
    """A section heading line's marker and heading: where they begin (the line's start, or
    where a list's first item opens its section after the sentence that announces it) and
    end (where a run-in body begins)."""
    anchors: list[str] = field(default_factory=list)
    """The ids of the sections, titles and attachments that begin on it (what the outline
    links to)."""


class _Page:
    def __init__(self, doc: Document, findings: list[Diagnostic], max_chars: int) -> None:
        self.doc, self.findings, self.max_chars = doc, findings, max_chars
        self.text = doc.to_text()
        self.lines = [_Line(m.start(), m.start(1), m.end()) for m in _LINE.finditer(self.text)
                      if m.end() > m.start()]
        self.starts = [line.start for line in self.lines]
        self._place(doc.children, 0)
        self.shown = {index: self._shown_span(f.start, f.end) for index, f in enumerate(findings)
                      if self.lines}
        """Where each finding is shown in the text (an empty text shows none)."""
        self.announced = list(announcements(doc))

    def _line_at(self, offset: int) -> _Line | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index] if index >= 0 else None

    def _place(self, blocks: Sequence[Node], depth: int) -> None:
        """Each line gets the innermost block that begins it; a section's first line is
        its heading line."""
        for block in blocks:
            if isinstance(block, Section):
                line = self._line_at(block.start)
                if line is not None:
                    line.node, line.level = block, block.level + depth
                    line.anchors.append(_anchor(block))
                    end = block.heading.end if block.heading is not None else block.marker.end
                    line.heading = (block.start, max(block.start, min(end, line.end)))
                self._place(block.children, depth)
                continue
            first = bisect.bisect_left(self.starts, block.start)
            if isinstance(block, (Title, Appendix)) and first < len(self.lines):
                anchors = self.lines[first].anchors
                anchors += [] if _anchor(block) in anchors else [_anchor(block)]
            for index in range(first, len(self.lines)):
                line = self.lines[index]
                if line.start >= block.end:
                    break
                line.node, line.level = block, depth
            if isinstance(block, Appendix):
                self._place(block.children, depth + 1)

    # ---- what the text column sets apart ------------------------------------------

    def _marks(self) -> list[_Mark]:
        marks: list[_Mark] = []
        for node in self.doc.walk():
            if isinstance(node, Item):  # what an announcement links to
                marks.append(_Mark(node.start, node.marker.end, "item", ident=_anchor(node)))
            elif isinstance(node, Marker):
                drawn = "drawn by Word's numbering" if node.generated else ""
                marks.append(_Mark(node.start + len(node.prefix), node.end, "mk", drawn))
            elif isinstance(node, Placeholder):
                marks.append(_Mark(node.start, node.end, "ph", f"placeholder ({node.kind})"))
            elif isinstance(node, Artifact):
                marks.append(_Mark(node.start, node.end, "res", f"residue ({node.kind})"))
            elif isinstance(node, LeadIn):
                marks.append(_Mark(node.start, node.end, "lead", "lead-in formula"))
            elif isinstance(node, Answered):
                marks.append(_Mark(node.start, node.end, "ans", "the text this one answers"))
            elif isinstance(node, MetadataField):
                marks.append(_Mark(node.key.start, node.key.end, "key"))
        marks += [_Mark(start, end, "res", "residue before the marker")
                  for start, end, kind in self.doc.residue() if kind == "prefix"]
        for index, said in enumerate(self.announced):
            counted = " ".join(_label(node) for node in said.counted)
            marks.append(_Mark(said.start, said.end, "ann", f"counts {len(said.counted)}: {counted}",
                               f"a{index}", _anchor(said.counted[0])))
        for index, (start, end) in self.shown.items():
            finding = self.findings[index]
            marks.append(_Mark(start, end, f"f {finding.severity.value}", f"{finding.code} {finding.message}",
                               f"f{index}"))
        for chunk in self.doc.chunks(self.max_chars):
            path = " › ".join(chunk.heading_path) or "(no heading)"
            marks.append(_Mark(chunk.start, chunk.start, "cut", f"chunk {chunk.index + 1}: {path}"))
        return sorted(marks, key=lambda m: (m.start, -m.end))

    def _shown_span(self, start: int, end: int) -> tuple[int, int]:
        """Where a finding is shown: its span, or the point where its line ends for one that
        begins in a line break."""
        line = self._line_at(min(start, len(self.text))) or self.lines[0]
        return (start, end) if start < line.end else (line.end, line.end)

    # ---- the text column ------------------------------------------------------------

    def text_html(self) -> str:
        """A line an element, each followed by its line break as written."""
        marks = self._marks()
        out: list[str] = []
        active: list[_Mark] = []
        begun: set[str] = set()  # the ids written
        next_mark = 0
        title: Node | None = None  # the title whose lines are being written
        for line in self.lines:
            cuts = {line.start, line.end}
            heading_start, heading_end = line.heading or (-1, -1)
            if heading_end > heading_start:
                cuts.update((heading_start, heading_end))
            first = next_mark
            while next_mark < len(marks) and marks[next_mark].start <= line.end:
                next_mark += 1
            fresh = marks[first:next_mark]
            for mark in active + fresh:
                cuts.update(p for p in (mark.start, mark.end) if line.start < p < line.end)
            if isinstance(line.node, Title) and title is None:
                title = line.node
                level = 1 if title is self.doc.title else 2
                out.append(f'<span class="titled" role="heading" aria-level="{level}">')
            out.append(_open_line(line))
            in_heading = ran_in = False
            positions = sorted(cuts)
            for left, right in itertools.pairwise(positions):
                if left == heading_start and heading_end > heading_start:
                    out.append(_open_heading(line))
                    in_heading = True
                elif in_heading and left == heading_end:
                    out.append(_close_heading(line) + '<span class="runin">')
                    in_heading, ran_in = False, True
                while fresh and fresh[0].start <= left:
                    active.append(fresh.pop(0))
                for mark in [m for m in active if m.start == m.end == left]:
                    out.append(_point(mark, begun))
                active = [m for m in active if m.end > left]
                out.append(_segment(self.text[left:right], active, begun))
            for mark in fresh:  # points at the line's end
                if mark.start == mark.end:
                    out.append(_point(mark, begun))
                else:
                    active.append(mark)
            active = [m for m in active if m.end > line.end]
            if in_heading:
                out.append(_close_heading(line))
            elif ran_in:
                out.append("</span>")
            out.append("</span>" + _line_break(self.text[line.end:line.stop]))
            if title is not None and line.stop >= title.end:
                out.append("</span>")
                title = None
        return "".join(out)

    # ---- around it ----------------------------------------------------------------------

    def outline_html(self) -> str:
        flags: dict[int, list[str]] = {}
        for finding in self.findings:
            if finding.code in _OUTLINE_CODES:
                line = self._line_at(finding.start)
                if line is not None and isinstance(line.node, Section):
                    flags.setdefault(line.node.start, []).append(f"{finding.code} {finding.message}")
        entries = []
        title = self.doc.title
        if title is not None:
            entries.append(f'<li><a href="#{_anchor(title)}" data-s="{_anchor(title)}">'
                           f"{_esc(_one_line(title.text))}</a></li>")
        entries += [self._entry(node, flags) for node in self.doc.children
                    if isinstance(node, (Section, Appendix))]
        if not entries:
            return ""
        return ('<nav id="outline" aria-label="Outline"><h2>Outline</h2>'
                f'<ol>{"".join(entries)}</ol></nav>')

    def _entry(self, node: Section | Appendix, flags: dict[int, list[str]]) -> str:
        anchor = _anchor(node)
        if isinstance(node, Section):
            words = f'<span class="mk">{_esc(node.marker.text)}</span>{_esc(_one_line(node.heading_text))}'
            said = flags.get(node.start, [])
            if said:
                words += (f'<span class="flag" title="{_attr(chr(10).join(said))}">'
                          f'{_esc(" ".join(s.split()[0] for s in said))}</span>')
        else:
            words = _esc(_one_line(node.heading_text)) or "附件"
        inner = "".join(self._entry(child, flags) for child in node.sections)
        sub = f"<ol>{inner}</ol>" if inner else ""
        css = ' class="flagged"' if isinstance(node, Section) and node.start in flags else ""
        return f'<li{css}><a href="#{anchor}" data-s="{anchor}">{words}</a>{sub}</li>'

    def aside_html(self) -> str:
        parts = []
        facts = [("Kind", self.doc.kind), ("File", self.doc.path)]
        facts += [(name, value) for name, value in self.doc.metadata.items()]
        rows = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in facts if v)
        if rows:
            parts.append('<section aria-labelledby="facts-h"><h2 id="facts-h">Document</h2>'
                         f"<dl>{rows}</dl></section>")
        items = []
        for index, finding in enumerate(self.findings):
            where = (f'<a href="#f{index}">line {finding.line}:{finding.col}</a>' if index in self.shown
                     else f"line {finding.line}:{finding.col}")
            items.append(f'<li id="fd{index}" class="{finding.severity.value}">{where} '
                         f'<code>{finding.code}</code> <span class="sev">{finding.severity.value}</span> '
                         f"{_esc(finding.message)}</li>")
        counts = collections.Counter(f.severity.value for f in self.findings)
        told = ", ".join(f"{counts[s]} {s}" for s in _SEVERITIES if counts[s]) or "none"
        listed = f'<ol class="findings">{"".join(items)}</ol>' if items else ""
        parts.append(f'<section aria-labelledby="findings-h"><h2 id="findings-h">Findings '
                     f'<small>({told})</small></h2>{listed}</section>')
        said = self.announced
        if said:
            rows = "".join(
                f'<li><a href="#a{i}">{_esc(a.text)}</a> → '
                + " ".join(f'<a href="#{_anchor(n)}">{_esc(_label(n))}</a>' for n in a.counted) + "</li>"
                for i, a in enumerate(said))
            parts.append(f'<section aria-labelledby="counts-h"><h2 id="counts-h">Announced counts</h2>'
                         f"<ol>{rows}</ol></section>")
        return f'<aside aria-label="Findings and facts">{"".join(parts)}</aside>'

    def html(self) -> str:
        name = _one_line(self.doc.title.text) if self.doc.title is not None else (self.doc.path or "document")
        chunks = (f'<p class="switch"><input type="checkbox" id="show-chunks"> <label for="show-chunks">'
                  f"Show chunk boundaries (at most {self.max_chars} characters each)</label></p>")
        body = (f'<a class="skip" href="#text">Skip to the text</a>'
                f'<header><p class="where">{_esc(self.doc.path or "")}</p>{chunks}</header>'
                f"{self.outline_html()}"
                f'<main id="text" tabindex="-1"><div class="text" lang="zh-CN">{self.text_html()}</div>'
                "</main>"
                f"{self.aside_html()}")
        return _frame(name, body, script=True)


# ---- pieces of markup ------------------------------------------------------------------


def _esc(text: str | None) -> str:
    return html.escape(_UNSHOWABLE.sub("\ufffd", text or ""), quote=False)


def _attr(text: str) -> str:
    return html.escape(_UNSHOWABLE.sub("\ufffd", text), quote=True)


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _anchor(node: Node) -> str:
    """The id of the line a node begins (sections, titles, items of a list)."""
    return f"n{node.start}"


def _label(node: Node) -> str:
    if isinstance(node, Section):
        return node.marker.text + _one_line(node.heading_text)[:12]
    if isinstance(node, Item):
        return node.marker.text
    return _one_line(node.to_text())[:12]


def _open_line(line: _Line) -> str:
    node = line.node
    kind = node.type if node is not None else "blank"
    css = f"ln {kind}"
    part = _PARTS.get(kind)
    attrs = f' data-part="{part}"' if part and line.start == getattr(node, "start", -1) else ""
    if isinstance(node, Section):
        css += f" lv{min(line.level, 9)}"
    if line.anchors:
        attrs += f' id="{line.anchors[0]}" data-s="{line.anchors[0]}"'
    more = "".join(f'<span id="{anchor}" data-s="{anchor}"></span>' for anchor in line.anchors[1:])
    return f'<span class="{css}"{attrs}>{more}'


def _open_heading(line: _Line) -> str:
    level = min(line.level + 1, 9)
    if level <= _DEEPEST_TAG:
        return f'<h{level} class="hd">'
    return f'<span class="hd" role="heading" aria-level="{level}">'


def _close_heading(line: _Line) -> str:
    level = min(line.level + 1, 9)
    return f"</h{level}>" if level <= _DEEPEST_TAG else "</span>"


def _line_break(characters: str) -> str:
    """A line break as written: a carriage return is kept, hidden (the visible text
    ends each line with one line feed); a lone one is drawn as a break."""
    if characters == "\r":
        return '<span class="cr">&#13;</span><br>'
    return characters.replace("\r", '<span class="cr">&#13;</span>')


def _segment(text: str, active: list[_Mark], begun: set[str]) -> str:
    """Characters under the marks ``active``: one element with their classes. The first
    characters of a mark with an id take it (a finding's element is focusable; a second
    finding beginning there gets a point of its own); an announcement is a link."""
    written = _esc(text)
    if not active:
        return written
    new = [m for m in active if m.ident and m.ident not in begun]
    begun.update(m.ident for m in new)
    findings = [m for m in active if m.css.startswith("f ")]
    first = next((m for m in new if m in findings), None)
    before = "".join(_point(m, begun) if m in findings else f'<span id="{m.ident}"></span>'
                     for m in new if m is not first and m.css != "ann")
    classes = " ".join(dict.fromkeys(m.css for m in active))
    notes = "\n".join(m.note for m in active if m.note)
    attrs = f' title="{_attr(notes)}"' if notes else ""
    if first is not None:
        attrs += f' id="{first.ident}" tabindex="0"'
    if findings:
        attrs += f' aria-describedby="{" ".join("fd" + m.ident[1:] for m in findings)}"'
        element = f'<mark class="{classes}"{attrs}>{written}</mark>'
    else:
        element = f'<span class="{classes}"{attrs}>{written}</span>'
    said = next((m for m in active if m.css == "ann"), None)
    if said is not None:
        ident = f' id="{said.ident}"' if said in new else ""
        element = f'<a class="ann" href="#{said.target}"{ident}>{element}</a>'
    return before + element


def _point(mark: _Mark, begun: set[str]) -> str:
    """A mark at a point: a chunk boundary, or a finding that covers no character."""
    if mark.css == "cut":
        return f'<span class="cut" data-label="{_attr(mark.note)}"></span>'
    begun.add(mark.ident)
    return (f'<mark class="{mark.css} point" id="{mark.ident}" tabindex="0" title="{_attr(mark.note)}" '
            f'aria-describedby="fd{mark.ident[1:]}"></mark>')


def _frame(title: str, body: str, *, script: bool) -> str:
    """The page around ``body``; a report's has the script, the index none."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
            f"<title>{_esc(title)}</title><style>{_STYLE}</style></head>"
            f'<body class="{"report" if script else "index"}">{body}'
            + (f"<script>{_SCRIPT}</script>" if script else "") + "</body></html>\n")
