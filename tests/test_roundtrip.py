"""The tree rebuilds its text exactly, also after a JSON round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import Document, parse, parse_file
from tests.conftest import CORPUS, FIXTURES, assert_invariants, parse_checked

FIXTURE_TEXTS = sorted(FIXTURES.rglob("*.txt"))

PIECES = [
    "一、", "（一）", "(二)", "1.", "1．", "（1）", "①", "②", "第一，", "第二,", "一是", "二是", "一要",
    "首先，", "其次，", "最后，", "第一章", "第一条", "同志们：", "各位领导，同志们:", "谢谢大家！",
    "部署完毕。", "特此通知。", "xx", "X次", "**", "××", "○○", "□□", "某某", "##paidend##",
    "正文", "标题", "。", "，", "；", "：", "！", "\n", "\r\n", "\r", "\u3000", "\t", " ", "\ufeff",
    "— 1 —", "<!-- x -->", "### ", "&emsp;", "> ", "2023年5月12日", "第一议题", "统一是",
    "附件：", "附件1", "抄送：", "印发", "特急", "机密★1年", "〔2023〕", "12号", "文件", "[日期]",
    "现将有关事项通知如下：", "——", "<img>", "（此件公开发布）", "××市人民政府",
    "索引号", "发文字号", " | ", "[ ", " ]", "《", "》", "收悉", "出席：", "1.1", "1.1.1", "1）", "㈠", "⑴",
    "1﹒", "第一部分", "现予公布", "令", "第19号", "<p>", "</p>", "](x.xls)", "印发", "关于", "的通知",
    "　　", "📊", "二0二四年", "12月", "来源：", "发表时间：", " > ",
]


@pytest.mark.parametrize("path", FIXTURE_TEXTS, ids=[p.stem for p in FIXTURE_TEXTS])
def test_fixture_round_trips(path: Path) -> None:
    assert_invariants(parse_file(path), path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_document_round_trips(path: Path) -> None:
    doc = parse_file(path)
    assert_invariants(doc, path.read_text(encoding="utf-8"))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_generated_text_round_trips(pieces: list[str]) -> None:
    parse_checked("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_round_trips(text: str) -> None:
    parse_checked(text)


def test_empty_text() -> None:
    doc = parse_checked("")
    assert doc.children == [] and doc.title is None and doc.sections == []


def test_byte_order_mark_is_kept_as_an_artifact() -> None:
    doc = parse_checked("\ufeff一、标题\n")
    assert doc.children[0].type == "artifact"
    assert doc.sections[0].marker.text == "一、"


def test_a_grammar_failure_keeps_the_text_as_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    from lark.exceptions import UnexpectedCharacters

    from gongwen import parser

    class Refusing:
        def parse(self, text: str, *read: frozenset[int]) -> object:
            raise UnexpectedCharacters(text, 0, 2, 1)

    monkeypatch.setattr(parser, "_parser", lambda: Refusing())
    text = "一、标题\r\n正文\n末行"
    with pytest.warns(RuntimeWarning, match="grammar rejected line 2"):
        doc = parser.parse(text)
    assert [c.type for c in doc.children] == ["paragraph"] * 3
    assert_invariants(doc, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=60))
def test_the_json_of_any_str_reads_back(text: str) -> None:
    """Lone surrogates included (a file name not in UTF-8, a w:sym, a Python string)."""
    doc = parse(text, path="名\udcff.txt")
    back = Document.model_validate_json(doc.model_dump_json())
    assert back.to_text() == text and back.path == doc.path
