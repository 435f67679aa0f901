"""Roles that depend on a line's place: title, subtitle, date, addressee, signature,
附件说明, 版记."""

from __future__ import annotations

from gongwen import Attendance
from tests.conftest import parse_checked


def roles(text: str) -> list[tuple[str, str]]:
    doc = parse_checked(text)
    return [(node.type, node.to_text().strip()) for node in doc.children if node.type != "blank"]


def test_subtitle_with_a_sentence_belongs_to_the_title() -> None:
    got = roles("胜利祝酒辞\n\n——1994年6月5日，举行庆祝酒会。任正非致辞。\n\n正文。\n")
    assert got[0] == ("title", "胜利祝酒辞\n\n——1994年6月5日，举行庆祝酒会。任正非致辞。")
    assert got[1] == ("paragraph", "正文。")


def test_subtitle_after_residue_and_a_date_under_the_title() -> None:
    got = roles('# 讲话\n<img src="x">\n\n——在全市会议上的讲话\n2016年3月7日\n\n正文。\n')
    assert [kind for kind, _ in got] == ["title", "artifact", "title", "date", "paragraph"]


def test_speaker_between_title_and_date_is_no_signature() -> None:
    got = roles("在全市工作会议上的讲话\n张三\n（2018年1月2日）\n同志们：\n正文。\n")
    assert [kind for kind, _ in got] == ["title", "paragraph", "date", "salutation", "paragraph"]


def test_wrapped_addressee() -> None:
    got = roles("关于开展检查的通知\n各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构：\n正文。\n")
    assert got[1] == ("addressee", "各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构：")


def test_joint_signature_above_the_date() -> None:
    got = roles("关于表彰的决定\n正文。\n中共江城市委员会\n江城市人民政府\n2026年5月15日\n")
    assert got[2:] == [("signature", "中共江城市委员会"), ("signature", "江城市人民政府"),
                       ("date", "2026年5月15日")]


def test_joint_signature_spaced_out_below_a_no_text_note() -> None:
    got = roles("关于表彰的决定\n正文。\n\n（此页无正文）\n\n中共江城市委员会\n\n江城市人民政府\n"
                "2026年5月15日\n")
    assert got[2:] == [("paragraph", "（此页无正文）"), ("signature", "中共江城市委员会"),
                       ("signature", "江城市人民政府"), ("date", "2026年5月15日")]
    far = roles("关于表彰的决定\n正文。\n\n\n\n中共江城市委员会\n\n\n\n江城市人民政府\n2026年5月15日\n")
    assert far[2:] == [("paragraph", "中共江城市委员会"), ("signature", "江城市人民政府"),
                       ("date", "2026年5月15日")]


def test_single_attachment_and_doc_number_in_parentheses() -> None:
    doc = parse_checked("XX市人民政府文件\n（X政发〔2023〕12号）\n关于印发办法的通知\n正文。\n\n"
                        "附件：检查办法\n\nXX市人民政府\n2023年5月12日\n")
    assert doc.find("doc_number").text == "（X政发〔2023〕12号）"
    (item,) = doc.find("attachment_note").items
    assert item.text == "检查办法"


def test_copy_to_takes_its_wrapped_lines() -> None:
    got = roles("正文。\n特此通知。\n抄送：省委各部门，\n    省人大常委会办公厅。\n"
                "XX办公厅　　2023年5月12日印发\n")
    assert got[2] == ("copy_to", "抄送：省委各部门，\n    省人大常委会办公厅。")
    assert got[3][0] == "imprint"


def test_header_lines_in_the_body_are_paragraphs() -> None:
    got = roles("一、总体要求\n国办发〔2023〕12号\n特急\n")
    assert [kind for kind, _ in got] == ["section"]
    doc = parse_checked("一、总体要求\n国办发〔2023〕12号\n特急\n")
    assert [c.type for c in doc.sections[0].children] == ["paragraph", "paragraph"]


def test_a_lead_sentence_ending_in_a_colon_is_no_addressee() -> None:
    got = roles("关于2024年工作的总结\n一年来，主要做了以下工作：\n一、抓学习\n")
    assert [kind for kind, _ in got] == ["title", "paragraph", "section"]


