"""Small Word files for the tests, built with python-docx plus the numbering XML it has
no API for."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

GONGWEN_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
)
"""The 公文 hierarchy as Word numbering: 一、 （一） 1. （1）."""


def add_list(document: docx.document.Document, levels: tuple[tuple[str, str], ...],
             num_id: int, *, suffix: str = "nothing", extra: str = "") -> None:
    """Define list ``num_id`` (its own abstract list) in the numbering part. ``extra`` is
    XML put inside the ``w:num`` (a ``w:lvlOverride``)."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id + 100}">'
                         f"{lvls}</w:abstractNum>")
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{num_id + 100}"/>{extra}</w:num>'))


def numbered(document: docx.document.Document, text: str, num_id: int, level: int) -> None:
    """A paragraph numbered by Word: ``text`` holds no marker."""
    paragraph = document.add_paragraph(text)
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


OUTLINE = (
    (0, "总体要求"), (1, "指导思想"), (2, "坚持问题导向"), (3, "聚焦短板"), (3, "补齐弱项"),
    (2, "坚持系统观念"), (1, "工作目标"), (0, "重点任务"), (1, "抓学习促提升"),
    (2, "开展专题学习"), (0, "保障措施"),
)
"""A notice's headings: (level 0–3, heading)."""


def typed_docx(text: str, path: Path) -> Path:
    """A .docx of ``text``, a paragraph per line, markers typed."""
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    return save(document, path)


def notice_pair(tmp_path: Path, *, suffix: str = "nothing") -> tuple[Path, str]:
    """A notice as a .docx numbered by Word, and the same notice typed as text."""
    document = docx.Document()
    add_list(document, GONGWEN_LEVELS, 7, suffix=suffix)
    document.add_paragraph("关于做好年度重点工作的通知")
    document.add_paragraph("各部门：")
    lines = ["关于做好年度重点工作的通知", "各部门："]
    counters = [0, 0, 0, 0]
    for level, heading in OUTLINE:
        numbered(document, heading, 7, level)
        counters[level] += 1
        counters[level + 1:] = [0] * (3 - level)
        number = counters[level]
        marker = ("一二三四五六七八九"[number - 1] + "、", f"（{'一二三四五六七八九'[number - 1]}）",
                  f"{number}.", f"（{number}）")[level]
        lines.append(marker + heading)
        document.add_paragraph("有关要求如下，请认真落实。")
        lines.append("有关要求如下，请认真落实。")
    document.add_paragraph("特此通知。")
    lines.append("特此通知。")
    path = save(document, tmp_path / "notice.docx")
    return path, "\n".join(lines) + "\n"


_MORE_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def body_file(tmp_path: Path, inner_xml: str, name: str = "body.docx") -> Path:
    """A .docx whose body holds ``inner_xml`` (w:p and w:tbl elements) before its sectPr."""
    document = docx.Document()
    body = document.element.body
    wrapper = parse_xml(f"<w:body {nsdecls('w')} {_MORE_NAMESPACES}>{inner_xml}</w:body>")
    for child in list(wrapper):
        body.insert(len(body) - 1, child)
    assert body[-1].tag == qn("w:sectPr")
    return save(document, tmp_path / name)


STANDARD: dict[str, object] = {
    "top": 37, "bottom": 35, "left": 28, "right": 26, "title_font": "方正小标宋简体", "title_size": 22,
    "body_font": "仿宋_GB2312", "body_size": 16, "indent": 2.0, "level_1": "黑体", "level_2": "楷体_GB2312",
    "level_3": "仿宋_GB2312", "issuer_colour": (0xFF, 0, 0), "number_centred": True,
    "note_indent": 2.0, "date_right": 4.0, "colophon_size": 14, "line": 28.95, "page_numbers": True,
    "signature_right": True, "colophon_rules": (8, 6, 8),
}


Colour = tuple[int, int, int]


def _run(paragraph: object, text: str, font: str, size: float, colour: Colour | None = None) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.size = Pt(size)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if colour is not None:
        run.font.color.rgb = RGBColor(*colour)


