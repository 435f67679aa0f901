"""GW2xx: document parts and formulas: announced counts, closing formulas, headings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex as re

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.document import Document
from gongwen.nodes import Blank, Closing, Enumeration, Node, Paragraph, Section, Title
from gongwen.numerals import chinese_to_int

_N = r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})"
# 下面，我讲四点意见 / 主要讲两个方面 / 重点做好以下三个方面的工作 / 从三个方面
_ANNOUNCES_PARTS = re.compile(
    rf"(?:讲|谈|强调|提出|提|说)(?:以下)?{_N}(?:点|个方面|条)(?:意见|要求|体会|看法|建议)?"
    rf"|以下{_N}(?:个方面|点|项)|(?:从|分){_N}个方面"
)
# 活动明确了6项具体举措：①… / 至少有十个突出亮点：一是…
_ANNOUNCES_ITEMS = re.compile(rf"{_N}(?:项|个|点|条)[^，。；：:,\n]{{0,8}}[：:]")
_LIST_GAP = 4  # characters allowed between an announcement and the list it announces


def _count(number: str) -> int | None:
    return int(number) if number.isdigit() else chinese_to_int(number.replace("两", "二"))


def _list_after(paragraph: Paragraph, offset: int) -> Enumeration | None:
    for node in paragraph.children:
        if isinstance(node, Enumeration) and 0 <= node.start - offset <= _LIST_GAP:
            return node
    return None


@rule("GW201", Severity.WARNING)
def announced_count(ctx: Context) -> None:
    """An announced count disagrees with what follows.

    Checks count announcements against the parts they announce: 下面，我讲四点意见 /
    主要讲两个方面 / 重点做好以下三个方面的工作 against the sections that follow (the
    top-level sections, or the subsections of the section the sentence stands in), and
    明确了6项具体举措：①… / 有十个突出亮点：一是… against the items of the list that
    follows in the same paragraph. Set phrases (二十大, 四个意识, 八项规定) and counts in
    sentences that announce nothing (5个方面，深入梳理) are not announcements; 几点 is
    not checked.

    Why: a speech that announces four points and delivers three reads as unfinished;
    the count is usually left over from an earlier draft.

    Example: 下面，我讲四点意见。 followed by 一、 二、 三、

    Instead: make the count agree: 下面，我讲三点意见。
    """
    for said in announcements(ctx.doc):
        if said.count is not None and len(said.counted) != said.count:
            what = "items follow" if said.items else "sections follow"
            ctx.report(said.start, said.end,
                       f"「{said.text}」 announces {said.count}, but {len(said.counted)} {what}")


@dataclass(frozen=True)
class Announcement:
    """A count a paragraph announces (讲四点意见, 明确了6项举措：) and what it counts."""

    start: int
    end: int
    text: str
    count: int | None
    """The number announced; None for one that reads no number."""
    counted: list[Node]
    """The sections (or the items of the list) that follow it; never empty."""
    items: bool
    """Whether it counts a list's items (else sections)."""


def announcements(doc: Document) -> Iterator[Announcement]:
    """The count announcements of ``doc`` that are followed by what they count, in order
    (what GW201 checks)."""
    for paragraph in doc.find_all(Paragraph):
        text, base = paragraph.to_text(), paragraph.start
        seen: list[range] = []
        for pattern in (_ANNOUNCES_ITEMS, _ANNOUNCES_PARTS):
            for match in pattern.finditer(text):
                if any(match.start() in span or match.end() - 1 in span for span in seen):
                    continue  # 讲三点意见：一是… is one announcement, not two
                seen.append(range(match.start(), match.end()))
                listed = _list_after(paragraph, base + match.end())
                counted: list[Node]
                if listed is not None:
                    counted = list(listed.items)
                elif pattern is _ANNOUNCES_PARTS:
                    counted = list(_sections_announced(doc, paragraph))
                else:
                    continue
                if counted:
                    yield Announcement(base + match.start(), base + match.end(), match.group(),
                                       _count(match.group("n")), counted, listed is not None)


