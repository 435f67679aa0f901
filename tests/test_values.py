"""Dates and 发文字号 read as values."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.values import DocNumberParts, date_value, doc_number_parts
from tests.conftest import parse_checked

_DIGITS = "〇一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _han(number: int) -> str:
    """12 → 十二, 31 → 三十一, 10 → 十 (month and day numerals)."""
    tens, ones = divmod(number, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")) + (
        _DIGITS[ones] if ones else "")


@given(st.dates(min_value=datetime.date(1949, 1, 1), max_value=datetime.date(2099, 12, 31)),
       st.sampled_from(["arabic", "han", "full"]))
def test_dates_in_every_writing_read_as_iso(day: datetime.date, writing: str) -> None:
    if writing == "han":
        year = "".join(_DIGITS[int(d)] for d in str(day.year))
        text = f"{year}年{_han(day.month)}月{_han(day.day)}日"
    elif writing == "full":
        text = f"{day.year}年{day.month}月{day.day}日".translate(_FULL_WIDTH)
    else:
        text = f"{day.year}年{day.month}月{day.day}日"
    assert date_value(text) == day.isoformat()


@pytest.mark.parametrize("text, value", [
    ("二0二四年五月十二日", "2024-05-12"), ("二O二四年五月十二日", "2024-05-12"),
    ("2026 年 1 月 14 日", "2026-01-14"), ("（2024年12月）", "2024-12"),
    ("2023年01月13日", "2023-01-13"),
    ("20XX年X月X日", None), ("[日期]", None), ("2024年13月1日", None), ("2024年2月32日", None),
    # digits alone (年月日 dropped): the one reading, the year where there are two
    ("20211022", "2021-10-22"), ("2017919", "2017-09-19"), ("2021012", "2021-01-02"),
    ("2021111", "2021"), ("2024139", None),
])
def test_date_values(text: str, value: str | None) -> None:
    assert date_value(text) == value


@pytest.mark.parametrize("text, parts", [
    ("国函〔2009〕159号", ("国函", 2009, 159)), ("（皖政办秘〔2021〕82号）", ("皖政办秘", 2021, 82)),
    ("泰旅爱物字[2024]1号", ("泰旅爱物字", 2024, 1)), ("黔府发 〔２０２２〕８ 号", ("黔府发", 2022, 8)),
    ("渝府令第 121 号", ("渝府令", None, 121)), ("（第19号）", (None, None, 19)),
    ("国办发〔2023〕12号 签发人：张三", ("国办发", 2023, 12)),
])
def test_doc_number_parts(text: str, parts: tuple[str | None, int | None, int | None]) -> None:
    assert doc_number_parts(text) == DocNumberParts(*parts)


def test_values_on_the_tree_and_in_its_json() -> None:
    doc = parse_checked("国函〔2009〕159号\n关于同意迁移的批复\n安徽省人民政府：\n同意。\n"
                        "中华人民共和国国务院\n二〇〇九年十二月三十一日\n")
    assert doc.doc_number is not None
    assert (doc.doc_number.issuer, doc.doc_number.year, doc.doc_number.number) == ("国函", 2009, 159)
    assert doc.date is not None and doc.date.value == "2009-12-31"
    assert '"value":"2009-12-31"' in doc.model_dump_json()


@pytest.mark.parametrize("text, pieces", [
    ("泰旅爱物字[2024]1号", ("泰旅爱物字", "[", "2024", "]", "", "1")),
    ("成府发〔2026〕第018号", ("成府发", "〔", "2026", "〕", "第", "018")),
    ("黔府发 〔２０２２〕８ 号", ("黔府发", "〔", "２０２２", "〕", "", "８")),
    ("（皖政办秘〔2021〕82号）", ("皖政办秘", "〔", "2021", "〕", "", "82")),
])
def test_doc_number_pieces_as_written(text: str, pieces: tuple[str, ...]) -> None:
    from gongwen.values import doc_number_pieces

    found = doc_number_pieces(text)
    assert found is not None and tuple(found)[2:] == pieces
    assert text[found.start:found.end].startswith(pieces[0]) and text[found.end - 1] == "号"


@pytest.mark.parametrize("text", ["第19号", "国函2009年159号", "〔2009〕", "关于〔2009〕的说明"])
def test_no_pieces_without_a_bracketed_year_and_serial(text: str) -> None:
    from gongwen.values import doc_number_pieces

    assert doc_number_pieces(text) is None
