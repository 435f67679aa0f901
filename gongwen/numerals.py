"""Read the number a marker stands for: 二十三 → 23, （4） → 4, ⑦ → 7, 其次 → 2."""

from __future__ import annotations

import functools
import re
import unicodedata

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ADVERBS = {"首先": 1, "其次": 2, "再次": 3}
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_to_int(numeral: str) -> int | None:
    """二十三 → 23, 十 → 10, 一百零五 → 105, 二〇二三 → 2023; None if not a numeral."""
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        return None
    if not any(ch in _UNITS for ch in numeral):  # digit by digit: 二〇二三
        value = 0
        for ch in numeral:
            value = value * 10 + _DIGITS[ch]
        return value
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


# Single characters that are markers with their number: ① ⑴ ⒈ ㈠
_ENCLOSED = tuple(
    (ord(first), ord(last)) for first, last in (("①", "⑳"), ("⑴", "⒇"), ("⒈", "⒛"), ("㈠", "㈩"))
)
_LEADING_NUMBER = re.compile(r"[0-9０-９]+|[〇零一二三四五六七八九十百千两]+")


def marker_label(marker: str) -> str:
    """The marker without the punctuation and space after it (二、 → 二, 第一， → 第一,
    1﹒ → 1, 一 → 一; （一） keeps its bracket): whatever punctuation the grammar lets a
    marker end with, by its Unicode category rather than a list of its own."""
    end = len(marker)
    while end and (marker[end - 1].isspace() or unicodedata.category(marker[end - 1]) == "Po"):
        end -= 1
    return marker[:end]


@functools.lru_cache(maxsize=1024)  # a document repeats few labels, many times
def ordinal_of(label: str) -> int | None:
    """The ordinal in a marker label (its punctuation already removed): the last number
    of a decimal outline (1.2 → 2), the number of a spoken ordinal (第三个方面 → 3)."""
    if label in _ADVERBS:
        return _ADVERBS[label]
    if len(label) == 1:
        for low, high in _ENCLOSED:
            if low <= ord(label) <= high:
                return ord(label) - low + 1
    core = label.strip("（()）第").split("之")[0]
    core = re.split(r"[.．]", core)[-1]
    number = _LEADING_NUMBER.match(core)
    if number is None:
        return None
    ascii_digits = number.group().translate(_FULL_WIDTH_DIGITS)
    if ascii_digits.isdigit():
        return int(ascii_digits)
    return chinese_to_int(number.group())
