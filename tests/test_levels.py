"""Sections nest by the GB/T 9704-2012 ladder, regulations by 章/节/条, speech markers
one below the innermost open section."""

from __future__ import annotations

import pytest

from gongwen import Section
from tests.conftest import parse_checked


def levels(*lines: str) -> list[tuple[str, int]]:
    doc = parse_checked("\n".join(lines) + "\n")
    return [(s.marker.text, s.level) for s in doc.find_all(Section)]


def test_full_ladder() -> None:
    assert levels("一、甲", "（一）乙", "1.丙", "（1）丁", "①戊") == [
        ("一、", 1), ("（一）", 2), ("1.", 3), ("（1）", 4), ("①", 5)
    ]


def test_skipped_level() -> None:
    assert levels("一、甲", "1.乙", "二、丙", "1.丁") == [("一、", 1), ("1.", 2), ("二、", 1), ("1.", 2)]


def test_speech_markers_go_one_below_the_open_section() -> None:
    got = levels("一、甲", "第一，乙", "第二，丙", "二、丁", "（一）戊", "1.己", "（二）庚", "三、辛")
    assert [level for _, level in got] == [1, 2, 2, 1, 2, 3, 2, 1]


def test_speech_marker_below_a_deep_section() -> None:
    assert levels("一、甲", "（一）乙", "一是丙。正文", "二是丁。正文", "（二）戊") == [
        ("一、", 1), ("（一）", 2), ("一是", 3), ("二是", 3), ("（二）", 2)
    ]


def test_regulation_chapters_and_articles() -> None:
    got = levels("第一章　总则", "第一条　甲", "第二条　乙", "第二章　丙", "第三条　丁")
    assert [level for _, level in got] == [1, 2, 2, 1, 2]


def test_regulation_chapter_part_article() -> None:
    assert [lv for _, lv in levels("第一章 总则", "第一节 一般规定", "第一条 甲")] == [1, 2, 3]


def test_items_and_sub_items_of_an_article() -> None:
    got = levels("第一章 总则", "第一条 有下列情形之一的：", "（一）甲；", "1.乙；", "第二条 丙")
    assert got == [("第一章", 1), ("第一条", 2), ("（一）", 3), ("1.", 4), ("第二条", 2)]


def test_inserted_article_and_volume() -> None:
    got = levels("第一编 总则", "第一章 一般规定", "第十条之一 甲")
    assert got == [("第一编", 1), ("第一章", 2), ("第十条之一", 3)]


def test_article_has_no_heading_its_text_is_body() -> None:
    doc = parse_checked("第一条　为了规范管理，制定本办法。\n本办法适用于全市。\n")
    (article,) = doc.sections
    assert article.heading is None and article.heading_text == ""
    assert [c.type for c in article.children] == ["paragraph", "paragraph"]  # two 款
    assert article.children[0].text == "　为了规范管理，制定本办法。"


def test_shi_paragraphs_are_top_sections() -> None:
    got = levels("汇报如下：", "一是甲。正文。", "二是乙。正文。", "三是丙。正文。")
    assert got == [("一是", 1), ("二是", 1), ("三是", 1)]


def test_shi_line_continuing_its_list_is_an_enumeration() -> None:
    doc = parse_checked("一、标题\n一是甲。二是乙。三是丙。\n")
    (section,) = doc.sections
    assert section.sections == []
    (enumeration,) = doc.enumerations
    assert [i.marker.text for i in enumeration.items] == ["一是", "二是", "三是"]


@pytest.mark.parametrize("marker", ["(一)", "（一）", "1．", "1.", "(1)", "第一,", "第一、", "1、"])
def test_half_and_full_width_markers_are_kept_verbatim(marker: str) -> None:
    ((text, level),) = levels(marker + "标题")
    assert text == marker and level == 1


def test_decimal_number_is_not_a_marker() -> None:
    assert levels("1.5万名职工参加。", "2023.5.8召开") == []