def test_a_bare_attachment_label_takes_the_name_below_it() -> None:
    # d007: 附件： alone, the attachment's name on the next line, then the attachment
    doc = parse_checked("正文。\n　　附件：\n　　考评指标\n　　附件\n　　考评指标\n　　一、政务服务\n")
    note = doc.find("attachment_note")
    assert [item.text.strip() for item in note.items] == ["考评指标"]
    assert note.label.text == "　　附件：\n"
    (appendix,) = doc.find_all("appendix")
    assert appendix.title.text.strip() == "考评指标"
    assert [s.heading_text for s in appendix.sections] == ["政务服务"]


def test_a_bare_attachment_label_over_numbered_items_or_nothing() -> None:
    doc = parse_checked("正文。\n附件：\n1.甲清单\n2.乙清单\n\nXX市人民政府\n2023年5月12日\n")
    assert [item.text for item in doc.find("attachment_note").items] == ["1.甲清单", "2.乙清单"]
    assert roles("正文。\n附件：\n")[-1] == ("attachment_note", "附件：")


def test_an_attachment_label_with_its_title_on_the_line_opens_the_attachment() -> None:
    # d015: 附件二：承诺函, then the letter with its own 主送
    doc = parse_checked("正文。\n 附件二：承诺函  \n某某公司：\n本人承诺以下事项：\n1. 以上陈述属实。\n")
    (appendix,) = doc.find_all("appendix")
    assert (appendix.number, appendix.label.text, appendix.title.text.strip()) == (2, " 附件二：", "承诺函")
    assert [child.type for child in appendix.children] == ["title", "addressee", "paragraph", "section"]


def test_attachment_labels_with_titles_in_a_row_are_a_list_in_the_text() -> None:
    assert roles("正文。\n附件1：甲清单\n\n附件2：乙清单\n\nXX市人民政府\n2023年5月12日\n") == [
        ("paragraph", "正文。"), ("paragraph", "附件1：甲清单"), ("paragraph", "附件2：乙清单"),
        ("signature", "XX市人民政府"), ("date", "2023年5月12日"),
    ]
    assert roles("正文。\n抄送：市委办公厅。\n附件1：甲清单\n")[-1] == ("paragraph", "附件1：甲清单")


def test_a_web_page_header_is_residue_around_the_title() -> None:
    # d006: a government site's breadcrumb, article fields and font switch, a line each
    text = ("当前位置：\n首页\n>\n政务信息\n>\n宁夏要闻\n2026年宁夏回族自治区政府工作报告\n发表时间：\n"
            "2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n阅读量：\n【字体：\n小\n中\n大\n】\n"
            "政府工作报告\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n")
    kinds = roles(text)
    assert {kind for kind, _ in kinds[:17]} == {"artifact"}  # the site's headline too
    assert kinds[17:] == [("title", "政府工作报告"), ("salutation", "各位代表："),
                          ("paragraph", "现在，我代表自治区人民政府，向大会报告工作。")]


def test_fields_a_converter_writes_in_bold_are_residue() -> None:
    # d015: **来源**: the PDF it was converted from
    assert roles("# 规程\n\n**来源**: /docs/规程.pdf\n\n**更新时间**: 2026-02-18\n\n正文。\n") == [
        ("title", "# 规程"), ("artifact", "**来源**: /docs/规程.pdf"),
        ("artifact", "**更新时间**: 2026-02-18"), ("paragraph", "正文。"),
    ]


def test_a_breadcrumb_separator_in_the_body_is_residue_but_its_neighbours_are_text() -> None:
    assert roles("关于某事的通知\n正文。\n>\n正文二。\n") == [
        ("title", "关于某事的通知"), ("paragraph", "正文。"), ("artifact", ">"), ("paragraph", "正文二。"),
    ]


def test_an_attachments_title_is_not_the_documents() -> None:
    doc = parse_checked("各位同事，现将有关事项说明如下。\n一、总体要求\n附件1\n检查清单\n一、检查项目\n")
    appendix = doc.find("appendix")
    assert doc.title is None and appendix is not None and appendix.title.text == "检查清单"
    assert doc.kind is None


