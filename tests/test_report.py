"""The HTML report, read as markup: the text column holds the document's text exactly,
headings and parts where the tree has them, findings and announcements linked, nothing
fetched. What a browser shows of it: test_report_browser.py."""

from __future__ import annotations

import html.parser
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import Section, parse, parse_file
from gongwen.checks import Diagnostic, Severity, check
from gongwen.cli import main
from gongwen.report import Summary, index_html, to_html
from tests.conftest import CORPUS, FIXTURES, SEEDS

NOTICE = FIXTURES / "report" / "notice.txt"
WORD = sorted((FIXTURES / "docx").glob("*.docx"))


class _Reader(html.parser.HTMLParser):
    """The text of the text column, the elements in it, and every id and link of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # elements open inside the text column; 0 outside it
        self.text: list[str] = []
        self.inside: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if "id" in found:
            self.ids.append(found["id"])
        if "href" in found:
            self.links.append(found["href"])
        if tag == "br":
            return
        if self.depth:
            self.depth += 1
            self.inside.append((tag, found))
        elif found.get("class") == "text":
            self.depth = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag != "br":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def read(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader


def documents() -> list[Path]:
    return [*SEEDS, NOTICE, *WORD, *sorted((FIXTURES / "checks").glob("GW1*.txt"))]


@pytest.mark.parametrize("path", documents() + CORPUS, ids=lambda p: p.name)
def test_the_text_column_holds_the_text_exactly(path: Path) -> None:
    doc = parse_file(path)
    reader = read(to_html(doc))
    assert "".join(reader.text) == doc.to_text()
    assert len(reader.ids) == len(set(reader.ids)), "an id is given twice"
    missing = {link[1:] for link in reader.links if link.startswith("#")} - set(reader.ids)
    assert not missing, f"links to no element: {sorted(missing)[:5]}"


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name)
def test_no_block_element_stands_in_the_text(path: Path) -> None:
    """Only inline elements (headings set inline by the style sheet), so that what a browser
    shows of the column is its text and nothing more."""
    allowed = {"span", "mark", "a", "br", "h2", "h3", "h4", "h5", "h6"}
    reader = read(to_html(parse_file(path)))
    assert {tag for tag, _ in reader.inside} <= allowed


def test_headings_by_level_parts_named() -> None:
    doc = parse_file(NOTICE)
    reader = read(to_html(doc))
    headings = [(tag, attrs) for tag, attrs in reader.inside if tag in {"h2", "h3"}]
    sections = list(doc.find_all(Section))
    assert [tag for tag, _ in headings] == [f"h{s.level + 1}" for s in sections]
    lines = {attrs["id"]: attrs for _, attrs in reader.inside if "ln" in attrs.get("class", "").split()
             and "id" in attrs}
    assert all(f"n{s.start}" in lines for s in sections)
    parts = [attrs["data-part"] for _, attrs in reader.inside if "data-part" in attrs]
    assert parts == ["发文机关标志", "发文字号", "标题", "主送机关", "附件说明", "署名", "日期", "附注",
                     "抄送", "印发"]
    title = [attrs for _, attrs in reader.inside if attrs.get("role") == "heading"]
    assert title[0]["aria-level"] == "1"


def test_findings_stand_where_they_are_and_are_listed() -> None:
    doc = parse_file(NOTICE)
    findings = check(doc)
    page = to_html(doc, findings)
    reader = read(page)
    marks = {attrs["id"]: attrs for tag, attrs in reader.inside if tag == "mark" and "id" in attrs}
    assert set(marks) == {f"f{i}" for i in range(len(findings))}
    for index, finding in enumerate(findings):
        mark = marks[f"f{index}"]
        assert mark["tabindex"] == "0"
        assert f"fd{index}" in mark["aria-describedby"].split()
        assert finding.code in mark["title"]
        assert finding.severity.value in mark["class"].split()
    assert {f"fd{i}" for i in range(len(findings))} <= set(reader.ids)
    gap = next(i for i, f in enumerate(findings) if f.code == "GW101")
    flagged = re.search(r'<li class="flagged"><a href="#(n\d+)"', page)
    assert flagged is not None and flagged.group(1) == f"n{findings[gap].start}"


def test_an_announcement_links_to_what_it_counts() -> None:
    doc = parse_file(NOTICE)
    reader = read(to_html(doc, []))
    links = [attrs["href"] for tag, attrs in reader.inside if tag == "a" and "ann" in attrs["class"]]
    assert links == [f"#n{doc.sections[0].start}"]
    listed = re.findall(r'href="#(n\d+)"', to_html(doc, []).split("Announced counts")[1])
    assert listed == [f"n{s.start}" for s in doc.sections]
    items = parse("会议明确了3项举措：一是加强领导；二是压实责任；三是强化督查。\n")
    page = to_html(items, [])
    assert [attrs["href"] for tag, attrs in read(page).inside if tag == "a"] == [
        f"#n{items.enumerations[0].items[0].start}"]


def test_what_the_text_holds_is_shown_as_text() -> None:
    text = '<script>alert("x")</script>\r\n一、标题&amp;\r二、<b onclick="x">粗</b>\n\x0c\x01\u2028\n'
    page = to_html(parse(text))
    reader = read(page)
    assert "".join(reader.text) == text
    assert [tag for tag, _ in reader.tags].count("script") == 1  # the page's own
    assert "<b " not in page


def test_characters_html_cannot_carry_are_marked() -> None:
    reader = read(to_html(parse("一、甲\x00乙\n")))
    assert "".join(reader.text) == "一、甲\ufffd乙\n"


_PIECES = ["一、", "（一）", "1.", "\n", "\r\n", "\r", "同志们：", "XX", "附件：", "谢谢大家！",
           "2026年5月8日", "<", "&", " ", "讲两点意见。", "附件1", "关于做好防汛工作的通知", "一是", "二是"]


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)
       | st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_any_text_is_on_the_page_once(text: str) -> None:
    doc = parse(text)
    reader = read(to_html(doc))
    assert "".join(reader.text) == text
    assert len(reader.ids) == len(set(reader.ids))
    assert {link[1:] for link in reader.links} <= set(reader.ids)


def test_nothing_is_fetched() -> None:
    page = to_html(parse_file(NOTICE))
    assert "Content-Security-Policy" in page
    assert not re.search(r"""\b(?:src|srcset|action)\s*=|url\(|@import|https?://""", page, re.I)
    assert read(page).links and all(link.startswith("#") for link in read(page).links)


def test_the_index_lists_each_document() -> None:
    doc = parse_file(NOTICE)
    findings = check(doc)
    summary = Summary.of(doc, findings, "notice.txt")
    assert (summary.kind, summary.sections, summary.placeholders) == ("通知", 5, len(doc.placeholders))
    assert summary.findings == {"error": 1, "warning": len(findings) - 1, "info": 0}
    page = index_html([("notice.html", summary)])
    assert 'href="notice.html"' in page and "<script>" not in page


def test_the_command_writes_a_page(tmp_path: Path) -> None:
    target = tmp_path / "out" / "notice.html"
    assert main(["report", str(NOTICE), "-o", str(target), "--max-chars", "200"]) == 0
    page = target.read_text("utf-8")
    assert page == to_html(parse_file(NOTICE), max_chars=200)
    assert not (tmp_path / "out" / "index.html").exists()


def test_the_command_writes_an_index_for_several(tmp_path: Path) -> None:
    other = tmp_path / "a" / "notice.txt"
    other.parent.mkdir()
    other.write_text("一、甲\n", "utf-8")
    folder = tmp_path / "pages"
    assert main(["report", str(NOTICE), str(other), str(SEEDS[0]), "-o", str(folder), "--jobs", "1",
                 "--select", "GW1"]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["index.html", "notice.html", "notice-2.html", SEEDS[0].stem + ".html"])
    index = (folder / "index.html").read_text("utf-8")
    linked = re.findall(r'<a href="([^"]+)"', index)
    assert linked == ["notice.html", "notice-2.html", SEEDS[0].stem + ".html"]
    assert "GW301" not in (folder / "notice.html").read_text("utf-8")  # --select GW1


def test_the_command_refuses_what_it_cannot_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>一、甲</p>", "utf-8")
    assert main(["report", str(page), "-o", str(page)]) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert page.read_text("utf-8") == "<p>一、甲</p>"
    assert main(["report", str(page), str(NOTICE), "-o", str(tmp_path)]) == 2  # its page.html
    assert "page.html: is one of the input files" in capsys.readouterr().err
    (tmp_path / "index.html").write_text("<p>二、乙</p>", "utf-8")
    assert main(["report", str(NOTICE), str(tmp_path / "index.html"), "-o", str(tmp_path)]) == 2
    assert "index.html: is one of the input files" in capsys.readouterr().err
    assert main(["report", str(NOTICE), "-o", str(tmp_path / "x.html"), "--select", "GW9"]) == 2
    assert "no rule code starts with GW9" in capsys.readouterr().err
    missing = tmp_path / "missing.txt"
    assert main(["report", str(NOTICE), str(missing), "-o", str(tmp_path / "pages")]) == 2
    assert (tmp_path / "pages" / "notice.html").exists()
    index = (tmp_path / "pages" / "index.html").read_text("utf-8")
    assert "missing" not in index


def test_the_same_page_from_the_document() -> None:
    doc = parse_file(NOTICE)
    assert doc.to_html() == to_html(doc, check(doc))


def test_a_finding_over_several_lines_is_underlined_on_each() -> None:
    doc = parse("一、甲\n乙丙\n丁\n")
    finding = Diagnostic(path=None, line=1, col=3, end_line=3, end_col=2, start=2, end=9, code="GW999",
                         severity=Severity.INFO, message="m")
    reader = read(to_html(doc, [finding]))
    underlined = [attrs for tag, attrs in reader.inside if tag == "mark"]
    assert len(underlined) == 3 and underlined[0]["id"] == "f0"
    assert all("id" not in attrs for attrs in underlined[1:])
    point = Diagnostic(path=None, line=1, col=4, end_line=2, end_col=1, start=3, end=4, code="GW999",
                       severity=Severity.INFO, message="m")
    marks = [attrs for tag, attrs in read(to_html(doc, [point])).inside if tag == "mark"]
    assert [m["class"] for m in marks] == ["f info point"]


def test_standard_input_gets_a_page_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    subprocess.run([sys.executable, "-m", "gongwen", "report", "-", str(NOTICE), "-o", str(folder)],
                   input="一、总体要求\n".encode(), capture_output=True, check=True)
    assert sorted(p.name for p in folder.iterdir()) == ["index.html", "notice.html", "stdin.html"]
    assert "".join(read((folder / "stdin.html").read_text("utf-8")).text) == "一、总体要求\n"


def test_a_section_opening_after_the_sentence_that_announces_it() -> None:
    """一是 at the end of a line whose next line opens with 二是 opens its section there: the
    heading holds the marker and heading, not the sentence before them."""
    text = "同志们：\n下面我讲两点意见。一是加强领导。具体要求。\n二是压实责任。\n"
    doc = parse(text)
    assert doc.sections[0].start == text.index("一是")
    page = to_html(doc, [])
    assert '。<h2 class="hd"><span class="mk">一是</span>加强领导。</h2>' in page
    headings = re.findall(r"<h2 class=\"hd\">(.*?)</h2>", page)
    assert [re.sub(r"<[^>]+>", "", h) for h in headings] == ["一是加强领导。", "二是压实责任。"]
    assert '<span class="runin">具体要求。</span>' in page
    assert "".join(read(page).text) == text