def test_marker_after_markdown_and_indentation() -> None:
    doc = parse_checked("### &emsp;&emsp;一、全面落实责任。\n> （二）持续升级\n　　1.加强领导\n")
    got = [(s.marker.prefix, s.marker.text, s.level) for s in doc.find_all(Section)]
    assert got == [("### &emsp;&emsp;", "一、", 1), ("> ", "（二）", 2), ("　　", "1.", 3)]


def test_run_in_and_standalone_headings() -> None:
    doc = parse_checked("一、总体要求\n二、重点任务。要抓好落实。\n三、保障措施。\n")
    got = [(s.heading_text, s.run_in) for s in doc.sections]
    assert got == [("总体要求", False), ("重点任务", True), ("保障措施", False)]
    assert doc.sections[1].children[0].text == "要抓好落实。"


def test_marker_alone_and_at_end_of_text() -> None:
    doc = parse_checked("一、\n二、")
    assert [(s.marker.text, s.heading_text) for s in doc.sections] == [("一、", ""), ("二、", "")]


@pytest.mark.parametrize("line", [
    "谢谢大家！", "谢谢各位！", "谢谢!", "部署完毕。", "部署完毕，谢谢大家！", "汇报完毕，请批评指正。",
    "以上发言，不妥之处，请批评指正。", "我就讲这些，谢谢大家！", "特此通知。", "妥否，请批示。",
    "以上报告，请审议。", "此复。", "特此函告。", "请大力支持为盼。",
])
def test_closing_formulas(line: str) -> None:
    doc = parse_checked("一、标题\n正文。\n" + line + "\n")
    assert doc.closing is not None and doc.closing.text == line


@pytest.mark.parametrize("line", ["谢谢大家的支持，我们继续努力。", "特此通知各单位做好准备。"])
def test_sentences_that_merely_start_like_a_formula(line: str) -> None:
    assert parse_checked(line + "\n").closing is None


@pytest.mark.parametrize("marker, family, ordinal", [
    ("1﹒", "ar_dot", 1), ("⒉", "ar_dot", 2), ("⑶", "ar_paren", 3), ("㈣", "cn_paren", 4),
    ("四 、", "cn_dun", 4), ("五 ", "cn_dun", 5),
])
def test_compatibility_forms_of_markers(marker: str, family: str, ordinal: int) -> None:
    (section,) = parse_checked(marker + "总则\n").sections
    assert (section.marker.text, section.marker.family, section.marker.ordinal) == (marker, family, ordinal)


def test_decimal_outline_below_its_number() -> None:
    got = levels("一、申请资料", "1.报案", "1.1支持在线提交", "1.1.1 邮寄", "1.2 现场提交", "2.承诺函")
    assert [lv for _, lv in got] == [1, 2, 3, 4, 3, 2]


@pytest.mark.parametrize("line", ["1.5亿元用于补贴。", "2.3%的企业上云。", "2.5万人参加。", "0.5个百分点。"])
def test_numbers_with_a_decimal_point_open_no_section(line: str) -> None:
    assert levels("一、概况", line) == [("一、", 1)]


def test_half_bracket_numbers_below_paren_numbers() -> None:
    assert levels("（1）细化", "1）更细", "2）再细", "（2）另项") == [
        ("（1）", 1), ("1）", 2), ("2）", 2), ("（2）", 1)
    ]


def test_parts_above_the_ladder() -> None:
    assert levels("第一部分 总体要求", "一、指导思想", "第二部分 主要任务", "一、任务") == [
        ("第一部分", 1), ("一、", 2), ("第二部分", 1), ("一、", 2)
    ]


def test_spoken_ordinals_open_speech_sections() -> None:
    doc = parse_checked("第一点，起草背景\n第二个方面呢，形势\n第三个是挑战\n第四，措施\n")
    assert [(s.marker.text, s.marker.family, s.marker.ordinal) for s in doc.sections] == [
        ("第一点，", "di", 1), ("第二个方面呢，", "di", 2), ("第三个是", "di", 3), ("第四，", "di", 4)
    ]