def notice_docx(path: Path, **changes: object) -> Path:
    """A 通知 set by the figures of STANDARD, with ``changes`` made to them."""
    figures = {**STANDARD, **changes}
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(figures["top"]), Mm(figures["bottom"])  # type: ignore[arg-type]
    section.left_margin, section.right_margin = Mm(figures["left"]), Mm(figures["right"])  # type: ignore[arg-type]
    body_font, body_size = str(figures["body_font"]), float(figures["body_size"])  # type: ignore[arg-type]

    def line(text: str, font: str = body_font, *, size: float = body_size, indent: bool = False,
             align: int | None = None, colour: tuple[int, int, int] | None = None) -> object:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # type: ignore[attr-defined]
        paragraph.paragraph_format.line_spacing = Pt(float(figures["line"]))  # type: ignore[arg-type,attr-defined]
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(float(figures["indent"]) * size)  # type: ignore[arg-type]
        if align is not None:
            paragraph.alignment = align
        _run(paragraph, text, font, size, colour)
        return paragraph

    line("某某市人民政府文件", str(figures["title_font"]), size=36, align=WD_ALIGN_PARAGRAPH.CENTER,
         colour=figures["issuer_colour"])  # type: ignore[arg-type]
    line("某府发〔2024〕5号", align=WD_ALIGN_PARAGRAPH.CENTER if figures["number_centred"] else None)
    line("关于开展安全生产大检查的通知", str(figures["title_font"]), size=float(figures["title_size"]),  # type: ignore[arg-type]
         align=WD_ALIGN_PARAGRAPH.CENTER)
    line("各区县人民政府：")
    line("为切实做好安全生产工作，现就有关事项通知如下。", indent=True)
    line("一、检查范围", str(figures["level_1"]), indent=True)
    line("（一）重点行业", str(figures["level_2"]), indent=True)
    line("1.危险化学品", str(figures["level_3"]), indent=True)
    run_in = line("（二）一般行业。", str(figures["level_2"]), indent=True)
    _run(run_in, "各类工贸企业全面自查。", body_font, body_size)
    line("全市各类企业都要开展自查，一是查制度，二是查隐患。", indent=True)
    note = line("附件：安全生产检查表")
    note.paragraph_format.first_line_indent = Pt(float(figures["note_indent"]) * body_size)  # type: ignore[arg-type,attr-defined]
    for text in ("某某市人民政府", "2024年5月1日"):  # a sealed document: 右空四字
        right = text[0] == "2" or figures["signature_right"]
        closing = line(text, align=WD_ALIGN_PARAGRAPH.RIGHT if right else None)
        closing.paragraph_format.right_indent = Pt(float(figures["date_right"]) * body_size)  # type: ignore[arg-type,attr-defined]
    colophon = float(figures["colophon_size"])  # type: ignore[arg-type]
    copy_to = line("抄送：市委办公室，市人大常委会办公室。", size=colophon)
    imprint = line("某某市人民政府办公室        2024年5月1日印发", size=colophon)
    if figures["colophon_rules"]:  # the 版记's rules as borders: thick above and below, thin between
        first, between, last = figures["colophon_rules"]  # type: ignore[misc]
        for paragraph, sides in ((copy_to, f'<w:top w:val="single" w:sz="{first}"/><w:bottom w:val="single" '
                                           f'w:sz="{between}"/>'),
                                 (imprint, f'<w:bottom w:val="single" w:sz="{last}"/>')):
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr {nsdecls("w")}>{sides}</w:pBdr>'))  # type: ignore[attr-defined]
    if figures["page_numbers"]:  # — 1 — in 4号 宋体, odd pages right, even pages left
        document.settings.odd_and_even_pages_header_footer = True
        for footer, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                             (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = side
            _run(paragraph, "— ", "宋体", 14)
            paragraph._p.append(parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/>'
                '<w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))
            _run(paragraph, " —", "宋体", 14)
    document.save(str(path))
    return path


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def comments_of(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, the characters it is anchored on) for each comment."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        comments = etree.fromstring(archive.read("word/comments.xml"))
    anchored: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in body.iter():
        if element.tag == _W + "commentRangeStart":
            open_ids.add(element.get(_W + "id", ""))
            anchored.setdefault(element.get(_W + "id", ""), [])
        elif element.tag == _W + "commentRangeEnd":
            open_ids.discard(element.get(_W + "id", ""))
        elif element.tag in (_W + "t", _W + "tab", _W + "br", _W + "cr"):
            shown = (element.text or "" if element.tag == _W + "t"
                     else "\t" if element.tag == _W + "tab" else "\n")
            for number in open_ids:
                anchored[number].append(shown)
    return [(c.get(_W + "author", ""), "".join(t.text or "" for t in c.iter(_W + "t")),
             "".join(anchored.get(c.get(_W + "id", ""), []))) for c in comments.iter(_W + "comment")]