def test_a_doc_number_wrapped_after_its_bracket() -> None:
    got = roles("XX省人民政府文件\n   X府发 〔\n     ２０２２〕８ 号\n\n"
                "关于印发方案的通知\n各市人民政府：\n正文。\n")
    assert got[:4] == [("issuer", "XX省人民政府文件"), ("doc_number", "X府发 〔\n     ２０２２〕８ 号"),
                       ("title", "关于印发方案的通知"), ("addressee", "各市人民政府：")]
    # in the body the same two lines are text, and a head alone is text anywhere
    body = roles("关于印发方案的通知\n正文。\nX府发〔\n２０２２〕８号\n")
    assert body[1:] == [("paragraph", "正文。"), ("paragraph", "X府发〔"), ("paragraph", "２０２２〕８号")]
    alone = roles("X府发〔\n\n关于印发方案的通知\n各市人民政府：\n正文。\n")
    assert [kind for kind, _ in alone] == ["title", "addressee", "paragraph"]


def test_signature_and_date_wrapped_in_html_or_bold() -> None:
    doc = parse_checked(
        "关于安全检查的通知\n正文。\n<p style=\"text-align:right\">安全生产委员会办公室</p>\n"
        "<p style=\"text-align:right\">2024年4月15日</p>\n")
    assert [s.text for s in doc.signature] == ["安全生产委员会办公室"]
    assert doc.date is not None and doc.date.text == "2024年4月15日"
    doc = parse_checked("关于工作的报告\n正文。\n**特此报告。**\n\n**财付通公司**\n\n"
                        "**2026 年 1 月 14 日**\n")
    assert doc.closing is not None and doc.closing.text == "特此报告。"
    assert doc.date is not None and doc.date.text == "2026 年 1 月 14 日"


def test_dates_with_mixed_digits_and_without_a_day() -> None:
    for date in ("二0二四年五月十二日", "二O二四年五月十二日", "二○一一年二月二十三日", "2024年12月"):
        got = roles(f"关于表彰的决定\n正文。\n{date}\n")
        assert got[-1] == ("date", date)


def test_a_sentence_opening_with_a_date_is_no_date() -> None:
    assert roles("关于表彰的决定\n正文。\n2024年12月，我们召开了会议。\n")[-1][0] == "paragraph"
    assert roles("关于表彰的决定\n正文。\n<p>正文结束</p>\n")[-1][0] == "paragraph"


def test_an_organ_and_type_above_a_title_of_that_type_is_the_issuer() -> None:
    got = roles("XX市公安局治安支队通知\n\n关于加强巡逻的通知\n\n各派出所：\n正文。\n")
    assert [kind for kind, _ in got][:3] == ["issuer", "title", "addressee"]
    near = roles("市政府工作报告\n\n2024年工作要点\n正文。\n")  # not 关于…, not the same type
    assert near[0] == ("title", "市政府工作报告")


def test_titles_may_open_with_a_year() -> None:
    assert roles("2024年工作要点\n一、总体要求\n")[0] == ("title", "2024年工作要点")
    assert roles("2024年12月\n正文。\n")[0][0] == "date"
    # a year alone, or a 题注 opening with a date, under the title: paragraphs
    assert roles("某某县2023年度工作总结\n（2023年度）\n一、主要工作\n")[:2] == [
        ("title", "某某县2023年度工作总结"), ("paragraph", "（2023年度）")]
    assert roles("某某条例\n2007年4月5日国务院令第492号公布\n第一章　总则\n")[:2] == [
        ("title", "某某条例"), ("paragraph", "2007年4月5日国务院令第492号公布")]


def test_a_title_naming_its_type_takes_no_more_lines() -> None:
    got = roles("关于排污许可证核发权限问题的复函\n国家环保局\n复函\n重庆市环境保护局:\n正文。\n")
    assert got[:4] == [("title", "关于排污许可证核发权限问题的复函"), ("paragraph", "国家环保局"),
                       ("paragraph", "复函"), ("addressee", "重庆市环境保护局:")]
    got = roles("关于印发行动计划的通知\n（2021—2023年）\n各市：\n")  # a note in brackets goes on
    assert got[0] == ("title", "关于印发行动计划的通知\n（2021—2023年）")