def _sections_announced(doc: Document, paragraph: Paragraph) -> list[Section]:
    parent = doc.parent(paragraph)
    siblings = list(parent.child_nodes()) if parent is not None else []
    return [s for s in siblings if isinstance(s, Section) and s.start > paragraph.start]


# Closing formulas and the one type each belongs to (practice; conventions §2.1).
_OWNERS = {
    "此复": ("批复", "函"), "特此批复": ("批复",), "特此函告": ("函",), "特此函达": ("函",),
    "特此函复": ("函",), "请予函复": ("函",), "特此通知": ("通知",), "特此通报": ("通报",),
    "特此公告": ("公告",), "特此通告": ("通告",), "特此报告": ("报告",),
}
_REQUEST = re.compile(r"(?:妥|当)否[，,？?]?请(?:批示|批复|审批)|请予(?:审批|批准)|请批示|请批复|请审批")
_REQUIRED = {
    "请示": (_REQUEST, "妥否，请批示。"),
    "批复": (re.compile(r"此复|特此批复"), "此复。"),
    "通报": (re.compile(r"特此通报"), "特此通报。"),
    "公告": (re.compile(r"特此公告"), "特此公告。"),
    "通告": (re.compile(r"特此通告"), "特此通告。"),
    "通知": (re.compile(r"特此通知"), "特此通知。"),
}
# A 通知 that leads its items in (现将有关事项通知如下：), or whose title says it
# issues or forwards another document, needs no 特此通知.
_NOTICE_LEAD_IN = re.compile(r"通知如下")
_NOTICE_FORWARDS = re.compile(r"印发|转发|批转|发布")
_TAIL_BLOCKS = 3  # the closing formula sits in the last few paragraphs


@rule("GW202", Severity.WARNING)
def closing_formula_missing(ctx: Context) -> None:
    """A document type that needs a closing formula has none.

    Checks, for the type named by the title: a 请示 ends with a request (妥否，请批示。
    当否，请批示。 请予审批。); a 批复 with 此复。 or 特此批复。; a 通报, 公告 or 通告 with
    特此通报。 特此公告。 特此通告。; a 通知 with 特此通知。 unless it leads its items in
    with 通知如下： or issues or forwards a document (印发, 转发).

    Why: the 2012 条例 and writing practice give these types fixed closings; a 请示
    without a request leaves the superior organ nothing to answer.

    Example: 关于购置办公设备的请示 … ending with the last reason

    Instead: end with 妥否，请批示。
    """
    kind = ctx.doc.kind
    if kind not in _REQUIRED:
        return
    pattern, formula = _REQUIRED[kind]
    title = ctx.doc.title.text if ctx.doc.title is not None else ""
    if kind == "通知" and (_NOTICE_LEAD_IN.search(ctx.text) or _NOTICE_FORWARDS.search(title)):
        return
    tail = _content_blocks(ctx)[-_TAIL_BLOCKS:]
    if not tail or any(pattern.search(block.to_text()) for block in tail):
        return
    last = tail[-1]
    end = last.start + len(last.to_text().rstrip())
    ctx.report(end - 1, end, f"a {kind} ends without a closing formula such as 「{formula}」")


def _content_blocks(ctx: Context) -> list[Paragraph | Closing]:
    blocks = ctx.doc.find_all(Paragraph, Closing)
    return [b for b in blocks if isinstance(b, (Paragraph, Closing)) and b.to_text().strip()]


