"""The HTML report in a real browser: Chromium, driven by Playwright. The visible text is
the document's, headings stand at their levels, the outline moves the page and follows
it, nothing is fetched and nothing logs an error. `make test` installs Chromium (Debian's
package) and sets GONGWEN_CHROMIUM, which makes these tests required; without it they
run when a Chromium is found and are skipped otherwise."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gongwen import Document, Section, parse, parse_bytes, parse_file
from gongwen.checks import check
from tests.conftest import CORPUS, FIXTURES, ROOT, SEEDS

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser

NOTICE = FIXTURES / "report" / "notice.txt"
WORD = FIXTURES / "docx" / "tongzhi-typed-fujian.docx"
SCREENSHOT = ROOT / "docs" / "report.png"
# Chromium as root in a closed network: no sandbox, and none of its own connections.
_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
          "--disable-background-networking", "--disable-component-update"]


def _chromium() -> str | None:
    if "GONGWEN_CHROMIUM" in os.environ:
        required = os.environ["GONGWEN_CHROMIUM"]
        if not required or not Path(required).is_file():
            pytest.fail(f"GONGWEN_CHROMIUM={required!r}: no Chromium there")
        return required
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium (make test installs it)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=_FLAGS)
        yield launched
        launched.close()


class Opened:
    """A report open in a page, with what the page asked for and logged."""

    def __init__(self, browser: Any, doc: Document, folder: Path, javascript: bool = True) -> None:
        self.doc = doc
        self.path = folder / "report.html"
        self.path.write_text(doc.to_html(), "utf-8")
        self.page = browser.new_page(viewport={"width": 1400, "height": 900}, java_script_enabled=javascript)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.path.as_uri())

    def visible_text(self) -> str:
        return str(self.page.evaluate("document.querySelector('.text').innerText"))

    def close(self) -> None:
        self.page.close()
        assert self.errors == []
        assert self.requests == [self.path.as_uri()], "the page asked for more than itself"


@pytest.fixture
def opened(browser: Any, tmp_path: Path) -> Iterator[Any]:
    pages: list[Opened] = []

    def open_(doc: Document, javascript: bool = True) -> Opened:
        pages.append(Opened(browser, doc, tmp_path, javascript))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


def _until(page: Any, expression: str, seconds: float = 10) -> None:
    """Wait until ``expression`` holds in the page. Playwright's wait_for_function polls with
    eval inside the page, which the report's Content-Security-Policy forbids; this polls
    from here."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"never held: {expression}")
        page.wait_for_timeout(20)