@pytest.mark.parametrize("line", ["第一个方面的问题是资金。", "第一次会议在北京召开。", "第一书记要驻村。"])
def test_ordinal_words_in_a_sentence_open_no_section(line: str) -> None:
    assert levels(line) == []


def test_emoji_before_a_heading_is_its_prefix() -> None:
    (section,) = parse_checked("📊 **一、全年核心指标**\n正文。\n").sections
    assert (section.marker.text, section.marker.prefix, section.heading_text) == (
        "一、", "📊 **", "全年核心指标")
    assert parse_checked("📊 一年来的数据\n").sections == []


_SAMPLES = {
    "division": "第一部分 甲", "volume": "第一编 甲", "chapter": "第一章 甲", "part": "第一节 甲",
    "article": "第一条 甲", "cn_dun": "一、甲", "cn_paren": "（一）甲", "ar_dot": "1.甲", "ar_dun": "1、甲",
    "ar_bare": "１\n\ufffd 甲",
    "outline_2": "1.1甲", "outline_3": "1.1.1甲", "ar_paren": "（1）甲", "ar_half_paren": "1）甲",
    "circled": "①甲",
}


@pytest.mark.parametrize("first", sorted(_SAMPLES))
def test_ranks_are_the_grammar_s_nesting(first: str) -> None:
    """A marker of a lower rank number opens the sections of a higher one, in the grammar
    as in gongwen.ladder (which the checker reads)."""
    from gongwen.ladder import RANKS

    assert set(RANKS) == set(_SAMPLES)
    for second in _SAMPLES:
        doc = parse_checked(f"{_SAMPLES[first]}\n{_SAMPLES[second]}\n")
        outer = doc.sections[0]
        assert outer.marker.family == first
        nested = bool(outer.sections)
        assert nested == (RANKS[first] < RANKS[second]), (first, second)


@pytest.mark.parametrize("marker, label", [
    ("二、", "二"), ("第一，", "第一"), ("1﹒", "1"), ("一 ", "一"), ("（一）", "（一）"),
    ("（一）、", "（一）"),
    ("1.1", "1.1"), ("第三个方面呢，", "第三个方面呢"), ("①", "①"),
])
def test_a_marker_s_label_drops_the_punctuation_after_it(marker: str, label: str) -> None:
    from gongwen.numerals import marker_label

    assert marker_label(marker) == label


def test_speech_families_nest_in_the_order_met() -> None:
    """The family met first leads and another goes one below it, until the leader's next
    marker (as d054's speakers number: 第一点，… 二是… 三是…)."""
    assert levels("第一，甲", "一是乙", "二是丙", "第二，丁", "首先，戊", "其次，庚", "第三，己") == [
        ("第一，", 1), ("一是", 2), ("二是", 2), ("第二，", 1), ("首先，", 2), ("其次，", 2), ("第三，", 1)
    ]
    assert levels("一是甲", "首先，乙", "其次，丙", "二是丁") == [
        ("一是", 1), ("首先，", 2), ("其次，", 2), ("二是", 1)
    ]
    assert [level for _, level in levels("一、甲", "第一，乙", "一要丙", "第二，丁", "二、戊")] == [
        1, 2, 3, 2, 1]


def test_number_whose_full_stop_the_extraction_lost() -> None:
    """A number alone on its line beside a line opening with U+FFFD (the 1． of a PDF
    whose full stop could not be read) is a 1. level marker, the lost glyph on the line
    after it or, where the page's order put it first, before it."""
    text = ("（一）实施行动\n\n   １\n   \ufffd 做大做强龙头企业。支持龙头企业。\n正文。\n"
            " \ufffd 推动中小企业提质发展。深入实施\n ２\n“万企融合”行动。\n（二）保障措施\n")
    doc = parse_checked(text)
    assert [(s.marker.text, s.marker.family, s.level, s.heading_text) for s in doc.find_all(Section)] == [
        ("（一）", "cn_paren", 1, "实施行动"), ("１", "ar_bare", 2, ""), ("２", "ar_bare", 2, ""),
        ("（二）", "cn_paren", 1, "保障措施"),
    ]


