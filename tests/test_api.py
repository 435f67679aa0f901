"""Navigation, search and schema."""

from __future__ import annotations

import json

import pytest

import gongwen
from gongwen import Enumeration, Heading, Marker, Paragraph, Placeholder, Section, Text
from tests.conftest import parse_checked

TEXT = (
    "关于做好XX工作的通知\n"
    "各位领导，同志们：\n"
    "下面，我讲两点意见。\n"
    "一、统一思想\n"
    "（一）提高认识。要做到：一是学；二是干。\n"
    "（二）加强领导\n"
    "二、狠抓落实。各单位××要落实。\n"
    "谢谢大家！\n"
)


@pytest.fixture(scope="module")
def doc() -> gongwen.Document:
    return parse_checked(TEXT)


def test_parts(doc: gongwen.Document) -> None:
    assert doc.title is not None and doc.title.text == "关于做好XX工作的通知"
    assert doc.salutation is not None and doc.salutation.text == "各位领导，同志们："
    assert doc.closing is not None and doc.closing.text == "谢谢大家！"
    assert [s.heading_text for s in doc.sections] == ["统一思想", "狠抓落实"]
    assert [p.text for p in doc.placeholders] == ["XX", "××"]
    assert [len(e.items) for e in doc.enumerations] == [2]


def test_sections_paths_and_text(doc: gongwen.Document) -> None:
    first = doc.sections[0]
    assert [s.number_path for s in first.sections] == [("一", "（一）"), ("一", "（二）")]
    assert first.text == "一、统一思想\n（一）提高认识。要做到：一是学；二是干。\n（二）加强领导\n"
    assert first.sections[0].run_in and not first.sections[1].run_in
    assert first.marker.label == "一" and first.marker.ordinal == 1


def test_find_and_find_all_are_typed_and_filter(doc: gongwen.Document) -> None:
    sections = list(doc.find_all(Section, level=2))
    assert [s.marker.text for s in sections] == ["（一）", "（二）"]
    assert doc.find(Section, level=3) is None
    assert doc.find("placeholder", kind="times") == doc.placeholders[1]
    markers = list(doc.find_all(Marker, family="shi"))
    assert [m.text for m in markers] == ["一是", "二是"]
    assert len(list(doc.find_all())) == len(list(doc.walk()))
    assert isinstance(doc.find(Heading), Heading)


def test_parent_ancestors_and_at(doc: gongwen.Document) -> None:
    offset = TEXT.index("二是")
    leaf = doc.at(offset)
    assert isinstance(leaf, Marker) and leaf.text == "二是"
    chain = [node.type for node in doc.ancestors(leaf)]
    assert chain == ["item", "enumeration", "paragraph", "section", "section", "document"]
    assert doc.parent(doc) is None
    item = doc.parent(leaf)
    assert item is not None and doc.parent(item) == doc.enumerations[0]
    assert isinstance(doc.at(TEXT.index("××")), Placeholder)
    assert isinstance(doc.at(0), Text)
    assert doc.at(len(TEXT)) is None


def test_outline(doc: gongwen.Document) -> None:
    assert doc.outline().splitlines() == [
        "关于做好XX工作的通知  [line 1]",
        "一、统一思想  [line 4]",
        "  （一）提高认识  [line 5]",
        "  （二）加强领导  [line 6]",
        "二、狠抓落实  [line 7]",
    ]


def test_json_has_the_contract_fields_and_no_copy_of_the_source(doc: gongwen.Document) -> None:
    data = json.loads(doc.model_dump_json())
    assert "text" not in data
    section = data["children"][3]
    assert section["type"] == "section"
    assert {"start", "end", "line", "level", "marker", "heading", "run_in"} <= section.keys()
    start = TEXT.index("一、统一")
    assert section["marker"] == {
        "start": start, "end": start + 2, "line": 4, "type": "marker", "text": "一、",
        "family": "cn_dun", "ordinal": 1, "prefix": "", "generated": False,
    }
    assert section["heading"]["text"] == "统一思想"
    paragraph = section["children"][0]["children"][0]
    assert paragraph["type"] == "paragraph" and "text" not in paragraph


def test_schema_is_a_discriminated_union() -> None:
    schema = gongwen.schema()
    assert schema["title"] == "Document"
    defs = schema["$defs"]
    for name in ("Section", "Paragraph", "Title", "Salutation", "Closing", "Enumeration",
                 "Item", "Placeholder", "Artifact", "Marker", "Heading", "Text", "Blank"):
        assert name in defs
    children = defs["Section"]["properties"]["children"]["items"]
    assert children["discriminator"]["propertyName"] == "type"
    assert "description" in defs["Section"]["properties"]["level"]
    assert "description" in defs["Text"]["properties"]["start"]  # inherited from Node
    source = defs["SourceParagraph"]["properties"]
    assert all("description" in source[field] for field in ("index", "place", "numbering"))
    assert "Word" in schema["properties"]["source_paragraphs"]["description"]


def test_inline_nodes_of_a_paragraph() -> None:
    doc = parse_checked("正文：①甲；②乙。")
    (paragraph,) = doc.children
    assert isinstance(paragraph, Paragraph)
    assert [type(node).__name__ for node in paragraph.children] == ["Text", "Enumeration"]
    enumeration = paragraph.children[1]
    assert isinstance(enumeration, Enumeration)
    assert [item.text for item in enumeration.items] == ["甲；", "乙。"]


def test_parse_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    gongwen.parse("一、标题\n")
    assert gc.isenabled()
    gc.disable()
    try:
        gongwen.parse("一、标题\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
