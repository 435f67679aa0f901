"""GW1xx: the heading hierarchy (GB/T 9704-2012 7.3.3, GB/T 15834-2011 B.3)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.ladder import RANKS, SPEECH_FAMILIES, rank, steps_between
from gongwen.nodes import Item, Marker, Node, Section

_REGULATION = frozenset({"volume", "chapter", "part", "article"})


def _sibling_groups(ctx: Context) -> Iterator[list[Section]]:
    """The child sections of the document and of every section, one list per parent."""
    for node in ctx.doc.walk():
        if node is ctx.doc or isinstance(node, Section):
            children = [c for c in node.child_nodes() if isinstance(c, Section)]
            if children:
                yield children


def _sequence_key(section: Section) -> str:
    """Sections numbered in one sequence: one rank (1. and 1、), or one speech family."""
    family = section.marker.family
    return family if family in SPEECH_FAMILIES else str(RANKS[family])


def _check_sequence(ctx: Context, sections: list[Section], before: Section | None = None) -> None:
    """``before``: the last section of the same kind under an earlier parent, which a
    sequence may continue (1.–4. under （一）, 5.–6. under （二）)."""
    previous: Section | None = None
    for section in sections:
        ordinal = section.marker.ordinal
        if ordinal is None or "之" in section.marker.text:
            continue  # 最后 closes a list; 第十条之一 is inserted after 第十条
        marker = section.marker
        if previous is None:
            continued = before is not None and before.marker.ordinal == ordinal - 1
            if ordinal != 1 and not continued:
                ctx.report(marker.start, marker.end,
                           f"numbering starts at 「{marker.text}」, not at 1", None)
        elif previous.marker.ordinal is not None and ordinal != 1:  # 1 starts a new list
            expected = previous.marker.ordinal + 1
            if ordinal == previous.marker.ordinal:
                ctx.report(marker.start, marker.end,
                           f"「{marker.text}」 repeats the number of 「{previous.marker.text}」"
                           f" (line {previous.line})")
            elif ordinal != expected:
                ctx.report(marker.start, marker.end,
                           f"「{marker.text}」 follows 「{previous.marker.text}」 (line "
                           f"{previous.line}): number {expected} was expected")
        elif ordinal == previous.marker.ordinal:
            ctx.report(marker.start, marker.end,
                       f"「{marker.text}」 repeats the number of 「{previous.marker.text}」"
                       f" (line {previous.line})")
        previous = section


@rule("GW101", Severity.ERROR)
def numbering_gap_or_repeat(ctx: Context) -> None:
    """Numbering gap or repeat among sibling sections.

    Checks that sections of one level under one parent are numbered 1, 2, 3 … with
    no gap and no repeat (一、 二、 四、; （一） （一）), and that articles (第X条)
    are numbered continuously through the whole text (章断条连). A list may also go on
    under the next parent (1.–4. under （一）, 5.–6. under （二）), and a 1 starts a new
    list (an attachment's 一、). 第十条之一 and 最后 are exempt.

    Why: writing guides and proofreading tools all treat 序号跳号 and 重复 as errors;
    a gap usually means a section was deleted or merged without renumbering.

    Example: 一、总体要求 … 二、重点任务 … 四、保障措施

    Instead: renumber: 一、 二、 三、.
    """
    last: dict[str, Section] = {}  # by sequence key, the last section seen
    for siblings in _sibling_groups(ctx):
        groups: dict[str, list[Section]] = {}
        for section in siblings:
            if section.marker.family != "article":
                groups.setdefault(_sequence_key(section), []).append(section)
        for key, group in groups.items():
            _check_sequence(ctx, group, last.get(key))
            last[key] = group[-1]
    articles = [s for s in ctx.doc.find_all(Section) if s.marker.family == "article"]
    _check_sequence(ctx, articles)


@rule("GW102", Severity.ERROR)
def levels_out_of_order(ctx: Context) -> None:
    """Levels out of the GB/T 9704-2012 order.

    Checks that after a lower-level marker the text does not go back to a higher-level
    one without first closing the level above: 1. followed by （一） at the same place,
    （一） followed by 一、, 第一条 followed by 第一章. The order is 一、 > （一） > 1. >
    （1） > ① (GB/T 9704-2012 7.3.3, GB/T 15834-2011 B.3.8) and 第X编 > 第X章 > 第X节 >
    第X条 in regulations.

    Why: B.3.8 says a text goes downwards and does not return to a higher-ranked marker
    after using a lower one; readers take the marker form as the level.

    Example: 二、重点任务 / 1.大力发展货物贸易 / （一）扩大优势产品出口

    Instead: swap the markers so that the higher level comes first: （一） above 1.
    """
    for siblings in _sibling_groups(ctx):
        for first, second in itertools.pairwise(siblings):
            a, b = rank(first.marker.family), rank(second.marker.family)
            if a is None or b is None or b >= a:
                continue
            if (first.marker.family in _REGULATION) != (second.marker.family in _REGULATION):
                continue  # a regulation attached to a notice, or 项 under 条: two ladders
            ctx.report(
                second.marker.start, second.marker.end,
                f"「{second.marker.text}」 comes after the lower level 「{first.marker.text}」"
                f" (line {first.line}) at the same place",
            )


@rule("GW103", Severity.WARNING, default=False)
def level_skipped(ctx: Context) -> None:
    """A level skipped (一、 straight to 1.).

    Checks that a section's subsections use the next marker down the ladder 一、 >
    （一） > 1. > （1） > ①: 一、 directly containing 1. or （1） skips a level.

    Why: GB/T 9704-2012 lists the levels "in order"; some proofreading tools warn on
    层级跳跃. Many guides accept 一、 then 1. when only two levels are needed, so this
    rule runs only when selected (--select GW103).

    Example: 一、总体要求 / 1.指导思想

    Instead: 一、总体要求 / （一）指导思想, or keep the skip deliberately.
    """
    for node in ctx.doc.walk():
        if not isinstance(node, Section):
            continue
        for child in node.sections:
            steps = steps_between(node.marker.family, child.marker.family)
            if steps is not None and steps > 1:
                ctx.report(
                    child.marker.start, child.marker.end,
                    f"「{child.marker.text}」 directly under 「{node.marker.text}」 (line "
                    f"{node.line}) skips {steps - 1} level{'s' if steps > 2 else ''}",
                )


def _right_form(marker: Marker) -> str | None:
    """The marker as GB/T 15834-2011 B.3 writes it, if its punctuation is wrong."""
    bare = marker.label
    mark = marker.text[len(bare):]
    family = marker.family
    if family in ("ar_dun", "ar_bare") or (family == "di" and mark == "、"):
        return bare + ("，" if family == "di" else ".")
    if family == "cn_dun" and mark != "、":
        return bare + "、"
    if family in ("cn_paren", "ar_paren", "circled") and mark:
        return bare
    return None


@rule("GW104", Severity.ERROR)
def wrong_marker_punctuation(ctx: Context) -> None:
    """Wrong punctuation after a marker.

    Checks the mark after each ordinal marker, in headings and inline lists: 一、 takes
    a 顿号; 1. a 下脚点 (not 1、); bracketed and circled markers take nothing (not
    （一）、 （1）、 ①、); 第一 takes a 逗号 (not 第一、).

    Why: GB/T 15834-2011 B.3.1–B.3.4 fix the punctuation after each kind of ordinal.

    Example: 1、加强组织领导  /  （一）、指导思想  /  第一、抓学习

    Instead: 1.加强组织领导  /  （一）指导思想  /  第一，抓学习
    """
    for node in ctx.doc.walk():
        if isinstance(node, (Section, Item)):
            right = _right_form(node.marker)
            if right is not None:
                marker = node.marker
                ctx.report(marker.start, marker.end,
                           f"「{marker.text}」 has the wrong punctuation; write 「{right}」", right)


def _first_child_continues(section: Section, following: Node | None) -> Section | None:
    """A first subsection numbered as the parent's next sibling (一、 … 2、 … 三、)."""
    if not section.sections or section.marker.ordinal is None:
        return None
    child = section.sections[0]
    if child.marker.ordinal != section.marker.ordinal + 1:
        return None
    if isinstance(following, Section) and following.marker.ordinal == section.marker.ordinal + 2:
        return child
    return None


@rule("GW105", Severity.WARNING)
def mixed_marker_families(ctx: Context) -> None:
    """Siblings of one level mix marker families.

    Checks that sections of one level use one marker family: 一、 … 2、 … 三、 where the
    2、 is meant as the second item of the 一、 level, or 第一， … 二是 … where the 二是
    (which nests below the 第一，) is meant as the second.

    Why: one family per level is what lets a reader (and a parser) see the level
    (practice, §5.1 of the conventions: mixed 1、 and 1. in one level).

    Example: 一、统一思想 … 2、明确任务 … 三、加强领导

    Instead: 一、统一思想 … 二、明确任务 … 三、加强领导
    """
    for siblings in _sibling_groups(ctx):
        for section, following in itertools.zip_longest(siblings, siblings[1:]):
            child = _first_child_continues(section, following)
            if child is not None:
                ctx.report(child.marker.start, child.marker.end,
                           f"「{child.marker.text}」 continues the numbering of 「"
                           f"{section.marker.text}」 (line {section.line}) with another family")
