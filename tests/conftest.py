"""Shared paths and the one helper that asserts every invariant of a parse."""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path

import pytest

from gongwen import Document, Node, parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"
CORPUS = sorted((SHARED / "corpus").glob("*.txt"))
CHECK_EXPECTED = SHARED / "tools" / "check_expected.py"

_LINE_BREAK = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def assert_invariants(doc: Document, text: str) -> None:
    """Round trip (also through JSON), spans nested and increasing, leaves tiling the
    text, line numbers right."""
    assert doc.to_text() == text
    dumped = doc.model_dump_json()
    again = Document.model_validate_json(dumped)
    assert again == doc
    assert again.model_dump_json() == dumped  # the parser's nodes keep the models' field order
    assert again.to_text() == text
    assert (doc.start, doc.end) == (0, len(text))
    position = 0
    starts = line_starts(text)
    for node in doc.walk():
        assert node.start <= node.end, node
        assert text[node.start:node.end] == node.to_text(), node
        assert node.line == line_of(starts, node.start), node
        children = list(node.child_nodes())
        if not children:
            assert node.start == position, f"gap or overlap before {node!r}"
            position = node.end
        for child in children:
            assert node.start <= child.start <= child.end <= node.end, (node.type, child)
        for first, second in itertools.pairwise(children):
            assert first.end == second.start, (first, second)
    assert position == len(text)


def parse_checked(text: str) -> Document:
    doc = parse(text)
    assert_invariants(doc, text)
    return doc


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


def nodes_of(doc: Document, kind: str) -> list[Node]:
    return list(doc.find_all(kind))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The development set's summary line, when the accuracy test measured it."""
    from tests.accuracy import measured

    result = measured()
    if result is not None:
        terminalreporter.write_line(f"development set: {result.summary}")


def zip_bytes(members: dict[str, str] | dict[str, bytes]) -> bytes:
    """A zip archive (deflated) holding ``members``: name → content."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
