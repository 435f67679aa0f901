"""GW5xx: the formal parts of 公文 (GB/T 9704-2012): 发文字号, 成文日期, 附件说明,
attachments, 抄送."""

from __future__ import annotations

import re

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.nodes import Appendix, AttachmentNote, CopyTo, DateLine, DocNumber, Node, Title
from gongwen.values import doc_number_pieces

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@rule("GW501", Severity.ERROR)
def doc_number_form(ctx: Context) -> None:
    """发文字号 not in the standard form.

    Checks each 发文字号: the year in 六角括号 〔〕 (not [] 【】 （）), written in full
    with four digits, no 第 or 字 before the sequence number, no leading zeros, Arabic
    digits written half-width.

    Why: GB/T 9704-2012 7.2.4: 机关代字 + 〔年份〕 + 序号 + 号; the brackets differ from
    the round ones used when a number is cited after a title.

    Example: 泰旅爱物字[2024]1号  /  成府发〔2026〕第018号

    Instead: 泰旅爱物字〔2024〕1号  /  成府发〔2026〕18号
    """
    for node in ctx.doc.find_all(DocNumber):
        written = node.to_text()
        pieces = doc_number_pieces(written)
        if pieces is None:
            continue
        year = pieces.year.translate(_FULL_WIDTH_DIGITS)
        serial = pieces.serial.translate(_FULL_WIDTH_DIGITS)
        right = f"{pieces.issuer}〔{year}〕{int(serial)}号"
        problems = []
        if pieces.opening != "〔" or pieces.closing != "〕":
            problems.append(f"brackets 「{pieces.opening}{pieces.closing}」")
        if len(year) != 4:
            problems.append("a short year")
        if pieces.between:
            problems.append(f"「{pieces.between}」")
        if serial.startswith("0"):
            problems.append("leading zeros")
        if year != pieces.year or serial != pieces.serial:
            problems.append("full-width digits")
        if problems:
            number = written[pieces.start:pieces.end]
            ctx.report(node.start + pieces.start, node.start + pieces.end,
                       f"发文字号 「{number}」 has {', '.join(problems)}; write 「{right}」", right)


_HAN_DIGITS = frozenset("〇○零一二三四五六七八九十")


@rule("GW502", Severity.WARNING)
def date_form(ctx: Context) -> None:
    """成文日期 not in the standard form.

    Checks the 成文日期 (a date line after the body, not one under a title): Arabic
    numerals, the year in full, month and day without leading zeros, no spaces,
    half-width digits; a date in Chinese numerals is the format of before 2012.

    Why: GB/T 9704-2012 7.3.5.4: 成文日期 in Arabic numerals, 年 月 日 all given, no
    zero padding; since 2012-07-01 all organs use Arabic numerals.

    Example: 二〇二三年五月十二日  /  2023年05月08日

    Instead: 2023年5月12日  /  2023年5月8日
    """
    for node in ctx.doc.find_all(DateLine):
        previous = _previous_sibling(ctx, node)
        if isinstance(previous, Title) or (previous is not None and previous.type == "date"):
            continue  # a date under a title, not a 成文日期
        text = node.text.strip()
        value = node.value  # the date line's own reading of its numbers
        if value is None or len(value) != len("2023-05-12"):
            continue  # a template, or a date without its day
        start = node.start + node.to_text().index(text[:1])
        if _HAN_DIGITS.intersection(text.partition("年")[0]):
            ctx.report(start, start + len(text),
                       f"成文日期 「{text}」 in Chinese numerals: since 2012 it is written in Arabic ones")
            continue
        year, month, day = (int(part) for part in value.split("-"))
        right = f"{year}年{month}月{day}日"
        written = text.strip("（）()")
        if written != right:
            ctx.report(start, start + len(text), f"成文日期 「{written}」; write 「{right}」", right)


def _previous_sibling(ctx: Context, node: DateLine) -> Node | None:
    parent = ctx.doc.parent(node)
    siblings = [c for c in (parent.child_nodes() if parent else []) if c.type != "blank"]
    index = next(i for i, c in enumerate(siblings) if c is node)
    return siblings[index - 1] if index else None


_ITEM_NUMBER = re.compile(r"^\s*(?P<n>[0-9０-９]{1,2})(?P<mark>[.．、]?)\s*")
_NAME_END_PUNCTUATION = ("。", "；", "，", ";", ",", "、")


