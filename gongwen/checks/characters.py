"""GW4xx: characters: punctuation width, full-width digits, 顿号 between quotations."""

from __future__ import annotations

import bisect
import functools

import regex

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.grammar import inline_patterns

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_WIDTH_NEXT_TO_HAN = regex.compile(r"(?<=\p{Han})[,:;!?()]|[,:;!?()](?=\p{Han})")
_FULL_WIDTH_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]{1,64}")
_DUN_BETWEEN_QUOTES = regex.compile(r"(?<=[”》])、(?=[“《])")


@functools.cache
def _entity() -> regex.Pattern[str]:
    """inline.lark's HTML_ENTITY: an entity anywhere, also where no inline scan ran."""
    return regex.compile(inline_patterns()["HTML_ENTITY"])


@rule("GW401", Severity.ERROR)
def half_width_punctuation(ctx: Context) -> None:
    """Half-width punctuation next to Chinese text.

    Reports , : ; ! ? ( ) written half-width beside a Chinese character (not inside
    residue such as the HTML entity &emsp;, which GW302 reports).

    Why: GB/T 15834-2011 gives Chinese text full-width marks; half-width ones are
    usually typed with the wrong input mode and look cramped in print.

    Example: 今天,我们召开动员会议(扩大)。

    Instead: 今天，我们召开动员会议（扩大）。
    """
    entities = [m.span() for m in _entity().finditer(ctx.text)]
    starts = [start for start, _ in entities]
    for match in _HALF_WIDTH_NEXT_TO_HAN.finditer(ctx.text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if ctx.in_residue(match.start()) or (at >= 0 and match.start() < entities[at][1]):
            continue  # the ; of &emsp; : residue, which GW302 reports whole
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
