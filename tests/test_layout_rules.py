"""GW6xx: a Word 公文 checked against GB/T 9704-2012 by the role of each part. A file made
to the standard's figures has no finding; each rule fires on a file that breaks it once,
and not on a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

from gongwen import check, parse_file  # noqa: E402
from tests.word_files import notice_docx  # noqa: E402

COLOPHON = "抄送：市委办公室，市人大常委会办公室。\n某某市人民政府办公室        2024年5月1日印发"


def _codes(path: Path) -> list[tuple[str, str]]:
    doc = parse_file(path)
    return [(d.code, doc.to_text()[d.start:d.end]) for d in check(doc, select="GW6")]


def test_a_notice_made_to_the_standard_has_no_layout_finding(tmp_path: Path) -> None:
    assert _codes(notice_docx(tmp_path / "notice.docx")) == []


@pytest.mark.parametrize("changes, expected", [
    ({"top": 25.4, "left": 31.8}, [("GW601", "某某市人民政府文件")]),
    ({"title_font": "宋体"}, [("GW602", "关于开展安全生产大检查的通知")]),
    ({"title_size": 18}, [("GW602", "关于开展安全生产大检查的通知")]),
    ({"level_1": "仿宋_GB2312"}, [("GW604", "一、检查范围")]),
    ({"level_2": "黑体"}, [("GW604", "（一）重点行业"), ("GW604", "（二）一般行业。")]),
    ({"issuer_colour": (0, 0, 0)}, [("GW606", "某某市人民政府文件")]),
    ({"number_centred": False}, [("GW607", "某府发〔2024〕5号")]),
    ({"colophon_size": 16}, [("GW608", "抄送：市委办公室，市人大常委会办公室。"),
                             ("GW608", "某某市人民政府办公室        2024年5月1日印发")]),
    ({"note_indent": 0.0}, [("GW609", "附件：")]),
    ({"date_right": 0.0}, [("GW610", "2024年5月1日")]),
    ({"signature_right": False}, [("GW610", "某某市人民政府")]),
    ({"colophon_rules": None}, [("GW613", COLOPHON)]),
    ({"colophon_rules": (4, 4, 4)}, [("GW613", COLOPHON)]),
    ({"line": 20.0}, [("GW611", "某某市人民政府文件")]),
    ({"page_numbers": False}, [("GW612", "某某市人民政府文件")]),
])
def test_each_rule_fires_where_the_figure_is_broken(tmp_path: Path, changes: dict[str, object],
                                                   expected: list[tuple[str, str]]) -> None:
    assert _codes(notice_docx(tmp_path / "notice.docx", **changes)) == expected


def test_body_text_out_of_its_font_is_reported_on_the_run_that_is(tmp_path: Path) -> None:
    found = _codes(notice_docx(tmp_path / "notice.docx", body_font="宋体"))
    assert ("GW603", "为切实做好安全生产工作，现就有关事项通知如下。") in found
    assert ("GW603", "各类工贸企业全面自查。") in found  # the body after a run-in heading, not its heading


def test_an_indent_of_one_character_is_reported_and_of_two_is_not(tmp_path: Path) -> None:
    found = _codes(notice_docx(tmp_path / "notice.docx", indent=1.0))
    assert ("GW605", "为切实做好安全生产工作，现就有关事项通知如下。") in found
    within = _codes(notice_docx(tmp_path / "notice.docx", indent=2.1))  # within the band
    assert all(code != "GW605" for code, _ in within)


def test_near_misses(tmp_path: Path) -> None:
    # a margin within 1 mm, a red of another shade, 方正小标宋_GBK, a body in 仿宋 (not _GB2312),
    # and 一是 set apart in 黑体 inside a body paragraph: none is a finding
    path = notice_docx(tmp_path / "notice.docx", top=37.8, left=27.2, issuer_colour=(0xE6, 0x00, 0x12),
                       title_font="方正小标宋_GBK", body_font="仿宋", date_right=2.0)  # 右空二字: no seal
    assert _codes(path) == []


def test_fonts_are_read_as_word_resolves_them(tmp_path: Path) -> None:
    # the body's font from a paragraph style based on another, the size from the document defaults
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    base = document.styles.add_style("公文基础", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    body = document.styles.add_style("公文正文", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = base
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    size = defaults.find(qn("w:sz"))
    size.set(qn("w:val"), "32")
    document.add_paragraph("为切实做好安全生产工作，现就有关事项通知如下。", style="公文正文")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    doc = parse_file(path)
    assert doc.layout is not None
    (run,) = doc.layout.paragraphs[0].runs
    assert (run.font, run.size) == ("仿宋_GB2312", 16.0)


def test_a_font_the_theme_names_is_the_theme_s(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("为切实做好安全生产工作，现就有关事项通知如下。")
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsiaTheme"), "minorEastAsia")
    path = tmp_path / "themed.docx"
    document.save(str(path))
    layout = parse_file(path).layout
    assert layout is not None and layout.paragraphs[0].runs[0].font == "宋体"  # the theme's font for 简体中文
    assert ("GW603", "为切实做好安全生产工作，现就有关事项通知如下。") in _codes(path)


def test_a_unit_s_profile_changes_the_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen import load_profile
    from gongwen.cli import main

    # a template that offsets Word's line placement, and sets its titles in 黑体
    made = notice_docx(tmp_path / "notice.docx", top=34.6, bottom=32.6, title_font="黑体")
    assert {code for code, _ in _codes(made)} == {"GW601", "GW602"}
    toml = tmp_path / "template.toml"
    toml.write_text('name = "某市模板"\n[page]\ntop = 34.6\nbottom = 32.6\n'
                    '[title]\nfonts = ["黑体"]\nsize = 22\n', encoding="utf-8")
    assert check(parse_file(made), select="GW6", profile=load_profile(toml)) == []
    as_json = tmp_path / "template.json"
    as_json.write_text('{"page": {"top": 34.6, "bottom": 32.6}}', encoding="utf-8")
    found = check(parse_file(made), select="GW6", profile=load_profile(as_json))
    assert [d.code for d in found] == ["GW602"]  # the title's figures are still the standard's
    assert main(["check", "--select", "GW6", "--profile", str(toml), str(made)]) == 0
    wrong = notice_docx(tmp_path / "wrong.docx", title_font="宋体")
    assert main(["check", "--select", "GW602", "--profile", str(toml), str(wrong)]) == 1
    assert "the profile '某市模板'" in capsys.readouterr().out  # the figure's source, named


@pytest.mark.parametrize("text, message", [
    ("[page]\ntop = 'high'\n", "page.top: Input should be a valid number"),
    ("[margins]\ntop = 30\n", "margins: Extra inputs are not permitted"),
    ("[page\n", "not a profile file"),
])
def test_a_profile_that_says_what_no_profile_does_is_refused(tmp_path: Path, text: str, message: str) -> None:
    from gongwen import load_profile

    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as raised:
        load_profile(path)
    assert str(path) in str(raised.value)
    with pytest.raises(ValueError, match="cannot be read"):
        load_profile(tmp_path / "missing.toml")


def test_layout_rules_say_nothing_about_text(tmp_path: Path) -> None:
    from gongwen import parse

    assert check(parse("关于开展检查的通知\n各单位：\n正文。\n"), select="GW6") == []


def test_style_chains_that_loop_or_run_long_end() -> None:
    from lxml import etree

    from gongwen.word.layout import Styles

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    long_chain = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/>'
                         "</w:style>" for i in range(1, 20_000))
    root = etree.fromstring(
        f'<w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:styleId="a"><w:basedOn w:val="b"/></w:style>'
        f'<w:style w:type="paragraph" w:styleId="b"><w:basedOn w:val="a"/></w:style>'
        f'<w:style w:type="paragraph" w:styleId="s0"/>{long_chain}</w:styles>')
    styles = Styles(root, None)
    assert [s.get(f"{{{w}}}styleId") for s in styles.chain(styles.by_id["a"])] == ["a", "b"]
    assert len(styles.chain(styles.by_id["s19999"])) == 32  # (Word itself nests styles far less deep)