def _shown(text: str) -> str:
    """The text as a browser shows it: each line ending a line feed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("path", [*SEEDS, NOTICE, WORD], ids=lambda p: p.name)
def test_the_page_shows_the_text_and_its_headings(opened: Any, path: Path) -> None:
    doc = parse_file(path)
    shown = opened(doc)
    assert shown.visible_text() == _shown(doc.to_text())
    headings = shown.page.evaluate("""[...document.querySelectorAll('.text .hd')].map(h => [
        h.closest('.ln').id, h.tagName, h.getAttribute('aria-level'),
        getComputedStyle(h.closest('.ln')).paddingLeft, getComputedStyle(h).color])""")
    sections = list(doc.find_all(Section))
    assert [h[0] for h in headings] == [f"n{s.start}" for s in sections]
    for (_, tag, aria, _, _), section in zip(headings, sections, strict=True):
        level = section.level + 1
        assert (tag == f"H{level}") if level <= 6 else aria == str(level)
    by_level: dict[int, set[tuple[str, str]]] = {}
    for heading, section in zip(headings, sections, strict=True):
        by_level.setdefault(section.level, set()).add((heading[3], heading[4]))
    assert all(len(looks) == 1 for looks in by_level.values()), "one look per level"
    assert len({looks.pop() for looks in by_level.values()}) == len(by_level), "levels look alike"


def test_the_outline_moves_the_page_and_follows_it(opened: Any) -> None:
    doc = parse_file(SEEDS[3])
    shown = opened(doc)
    last = doc.sections[-1]
    shown.page.click(f'nav a[href="#n{last.start}"]')
    _until(shown.page, f"document.querySelector('nav a[href=\"#n{last.start}\"]')"
                                 ".getAttribute('aria-current') === 'location'")
    top = shown.page.evaluate(f"document.getElementById('n{last.start}').getBoundingClientRect().top")
    assert 0 <= top < 60
    assert shown.page.evaluate("location.hash") == f"#n{last.start}"
    shown.page.evaluate("window.scrollTo(0, 0)")
    _until(shown.page,
        "document.querySelector('nav a[aria-current]')?.getAttribute('href') === '#n0'")


def test_findings_are_underlined_focusable_and_listed(opened: Any) -> None:
    doc = parse_file(NOTICE)
    findings = check(doc)
    shown = opened(doc)
    gap = next(i for i, f in enumerate(findings) if f.code == "GW101")
    shown.page.focus(f"#f{gap}")
    said = shown.page.evaluate(f"""(() => {{ const m = document.getElementById('f{gap}');
        return [m.matches(':focus'), getComputedStyle(m, '::after').content,
                getComputedStyle(m).textDecorationLine, getComputedStyle(m).textDecorationColor]; }})()""")
    assert said[0] is True
    assert "GW101" in said[1] and findings[gap].message.split()[0] in said[1]
    assert said[2] == "underline"
    colour = shown.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--error')")
    assert said[3] == _rgb(colour.strip())
    shown.page.click(f'aside a[href="#f{gap}"]')
    top = shown.page.evaluate(f"document.getElementById('f{gap}').getBoundingClientRect().top")
    assert 0 <= top < 900
    flagged = shown.page.evaluate("[...document.querySelectorAll('nav li.flagged > a')].map(a => a.hash)")
    assert flagged == [f"#n{findings[gap].start}"]
    assert shown.page.evaluate("document.querySelectorAll('mark.f').length") >= len(findings)


def test_the_chunk_switch_shows_boundaries_without_changing_the_text(opened: Any) -> None:
    doc = parse_file(SEEDS[3])
    shown = opened(doc)
    shown_before = shown.visible_text()
    cuts = "[...document.querySelectorAll('.cut')].map(c => getComputedStyle(c).display)"
    assert set(shown.page.evaluate(cuts)) == {"none"}
    shown.page.click("label[for=show-chunks]")
    displays = shown.page.evaluate(cuts)
    assert set(displays) == {"inline"} and len(displays) == len(doc.chunks())
    label = shown.page.evaluate("getComputedStyle(document.querySelectorAll('.cut')[1], '::before').content")
    assert f"chunk 2: {' › '.join(doc.chunks()[1].heading_path)}" in label
    assert shown.visible_text() == shown_before


def test_without_javascript_nothing_is_lost(opened: Any) -> None:
    doc = parse_file(NOTICE)
    shown = opened(doc, javascript=False)
    assert shown.visible_text() == _shown(doc.to_text())
    first = doc.sections[0]
    shown.page.click(f'nav a[href="#n{first.start}"]')
    top = shown.page.evaluate(f"document.getElementById('n{first.start}').getBoundingClientRect().top")
    assert 0 <= top < 60


def test_printed_the_text_stands_alone(opened: Any) -> None:
    shown = opened(parse_file(NOTICE))
    shown.page.emulate_media(media="print")
    hidden = shown.page.evaluate("['nav', 'aside', '.switch'].map(s => "
                                 "getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none", "none", "none"]
    assert shown.page.pdf()[:5] == b"%PDF-"


def test_landmarks_for_a_screen_reader(opened: Any) -> None:
    shown = opened(parse_file(NOTICE))
    tree = shown.page.locator("body").aria_snapshot()
    for landmark in ('navigation "Outline"', "main", 'complementary "Findings and facts"',
                     'heading "标题 XX市人民政府办公室关于做好2026年防汛工作的通知" [level=1]',  # part named
                     'heading "一、提高认识，压实责任" [level=2]',
                     'heading "（一）明确责任分工。" [level=3]', 'link "从四个方面"'):
        assert landmark in tree, landmark


def test_text_that_looks_like_markup_stays_text(opened: Any) -> None:
    text = '<script>document.title="x"</script>\n一、<img src="http://example.com/x.png">\r\n二、&lt;\n'
    shown = opened(parse(text))
    assert shown.visible_text() == _shown(text)
    assert shown.page.evaluate("document.querySelectorAll('script, img').length") == 1


def test_a_screenshot_for_the_readme(opened: Any, tmp_path: Path) -> None:
    """Written under docs/ when it is missing or GONGWEN_SCREENSHOT=1; the README shows it."""
    shown = opened(parse_bytes(NOTICE.read_bytes(), NOTICE.relative_to(ROOT).as_posix()))
    shown.page.focus("#f3")
    renew = os.environ.get("GONGWEN_SCREENSHOT") or not SCREENSHOT.exists()
    target = SCREENSHOT if renew else tmp_path / "report.png"
    shown.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_a_megabyte_stays_usable(opened: Any, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [path.read_text("utf-8") for path in CORPUS]
    text = ""
    while len(text.encode()) < 1_000_000:
        text += "\n".join(texts)
    started = time.perf_counter()
    doc = parse(text)
    parsed = time.perf_counter()
    findings = check(doc)
    checked = time.perf_counter()
    page = doc.to_html(findings)
    written = time.perf_counter()
    with capsys.disabled():
        print(f"\n1 MB: parse {parsed - started:.2f} s, check {checked - parsed:.2f} s, "
              f"report {written - checked:.2f} s ({len(page) / 1e6:.1f} MB of HTML)")
    shown = opened(doc)
    assert shown.visible_text() == _shown(text)
    shown.page.mouse.wheel(0, 30000)
    _until(shown.page, "document.querySelector('nav a[aria-current]') !== null")


def _rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"