@rule("GW203", Severity.ERROR)
def closing_formula_foreign(ctx: Context) -> None:
    """A closing formula foreign to the document type.

    Checks that type-specific formulas appear only in their type (此复/特此批复 → 批复,
    特此函告/函复/函达 → 函, 特此通知 → 通知, 特此通报 → 通报, 特此公告 → 公告, 特此通告
    → 通告, 特此报告 → 报告), and that a 报告 asks for nothing (妥否, 请批示, 请批复,
    请审批, 请予批准).

    Why: the 2012 条例 art. 15: no request may be embedded in a 报告; a formula of
    another type shows the document was adapted from one of that type.

    Example: 关于…的请示 ending 特此报告。  /  关于…的报告 ending 妥否，请批示。

    Instead: use the formula of the type (妥否，请批示。 in a 请示; 特此报告。 in a
    报告), or send the request as a separate 请示.
    """
    kind = ctx.doc.kind
    if kind is None:
        return
    for closing in ctx.doc.find_all(Closing):
        words = closing.text.rstrip("。！!. ")
        owners = _OWNERS.get(words)
        if owners is not None and kind not in owners:
            ctx.report(closing.start, closing.start + len(closing.text),
                       f"「{closing.text}」 closes a {owners[0]}, not a {kind}")
    if kind == "报告":
        for match in _REQUEST.finditer(ctx.text):
            ctx.report(match.start(), match.end(),
                       f"a 报告 asks 「{match.group()}」: requests belong in a 请示")


_HEADING_STOP = ("。", "；", ";")


@rule("GW204", Severity.WARNING)
def standalone_heading_punctuated(ctx: Context) -> None:
    """A standalone heading line ends in 。 or ；.

    Checks headings that fill their line (no body text after them) and have text under
    them for a final 。 or ；. A marked line with nothing under it (1.不得吸烟；) and the
    items of a regulation article (（一）…；) are list items, not headings.

    Why: GB/T 15834-2011 B.4 and writing guides: headings take no final punctuation;
    a run-in heading (一、总体要求。正文……) is the one place a heading ends in 。.

    Example: 三、保障措施。

    Instead: 三、保障措施
    """
    for section in ctx.doc.find_all(Section):
        heading = section.heading
        if heading is None or section.run_in or not _has_content(section):
            continue
        parent = ctx.doc.parent(section)
        if isinstance(parent, Section) and parent.marker.family == "article":
            continue
        content = heading.content.rstrip()
        if content.endswith(_HEADING_STOP):
            stop = heading.start + heading.to_text().rfind(content[-1])  # residue may follow it
            ctx.report(stop, stop + 1, f"heading 「{section.marker.text}{content}」 ends in "
                                       f"「{content[-1]}」", "")


def _has_content(section: Section) -> bool:
    return any(not isinstance(child, Blank) for child in section.children)


_TITLE_STOP = ("。", "，", "；", "：", "、", ",", ";", ":")


@rule("GW205", Severity.WARNING)
def title_punctuated(ctx: Context) -> None:
    """A title line ends in punctuation.

    Checks that no title line ends with 。，；：、 (？ and ！ are allowed in the titles of
    speeches and articles).

    Why: GB/T 15834-2011 B.4; the superseded 2000 办法 art. 10(6), still applied by
    agencies: titles carry no punctuation but 书名号 and the like.

    Example: 关于开展安全检查的通知。

    Instead: 关于开展安全检查的通知
    """
    for title in ctx.doc.find_all(Title):
        offset = title.start
        for line in title.text.splitlines(keepends=True):
            stripped = line.rstrip().rstrip("*# ")
            if stripped.endswith(_TITLE_STOP):
                end = offset + len(stripped)
                ctx.report(end - 1, end, f"title line 「{stripped.strip()}」 ends in 「{stripped[-1]}」")
            offset += len(line)


_QUESTION_REQUEST = re.compile(r"(?:妥|当)否[？?]\s*请")


@rule("GW206", Severity.ERROR)
def request_with_question_mark(ctx: Context) -> None:
    """妥否 followed by a question mark.

    Checks the request formula of a 请示: 妥否 (当否) takes a comma.

    Why: the standard formula is 妥否，请批示。; 妥否？请批示 splits one request into a
    question and an order, and proofreading tools flag it.

    Example: 妥否？请批示。

    Instead: 妥否，请批示。
    """
    for match in _QUESTION_REQUEST.finditer(ctx.text):
        mark = match.start() + 2
        ctx.report(mark, mark + 1, f"「{match.group()}」: 妥否 takes a comma, not 「{ctx.text[mark]}」",
                   "，")
