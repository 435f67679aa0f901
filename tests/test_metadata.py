"""Metadata above the title or after the text (信息公开 tables, front matter), page
furniture around the text, and a title a page's header repeats."""

from __future__ import annotations

from gongwen import Metadata, Placeholder, Title
from tests.conftest import parse_checked


def kinds(text: str) -> list[str]:
    return [node.type for node in parse_checked(text).children if node.type != "blank"]


def test_government_site_table_above_the_title() -> None:
    doc = parse_checked(
        "索 引 号 640323004/2022-00062 发文时间 2021-10-22\n发布机构 盐池县教体局 文 号\n"
        "标 题: 关于答复的函\n关于答复的函\n各委员：\n正文。\n")
    assert kinds(doc.to_text())[:4] == ["metadata", "metadata", "metadata", "title"]
    assert doc.title is not None and doc.title.text == "关于答复的函"
    assert doc.metadata == {"索引号": "640323004/2022-00062", "成文日期": "2021-10-22",
                            "发布机构": "盐池县教体局", "标题": "关于答复的函"}
    first = doc.children[0]
    assert isinstance(first, Metadata)
    assert [(f.key.text, f.value.text) for f in first.fields] == [
        ("索 引 号", " 640323004/2022-00062 "), ("发文时间", " 2021-10-22\n")]


def test_pipe_table_and_bracketed_labels() -> None:
    doc = parse_checked("发文机关 | 周口市人民政府 | 成文日期 | 2011-03-01 |\n"
                        "[ 索引号 ] 0001/2024 [ 发文字号 ] 周政〔2011〕5号\n"
                        "周口市人民政府\n关于对市消防支队的嘉奖令\n正文。\n")
    assert doc.metadata == {"发文机关": "周口市人民政府", "成文日期": "2011-03-01",
                            "索引号": "0001/2024", "发文字号": "周政〔2011〕5号"}
    assert not any(isinstance(n, Placeholder) for n in doc.walk())  # [ 索引号 ] is a label
    assert doc.title is not None and doc.title.text == "周口市人民政府\n关于对市消防支队的嘉奖令"


def test_metadata_after_the_text() -> None:
    doc = parse_checked("关于表彰的决定\n正文。\n2011年2月23日\n\n索引号：001 发文字号：宛政〔2011〕7号\n")
    assert kinds(doc.to_text())[-1] == "metadata"
    assert doc.metadata["发文字号"] == "宛政〔2011〕7号"


def test_a_disclosure_page_s_generated_date_and_department() -> None:
    doc = parse_checked("索 引 号： 014742224A/2023-0043406\n生成日期： 2023-05-11\n责任部门： 万载县统计局\n"
                        "万载县2022年国民经济和社会发展统计公报\n正文。\n")
    assert kinds(doc.to_text())[:4] == ["metadata", "metadata", "metadata", "title"]
    assert doc.metadata["责任部门"] == "万载县统计局"
    assert kinds("关于统计工作的通知\n正文。\n责任部门要加强审核。\n") == ["title", "paragraph", "paragraph"]


def test_labels_spaced_with_en_and_em_spaces() -> None:
    doc = parse_checked("索\u2002引\u2002号： 主题分类：\n办文部门： 发文日期：\n"
                        "公文名称： 某局行政处罚信息公开表\n文\u2003\u2003号：\n"
                        "某局行政处罚信息公开表\n正文。\n")
    assert kinds(doc.to_text())[:5] == ["metadata"] * 4 + ["title"]
    assert kinds("关于统计工作的通知\n正文。\n公文名称要规范。\n") == ["title", "paragraph", "paragraph"]


def test_in_the_body_such_lines_are_text() -> None:
    text = ("关于统计工作的通知\n各单位：\n来源：国家统计局\n中\n发布机构要加强审核。\n"
            "成文日期 另行通知。\n正文。\n")
    assert kinds(text) == ["title", "addressee"] + ["paragraph"] * 5


def test_furniture_around_the_text() -> None:
    text = "【字体：大 中 小】\n打印 关闭\n关于统计工作的通知\n正文。\n\n分享\n打印 | 关闭\n"
    assert kinds(text) == ["artifact", "artifact", "title", "paragraph", "artifact", "artifact"]


