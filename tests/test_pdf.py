"""PDF files: lines rebuilt from the layout, paragraphs de-wrapped, furniture kept apart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gongwen import InputError, parse_bytes, parse_file
from tests.conftest import SHARED

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

SIZE = 16.0
LEFT = 90.0
WIDTH = 26  # characters a line: the block ends at LEFT + WIDTH * SIZE
PAGES = sorted((SHARED / "formats" / "pdf").glob("*.pdf"))


def _pdf(pages: list[list[tuple[float, float, str]]], spacing: float = 0.0) -> bytes:
    """A PDF whose pages hold the lines given as (x, y from the top, text), set one
    character at a time, ``spacing`` points apart beyond their width."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        page.setFont("STSong-Light", SIZE)
        for x, y, text in lines:
            for ch in text:
                page.drawString(x, A4[1] - y, ch)
                x += pdfmetrics.stringWidth(ch, "STSong-Light", SIZE) + spacing
        page.showPage()
    page.save()
    return buffer.getvalue()


def _wrapped(text: str, first_indent: int = 2) -> list[str]:
    """``text`` cut into lines of the block: the first indented two characters."""
    lines, width = [], WIDTH - first_indent
    while text:
        lines.append(text[:width])
        text, width = text[width:], WIDTH
    return lines


def _placed(lines: list[str], top: float, indent_first: bool = True) -> list[tuple[float, float, str]]:
    return [(LEFT + (2 * SIZE if i == 0 and indent_first else 0), top + i * 28, line)
            for i, line in enumerate(lines)]


BODY = ("为切实做好全市安全生产工作，防范化解重大风险，保障人民群众生命财产安全，"
        "市政府决定在全市范围内开展安全生产大检查。")
CARRIED = ("各地区各部门要高度重视本次检查工作，主要负责同志亲自部署，分管负责同志具体抓，"
           "确保检查不留死角、不走过场，切实把各项措施落到实处。")


