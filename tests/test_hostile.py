"""Inputs built to find quadratic paths: each must parse, exactly, in bounded time
(the benchmark reports how time grows with size; no timing is asserted here)."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

import pytest

from gongwen import parse
from tests.conftest import parse_checked

N = 10_000

HOSTILE = {
    "one long line": "字" * (10 * N),
    "lines of 一、": "一、\n" * N,
    "lines of xx": ("xx" * 500 + "\n") * 20,
    "cycling markers": "".join(
        f"{m}\n" for m in ["一、", "（一）", "1.", "（1）", "①", "第一，", "一是"] * (N // 7)
    ),
    "numerals then 是": "一" * (10 * N) + "是",
    "asterisks": "*" * (10 * N),
    "同志们 without colon": "同志们\n" * N,
    "one line of markers": "；一是" * N,
    "nested lists": "：" + "".join(f"①{i}；" for i in range(N)),
    "names to issue": "关于印发的通知\n" + "".join(
        f"《办法{i}》已经通过，现予公布。\n办法{i + 1}\n" for i in range(N // 10)),
    "quoted names": "关于会议的通知\n正文。\n" + "《辞职书》\n正文。\n" * (N // 10),
    "metadata and furniture": "索引号：1 发文字号：国办发〔2023〕12号\n来源：网\n" * (N // 10) + "正文。\n",
    "a page title repeated": "关于检查的通知\n来源：网\n" * (N // 10),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_parses_exactly(text: str) -> None:
    parse_checked(text)


@contextlib.contextmanager
def finishing_within(seconds: int) -> Iterator[None]:
    """A generous ceiling, not a timing: linear work ends far below it, quadratic far above."""
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"not finished within {seconds} s: a path quadratic in the input?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.slow
@pytest.mark.parametrize("line", ["一、\n", "第一条 内容\n", "正文。\n\n"])
def test_a_megabyte_of_sibling_lines_parses_in_linear_time(line: str) -> None:
    # every line a sibling of the one before: the lists the parser grows are this long
    text = line * (1_000_000 // len(line.encode("utf-8")))
    with finishing_within(60):
        doc = parse(text)
    assert doc.to_text() == text


@pytest.mark.slow
@pytest.mark.parametrize("line", ["一、\n", "正文。\n\n", "同志们\n"])
def test_chunks_markdown_and_report_of_a_megabyte_in_linear_time(line: str) -> None:
    text = line * (1_000_000 // len(line.encode("utf-8")))
    doc = parse(text)
    with finishing_within(90):
        chunks = doc.chunks(max_chars=500, overlap=50)
        markdown = doc.to_markdown()
        page = doc.to_html([])
    assert "".join(c.own_text for c in chunks) == text
    assert markdown.count("\n\n") >= text.count("\n") // 2 - 1
    assert page.count('<span class="ln ') == text.count("\n")


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["①a②b", "一是甲。二是乙。", "（1）甲（2）乙"])
def test_twenty_thousand_inline_lists_in_linear_time(unit: str) -> None:
    text = unit * 20_000
    with finishing_within(30):
        doc = parse(text)
    # (a line opening with （1） opens a section: its first list is the heading's)
    assert doc.to_text() == text and len(doc.enumerations) in (20_000, 19_999)


def test_a_chain_of_twenty_thousand_word_styles_in_linear_time() -> None:
    from lxml import etree

    from gongwen.word.numbering import _style_numbering

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = "".join(
        f'<w:style w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>' for i in range(1, 20_000))
    root = etree.fromstring(
        f'<w:styles xmlns:w="{w}"><w:style w:styleId="s0"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
        f'<w:numId w:val="7"/></w:numPr></w:pPr></w:style>{styles}</w:styles>')
    with finishing_within(30):
        found = _style_numbering(root)
    assert len(found) == 20_000 and found["s19999"] == ("7", 1)
