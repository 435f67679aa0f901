"""What the library says when it is called wrongly, and errors that travel between
processes."""

from __future__ import annotations

import pickle

import pytest

from gongwen import InputError, parse
from gongwen.checks import check


def test_check_takes_codes_as_a_string_or_a_sequence() -> None:
    doc = parse("关于X的通知\n各单位：\n正文。\n某某局\n2023年05月08日\n")
    as_string = check(doc, select="gw5")
    assert as_string == check(doc, select=["GW5"]) and {d.code for d in as_string} == {"GW502"}
    both = check(doc, select=["GW1", "GW5"], ignore=["GW502"])
    assert check(doc, select="GW1, GW5", ignore="GW502") == both
    with pytest.raises(TypeError, match="rule codes are strings"):
        check(doc, select=[5])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="GW9"):
        check(doc, select="GW9")


def test_parse_of_bytes_names_parse_bytes() -> None:
    with pytest.raises(TypeError, match="parse_bytes"):
        parse("正文".encode())  # type: ignore[arg-type]


def test_an_input_error_pickles_with_its_path_and_message() -> None:
    error = pickle.loads(pickle.dumps(InputError("a/b.txt", "not a text file")))
    assert (error.path, error.message) == ("a/b.txt", "not a text file")
    assert str(error) == "a/b.txt: not a text file"


@pytest.mark.parametrize("module, name, data, extra", [
    ("pdfplumber", "a.pdf", b"%PDF-1.7\n", "pdf"),
    ("lxml", "a.ofd", b"PK\x03\x04", "ofd"),
    ("lxml", "a.html", "<html><body>正文</body></html>".encode(), "html"),
])
def test_a_missing_extra_says_what_to_install(
    module: str, name: str, data: bytes, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from gongwen import parse_bytes

    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(InputError, match=rf"needs the {extra} extra: pip install 'gongwen\[{extra}\]'"):
        parse_bytes(data, name)
