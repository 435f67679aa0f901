"""Word's number formats (``w:numFmt``): how a list counter is written, 3 → 三, ③, c, iii."""

from __future__ import annotations

from collections.abc import Callable

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_counting(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting); 0 → 零."""
    if n <= 0 or n >= 10000:
        return "".join(digits[int(d)] for d in str(max(n, 0)))
    places = [int(d) for d in str(n)]
    out: list[str] = []
    zero = False
    for power, digit in zip(range(len(places) - 1, -1, -1), places, strict=True):
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if not (digit == 1 and power == 1 and not out):  # 十一, not 一十一
            out.append(digits[digit])
        if power:
            out.append(units[power - 1])
    return "".join(out)


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa, 28 → bb (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _enclosed(first: str, last: int) -> Callable[[int], str]:
    return lambda n: chr(ord(first) + n - 1) if 1 <= n <= last else str(n)


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed("①", 20),
    "decimalEnclosedCircleChinese": _enclosed("①", 20),
    "decimalEnclosedParen": _enclosed("⑴", 20),
    "decimalEnclosedFullstop": _enclosed("⒈", 20),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾佰仟"),
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


def format_number(n: int, number_format: str) -> str:
    """``n`` (0 or more) as Word writes it in ``number_format``; formats not listed fall
    back to decimal, as Word does for the formats it cannot draw."""
    return FORMATS.get(number_format, str)(max(n, 0))