@rule("GW503", Severity.WARNING)
def attachment_note_form(ctx: Context) -> None:
    """附件说明 not in the standard form.

    Checks the 附件说明: 附件 takes a full-width colon; several attachments are
    numbered 1. 2. 3. … in order, a single one has no number; an attachment's name
    ends without punctuation.

    Why: GB/T 9704-2012 7.3.4.

    Example: 附件:1、检查清单；

    Instead: 附件：1.检查清单
    """
    for note in ctx.doc.find_all(AttachmentNote):
        if ":" in note.label.text:
            colon = note.label.start + note.label.text.index(":")
            ctx.report(colon, colon + 1, "附件说明 「附件:」 takes a full-width colon", "：")
        several = len(note.items) > 1
        for expected, item in enumerate(note.items, start=1):
            number = _ITEM_NUMBER.match(item.text)
            if several and (number is None or int(number["n"].translate(_FULL_WIDTH_DIGITS)) != expected):
                ctx.report(item.start, item.start + len(item.text),
                           f"attachment 「{item.text.strip()}」 should be numbered {expected}.")
            elif several and number is not None and number["mark"] != ".":
                at = item.start + item.to_text().index(number["n"])
                ctx.report(at, at + len(number["n"]) + len(number["mark"]),
                           f"attachment number 「{number.group().strip()}」 takes 「.」", f"{expected}.")
            elif not several and number is not None:
                ctx.report(item.start, item.start + len(item.text),
                           f"a single attachment 「{item.text.strip()}」 has no number")
            if item.text.rstrip().endswith(_NAME_END_PUNCTUATION):
                end = item.start + len(item.text.rstrip())
                ctx.report(end - 1, end, f"attachment name 「{item.text.strip()}」 ends in punctuation")


def _name(text: str) -> str:
    """An attachment's name without its number, spaces and quotation marks."""
    return re.sub(r"^[0-9０-９]{1,2}[.．、]?|[《》“”\"*#]", "", re.sub(r"\s+", "", text))


@rule("GW504", Severity.WARNING)
def attachments_match_note(ctx: Context) -> None:
    """附件说明 and the attachments present disagree.

    Checks, when the text holds the attachments themselves (附件1 …): as many as the
    附件说明 lists, numbered in order, each titled as its item says; and that an
    attachment's label stands alone (附件1, not 附件1：).

    Why: GB/T 9704-2012 7.3.4 and 7.3.7: the numbers and names of the attachments
    must agree with the 附件说明.

    Example: 附件：1.检查清单 2.联系人名单 … followed by 附件1 检查清单 only

    Instead: add 附件2 联系人名单, or drop it from the 附件说明.
    """
    # the attachments (附件1 …), not the documents the text issues
    appendices = [a for a in ctx.doc.find_all(Appendix) if a.label is not None]
    for appendix in appendices:
        assert appendix.label is not None
        label = appendix.label.text.strip()
        if label.endswith(("：", ":")):
            end = appendix.label.start + len(appendix.label.text.rstrip())
            rest = ctx.text[end:end + 2]
            # its title on the same line goes to the next one, where the standard puts it
            fix = "" if rest[:1] in ("", "\n", "\r") else "\r\n" if "\r\n" in ctx.text else "\n"
            ctx.report(end - 1, end, f"attachment label 「{label}」 takes no colon", fix)
    note = ctx.doc.find(AttachmentNote)
    if note is None or not appendices:
        return
    if len(note.items) != len(appendices):
        ctx.report(note.start, note.label.end,
                   f"附件说明 lists {len(note.items)} attachments, but {len(appendices)} follow")
    for expected, (item, appendix) in enumerate(zip(note.items, appendices, strict=False), 1):
        if len(appendices) > 1 and appendix.number not in (None, expected) and appendix.label:
            ctx.report(appendix.label.start, appendix.label.start + len(appendix.label.text.rstrip()),
                       f"attachment 「{appendix.label.text.strip()}」 should be 附件{expected}")
        title = appendix.title
        if title is not None and _name(title.text) != _name(item.text):
            ctx.report(title.start, title.start + len(title.text),
                       f"attachment title 「{title.text.strip()}」 differs from the 附件说明 "
                       f"「{item.text.strip()}」")


_COPY_TO = re.compile(r"^(?P<label>\s*(?:抄送|主送)\s?)(?P<colon>[：:])(?P<names>.*)$", re.S)


@rule("GW505", Severity.WARNING, unsafe_fix=True)
def copy_to_form(ctx: Context) -> None:
    """抄送 not in the standard form.

    Checks the 抄送 (and a 主送 in the 版记): a full-width colon, organs separated by
    full-width commas, a full stop at the end.

    Why: GB/T 9704-2012 7.4.2.

    Example: 抄送:省委各部门,省人大常委会办公厅

    Instead: 抄送：省委各部门，省人大常委会办公厅。
    """
    for node in ctx.doc.find_all(CopyTo):
        match = _COPY_TO.match(node.text)
        if match is None:
            continue
        names = re.sub(r"\s+", "", match["names"])
        problems = []
        if match["colon"] != "：":
            problems.append("a half-width colon")
        if "," in names:
            problems.append("half-width commas")
        if not names.endswith("。"):
            problems.append("no 。 at the end")
        if problems:
            right = match["label"].strip() + "：" + names.replace(",", "，").rstrip("。.") + "。"
            at = node.to_text().find(node.text)  # after its indentation; -1 when wrapped
            ctx.report(node.start + max(at, 0), node.start + max(at, 0) + len(node.text),
                       f"抄送 has {', '.join(problems)}", right if at >= 0 else None)

