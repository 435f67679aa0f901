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