def test_a_notice_over_two_pages() -> None:
    first = [(200.0, 80.0, "关于开展安全生产大检查的通知"), (LEFT, 130.0, "各区县人民政府，市政府各部门：")]
    body = _placed(_wrapped(BODY), 160.0)
    heading = [(LEFT + 2 * SIZE, 160.0 + 28 * len(body), "一、检查范围")]
    carried = _wrapped(CARRIED)
    top = 160.0 + 28 * (len(body) + 1)
    rows = int((760 - top) // 28)  # what fits above the foot of page one
    page_one = first + body + heading + _placed(carried[:rows], top)
    page_one.append((280.0, 800.0, "— 1 —"))
    rest = _placed(carried[rows:], 70.0, indent_first=False)
    page_two = [*rest, (LEFT + 2 * SIZE, 70.0 + 28 * len(rest), "二、工作要求"),
                (380.0, 70.0 + 28 * (len(rest) + 1), "某某市人民政府"), (280.0, 800.0, "— 2 —")]
    doc = parse_bytes(_pdf([page_one, page_two]), "notice.pdf")
    lines = doc.to_text().splitlines()
    assert lines[:4] == ["关于开展安全生产大检查的通知", "各区县人民政府，市政府各部门：", BODY,
                         "一、检查范围"]
    assert lines[4] == CARRIED  # one paragraph over the page break
    assert lines[5] == "—1—"  # the page number after the paragraph it cut (its spaces too narrow to see)
    assert [(s.marker.text, s.heading_text) for s in doc.sections] == [
        ("一、", "检查范围"), ("二、", "工作要求")]
    assert doc.title is not None and doc.title.text == "关于开展安全生产大检查的通知"
    carried_from = doc.source_paragraphs[4] if doc.source_paragraphs else None
    assert carried_from is not None and carried_from.page == 1 and carried_from.box is not None


def test_a_red_head_and_a_running_header() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    carried = _wrapped(CARRIED + CARRIED)
    for number, lines in ((1, carried[:3]), (2, carried[3:])):
        page.setFont("STSong-Light", 10)
        page.drawString(LEFT, A4[1] - 40, "某某市人民政府公报")  # the running header, on every page
        page.setFont("STSong-Light", SIZE)
        top = 100.0
        if number == 1:
            page.setFillColorRGB(0.9, 0.1, 0.1)
            page.setFont("STSong-Light", 36)
            page.drawString(115.0, A4[1] - 150, "某某市人民政府文件")
            page.setStrokeColorRGB(0.9, 0.1, 0.1)
            page.line(LEFT, A4[1] - 205, LEFT + WIDTH * SIZE, A4[1] - 205)  # the red rule under the 红头
            page.setFillColorRGB(0, 0, 0)
            page.setFont("STSong-Light", SIZE)
            page.drawString(230.0, A4[1] - 190, "某府发〔2024〕5号")
            page.drawString(170.0, A4[1] - 250, "关于开展安全生产大检查的通知")
            page.drawString(LEFT, A4[1] - 290, "各区县人民政府：")
            top = 320.0
        for index, line in enumerate(lines):
            x = LEFT + (2 * SIZE if number == 1 and index == 0 else 0)
            page.drawString(x, A4[1] - (top + index * 28), line)
        page.drawString(280.0, A4[1] - 800, f"— {number} —")
        page.showPage()
    page.save()
    doc = parse_bytes(buffer.getvalue(), "red-head.pdf")
    lines = doc.to_text().splitlines()
    assert lines[1:5] == ["某某市人民政府文件", "某府发〔2024〕5号", "关于开展安全生产大检查的通知",
                          "各区县人民政府："]
    assert lines[5] == CARRIED + CARRIED  # over the page break, past the header and the page number
    places = {line: p.place for line, p in zip(lines, doc.source_paragraphs or [], strict=True)}
    assert places["某某市人民政府公报"] == "margin" and places["—1—"] == "margin"
    assert doc.doc_number is not None and doc.title is not None and doc.addressee is not None
    artifacts = {n.text.strip() for n in doc.walk() if n.type == "artifact"}
    assert artifacts == {"某某市人民政府公报", "—1—", "—2—"}


FIRST = "档案工作是党和国家的一项基础性工作，事关全局，影响长远，必须抓紧抓好。"
SECOND = ("数字档案室建设是新形势下加强机关档案工作的重要举措，各单位要统筹规划，分步实施，"
          "确保系统安全可靠，数据真实完整，切实发挥档案的凭证和参考作用，为决策服务。"
          "要加强档案信息化队伍建设，培养既懂档案业务又懂信息技术的复合型人才，"
          "建立健全长效机制，推动档案工作高质量发展。")
THIRD = "各地区要及时总结经验做法。"


def _columns(texts: list[str], width: int) -> list[tuple[float, float, str]]:
    """``texts`` as paragraphs set in two columns of ``width`` characters, three apart,
    each paragraph's first line indented two characters."""
    lines: list[tuple[int, str]] = []
    for text in texts:
        indent = 2
        while text:
            lines.append((indent, text[:width - indent]))
            text, indent = text[width - indent:], 0
    half = (len(lines) + 1) // 2
    return [(LEFT + (indent + (i // half) * (width + 3)) * SIZE, 130.0 + (i % half) * 28, line)
            for i, (indent, line) in enumerate(lines)]


def test_prose_in_columns_is_read_a_column_at_a_time() -> None:
    placed = [(150.0, 80.0, "建设新时代数字档案室"), *_columns([FIRST, SECOND, THIRD], 11)]
    lines = parse_bytes(_pdf([placed]), "columns.pdf").to_text().splitlines()
    assert lines == ["建设新时代数字档案室", FIRST, SECOND, THIRD]  # SECOND goes on in the right column


def test_a_table_of_short_cells_is_read_row_by_row() -> None:
    rows = [("收到申请数", "23"), ("予以公开", "15"), ("部分公开", "4"), ("不予公开", "1"), ("无法提供", "2"),
            ("不予处理", "0"), ("其他处理", "1"), ("总计", "23"), ("结转下年", "0"), ("行政复议", "0"),
            ("行政诉讼", "0")]
    placed = [(x, 100.0 + i * 28, cell)
              for i, row in enumerate(rows) for x, cell in zip((LEFT, 330.0), row, strict=True)]
    lines = parse_bytes(_pdf([placed]), "table.pdf").to_text().splitlines()
    assert [line.split() for line in lines] == [list(row) for row in rows]


def test_a_ruled_table_is_read_a_row_a_line_and_its_rows_open_no_section() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("STSong-Light", SIZE)
    page.drawString(LEFT, A4[1] - 100, "一、总体情况")
    rows = [("一、本年新收申请数量", "21"), ("二、上年结转申请数量", "0"), ("三、办理结果", "予以公开")]
    top, height, columns = 130.0, 28.0, (LEFT, 330.0, 450.0)
    for index, cells in enumerate(rows):
        for x, cell in zip(columns, cells, strict=False):
            page.drawString(x + 4, A4[1] - (top + index * height + 20), cell)
    for index in range(len(rows) + 1):  # the rules
        page.line(columns[0], A4[1] - (top + index * height), columns[-1], A4[1] - (top + index * height))
    for x in columns:
        page.line(x, A4[1] - top, x, A4[1] - (top + len(rows) * height))
    page.drawString(LEFT + 2 * SIZE, A4[1] - 260, "二、工作要求")
    page.showPage()
    page.save()
    doc = parse_bytes(buffer.getvalue(), "table.pdf")
    assert doc.to_text().splitlines() == ["一、总体情况", "一、本年新收申请数量 21", "二、上年结转申请数量 0",
                                          "三、办理结果 予以公开", "二、工作要求"]
    sections = [(s.marker.text, s.heading_text) for s in doc.sections]
    assert sections == [("一、", "总体情况"), ("二、", "工作要求")]
    assert [p.place for p in doc.source_paragraphs or []] == ["body", "row", "row", "row", "body"]


def test_spaces_a_justified_line_puts_between_characters_are_not_text() -> None:
    data = _pdf([[(LEFT, 100.0, "号，邮编：223100，电话：0517"),
                  (LEFT, 130.0, "洪泽区人民政府    2024年5月1日")]], spacing=3.0)
    lines = parse_bytes(data, "spaced.pdf").to_text().splitlines()
    assert lines[0] == "号，邮编：223100，电话：0517"  # no space between the characters
    assert lines[1].startswith("洪泽区人民政府 ") and lines[1].endswith(" 2024年5月1日")  # a seen gap is


def test_radicals_a_browser_print_emits_are_the_characters() -> None:
    from gongwen.layout import _readable

    assert _readable("⼈⺠政府⻅⻓") == "人民政府见长"


def test_pdfs_without_text_are_input_errors(tmp_path: Path) -> None:
    blank = _pdf([[]])
    with pytest.raises(InputError, match="no text to read: 1 pages without a text layer"):
        parse_bytes(blank, "scan.pdf")
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    locked = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    locked.drawString(100, 700, "text")
    locked.showPage()
    locked.save()
    with pytest.raises(InputError, match="locked with a password"):
        parse_bytes(buffer.getvalue(), "locked.pdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is not a PDF body")
    with pytest.raises(InputError, match=r"not a readable PDF|no text to read"):
        parse_file(broken)


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_shared_pdf_is_read(path: Path) -> None:
    doc = parse_file(path)
    assert doc.source_paragraphs and all(p.page for p in doc.source_paragraphs)
    assert len(doc.to_text()) > 1000
