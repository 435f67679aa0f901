"""The grammars compile without conflicts, and every text parses."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.grammar import inline_patterns, load
from gongwen.lexer import LinePatterns, PostLexer
from gongwen.tokens import new_token
from tests.conftest import parse_checked

LINES = [
    "一、标题", "（一）标题", "(二)标题。正文", "1.标题", "2、标题", "（1）标题", "①标题",
    "第一，标题。正文", "一是标题。正文", "一要标题", "首先，标题", "第一章 总则", "第一节 一般规定",
    "第一条 正文", "第一编 总则", "第三条之一 正文", "同志们：", "谢谢大家！", "特此通知。",
    "正文段落。", "", "　", "##paidend##", "— 1 —", "标题行", "——在会议上的讲话",
    "附件：1.检查清单", "      2.联系人名单", "附件1", "附件", "附件：", "附件二：承诺函",
    "抄送：市委办公厅。", "2023年5月12日",
    "（此件公开发布）", "国办发〔2023〕12号", "XX市人民政府文件", "特急", "机密★1年", "000001",
    "各部门：", '<img src="x">', "首页", ">", "来源：", "新华社", "【字体：大 中 小】",
    "XX市人民政府办公室　2023年5月12日印发", "XX市人民政府", "[日期]",
    "索引号：001 发文字号：国办发〔2023〕12号", "发布机构 盐池县教体局 文 号", "关于印发《考评办法》的通知",
    "考评办法", "《辞职书》", "XX市教育局　　2024年5月1日", "出席：张三、李四", "1.1支持在线提交",
    "1.1.1 邮寄", "1）更细", "第一部分 总体要求", "㈠标题", "⑴标题", "1﹒标题", "第一点，标题",
    "二0二四年五月十二日", "2024年12月", "上海市人民政府令", "（第19号）", "[附件一:《表》](/f.xls)",
    "专此答复。", "<p>2024年4月15日</p>", "**2026 年 1 月 14 日**", "你省《关于迁移的请示》收悉。",
    "学习啦 > 范文 > 会议纪要", "📊 **一、标题**", "发表时间：", "2026-02-09 09:45:30",
    "《考评办法》已经市政府通过，现予公布。", "后附：《通报》。", "&emsp;标题", "&emsp;标题：关于",
]


@pytest.mark.slow
def test_document_grammar_has_no_conflicts_or_collisions() -> None:
    load("document.lark", postlex=PostLexer(LinePatterns()), strict=True)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=30), st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_sequence_of_lines_parses(lines: list[str], newline: str) -> None:
    parse_checked(newline.join(lines))


def test_inline_terminals_start_with_inline_start() -> None:
    patterns = inline_patterns()
    start = regex.compile(patterns.pop("INLINE_START"))
    samples = ("一是，二要，第三，首先，（一）（1）①xx二X次**市××局○○□□＿＿某某##paidend##"
               "你省《关于迁移的请示》收悉<p>2024年</p>[附件一:《表》](/f.xls)")
    for name, pattern in patterns.items():
        for match in regex.finditer(pattern, samples):
            assert start.match(match.group()), (name, match.group())


@pytest.mark.slow
def test_whole_line_terminals_match_only_whole_lines() -> None:
    parser = load("document.lark", postlex=PostLexer(LinePatterns()))
    samples = {
        "URGENCY": "特急", "SECRECY": "机密★1年", "RESIDUE_LINE": "— 1 —", "CLOSING": "特此通知。",
        "SALUTATION": "同志们：", "DATE": "2023年5月12日", "COPY_TO": "抄送：市委办公厅。",
        "DOC_NUMBER": "国办发〔2023〕12号", "ISSUER": "XX市人民政府文件", "REMARK": "（此件公开发布）",
        "APPENDIX_LABEL": "附件1", "IMPRINT": "市政府办公室　2023年5月12日印发",
    }
    for name, line in samples.items():
        pattern = regex.compile(parser.get_terminal(name).pattern.to_regexp())
        assert pattern.match(line + "\n").group() == line + "\n", name
        assert not pattern.match("正文" + line + "正文", 2), name
        if name != "COPY_TO":  # 抄送： takes the rest of its line
            assert not pattern.match(line + "正文\n"), name


def test_a_marker_alone_on_its_line_keeps_the_line_break_in_its_heading() -> None:
    doc = parse_checked("一、\n正文\n（一）\r\n")
    first, = doc.sections
    assert first.heading is not None and first.heading.to_text() == "\n"
    assert [child.type for child in first.children] == ["paragraph", "section"]
    assert first.sections[0].heading is not None and first.sections[0].heading.to_text() == "\r\n"


@pytest.mark.slow
def test_the_line_lexer_reports_where_no_terminal_matches() -> None:
    from lark.exceptions import UnexpectedCharacters

    from gongwen.lexer import LineLexer
    from gongwen.tables import tables_of

    tables = tables_of(load("document.lark", postlex=PostLexer(LinePatterns())))
    lexer = LineLexer([tables.terminal("CN_DUN"), tables.terminal("BLANK")])
    assert [t.type for t in lexer.tokens("\n一、")] == ["BLANK", "CN_DUN"]
    with pytest.raises(UnexpectedCharacters) as error:
        lexer.tokens("\n一、\n")  # a line break after the marker is TEXT, left out here
    assert (error.value.pos_in_stream, error.value.line) == (3, 2)


def test_the_parser_reports_a_token_the_grammar_does_not_expect() -> None:
    from lark.exceptions import UnexpectedToken

    from gongwen.builder import TreeBuilder
    from gongwen.parser import _parser

    engine = _parser()
    with pytest.raises(UnexpectedToken) as error:
        engine.lalr.parse([new_token("TEXT", "正文\n", 0, 1), new_token("HEADING", "标题\n", 3, 2)],
                          TreeBuilder())
    assert (error.value.token.type, error.value.line) == ("HEADING", 2)
    assert "TEXT" in error.value.expected


def test_the_parser_refuses_rule_forms_it_does_not_apply() -> None:
    from lark import Lark

    from gongwen.lalr import LALRParser
    from gongwen.tables import Tables, tables_of

    class Builder:
        def start(self, children: list[object]) -> list[object]:
            return children

    for grammar in ('start: x\n?x: A | A A\nA: "a"', 'start: A [A]\nA: "a"'):
        with pytest.raises(ValueError, match="does not apply"):
            tables_of(Lark(grammar, parser="lalr"))
    tables = tables_of(Lark('start: A A*\nA: "a"', parser="lalr"))
    assert Tables.from_json(tables.to_json()) == tables
    assert LALRParser(tables, Builder).parse([new_token("A", "a", 0, 1)] * 3, Builder()) == ["a", "a", "a"]


def test_the_line_lexer_tests_a_line_start_once_and_lexes_as_each_terminal_would() -> None:
    import re

    from gongwen.grammar import document_tables
    from gongwen.lexer import _AT_LINE_START, LineLexer
    from gongwen.parser import _parser
    from tests.conftest import CORPUS, FIXTURES

    terminals = document_tables(_parser().postlexer).terminals
    lexer = LineLexer(terminals)
    at_line_start = [t for t in terminals if t.regexp.startswith(_AT_LINE_START)]
    assert len(at_line_start) > 30 and lexer.pattern.pattern.count(_AT_LINE_START) < 5
    ordered = sorted(terminals, key=lambda t: (-t.priority, -t.max_width, -t.length, t.name))
    each = re.compile("|".join(f"(?P<{t.name}>{t.regexp})" for t in ordered))
    for path in [*FIXTURES.glob("*/*.txt"), *CORPUS]:
        text = path.read_text(encoding="utf-8")
        assert [(t.type, t.start_pos) for t in lexer.tokens(text)] == [
            (m.lastgroup, m.start()) for m in each.finditer(text)], path
