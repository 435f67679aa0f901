"""OFD files: text objects laid out as pages show them; hostile packages refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gongwen import InputError, parse_bytes, parse_file
from tests.conftest import SHARED, zip_bytes

pytest.importorskip("lxml")

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
OFD_XML = (f'<ofd:OFD {NS} DocType="OFD"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot>'
           "</ofd:DocBody></ofd:OFD>")
FILES = sorted((SHARED / "formats" / "ofd").glob("*.ofd"))
SIZE = 5.6  # mm: 三号
LEFT, RIGHT = 28.0, 28.0 + 28 * SIZE  # the GB/T 9704 版心: 28 characters


def _text(x: float, y: float, text: str) -> str:
    deltas = " ".join([str(SIZE)] * (len(text) - 1))
    return (f'<ofd:TextObject ID="1" Size="{SIZE}" Boundary="{x} {y} {len(text) * SIZE} {SIZE + 1}">'
            f'<ofd:TextCode X="0" Y="{SIZE}" DeltaX="{deltas}">{text}</ofd:TextCode></ofd:TextObject>')


def _page(objects: list[str], template: str = "") -> str:
    return (f'<ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area>{template}'
            f'<ofd:Content><ofd:Layer ID="9">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def _ofd(pages: list[str], template: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    document = (f'<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                f'</ofd:PhysicalBox></ofd:PageArea>'
                + ('<ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else "")
                + "</ofd:CommonData><ofd:Pages>"
                + "".join(f'<ofd:Page ID="{i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                          for i in range(len(pages)))
                + "</ofd:Pages></ofd:Document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", OFD_XML)
        archive.writestr("Doc_0/Document.xml", document)
        for index, page in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{index}/Content.xml", page)
        if template:
            archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", template)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _lines(text: str, top: float, indent: bool = True) -> list[str]:
    objects, width, row = [], 26 if indent else 28, 0
    while text:
        x = LEFT + (2 * SIZE if indent and row == 0 else 0)
        objects.append(_text(x, top + row * 10, text[:width]))
        text, width, row = text[width:], 28, row + 1
    return objects


BODY = ("你院《关于给张阿三同志辞职的请示》收悉。经研究，同意张阿三同志辞职，自批复之日起解除聘用合同，"
        "请按有关规定办理相关手续。")


def test_a_reply_with_its_red_head_in_a_template_and_a_page_break() -> None:
    head = _page([_text(40.0, 37.0, "某某区卫生局文件"), _text(80.0, 70.0, "某卫发〔2011〕76号")])
    first = _page([_text(52.0, 100.0, "关于同意张阿三同志辞职的批复"), _text(LEFT, 125.0, "区中医院："),
                   *_lines(BODY, 140.0), _text(100.0, 280.0, "—1—")], '<ofd:Template TemplateID="7"/>')
    second = _page([_text(120.0, 40.0, "某某区卫生局"), _text(120.0, 50.0, "2011年3月10日"),
                    _text(100.0, 280.0, "—2—")])
    doc = parse_bytes(_ofd([first, second], template=head), "reply.ofd")
    lines = doc.to_text().splitlines()
    assert lines[:5] == ["某某区卫生局文件", "某卫发〔2011〕76号", "关于同意张阿三同志辞职的批复",
                         "区中医院：", BODY]
    assert doc.doc_number is not None and doc.doc_number.text == "某卫发〔2011〕76号"
    assert doc.title is not None and doc.addressee is not None
    assert [s.text for s in doc.signature] == ["某某区卫生局"] and doc.date is not None
    assert {p.page for p in doc.source_paragraphs or []} == {1, 2}


def test_delta_x_in_its_repeat_form() -> None:
    from gongwen.ofd import _deltas

    assert _deltas("g 3 5.6 2.8 g 2 1") == [5.6, 5.6, 5.6, 2.8, 1.0, 1.0]


@pytest.mark.parametrize("make, message", [
    (lambda: b"PK\x03\x04broken", "not a readable zip archive"),
    (lambda: _ofd([_page([])]), "no text to read: 1 pages without text objects"),
    (lambda: zip_bytes({"OFD.xml": OFD_XML.replace("/Doc_0/Document.xml", "/Doc_9/Missing.xml")}),
     r"not a readable OFD \(/Doc_9/Missing.xml is missing\)"),
    (lambda: zip_bytes({"OFD.xml": "<ofd:OFD"}), r"not a readable OFD \(OFD.xml: "),
])
def test_broken_packages_are_input_errors(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        parse_bytes(make(), "bad.ofd")


def test_entities_are_not_expanded() -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    page = laughs + _page([_text(LEFT, 100.0, "正文&c;"), _text(LEFT, 120.0, "一、总体要求")])
    doc = parse_bytes(_ofd([page]), "laughs.ofd")
    assert "哈哈哈哈哈哈哈哈哈哈哈" not in doc.to_text()


def _unit(unit_id: int, objects: str) -> str:
    return (f'<ofd:CompositeGraphicUnit ID="{unit_id}" Width="100" Height="50"><ofd:Content>{objects}'
            "</ofd:Content></ofd:CompositeGraphicUnit>")


def _resources(*units: str) -> dict[str, bytes]:
    """A DocumentRes.xml holding ``units`` (the document names it: see ``_with_resources``)."""
    units_xml = "".join(units)
    return {"Doc_0/DocumentRes.xml": (f'<ofd:Res {NS} BaseLoc="Res"><ofd:CompositeGraphicUnits>{units_xml}'
                                      "</ofd:CompositeGraphicUnits></ofd:Res>").encode()}


def _with_resources(package: bytes) -> bytes:
    """``package`` whose Document.xml names DocumentRes.xml."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["Doc_0/Document.xml"] = members["Doc_0/Document.xml"].replace(
        b"</ofd:CommonData>", b"<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>")
    return zip_bytes(members)


