"""Inline lists, placeholders and residue inside a line."""

from __future__ import annotations

import pytest

from gongwen import Artifact, Enumeration, Placeholder
from tests.conftest import parse_checked


def lists(text: str) -> list[tuple[str, int]]:
    doc = parse_checked(text)
    return [(e.items[0].marker.text, len(e.items)) for e in doc.find_all(Enumeration)]


def placeholders(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.kind) for p in parse_checked(text).find_all(Placeholder)]


@pytest.mark.parametrize("text, expected", [
    ("主要有：一是抓学习；二是抓执行；三是抓效能。", [("一是", 3)]),
    ("要做到：一要学；二要干。", [("一要", 2)]),
    ("我讲两点。第一，要学习。第二，要落实。", [("第一，", 2)]),
    ("首先，统一思想。其次，明确任务。最后，抓好落实。", [("首先，", 3)]),
    ("措施：①甲。②乙。③丙。", [("①", 3)]),
    ("包括（1）甲；（2）乙。", [("（1）", 2)]),
    ("标准很清晰：首先，要实事求是。第二，要敢于担当。第三，要团结。", [("首先，", 3)]),
    ("是学习。首先你们不要误会。第二点，要妥协。", [("首先", 2)]),
    ("我们首先要学习，其次要落实。", []),  # 首先 inside a clause is no item
    ("首先你们不要误会，这是第一次。", []),  # an adverb alone is no list
])
def test_inline_lists(text: str, expected: list[tuple[str, int]]) -> None:
    assert lists(text) == expected


@pytest.mark.parametrize("text", [
    "统一思想是前提，统一是关键。二是不存在的。",
    "坚持“第一议题”制度，第一次会议由第一书记主持。",
    "党的二十大强调两个确立，四个意识，八项规定。",
    "一是要坚持。",  # a lone first item is no list
    "依照第（1）项规定，第（2）项除外。",
])
def test_set_phrases_are_not_lists(text: str) -> None:
    assert lists(text) == []


def test_lists_nest_and_a_second_list_of_a_family_starts_anew() -> None:
    doc = parse_checked("总体：一要学。二要干：①甲；②乙。另外，一要丙；二要丁。\n")
    paragraph = doc.children[0]
    top = [node for node in paragraph.children if isinstance(node, Enumeration)]
    assert [(e.family, len(e.items)) for e in top] == [("yao", 2), ("yao", 2)]
    inner = doc.enumerations[1]
    assert inner.family == "circled"
    assert doc.ancestors(inner)[:2] == [top[0].items[1], top[0]]


@pytest.mark.parametrize("text, expected", [
    ("幸福美好新xx的局面", [("xx", "letter_x")]),
    ("集中学习X次，整改率达到X％", [("X", "letter_x"), ("X", "letter_x")]),
    ("20XX年X月", [("XX", "letter_x"), ("X", "letter_x")]),
    ("《**日报》，等**个单位**多名", [("**", "asterisk")] * 3),
    ("××市××局", [("××", "times"), ("××", "times")]),
    ("○○县□□单位", [("○○", "circles"), ("□□", "boxes")]),
    ("某某局和某市", [("某某", "mou"), ("某", "mou")]),
    ("截止日期：＿＿＿", [("＿＿＿", "underline")]),
])
def test_placeholders(text: str, expected: list[tuple[str, str]]) -> None:
    assert placeholders(text) == expected


@pytest.mark.parametrize("text", [
    "使用Xbox和X射线设备", "面积3×4米", "二〇〇八年", "某些情况下某种做法", "Markdown **bold** text",
])
def test_not_placeholders(text: str) -> None:
    assert placeholders(text) == []


def test_paywall_mark_inside_a_sentence_is_an_artifact_and_the_sentence_stays() -> None:
    doc = parse_checked("利用《读本》##paidbegin##等辅导材料。\n##paidend##\n")
    artifacts = [(a.text.strip(), a.kind) for a in doc.find_all(Artifact)]
    assert artifacts == [("##paidbegin##", "paywall"), ("##paidend##", "residue_line")]
    assert doc.children[0].type == "paragraph"
    assert doc.children[0].text == "利用《读本》##paidbegin##等辅导材料。"


def test_long_runs_stay_linear_and_exact() -> None:
    for text in ("x" * 20000, "*" * 20000, "一" * 20000 + "是", "一、" * 5000, "①" * 5000):
        parse_checked(text)


def test_bold_pairs_are_emphasis_in_markdown_and_anonymisation_elsewhere() -> None:
    line = "必须先学一步。**市直机关工委**多措并举。\n"
    plain = parse_checked(line)
    assert [p.text for p in plain.placeholders] == ["**", "**"]
    markdown = parse_checked("# 工作报告\n" + line)
    assert markdown.placeholders == []
    assert [(a.text, a.kind) for a in markdown.find_all(Artifact)] == [("# ", "markdown")] + [
        ("**", "markdown")] * 2
    odd = parse_checked("- 要点\n等**个单位**多名，共**人。\n")
    assert [p.text for p in odd.placeholders] == ["**"]


def test_han_ranges_are_the_han_script() -> None:
    import re

    import regex

    from gongwen.inline import HAN_RANGES

    ours, han = re.compile(f"[{HAN_RANGES}]"), regex.compile(r"\p{Han}")
    for point in range(0x10000):
        assert (ours.match(chr(point)) is None) == (han.match(chr(point)) is None), hex(point)
    for low, high in re.findall(r"(.)-(.)", HAN_RANGES):
        assert han.match(low) and han.match(high), (hex(ord(low)), hex(ord(high)))


def test_the_scanner_finds_what_the_grammar_finds() -> None:
    import regex

    from gongwen.grammar import inline_patterns
    from gongwen.inline import _scanner
    from tests.conftest import CORPUS, FIXTURES

    patterns = inline_patterns()
    start = patterns.pop("INLINE_START")
    grammar = regex.compile(f"(?={start})(?:" + "|".join(f"(?P<{n}>{p})" for n, p in patterns.items()) + ")")
    scanner = _scanner()[1]
    for path in [*sorted(FIXTURES.rglob("*.txt")), *CORPUS]:
        text = path.read_text(encoding="utf-8")
        found = [(m.lastgroup, m.span()) for m in scanner.finditer(text)]
        assert found == [(m.lastgroup, m.span()) for m in grammar.finditer(text)], path