def test_a_label_without_separator_is_no_field() -> None:
    assert kinds("标题要简洁\n") == ["title"]
    assert kinds("正文。\n有效性要评估。\n") == ["paragraph", "paragraph"]


def test_the_document_title_is_the_repeat_below_a_page_header() -> None:
    doc = parse_checked("关于印发考评办法的通知\n发布日期：2022-06-01\n浏览次数：12\n"
                        "关于印发考评办法的通知\n各旗县区：\n正文。\n")
    assert kinds(doc.to_text())[:5] == ["artifact", "metadata", "artifact", "title", "addressee"]
    assert doc.title is not None and doc.title.line == 4


def test_a_header_on_one_line_repeats_a_title_of_two() -> None:
    doc = parse_checked("国务院关于同意迁移的批复\n跳转到导航\n国务院\n关于同意迁移的批复\n"
                        "安徽省人民政府：\n")
    assert doc.title is not None and doc.title.text == "国务院\n关于同意迁移的批复"
    assert kinds(doc.to_text())[:2] == ["artifact", "artifact"]


def test_a_different_line_under_the_title_is_no_repeat() -> None:
    doc = parse_checked("关于开展检查的通知\n关于开展检查工作的补充说明\n正文。\n")
    assert doc.title is not None and doc.title.line == 1


def test_a_site_headline_above_the_article_fields() -> None:
    doc = parse_checked("2026年政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报\n"
                        "【字体：\n小\n】\n政府工作报告\n——在人民代表大会上\n"
                        "自治区人民政府主席 张三\n各位代表：\n")
    assert doc.title is not None and doc.title.text == "政府工作报告\n——在人民代表大会上"
    assert doc.children[0].type == "artifact"
    news = parse_checked("全县召开安全生产会议\n来源：县融媒体中心\n3月5日，全县召开会议。\n")
    assert news.title is not None and news.title.text == "全县召开安全生产会议"  # the body follows


def test_a_breadcrumb_and_a_publisher_line_above_the_title() -> None:
    got = kinds("学习啦 > 范文 > 行政公文 > 会议纪要\n第21次常务会议纪要\n"
                "岳阳县人民政府办公室 2016-4-13\n正文。\n")
    assert got == ["artifact", "title", "artifact", "paragraph"]
    assert kinds("关于会议的纪要\n正文。\n甲 > 乙 > 丙\n第三段。\n")[2] == "paragraph"  # in the body


def test_an_issued_title_wrapped_by_a_layout_and_a_draft_note() -> None:
    doc = parse_checked("关于公开征求《出租汽车客运管理办法》(修订征求意见稿)意见的通知\n正文。\n"
                        "湖州市交通运输局\n2021年7月15日\n出租汽车客运\n管理办法\n(修订征求意见稿)\n"
                        "第一条 甲。\n")
    (issued,) = [n for n in doc.children if n.type == "appendix"]
    assert issued.title is not None and issued.title.text == "出租汽车客运\n管理办法\n(修订征求意见稿)"


def test_a_title_shown_again_above_what_a_decree_promulgates_is_listed_once() -> None:
    for head in ("关于控制尘污染的通告\n\n", "关于控制尘污染的通告\n来源：资料网\n关于控制尘污染的通告\n"):
        doc = parse_checked(head + "重庆市人民政府令\n第121号\n《关于控制尘污染的通告》已经市政府通过，现予"
                            "发布。\n市长\n2001年7月1日\n关于控制尘污染的通告\n第一条 甲。\n")
        assert [t.text for t in doc.find_all(Title)] == ["关于控制尘污染的通告"]


def test_front_matter_written_in_markdown_bold() -> None:
    doc = parse_checked("# 财付通公司\n\n**版本**: 客户赔付操作规程11\n\n**更新时间**: 2026-02-18\n\n---\n\n"
                        "财付通公司\n客户赔付操作规程\n\n第一章 总则\n")
    assert doc.metadata == {"版本": "客户赔付操作规程11"}
    assert doc.title is not None and doc.title.text == "财付通公司\n客户赔付操作规程"
