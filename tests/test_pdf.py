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
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is not a PDF body")
    with pytest.raises(InputError, match=r"not a readable PDF|no text to read"):
        parse_file(broken)


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_shared_pdf_is_read(path: Path) -> None:
    doc = parse_file(path)
    assert doc.source_paragraphs and all(p.page for p in doc.source_paragraphs)
    assert len(doc.to_text()) > 1000