def test_order_number_and_organ_of_a_decree() -> None:
    doc = parse_checked("上海市人民政府令\n\n（第19号）\n\n《管理办法》已经市政府常务会议通过，现予公布。\n"
                        "市长　应勇\n2019年8月12日\n")
    assert [n.type for n in doc.children if n.type != "blank"][:2] == ["issuer", "doc_number"]
    assert doc.doc_number is not None and doc.doc_number.text == "（第19号）"
    assert [s.text for s in doc.signature] == ["市长　应勇"]
    got = roles("关于控制尘污染的通告\n\n重庆市人民政府\n\n渝府令第 121 号\n\n正文。\n")
    assert got[1:3] == [("paragraph", "重庆市人民政府"), ("doc_number", "渝府令第 121 号")]
    assert roles("关于表彰的决定\n正文。\n第19号\n")[-1] == ("paragraph", "第19号")  # in the body


def test_a_page_title_holding_the_title_is_residue() -> None:
    got = roles("张三:在市人大会议上的讲话(全文1896字)\n\n在市人大会议上的讲话\n张三\n2020年06月24日\n"
                "各位代表：\n")
    assert [kind for kind, _ in got] == ["artifact", "title", "paragraph", "date", "salutation"]
    near = roles("关于印发《考评办法》的通知\n各旗县区：\n正文。\n考评办法\n")
    assert near[0][0] == "title"


def test_a_date_above_the_title_is_the_page_s() -> None:
    got = roles("2023年01月13日\n关于情况的通报\n2023年01月13日\n各单位：\n")
    assert [kind for kind, _ in got] == ["artifact", "title", "date", "addressee"]


def test_closing_formulas_of_letters_requests_and_meetings() -> None:
    for formula in ("专此答复。", "特此请示。", "以上请示妥否,请批示。", "今天的会议到此结束，谢谢大家。",
                    "我的汇报到此结束，感谢大家聆听。"):
        assert roles(f"关于事项的函\n正文。\n{formula}\n")[-1] == ("closing", formula)
    sentence = "以上请示的内容已经研究同意并报送上级机关审核后执行。"
    assert roles(f"关于事项的函\n正文。\n{sentence}\n")[-1][0] == "paragraph"


def test_attachment_named_after_hou_fu() -> None:
    doc = parse_checked("关于转发通报的通知\n正文。\n后附：《关于开工第一课的通报》。\n")
    (note,) = [n for n in doc.children if n.type == "attachment_note"]
    assert [item.text for item in note.items] == ["《关于开工第一课的通报》。"]


def test_a_document_issued_by_a_notice_is_a_part_with_its_title() -> None:
    doc = parse_checked("关于印发《包头市数字政府建设考评办法》的通知\n各旗县区：\n现将《办法》印发给你们。\n"
                        "2022年6月1日\n\n包头市数字政府建设考评办法\n\n一、总则\n正文。\n")
    (issued,) = [n for n in doc.children if n.type == "appendix"]
    assert issued.label is None and issued.title is not None
    assert issued.title.text == "包头市数字政府建设考评办法" and issued.heading_text == issued.title.text
    assert [s.marker.text for s in issued.sections] == ["一、"]
    assert doc.title is not None and doc.title.text.startswith("关于印发")
    assert doc.date is not None and doc.date.text == "2022年6月1日"


def test_two_documents_issued_without_book_title_marks() -> None:
    doc = parse_checked("关于印发若干政策和行动计划（2021—2023年）的通知\n各市：\n正文。\n\n若干政策\n"
                        "一、甲\n\n行动计划（2021-2023年）\n一、乙\n")
    titles = [a.title.text for a in doc.children if a.type == "appendix" and a.title]
    assert titles == ["若干政策", "行动计划（2021-2023年）"]


def test_a_decree_issues_what_it_promulgates() -> None:
    doc = parse_checked("上海市人民政府令\n（第19号）\n《临港新片区管理办法》已经市政府会议通过，现予公布。\n"
                        "市长　应勇\n2019年8月12日\n临港新片区管理办法\n第一章　总则\n")
    (issued,) = [n for n in doc.children if n.type == "appendix"]
    assert issued.title is not None and issued.title.text == "临港新片区管理办法"


def test_a_line_naming_the_issued_document_in_a_sentence_opens_nothing() -> None:
    doc = parse_checked("关于印发《考评办法》的通知\n各旗县区：\n现将考评办法印发你们。\n考评办法要执行。\n")
    assert [n.type for n in doc.children if n.type == "appendix"] == []


