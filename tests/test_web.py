"""Government web pages read as the document they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import InputError, parse_bytes, parse_file
from tests.conftest import SHARED

PAGES = sorted((SHARED / "formats" / "html").glob("*.html"))

PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312">
<title>关于开展安全检查的通知_某某市人民政府</title>
<script>var menu = "首页 新闻 政务公开";</script><style>p {color: red}</style></head>
<body><div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">新闻中心</a>
<a href="/c">关于召开全市安全生产工作会议的通知</a><a href="/d">关于印发某某办法的通知</a></div>
<table class="meta"><tr><td>索引号：</td><td>001/2024-12</td><td>发布机构：</td><td>某某市应急局</td></tr>
<tr><td>发文字号：</td><td>某应急〔2024〕5号</td><td>成文日期：</td><td>2024-05-01</td></tr></table>
<div id="content"><p align="center"><strong>关于开展安全<br>检查的通知</strong></p>
<p>各县区应急局：</p>
<p>&emsp;&emsp;为做好安全生产工作，现将有关事项通知如下：</p>
<!--[if gte mso 9]><xml><w:Author>Administrator</w:Author></xml><![endif]-->
<p>&emsp;&emsp;一、检查范围</p><p>&emsp;&emsp;全市各类企业。{{data.remark}}</p>
<p>&emsp;&emsp;二、工作要求</p><p>&emsp;&emsp;各单位要高度重视，认真组织。</p>
<p style="text-align:right">某某市应急管理局</p><p style="text-align:right">2024年5月1日</p></div>
<div class="footer">版权所有：某某市人民政府 网站标识码：1234 ICP备0001号</div>
</body></html>"""


def test_a_page_gives_its_document_with_its_fields() -> None:
    doc = parse_bytes(PAGE.encode("gb18030"), "notice.html")
    text = doc.to_text()
    assert "首页" not in text and "Administrator" not in text and "版权所有" not in text
    assert "{{" not in text and "color" not in text
    assert doc.metadata["发文字号"] == "某应急〔2024〕5号"
    assert doc.title is not None and doc.title.text == "关于开展安全\n检查的通知"
    assert doc.addressee is not None and doc.addressee.text == "各县区应急局："
    assert [(s.marker.text, s.heading_text) for s in doc.sections] == [
        ("一、", "检查范围"), ("二、", "工作要求")]
    assert [s.text for s in doc.signature] == ["某某市应急管理局"] and doc.date is not None
    assert doc.date.value == "2024-05-01"
    line = doc.source_paragraph(doc.sections[0])
    assert line is not None and line.element is not None and line.element.endswith("/p[4]")


def test_the_page_title_stands_in_when_the_body_has_none() -> None:
    page = PAGE.replace('<p align="center"><strong>关于开展安全<br>检查的通知</strong></p>', "")
    doc = parse_bytes(page.encode("gb18030"), "notice.html")
    assert doc.title is not None and doc.title.text == "关于开展安全检查的通知"
    assert doc.source_paragraph(doc.title) is not None


BODY = ("<p>&emsp;&emsp;现将本局作出的行政处罚信息公开如下，请各单位认真对照检查，引以为戒，"
        "切实加强内部管理，依法合规经营，防范各类风险，维护市场秩序和消费者合法权益。</p>") * 3


def _lines(body: str, before: str = "") -> list[str]:
    page = (f'<html><head><meta charset="utf-8"></head><body>{before}'
            f'<div id="main">{BODY}{body}</div></body></html>')
    return parse_bytes(page.encode(), "page.html").to_text().splitlines()


def test_a_row_of_a_table_of_data_is_one_line() -> None:
    lines = _lines("<table><tr><td><p>主要违法</p><p>违规事实</p></td><td><p>一、未按规定报送数据</p>"
                   "<p>二、财务数据不真实</p></td></tr><tr><td>作出决定的日期</td><td>2024年7月8日</td></tr></table>")
    assert lines[3:] == ["主要违法 违规事实 一、未按规定报送数据 二、财务数据不真实",
                         "作出决定的日期 2024年7月8日"]


def test_the_rows_of_a_table_open_no_section() -> None:
    page = ("<p>一、总体情况</p><table><tr><td>一、本年新收申请数量</td><td>21</td></tr>"
            "<tr><td>二、上年结转申请数量</td><td>0</td></tr></table><p>二、工作要求</p>")
    doc = parse_bytes(f'<html><body><div>{BODY}{page}</div></body></html>'.encode(), "page.html")
    sections = [(s.marker.text, s.heading_text) for s in doc.sections]
    assert sections == [("一、", "总体情况"), ("二、", "工作要求")]


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs() -> None:
    # a row with one cell of text, and a row whose cell holds another table: layout, not data
    lines = _lines("<table><tr><td><p>一、总体情况</p><p>全年工作平稳有序。</p></td><td></td></tr>"
                   "<tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td><td><p>附记</p></td></tr></table>")
    assert lines[3:] == ["一、总体情况", "全年工作平稳有序。", "甲 乙", "附记"]


def test_a_field_set_above_its_value_is_one_line() -> None:
    fields = ("<dl><dd><label>索 引 号：</label><div>014742224A/2023-0043406</div></dd>"
              "<dd><label>生成日期：</label><div>2023-05-11</div></dd><dd><label>主题分类：</label></dd>"
              "<dd><label>责任部门：</label><div>万载县统计局</div></dd></dl>")
    lines = _lines("", before=f"<div>{fields}</div>")
    assert lines[:4] == ["索 引 号： 014742224A/2023-0043406", "生成日期： 2023-05-11", "主题分类：",
                         "责任部门： 万载县统计局"]  # an empty field is not joined to the next name


def test_a_page_without_chinese_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><a href='/'>Home</a></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="a web page without text in Chinese"):
        parse_file(path)


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_shared_page_gives_its_document(path: Path) -> None:
    doc = parse_file(path)
    text = doc.to_text()
    assert "Administrator" not in text and "{{" not in text and "免责声明" not in text
    assert doc.source_paragraphs and all(p.end > p.start for p in doc.source_paragraphs)
    first = text.splitlines()[:12]
    assert any("公报" in line or "决议" in line or "公开表" in line for line in first), first


def test_hostile_pages_end_quickly() -> None:
    deep = ("<html><body>" + "<div>" * 3000 + "正文内容。" * 10 + "</div>" * 3000 + "</body></html>").encode()
    try:  # the parser's depth limit cuts such a page off: it reads what it kept, or says there is none
        parse_bytes(deep, "deep.html")
    except InputError as error:
        assert "without text in Chinese" in error.message
    wide = ("<html><body>" + "".join(f"<div><p>第{i}段正文，内容。</p></div>" for i in range(20_000))
            + "</body></html>").encode()
    doc = parse_bytes(wide, "wide.html")
    assert doc.to_text().count("\n") == 20_000
