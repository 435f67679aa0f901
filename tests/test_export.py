"""Markdown, tables of contents and chunks, on the seeds, the fixtures and the corpus."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from gongwen import Appendix, Document, Section, Title, parse, parse_file
from gongwen.markdown import escape
from gongwen.outline import outline_data, outline_markdown
from tests.conftest import CORPUS, FIXTURES, SEEDS

DOCUMENTS = [*SEEDS, *sorted((FIXTURES / "corpus").glob("*.txt")), *CORPUS,
             *sorted((FIXTURES / "docx").glob("*.docx"))]
_SPACE = re.compile(r"\s+")
_COMMONMARK = MarkdownIt("commonmark")
_HEADING_RESIDUE = re.compile(r"[#* \t\u3000]*")


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def doc(request: pytest.FixtureRequest) -> Document:
    return parse_file(Path(request.param))


def _shown(markdown: str) -> tuple[str, list[str]]:
    """What a CommonMark reader shows of ``markdown`` (its text, white space removed) and
    the heading tags it finds. Anything read as markup other than headings, paragraphs and
    bold lines (a list, a quote, HTML, code, emphasis) fails the test."""
    shown, headings = [], []
    for token in _COMMONMARK.parse(markdown):
        if token.type == "heading_open":
            headings.append(token.tag)
        elif token.type == "inline":
            for child in token.children or []:
                assert child.type in ("text", "softbreak", "strong_open", "strong_close"), child
                shown.append(child.content)
        else:
            assert token.type in ("heading_open", "heading_close", "paragraph_open",
                                  "paragraph_close"), token
    return _SPACE.sub("", "".join(shown)), headings


def _expected(doc: Document) -> str:
    """The text, white space removed, without the Markdown signs a source put before a
    marker (## 一、), which the section's own heading replaces."""
    text = doc.to_text()
    cuts = sorted(((s.start, s.start + _HEADING_RESIDUE.match(s.marker.prefix).end())  # type: ignore[union-attr]
                   for s in doc.find_all(Section)), reverse=True)
    for start, end in cuts:
        text = text[:start] + text[end:]
    return _SPACE.sub("", text)


def test_markdown_keeps_every_character_in_order(doc: Document) -> None:
    markdown = doc.to_markdown()
    shown, headings = _shown(markdown)
    assert shown == _expected(doc)
    sections = list(doc.find_all(Section))
    titles = len(list(doc.find_all(Title)))  # an attachment's title too
    assert headings.count("h1") == titles
    deep = [s for s in sections if s.level + 1 <= 6]
    assert [h for h in headings if h != "h1"] == [f"h{s.level + 1}" for s in deep]


def test_markdown_of_a_notice() -> None:
    doc = parse("关于做好XX工作的通知\n各部门：\n一、总体要求\n（一）指导思想。一是**，二是xx。\n"
                "1. 坚持\n（1）细化\n①分解\n一是更细\n特此通知。\n")
    assert doc.to_markdown() == (
        "# 关于做好XX工作的通知\n\n各部门：\n\n## 一、总体要求\n\n### （一）指导思想。\n\n"
        "一是\\*\\*，二是xx。\n\n#### 1. 坚持\n\n##### （1）细化\n\n###### ①分解\n\n"
        "**一是更细**\n\n特此通知。\n")


@given(st.text(alphabet="一二、。（）()[]1.#*-+>_<&`!\\ \n甲乙xX", max_size=60))
@settings(max_examples=300, deadline=None)
def test_escaped_lines_show_as_written(line: str) -> None:
    line = line.replace("\n", "").strip()
    if line:
        shown, headings = _shown(escape(line) + "\n")
        assert shown == _SPACE.sub("", line) and headings == []


def test_outline_formats(doc: Document) -> None:
    data = outline_data(doc)
    flat = []
    stack = list(reversed(data["sections"]))
    for attachment in data["attachments"]:
        stack = list(reversed(attachment["sections"])) + stack
    while stack:
        entry = stack.pop()
        flat.append(entry)
        stack.extend(reversed(entry["sections"]))
    sections = list(doc.find_all(Section))
    assert len(flat) == len(sections)
    markdown = outline_markdown(doc).splitlines()
    assert len(markdown) == len(sections) + (doc.title is not None)
    for line, section in zip(markdown[-len(sections):] if sections else [], sections, strict=True):
        assert line.startswith("  " * (section.level - 1) + "- ")


def test_outline_of_a_notice() -> None:
    doc = parse("关于做好XX工作的通知\n一、总体要求\n（一）指导思想\n二、重点任务\n")
    assert outline_markdown(doc) == (
        "# 关于做好XX工作的通知\n- 一、总体要求\n  - （一）指导思想\n- 二、重点任务\n")
    first = outline_data(doc)["sections"][0]
    assert (first["heading"], first["line"], first["number_path"]) == ("总体要求", 2, ["一"])
    assert first["sections"][0]["marker"] == "（一）"


@pytest.mark.parametrize("max_chars, overlap", [(300, 0), (800, 80), (2000, 200)])
def test_chunks_tile_the_text_and_respect_sizes(doc: Document, max_chars: int,
                                                overlap: int) -> None:
    text = doc.to_text()
    chunks = doc.chunks(max_chars=max_chars, overlap=overlap)
    assert "".join(c.own_text for c in chunks) == text
    for before, chunk in itertools.pairwise(chunks):
        assert before.end == chunk.start and chunk.overlap <= overlap
        assert chunk.text == text[chunk.start - chunk.overlap:chunk.end]
    small = max_chars // 4
    top = [(c.start, c.end) for c in doc.children if isinstance(c, Section)]
    for chunk in chunks:
        assert 0 < len(chunk.own_text.rstrip()) <= max_chars
        assert chunk.title == (doc.title.text if doc.title else None) and chunk.kind == doc.kind
        crossed = [(a, b) for a, b in top if a < chunk.end and chunk.start < b]
        if len(crossed) > 1:  # only when tiny parts were joined
            assert any(b - a < small for a, b in crossed)
        # the heading path: the sections holding the chunk's first visible character
        offset = chunk.start + len(chunk.own_text) - len(chunk.own_text.lstrip())
        leaf = doc.at(min(offset, len(text) - 1))
        parts = [n for n in reversed(doc.ancestors(leaf)) if isinstance(n, (Section, Appendix))]
        assert chunk.heading_path == [
            p.marker.text + p.heading_text if isinstance(p, Section) else p.heading_text
            for p in parts]
        assert text.count("\n", 0, chunk.start) + 1 == chunk.line_start


def test_chunks_end_at_sections_paragraphs_or_sentences() -> None:
    ends = total = 0
    for path in SEEDS:
        doc = parse_file(path)
        text = doc.to_text()
        for chunk in doc.chunks(max_chars=500)[:-1]:
            total += 1
            ends += text[chunk.end - 1] in "\n。！？”" or text[chunk.end - 1:chunk.end + 1] == "\r\n"
    assert total > 30 and ends == total


def test_chunk_metadata_names_the_headings() -> None:
    doc = parse("关于做好XX工作的通知\n同志们：\n一、总体要求\n" + "要求。" * 300 + "\n"
                "二、聚焦重点任务\n第一，抓学习促提升。" + "学习。" * 400 + "\n")
    chunks = doc.chunks(max_chars=600, overlap=20)
    paths = [c.heading_path for c in chunks]
    assert paths[0] == [] and ["一、总体要求"] in paths
    assert ["二、聚焦重点任务", "第一，抓学习促提升"] in paths
    meta = chunks[-1].metadata()
    assert "text" not in meta and meta["kind"] == "通知" and meta["line_end"] == 6
    with pytest.raises(ValueError):
        doc.chunks(max_chars=100, overlap=100)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="一、二（）1.。是\n 甲乙", max_size=80), st.integers(1, 6), st.integers(0, 5),
       st.integers(-2, 8))