def test_text_drawn_as_composite_objects_is_placed_by_their_matrices() -> None:
    # the unit draws in points at 2× (CTM of its text), the page scales the unit to millimetres
    unit = _unit(50, '<ofd:TextObject ID="2" CTM="2 0 0 2 0 0" Size="4.5" Boundary="0 0 400 20">'
                     '<ofd:TextCode X="0" Y="9" DeltaX="g 8 4.5">关于印发办法的通知</ofd:TextCode>'
                     "</ofd:TextObject>")
    composite = ('<ofd:CompositeObject ID="3" CTM="0.3528 0 0 0.3528 0 0" Boundary="50 60 150 20"'
                 ' ResourceID="50"/>')
    page = _page([composite, _text(LEFT, 120.0, "各区县人民政府：")])
    doc = parse_bytes(_with_resources(_ofd([page], extra=_resources(unit))), "composite.ofd")
    assert doc.to_text().splitlines() == ["关于印发办法的通知", "各区县人民政府："]
    paragraph = (doc.source_paragraphs or [])[0]
    assert paragraph.box is not None and abs(paragraph.box[0] - 50 * 72 / 25.4) < 1  # the composite's place


def test_composite_objects_that_draw_each_other_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # each unit draws the next one ten times: 10⁸ text objects if followed to the end
    monkeypatch.setattr("gongwen.ofd._MOST_OBJECTS", 100_000)  # (the bound, made smaller to be quick)
    units = [_unit(100 + level, "".join(
        f'<ofd:CompositeObject ID="{level}{i}" Boundary="0 0 10 10" ResourceID="{101 + level}"/>'
        for i in range(10))) for level in range(8)]
    units.append(_unit(108, '<ofd:TextObject ID="1" Size="5" Boundary="0 0 10 10">'
                            '<ofd:TextCode X="0" Y="5">字</ofd:TextCode></ofd:TextObject>'))
    page = _page(['<ofd:CompositeObject ID="1" Boundary="0 0 10 10" ResourceID="100"/>'])
    with pytest.raises(InputError, match="more than 100000 objects drawn"):
        parse_bytes(_with_resources(_ofd([page], extra=_resources(*units))), "bomb.ofd")
    looping = _unit(200, '<ofd:CompositeObject ID="5" Boundary="0 0 10 10" ResourceID="200"/>'
                         '<ofd:TextObject ID="6" Size="5" Boundary="0 0 10 10">'
                         '<ofd:TextCode X="0" Y="5">字</ofd:TextCode></ofd:TextObject>')
    page = _page(['<ofd:CompositeObject ID="1" Boundary="20 20 10 10" ResourceID="200"/>'])
    assert parse_bytes(_with_resources(_ofd([page], extra=_resources(looping))), "loop.ofd").to_text().strip()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shared_ofd_is_read(path: Path) -> None:
    doc = parse_file(path)
    assert doc.source_paragraphs and len(doc.to_text()) > 50