@pytest.mark.parametrize("text", [
    "客户赔付操作规程\n\n1 \n\n 第四条 本规程适用于本公司。\n",  # a page number under a running header
    "一、总则\n２\n正文。\n３\n",  # numbers beside ordinary lines
    "一、总则\n\n１\n\n\ufffd 做大做强。\n",  # the lost glyph a blank line away
])
def test_number_alone_on_its_line_is_text_elsewhere(text: str) -> None:
    doc = parse_checked(text)
    assert all(s.marker.family != "ar_bare" for s in doc.find_all(Section))


def test_adverbs_open_sections_only_in_sequence() -> None:
    """首先 and 其次 opening lines (B022, with and without the comma) are sections; a lone
    首先， (d054's welcome) or 最后， opening a line is a sentence."""
    assert levels("首先我要感谢大家。", "其次，感谢领导。", "一、甲") == [
        ("首先", 1), ("其次，", 1), ("一、", 1)]
    assert levels("首先，统一思想。", "正文。", "其次，明确任务。", "最后，抓好落实。") == [
        ("首先，", 1), ("其次，", 1), ("最后，", 1)]
    assert levels("首先，我谨代表大家表示欢迎。", "一、甲", "正文。") == [("一、", 1)]
    assert levels("第一，甲", "第二，乙", "最后，我再强调一点。") == [("第一，", 1), ("第二，", 1)]
    # a 首先 that another 首先 follows is lone; the second pairs with its 其次
    assert [m for m, _ in levels("首先，甲", "首先，乙", "其次，丙")] == ["首先，", "其次，"]


def test_a_list_begun_at_the_end_of_a_line_goes_on_on_the_next_lines() -> None:
    """一是 in a run-in heading's body or after a sentence, 二是 and 三是 opening the next
    lines: one list, whose first item opens its section where it stands."""
    got = levels("一、总体要求。一是加强领导。", "二是明确责任。", "三是抓好落实。", "二、保障措施")
    assert got == [("一、", 1), ("一是", 2), ("二是", 2), ("三是", 2), ("二、", 1)]
    spoken = levels("同志们：", "我讲三点意见。一是加强学习。", "二是明确责任。", "三是抓好落实。")
    assert spoken == [("一是", 1), ("二是", 1), ("三是", 1)]
    # near misses: a lone 一是 with no 二是 line after it; 一是 and 二是 both inline
    assert levels("一、总体要求。一是加强领导。", "正文。") == [("一、", 1)]
    assert levels("我讲两点。一是学习，二是落实。", "三是总结。") == [("三是", 1)]


def test_the_checker_sees_one_list_there() -> None:
    from gongwen.checks import check

    doc = parse_checked("我讲三点意见。一是加强学习。\n二是明确责任。\n三是抓好落实。\n")
    assert [d.code for d in check(doc) if d.code in ("GW101", "GW201")] == []


def test_a_table_of_contents_names_headings_without_opening_them() -> None:
    doc = parse_checked("湖北省文物事业发展规划\n目录\n一、背景形势......................1\n"
                        "1.“十三五”取得重大成就……………2\n二、总体要求·······················3\n"
                        "一、背景形势\n正文。\n1.数据来源：……见附表\n")
    assert [(s.marker.text, s.line) for s in doc.find_all(Section)] == [("一、", 6), ("1.", 8)]
    assert [n.type for n in doc.children[2:5]] == ["paragraph"] * 3  # the entries: paragraphs of the contents