def test_chunks_of_any_size_end_and_tile(text: str, max_chars: int, overlap: int, min_chars: int) -> None:
    """Any sizes the arguments allow give chunks (max_chars 1 included) that tile the text."""
    doc = parse(text)
    if overlap >= max_chars:
        with pytest.raises(ValueError):
            doc.chunks(max_chars=max_chars, overlap=overlap, min_chars=min_chars)
        return
    chunks = doc.chunks(max_chars=max_chars, overlap=overlap, min_chars=min_chars)
    assert "".join(c.own_text for c in chunks) == text
    assert all(c.end > c.start for c in chunks)


_PAGE = ("## 关于检查的通知\n\n### &emsp;&emsp;一、总体要求\n&emsp;&emsp;正文##paidend##内容。\n— 1 —\n"
         "二、措施\n正文。\n")


def test_chunks_embed_their_text_without_residue_and_keep_their_offsets() -> None:
    doc = parse(_PAGE)
    chunks = doc.chunks(max_chars=30)
    assert "".join(c.own_text for c in chunks) == _PAGE  # the lossless text still tiles
    assert "".join(c.embedding_text for c in chunks) == (
        "关于检查的通知\n\n一、总体要求\n正文内容。\n二、措施\n正文。\n")
    assert all(c.text == _PAGE[c.start - c.overlap:c.end] for c in chunks)
    assert "embedding_text" not in chunks[0].metadata() and "text" not in chunks[0].metadata()
    plain = parse("一、总体要求\n正文。\n").chunks()
    assert [c.embedding_text for c in plain] == [c.text for c in plain]  # nothing to leave out


def test_markdown_without_residue() -> None:
    doc = parse(_PAGE)
    assert doc.to_markdown(residue=False) == (
        "# 关于检查的通知\n\n## 一、总体要求\n\n正文内容。\n\n## 二、措施\n\n正文。\n")
    assert "&emsp;" in doc.to_markdown() and "paidend" in doc.to_markdown()  # kept by default
