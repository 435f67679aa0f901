"""Findings written into a copy of a Word file as comments on the characters they concern."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from gongwen import check, parse_file  # noqa: E402
from gongwen.cli import main  # noqa: E402
from gongwen.word.comments import annotate, comment_text  # noqa: E402
from tests.word_files import comments_of, notice_docx  # noqa: E402


def test_each_finding_is_a_comment_on_its_characters(tmp_path: Path) -> None:
    original = notice_docx(tmp_path / "notice.docx", title_size=18, level_2="黑体")
    before = original.read_bytes()
    doc = parse_file(original)
    findings = check(doc)
    out = tmp_path / "annotated.docx"
    out.write_bytes(annotate(before, original, doc, findings))
    assert original.read_bytes() == before  # the original is not written
    text = doc.to_text()
    expected = [("gongwen", comment_text(f), text[f.start:f.end].rstrip("\n")) for f in findings]
    assert sorted(comments_of(out)) == sorted(expected)
    placeholder = next(comment_text(f) for f in findings if f.code == "GW301")
    assert ("gongwen", placeholder, "某某") in expected  # on its two characters, not the whole line
    again = parse_file(out)
    assert again.to_text() == doc.to_text()  # the copy reads as the original did
    assert [f.code for f in check(again)] == [f.code for f in findings]


def test_comments_already_in_the_file_are_kept(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("关于开展检查的通知")
    document.add_comment(paragraph.runs, text="请核对标题", author="张三")
    document.add_paragraph("各单位：")
    document.add_paragraph("请于XX日前报送。")
    path = tmp_path / "commented.docx"
    document.save(str(path))
    doc = parse_file(path)
    out = tmp_path / "out.docx"
    out.write_bytes(annotate(path.read_bytes(), path, doc, check(doc, select="GW301")))
    comments = comments_of(out)
    assert ("张三", "请核对标题", "关于开展检查的通知") in comments
    ours = [c for c in comments if c[0] == "gongwen"]
    assert ours == [("gongwen", "GW301 unfilled placeholder 「XX」 (letter_x)", "XX")]


def test_layout_fixed_in_the_copy_as_tracked_changes(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    source = notice_docx(tmp_path / "notice.docx", title_size=18, body_font="宋体", level_2="黑体",
                         indent=1.0, number_centred=False)
    before = [f.code for f in check(parse_file(source), select="GW6")]
    assert {"GW602", "GW603", "GW604", "GW605", "GW607"} <= set(before)
    out = tmp_path / "fixed.docx"
    assert main(["check", "--fix", "--select", "GW6", "--annotate", str(out), str(source)]) == 1
    assert "tracked changes written to" in capsys.readouterr().err
    fixed = parse_file(out)
    assert fixed.to_text() == parse_file(source).to_text()
    assert [f.code for f in check(fixed, select="GW6")] == ["GW607"]  # alignment: no fix, so a comment
    assert [c[1][:5] for c in comments_of(out)] == ["GW607"]
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:rPrChange") >= 4 and xml.count("<w:pPrChange") >= 5 and 'w:author="gongwen"' in xml
    assert '<w:rFonts w:eastAsia="宋体"/>' in xml  # what the runs were, kept in the tracked change


def test_the_command_writes_a_copy_and_refuses_what_it_cannot(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = notice_docx(tmp_path / "notice.docx", number_centred=False)
    out = tmp_path / "out.docx"
    assert main(["check", "--select", "GW607", "--annotate", str(out), str(source)]) == 1
    assert [c[1:] for c in comments_of(out)] == [("GW607 发文字号 not centred (GB/T 9704 7.2.4: 居中排布)",
                                                   "某府发〔2024〕5号")]
    assert "1 comments written to" in capsys.readouterr().err
    text = tmp_path / "notice.txt"
    text.write_text("关于开展检查的通知\n", encoding="utf-8")
    assert main(["check", "--annotate", str(tmp_path / "x.docx"), str(text)]) == 2
    assert main(["check", "--annotate", str(source), str(source)]) == 2  # never the file itself
    assert main(["check", "--annotate", str(out), str(source), str(text)]) == 2
    errors = capsys.readouterr().err
    assert "Word file (.docx) only" in errors and "name another file" in errors
    assert "takes one Word file" in errors
