"""GW4xx: characters: punctuation width, full-width digits, 顿号 between quotations."""

from __future__ import annotations

import regex

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_WIDTH_NEXT_TO_HAN = regex.compile(r"(?<=\p{Han})[,:;!?()]|[,:;!?()](?=\p{Han})")
_FULL_WIDTH_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]{1,64}")
_DUN_BETWEEN_QUOTES = regex.compile(r"(?<=[”》])、(?=[“《])")


@rule("GW401", Severity.ERROR)
def half_width_punctuation(ctx: Context) -> None:
    """Half-width punctuation next to Chinese text.

    Reports , : ; ! ? ( ) written half-width beside a Chinese character.

    Why: GB/T 15834-2011 gives Chinese text full-width marks; half-width ones are
    usually typed with the wrong input mode and look cramped in print.

    Example: 今天,我们召开动员会议(扩大)。

    Instead: 今天，我们召开动员会议（扩大）。
    """
    for match in _HALF_WIDTH_NEXT_TO_HAN.finditer(ctx.text):
        mark = match.group()
        ctx.report(match.start(), match.end(),
                   f"half-width 「{mark}」 next to Chinese text; write 「{_FULL_WIDTH[mark]}」",
                   _FULL_WIDTH[mark])


@rule("GW402", Severity.WARNING)
def full_width_alphanumerics(ctx: Context) -> None:
    """Full-width digits or Latin letters.

    Reports digits and letters typed full-width (２０２３年, ＡＢＣ).

    Why: GB/T 15835-2011 writes Arabic numerals half-width; full-width digits break
    searching, sorting and date checks.

    Example: ２０２３年５月

    Instead: 2023年5月
    """
    for match in _FULL_WIDTH_ALNUM.finditer(ctx.text):
        half = "".join(chr(ord(ch) - 0xFEE0) for ch in match.group())
        ctx.report(match.start(), match.end(),
                   f"full-width 「{match.group()}」; write 「{half}」", half)


@rule("GW403", Severity.WARNING)
def dun_between_quotations(ctx: Context) -> None:
    """A 顿号 between consecutive quotations or titles.

    Reports 、 between ”“ or between 》《.

    Why: GB/T 15834-2011 4.5.3.5: consecutive quoted items or book titles need no 顿号
    between them.

    Example: “定盘星”、“指南针”  /  《红楼梦》、《三国演义》

    Instead: “定盘星”“指南针”  /  《红楼梦》《三国演义》
    """
    for match in _DUN_BETWEEN_QUOTES.finditer(ctx.text):
        ctx.report(match.start(), match.end(), "「、」 between consecutive quotations or titles", "")
