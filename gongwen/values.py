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
    runs: list[tuple[int, int]] = []  # (start, end) of each run of digits
    for index, char in enumerate(head):
        if char.isdigit():
            if runs and runs[-1][1] == index:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
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
