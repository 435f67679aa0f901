"""Files in every supported encoding; clear errors for everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

import gongwen
from gongwen import InputError, parse_file
from tests.conftest import ROOT, assert_invariants

TEXT = "关于开展检查的通知\n一、检查范围\n特此通知。\n"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
    ("utf-16", b"\xff\xfe" + TEXT.encode("utf-16-le")),
    ("utf-16", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("gb18030", TEXT.encode("gb18030")),
])
def test_encodings_are_recognised_and_text_encodes_back(
    tmp_path: Path, encoding: str, data: bytes
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.encoding == encoding and doc.path == str(path)
    assert doc.sections[0].heading_text == "检查范围"
    text = doc.to_text()
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if data[:1] == b"\xff" else "utf-16-be"}
    assert text.encode(codec.get(encoding, encoding)) == data
    assert_invariants(doc, text)


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary file (NUL byte at offset 8)"),
    (b"PK\x03\x04\x00\x00binary", "not a .docx (not a readable zip archive"),
    (b"\x80\x81\xff\xfe\xfd", "not UTF-8, GB18030 or Big5 text (byte 0x80 at offset 0"),
    ("正文".encode() + b"\xff\xfe\xfd\xfc", "(byte 0xff at offset 6 cannot be decoded"),  # where UTF-8 failed
    (bytes(range(1, 9)) * 40, "binary file"),
])
def test_binary_or_undecodable_files_raise_input_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        parse_file(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="Is a directory"):
        parse_file(tmp_path)


def test_parse_bytes_reads_text_and_word_alike(tmp_path: Path) -> None:
    word = ROOT / "fixtures" / "docx" / "qingshi-typed.docx"
    assert gongwen.parse_bytes(word.read_bytes(), "q.docx") == parse_file(word).model_copy(
        update={"path": "q.docx"})
    doc = gongwen.parse_bytes("一、总体要求\n".encode("gb18030"), "n.txt")
    assert (doc.encoding, doc.path, doc.sections[0].heading_text) == ("gb18030", "n.txt", "总体要求")


_TRADITIONAL = ("中華人民共和國政府信息公開條例\n第一條 為了保障公民、法人和其他組織依法獲取政府信息，"
                "提高政府工作的透明度，建設法治政府，制定本條例。\n")


@pytest.mark.parametrize("data, encoding", [
    (_TRADITIONAL.encode("big5"), "big5"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_big5_and_utf16_without_its_mark_are_recognised(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.encoding == encoding and doc.to_text().encode(encoding) == data


def test_gb18030_with_rare_characters_stays_gb18030(tmp_path: Path) -> None:
    """The near miss: a GB text whose bytes Big5 also reads stays GB18030 when its own
    reading is text."""
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert parse_file(path).encoding == "gb18030"


def test_an_encoding_named_by_the_user(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert parse_file(path, encoding="gbk").to_text() == TEXT
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"abc")
    with pytest.raises(InputError, match="not utf-16-le text"):
        parse_file(odd, encoding="utf-16-le")
    with pytest.raises(InputError, match="no such encoding: klingon"):
        parse_file(path, encoding="klingon")
