"""What a date line and a 发文字号 say, as values: 二〇〇九年十二月三十一日 → 2009-12-31,
国函〔2009〕159号 → (国函, 2009, 159).

The lines themselves are recognised by document.lark (DATE, DOC_NUMBER); this module
only reads the numbers out of a line already known to be one.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from gongwen.numerals import chinese_to_int

_YEAR_DIGITS = str.maketrans("〇○零OoΟ一二三四五六七八九", "000000123456789")  # 二〇〇九, 二O二四


class DocNumberParts(NamedTuple):
    issuer: str | None
    """机关代字: 国函, 皖政办秘, 渝府令; None when the line holds only a number (第19号)."""
    year: int | None
    number: int | None


class DocNumberPieces(NamedTuple):
    """A bracketed 发文字号 cut where GB/T 9704-2012 7.2.4 cuts it, as written: 机关代字,
    the brackets around the year, what stands before the serial number (第, 字), the
    serial number; ``start`` and ``end`` span it in the line, from the 机关代字 to 号."""

    start: int
    end: int
    issuer: str
    opening: str
    year: str
    closing: str
    between: str
    serial: str


def _plain(text: str) -> str:
    """Compatibility forms folded (full-width digits and brackets), spacing removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _number(text: str) -> int | None:
    """12, 十二, 三十一 → the number; None for a template's XX."""
    if text.isdigit():
        return int(text)
    return chinese_to_int(text)


def date_value(text: str) -> str | None:
    """The date as ISO 8601 (2009-12-31), or year and month (2024-12) when the line has
    no day, or the year alone when its digits can be read two ways; None for a template
    (20XX年X月X日) or a field ([日期])."""
    plain = _plain(text).strip("()")
    if plain.isdigit():
        return _digits_date(plain)
    year, found, rest = plain.partition("年")
    if not found:
        return None
    month, found, day = rest.partition("月")
    day = day.removesuffix("日")
    year_digits = year.translate(_YEAR_DIGITS)
    month_number = _number(month) if found else None
    day_number = _number(day) if day else None
    if not (year_digits.isdigit() and len(year_digits) == 4 and month_number and 1 <= month_number <= 12):
        return None
    if not day:
        return f"{year_digits}-{month_number:02d}"
    if not day_number or not 1 <= day_number <= 31:
        return None
    return f"{year_digits}-{month_number:02d}-{day_number:02d}"


def _digits_date(digits: str) -> str | None:
    """20211022 → 2021-10-22, 2017919 → 2017-09-19; the year alone where the month and
    the day can be cut two ways (2021111: 1月11日 or 11月1日)."""
    year, rest = digits[:4], digits[4:]
    readings = {
        f"{year}-{int(rest[:cut]):02d}-{int(rest[cut:]):02d}"
        for cut in (1, 2)
        if 1 <= len(rest) - cut <= 2 and 1 <= int(rest[:cut]) <= 12 and 1 <= int(rest[cut:]) <= 31
    }
    if not readings:
        return None
    return readings.pop() if len(readings) == 1 else year


def doc_number_parts(text: str) -> DocNumberParts:
    """Issuer code, year and serial number of a 发文字号 or 令号 (签发人 after it left out)."""
    plain = _plain(text).strip("()")
    head = plain.partition("号")[0]
    runs = _digit_runs(head)  # (start, end) of each run of digits
    if not runs:
        return DocNumberParts(None, None, None)
    number_start, number_end = runs[-1]
    number = int(head[number_start:number_end]) if number_end == len(head) else None
    year_run = next((run for run in runs[:-1] if run[1] - run[0] == 4), None)
    issuer_end = year_run[0] if year_run else number_start
    issuer = head[:issuer_end].removesuffix("第")
    while issuer and unicodedata.category(issuer[-1])[0] in "PZ":  # 〔 [ 【 before the year
        issuer = issuer[:-1]
    year = int(head[year_run[0]:year_run[1]]) if year_run else None
    return DocNumberParts(issuer or None, year, number)


def doc_number_pieces(text: str) -> DocNumberPieces | None:
    """The pieces of the first bracketed 发文字号 in a line already known to hold one
    (a year of digits between brackets, a serial number, 号), or None."""
    for year_start, year_end in _digit_runs(text):
        opening_at = _skip_space(text, year_start - 1, -1)
        closing_at = _skip_space(text, year_end, 1)
        if not (opening_at >= 0 and closing_at < len(text) and 2 <= year_end - year_start <= 4):
            continue
        if unicodedata.category(text[opening_at]) != "Ps" or unicodedata.category(text[closing_at]) != "Pe":
            continue
        serial_start = closing_at + 1
        while serial_start < len(text) and text[serial_start] in "第字 \t":
            serial_start += 1
        serial_end = serial_start
        while serial_end < len(text) and text[serial_end].isdigit():
            serial_end += 1
        end = _skip_space(text, serial_end, 1)
        if serial_end == serial_start or end >= len(text) or text[end] != "号":
            return None
        issuer_end = _skip_space(text, opening_at - 1, -1) + 1
        start = issuer_end
        while start > 0 and issuer_end - start < 20 and not (
            text[start - 1].isspace() or unicodedata.category(text[start - 1]) == "Ps"
        ):
            start -= 1
        return DocNumberPieces(
            start, end + 1, text[start:issuer_end], text[opening_at], text[year_start:year_end],
            text[closing_at], text[closing_at + 1:serial_start].strip(), text[serial_start:serial_end],
        )
    return None


def _digit_runs(text: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if char.isdigit():
            if runs and runs[-1][1] == index:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
    return runs


def _skip_space(text: str, index: int, step: int) -> int:
    """``index``, or the next index in the direction of ``step`` past one space there."""
    return index + step if 0 <= index < len(text) and text[index] in " \t" else index