def test_formal_texts_are_their_words_alone() -> None:
    doc = parse_checked("关于表彰的决定\n正文。\n&emsp;&emsp;&emsp;&emsp;江城市人民政府&emsp;\n"
                        "　　　　　　2026年5月15日　\n")
    assert [s.text for s in doc.signature] == ["江城市人民政府"]
    assert doc.date is not None and doc.date.text == "2026年5月15日"
    assert doc.to_text().endswith("　　　　　　2026年5月15日　\n")  # the tree still holds the padding
    marked = parse_checked("泰安市文件\n# 泰旅爱物字〔2024〕1号\n## 关于开展检查的通知\n各部门：\n正文。\n")
    assert marked.doc_number is not None and marked.doc_number.text == "泰旅爱物字〔2024〕1号"
    assert marked.title is not None and marked.title.text == "关于开展检查的通知"
    assert [c.to_text() for c in marked.title.children if c.type == "artifact"] == ["## "]
    # a # inside a line, or without a space after it, is no Markdown heading
    assert parse_checked("#关于开展检查的通知\n正文。\n").find("artifact") is None


def test_a_document_quoted_in_full_under_its_name() -> None:
    doc = parse_checked("当干部是一种责任\n正文。\n\n《辞职书》\n\n我自愿辞去职务。\n")
    (quoted,) = [n for n in doc.children if n.type == "appendix"]
    assert quoted.title is not None and quoted.title.text == "《辞职书》"
    near = roles("当干部是一种责任\n正文。\n《辞职书》全文如下：\n我自愿辞去职务。\n")
    assert [kind for kind, _ in near] == ["title", "paragraph", "paragraph", "paragraph"]


def test_an_attachment_linked_in_markdown() -> None:
    doc = parse_checked("关于安全工作的通知\n正文。\n[附件一:《零报告日汇报表》](/files/1.xls)\n")
    (note,) = [n for n in doc.children if n.type == "attachment_note"]
    assert [item.text for item in note.items] == ["《零报告日汇报表》"]
    assert note.to_text() == "[附件一:《零报告日汇报表》](/files/1.xls)\n"


def test_a_date_among_a_page_s_fields_below_the_title_is_not_the_document_s() -> None:
    got = roles("关于同意迁移的批复\n国函〔2009〕159号\n中华人民共和国国务院\n2009年12月31日\n"
                "收录于《民政志》\n\n安徽省人民政府:\n同意。\n")
    assert [kind for kind, _ in got] == [
        "title", "doc_number", "paragraph", "artifact", "paragraph", "addressee", "paragraph"]
    got = roles("# 在会议上的讲话\n<img src=\"x\">\n\n2016年1月25日\n正文。\n")
    assert [kind for kind, _ in got] == ["title", "artifact", "date", "paragraph"]


def test_a_signature_and_its_date_on_one_line() -> None:
    doc = parse_checked("关于开展检查的通知\n正文。\nXX市教育局　　2024年5月1日\n")
    assert [s.text for s in doc.signature] == ["XX市教育局"]
    assert doc.date is not None and doc.date.value == "2024-05-01"
    joint = parse_checked("关于开展检查的通知\n正文。\nXX市人民政府\nXX市教育局    2024年5月1日\n")
    assert [s.text for s in joint.signature] == ["XX市人民政府", "XX市教育局"]
    near = roles("关于开展检查的通知\n正文。\n截至 2024年5月1日\n")  # one space: a sentence
    assert near[-1][0] == "paragraph"


def test_who_attended_a_meeting() -> None:
    doc = parse_checked("县人民政府常务会议纪要\n会议议定事项如下：\n一、同意方案。\n"
                        "出 席：张三、李四，王五\n列席人员：财政局\n请假：赵六\n")
    assert [(a.role, a.names) for a in doc.find_all(Attendance)] == [
        ("出席", ["张三", "李四", "王五"]), ("列席", ["财政局"]), ("请假", ["赵六"])]
    assert [(s.marker.text, s.heading_text) for s in doc.sections] == [("一、", "同意方案")]
    near = roles("会议纪要\n出席会议的同志要认真落实。\n")  # no colon after the label
    assert near[-1][0] == "paragraph"


