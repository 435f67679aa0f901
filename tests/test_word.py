"""Word (.docx) input: the text Word shows, automatic numbering, reading order, safety."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest

import gongwen
from gongwen import InputError, Section, parse_file, zips
from gongwen.word.formats import chinese_counting, format_number
from tests.conftest import assert_invariants, zip_bytes
from tests.word_files import add_list, body_file, notice_pair, numbered, save, typed_docx

FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"
W_P = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"


def _sections(doc: gongwen.Document) -> list[tuple[int, tuple[str, ...], str, int | None]]:
    return [(s.level, s.number_path, s.heading_text, s.marker.ordinal)
            for s in doc.find_all(Section)]


@pytest.mark.parametrize("suffix", ["nothing", "tab", "space"])
def test_automatic_numbering_parses_like_its_typed_twin(tmp_path: Path, suffix: str) -> None:
    path, typed = notice_pair(tmp_path, suffix=suffix)
    doc = parse_file(path)
    twin = gongwen.parse(typed)
    typed_word = parse_file(typed_docx(typed, tmp_path / "typed.docx"))
    assert _sections(doc) == _sections(twin) == _sections(typed_word)
    assert typed_word.to_text() == typed
    assert [s.number_path for s in doc.find_all(Section)][:5] == [
        ("一",), ("一", "（一）"), ("一", "（一）", "1"), ("一", "（一）", "1", "（1）"),
        ("一", "（一）", "1", "（2）"),
    ]
    assert doc.title is not None and doc.title.text == "关于做好年度重点工作的通知"
    assert doc.closing is not None and doc.closing.text == "特此通知。"
    markers = [s.marker for s in doc.find_all(Section)]
    assert markers and all(m.generated for m in markers)
    assert not any(s.marker.generated for s in twin.find_all(Section))
    assert_invariants(doc, doc.to_text())
    if suffix == "nothing":
        assert doc.to_text() == typed


def test_each_node_says_which_word_paragraph_it_came_from(tmp_path: Path) -> None:
    path, _ = notice_pair(tmp_path, suffix="tab")
    doc = parse_file(path)
    assert doc.source_paragraphs is not None
    assert [p.index for p in doc.source_paragraphs] == list(range(len(doc.source_paragraphs)))
    second = doc.find(Section, number_path=("二",))
    assert second is not None
    paragraph = doc.source_paragraph(second)
    assert paragraph is not None and paragraph.numbering == "二、\t"
    assert doc.to_text()[paragraph.start:paragraph.end] == "二、\t重点任务\n"
    heading = second.heading
    assert heading is not None and doc.source_paragraph(heading) == paragraph
    assert gongwen.parse("一、x").source_paragraphs is None
    assert gongwen.parse("一、x").source_paragraph(second) is None


def test_extraction_is_deterministic(tmp_path: Path) -> None:
    path, _ = notice_pair(tmp_path)
    first, second = parse_file(path), parse_file(path)
    assert first.model_dump_json() == second.model_dump_json()


def test_counters_restart_and_continue_as_word_counts(tmp_path: Path) -> None:
    document = docx.Document()
    add_list(document, (("decimal", "%1."), ("lowerLetter", "%2)")), 3, suffix="space")
    add_list(document, (("decimal", "%1."),), 4, suffix="space",
             extra='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')
    for level in (0, 1, 1, 0, 1):
        numbered(document, "项", 3, level)
    numbered(document, "续", 4, 0)
    numbered(document, "续", 4, 0)
    doc = parse_file(save(document, tmp_path / "lists.docx"))
    assert [p.numbering for p in doc.source_paragraphs or []] == [
        "1. ", "a) ", "b) ", "2. ", "a) ", "5. ", "6. "]


def test_number_formats() -> None:
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 1000)] == [
        "一", "九", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(21, "decimalEnclosedCircle") == "21"
    assert format_number(12, "ideographDigital") == "一二"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(7, "decimalFullWidth") == "７"
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(4, "someFormatWordAddsLater") == "4"


def test_reading_order_tables_breaks_fields_and_deleted_text(tmp_path: Path) -> None:
    body = (
        W_P.format("正文第一段")
        + "<w:tbl><w:tr><w:tc>" + W_P.format("甲") + "</w:tc><w:tc>" + W_P.format("乙")
        + "</w:tc></w:tr><w:tr><w:tc>" + W_P.format("丙") + "</w:tc><w:tc>"
        + W_P.format("丁") + "</w:tc></w:tr></w:tbl>"
        + "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>尾</w:t>"
          '<w:br w:type="page"/></w:r></w:p>'
        + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText>"
          "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:del><w:r><w:delText>删掉的</w:delText>"
          "</w:r></w:del><w:ins><w:r><w:t>新加的</w:t></w:r></w:ins></w:p>"
        + '<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
          '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
          '<w:hyperlink><w:r><w:t>乙</w:t></w:r></w:hyperlink></w:p>'
    )
    doc = parse_file(body_file(tmp_path, body))
    assert doc.to_text().endswith(
        "正文第一段\n甲\n乙\n丙\n丁\n第一行\n第二行\t尾\n3新加的\n甲 乙\n")
    places = [p.place for p in doc.source_paragraphs or []]
    assert places[-8:] == ["body", "table", "table", "table", "table", "body", "body", "body"]
    broken = doc.source_paragraph(doc.at(doc.to_text().index("第二行")))  # type: ignore[arg-type]
    assert broken is not None and doc.to_text()[broken.start:broken.end] == "第一行\n第二行\t尾\n"


def test_text_boxes_are_read_once_before_their_anchor(tmp_path: Path) -> None:
    box = ("<w:txbxContent>" + W_P.format("XX市人民政府文件") + "</w:txbxContent>")
    body = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp>"
        f"<wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>锚定段落</w:t></w:r></w:p>"
    )
    doc = parse_file(body_file(tmp_path, body))
    assert doc.to_text().count("XX市人民政府文件") == 1
    assert doc.to_text().endswith("XX市人民政府文件\n锚定段落\n")
    assert [p.place for p in doc.source_paragraphs or []][-2:] == ["text_box", "body"]


def test_real_word_files() -> None:
    docs = {path.stem: parse_file(path) for path in sorted(FIXTURES.glob("*.docx"))}
    assert len(docs) == 8
    for doc in docs.values():
        assert_invariants(doc, doc.to_text())
    # the 红头 lines live in text boxes with a VML fallback copy: each is read once
    red = docs["hongtou-wenjian-template"]
    assert red.to_text().count("XXXX人民政府文件") == 1
    assert [c.type for c in red.children if c.type != "blank"][:5] == [
        "artifact", "issuer", "doc_number", "title", "addressee"]
    assert red.find("imprint") is not None and red.find("signature") is not None
    # Word's own numbering: 1.–5. are not in the text runs
    notice = docs["tongzhi-autonum-decimal"]
    assert [s.marker.text for s in notice.sections] == ["1.", "2.", "3.", "4.", "5."]
    assert all(s.marker.generated for s in notice.sections)
    # two lists of 1）…4）, each counting from 1
    paren = [p.numbering for p in docs["shenbao-autonum-paren"].source_paragraphs or []
             if p.numbering]
    assert paren == ["1）\t", "2）\t", "3）\t", "4）\t"] * 2
    wps = docs["tongzhi-typed-wps"]
    assert [s.heading_text for s in wps.sections] == ["压缩会议数量", "控制会议时长"]
    assert wps.closing is not None and wps.find("date") is not None
    joint = docs["jueding-jointsign-wps"]  # two organs, a blank paragraph apart
    assert [s.text for s in joint.find_all("signature")] == ["中国共产党江南省江城市委员会",
                                                             "江城市人民政府"]
    speech = docs["jianghua-typed"]
    assert speech.kind == "讲话" and speech.salutation is not None
    assert speech.salutation.text == "各位同志："


@pytest.mark.parametrize("make, message", [
    (lambda: b"just text, named .docx", "not a .docx (not a zip archive)"),
    (lambda: zip_bytes({"notes.txt": b"hello"}), "not a Word document (a zip archive without"),
    (lambda: zip_bytes({"[Content_Types].xml": b"<Types/>"}), "not a readable Word document"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
     "an encrypted .docx"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "a .doc (an OLE compound file)"),
])
def test_hostile_files_get_a_clear_input_error(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    path.write_bytes(make())
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_missing_or_broken_parts(tmp_path: Path) -> None:
    path, _ = notice_pair(tmp_path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    without_body = {k: v for k, v in parts.items() if k != "word/document.xml"}
    broken_xml = {**parts, "word/document.xml": b"<w:document"}
    for name, members in (("no_body", without_body), ("broken", broken_xml)):
        bad = tmp_path / f"{name}.docx"
        bad.write_bytes(zip_bytes(members))
        with pytest.raises(InputError, match=f"{bad}: not a readable Word document"):
            parse_file(bad)
    spreadsheet = {**parts, "[Content_Types].xml": parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main", b"spreadsheetml.sheet.main")}
    bad = tmp_path / "sheet.docx"
    bad.write_bytes(zip_bytes(spreadsheet))
    with pytest.raises(InputError, match="not a Word document \\(its main part is"):
        parse_file(bad)


_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
_DOCUMENT = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>")


def test_entity_expansion_and_external_entities(tmp_path: Path) -> None:
    path, _ = notice_pair(tmp_path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    laughs = f'<!DOCTYPE d [<!ENTITY l0 "lol">{_LAUGHS}]>' + _DOCUMENT.format("&l9;")
    bomb = tmp_path / "laughs.docx"
    bomb.write_bytes(zip_bytes({**parts, "word/document.xml": laughs.encode()}))
    with pytest.raises(InputError, match=r"not a readable Word document .*amplification"):
        parse_file(bomb)
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    external = (f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
                + _DOCUMENT.format("前&x;后"))
    leak = tmp_path / "external.docx"
    leak.write_bytes(zip_bytes({**parts, "word/document.xml": external.encode()}))
    assert parse_file(leak).to_text() == "前后\n"  # the entity is not fetched


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zips, "MAX_UNCOMPRESSED", 2**20)
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(2**21)}))
    with pytest.raises(InputError, match="unpacks to 2 MB, more than the 1 MB"):
        parse_file(path)


def test_without_the_docx_extra_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = notice_pair(tmp_path)
    monkeypatch.setitem(sys.modules, "docx.opc.package", None)  # as if python-docx were absent
    with pytest.raises(InputError, match=r"needs the docx extra: pip install 'gongwen\[docx\]'"):
        parse_file(path)


def test_numbering_cannot_grow_the_text_beyond_its_file(tmp_path: Path) -> None:
    """A start near 2³¹ with letters, a long lvlText over many paragraphs, a negative
    start in Chinese digits: markers stay short (Word's start range, a length cap)."""
    document = docx.Document()
    add_list(document, (("lowerLetter", "%1" + "長" * 300),), 3,
             extra='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="2147483000"/></w:lvlOverride>')
    add_list(document, (("ideographDigital", "%1、"),), 4,
             extra='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-5"/></w:lvlOverride>')
    for _ in range(300):
        numbered(document, "项", 3, 0)
    numbered(document, "项", 4, 0)
    doc = parse_file(save(document, tmp_path / "long.docx"))
    markers = [p.numbering or "" for p in doc.source_paragraphs or []]
    assert max(map(len, markers)) == 100 and markers[-1] == "〇、"
    assert len(doc.to_text()) < 40_000


def test_text_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongwen.word import text

    monkeypatch.setattr(text, "TEXT_MAX", 100)
    document = docx.Document()
    for _ in range(30):
        document.add_paragraph("正文正文正文")
    with pytest.raises(InputError, match="its text passes"):
        parse_file(save(document, tmp_path / "long.docx"))


def test_declared_sizes_are_not_trusted(tmp_path: Path) -> None:
    """A member that says it holds 1000 bytes and holds 4 MB; a member packed with a
    method Word does not use (lzma unpacks without a bound per piece)."""
    real = bytes(4 * 2**20)
    data = bytearray(zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": real}))
    size = len(real).to_bytes(4, "little")
    for at in _all(data, size):  # the sizes in the local and the central headers
        data[at:at + 4] = (1000).to_bytes(4, "little")
    lying = tmp_path / "lying.docx"
    lying.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged zip archive"):
        parse_file(lying)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
    packed = tmp_path / "lzma.docx"
    packed.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="zip method 14, which its writers do not use"):
        parse_file(packed)


def _all(data: bytearray, needle: bytes) -> list[int]:
    found, at = [], data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found