def test_the_request_a_reply_answers() -> None:
    doc = parse_checked("国务院关于同意迁移的批复\n安徽省人民政府：\n"
                        "你省《关于驻地迁移的请示》（皖政〔2009〕12号）收悉。现批复如下：\n此复。\n")
    assert doc.answers is not None and doc.answers.text == "《关于驻地迁移的请示》（皖政〔2009〕12号）"
    letter = parse_checked("关于许可权限的复函\n重庆市环境保护局:\n你局《关于如何理解第九条的请示》收悉。\n")
    assert letter.answers is not None and letter.answers.text == "《关于如何理解第九条的请示》"
    assert parse_checked("关于学习的通知\n各单位要学习《条例》，收到后执行。\n").answers is None


def test_a_date_whose_characters_a_page_dropped_under_its_signature() -> None:
    """20211022 for 2021年10月22日 (g001's web page; g005 writes 2017919): a date
    under a 署名 at the text's end; a number line in the body is data."""
    doc = parse_checked("关于办理提案的答复函\n\n正文。\n\n专此答复。\n\n    某县教育体育局\n\n"
                        "                20211022\n\n扫一扫在手机上查看当前页面\n")
    assert [s.text for s in doc.signature] == ["某县教育体育局"]
    assert doc.date is not None and (doc.date.text, doc.date.value) == ("20211022", "2021-10-22")
    unsigned = roles("关于表彰的决定\n正文。\n\n2017919\n")  # no 署名 above
    assert unsigned[-1] == ("paragraph", "2017919")
    in_body = parse_checked("关于某事的通知\n各单位：\n一、甲\n完成时间\n20230815\n二、乙\n正文。\n")
    assert in_body.date is None and in_body.signature == []



def test_a_date_after_a_contact_line() -> None:
    """A 函's contact lines (联系人：…) stay paragraphs; the date below them is the date,
    and an organ line between them is the 署名."""
    got = roles("关于商请支持的函\n某某局：\n正文。\n特此函告。\n\n联系人：张三，电话：12345678\n\n"
                "某某局\n2024年5月1日\n")
    assert got[-3:] == [("paragraph", "联系人：张三，电话：12345678"), ("signature", "某某局"),
                        ("date", "2024年5月1日")]
    bare = roles("关于商请支持的函\n某某局：\n正文。\n联系人：张三\n联系电话：010-12345678\n2024年5月1日\n")
    assert bare[-3:] == [("paragraph", "联系人：张三"), ("paragraph", "联系电话：010-12345678"),
                         ("date", "2024年5月1日")]


def test_a_second_text_opens_with_its_addressee_under_the_first_ones_date() -> None:
    """Two 请示 on one page (g010), and a hand-written pair of 函."""
    got = roles("某县财政局：\n正文。\n特此请示。\n某乡人民政府\n2024年12月28日\n\n某省文物局：\n"
                "正文。\n妥否，请批示。\n某县文物旅游局\n2024年7月13日\n")
    assert [role for role, _ in got] == [
        "addressee", "paragraph", "closing", "signature", "date",
        "addressee", "paragraph", "closing", "signature", "date"]
    near = roles("关于开展检查的通知\n各单位：\n正文。\n某某局\n2024年5月1日\n具体安排如下：\n一、时间\n")
    assert near[-2] == ("paragraph", "具体安排如下：")
    fields = roles("关于开展检查的通知\n各单位：\n正文。\n某某局\n2024年5月1日\n联系方式：\n电话：010-1234\n")
    assert [role for role, _ in fields[-2:]] == ["paragraph", "paragraph"]


def test_a_line_with_a_blank_for_the_signer_above_the_date_is_the_signature() -> None:
    """d041's 辞职书 (市场人员：（签名）) and a hand-written 承诺书; the colon a 署名
    otherwise never holds is allowed before the blank."""
    letter = parse_checked("辞职书\n尊敬的总裁：\n正文。\n              市场人员：（签名）\n\n"
                           "             一九九六年一月二十八日\n")
    assert [s.text for s in letter.signature] == ["市场人员：（签名）"]
    pledge = parse_checked("承诺书\n本人承诺如实填报。\n承诺人（签字）：\n2024年3月1日\n")
    assert [s.text for s in pledge.signature] == ["承诺人（签字）："]
    # no date right below: text, also in a form whose date is left blank
    assert roles("承诺书\n本人承诺如实填报。\n承诺人（签字）：\n联系电话：\n")[-2][0] == "paragraph"
    assert roles("说明\n特此说明。\n            （盖章）\n             年  月 日\n")[-2][0] == "paragraph"
