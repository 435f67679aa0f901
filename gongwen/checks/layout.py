"""GW6xx: the layout of a Word 公文 by the role of each part (GB/T 9704-2012): the page,
and the font, size, colour, alignment and indent of the title, the body, each level of
heading, the 发文机关标志 and the 发文字号, against the figures of the check's profile
(GB/T 9704-2012's unless a unit's own is given). They run on documents read from .docx
(``Document.layout``) and say nothing about others."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from gongwen.checks.diagnostic import Severity
from gongwen.checks.profile import NOMINAL, FontFigures
from gongwen.checks.registry import Context, rule
from gongwen.nodes import (
    AttachmentNote,
    CopyTo,
    DateLine,
    DocNumber,
    Imprint,
    Issuer,
    Marker,
    Node,
    Paragraph,
    Section,
    Title,
)
from gongwen.word.layout import Format, Run


def _format(ctx: Context, node: Node) -> Format | None:
    layout = ctx.doc.layout
    source = ctx.doc.source_paragraph(node) if layout is not None else None
    if layout is None or source is None or source.index >= len(layout.paragraphs):
        return None
    return layout.paragraphs[source.index]


def _runs(ctx: Context, node: Node, start: int, end: int) -> Iterator[Run]:
    """The runs of ``node``'s paragraph that hold characters from ``start`` to ``end``
    other than spaces."""
    found = _format(ctx, node)
    for run in found.runs if found is not None else ():
        if run.start < end and run.end > start and ctx.text[max(run.start, start):min(run.end, end)].strip():
            yield run


def _named(font: str | None, names: tuple[str, ...]) -> bool:
    return font is not None and any(name.lower() in font.lower() for name in names)


def _set_in(ctx: Context, run: Run, wanted: FontFigures) -> bool:
    return _named(run.font, wanted.fonts) and (
        wanted.size is None or run.size is None or abs(run.size - wanted.size) <= ctx.profile.size_tolerance)


_SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "2号", 18.0: "小二", 16.0: "3号",
               15.0: "小三", 14.0: "4号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}


def _figures(wanted: FontFigures) -> str:
    """A part's figures as a drafter says them: 2号 (22 pt) 小标宋."""
    if wanted.size is None:
        return wanted.fonts[0]
    name = _SIZE_NAMES.get(wanted.size)
    return f"{name + ' (' if name else ''}{wanted.size:g} pt{')' if name else ''} {wanted.fonts[0]}"


def _source(ctx: Context, clause: str) -> str:
    """Where a figure comes from: the standard's clause, or the profile that changed it."""
    return f"GB/T 9704 {clause}" if ctx.profile == NOMINAL else f"the profile {ctx.profile.name!r}"


def _report_runs(ctx: Context, runs: list[Run], start: int, end: int, what: str) -> None:
    """One finding over the stretch the wrong runs cover (within ``start``–``end``)."""
    if runs:
        ctx.report(max(start, runs[0].start), min(end, runs[-1].end), what)


@rule("GW601", Severity.WARNING)
def page_and_margins(ctx: Context) -> None:
    """Page or margins not as GB/T 9704 sets them.

    Checks the page of a Word file: A4 (210 × 297 mm), the top margin (天头) 37 mm and
    the left margin (订口) 28 mm, each within 1 mm, and the text block (版心) 156 × 225 mm,
    so a right margin of 26 mm and a bottom one of 35 mm, within 1 mm (figures derived
    from the standard's, as practitioners read them).

    Why: GB/T 9704-2012 5.1 (A4) and 5.2.1 (天头 37 mm ± 1 mm, 订口 28 mm ± 1 mm, 版心
    156 mm × 225 mm).

    Example: a page with Word's default margins (25.4 mm, 31.8 mm)

    Instead: 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm on A4
    """
    layout = ctx.doc.layout
    page = layout.page if layout is not None else None
    if page is None:
        return
    wanted = ctx.profile.page
    names = {"width": "page width", "height": "page height", "top": "top margin (天头)",
             "left": "left margin (订口)", "right": "right margin", "bottom": "bottom margin"}
    wrong = [f"{label} {getattr(page, key):g} mm (not {getattr(wanted, key):g})"
             for key, label in names.items()
             if abs(getattr(page, key) - getattr(wanted, key)) > wanted.tolerance]
    if wrong:
        first_line = ctx.text.find("\n")
        ctx.report(0, first_line if first_line > 0 else len(ctx.text), "the page: " + "; ".join(wrong))


@rule("GW602", Severity.WARNING)
def title_font(ctx: Context) -> None:
    """Title not in 2号 小标宋.

    Checks each run of the title: the font Word resolves for its Chinese text
    (方正小标宋简体 or another 小标宋) and the size, 2号 (22 pt).

    Why: GB/T 9704-2012 7.3.1: the title in 2号小标宋体字.

    Example: a title in 宋体 小二 (18 pt)

    Instead: 方正小标宋简体, 22 pt
    """
    wanted = ctx.profile.title
    for node in ctx.doc.find_all(Title):
        wrong = [run for run in _runs(ctx, node, node.start, node.end) if not _set_in(ctx, run, wanted)]
        if wrong:
            run = wrong[0]
            _report_runs(ctx, wrong, node.start, node.end,
                         f"title set in {run.font or 'an unnamed font'} {run.size or '?'} pt; "
                         f"{_source(ctx, '7.3.1')} sets it in {_figures(wanted)}")


@rule("GW603", Severity.WARNING)
def body_font(ctx: Context) -> None:
    """Body text not in 3号 仿宋.

    Checks the runs of each paragraph of body text (and the text after a run-in
    heading): the font Word resolves for its Chinese text (仿宋_GB2312, 仿宋, 方正仿宋…)
    and the size, 3号 (16 pt).

    Why: GB/T 9704-2012 3.1 and 7.3.3: the body in 3号仿宋体字 unless stated otherwise.

    Example: a paragraph in 宋体 小四 (12 pt)

    Instead: 仿宋_GB2312, 16 pt
    """
    wanted = ctx.profile.body
    markers = {(marker.start, marker.end) for marker in ctx.doc.find_all(Marker)}
    for node, start, end in _body_text(ctx):
        wrong = [run for run in _runs(ctx, node, start, end)
                 if (run.start, run.end) not in markers  # 一是 set apart in 黑体: a practice, not a slip
                 and not _set_in(ctx, run, wanted)]
        if wrong:
            run = wrong[0]
            found = f"{run.font or 'an unnamed font'} {run.size or '?'} pt"
            _report_runs(ctx, wrong, start, end,
                         f"body text in {found}; {_source(ctx, '7.3.3')}: {_figures(wanted)}")


def _body_text(ctx: Context) -> Iterator[tuple[Node, int, int]]:
    """Body paragraphs (not in a table or a text box; the text after a run-in heading is
    one too)."""
    for node in ctx.doc.find_all(Paragraph):
        source = ctx.doc.source_paragraph(node)
        if source is not None and source.place == "body":
            yield node, node.start, node.end


@rule("GW604", Severity.WARNING)
def heading_font(ctx: Context) -> None:
    """Heading not in the font of its level.

    Checks the runs of each heading's marker and heading phrase (not the body after a
    run-in heading): 一、 headings in 黑体, （一） in 楷体, 1. and （1） in 仿宋.

    Why: GB/T 9704-2012 7.3.3: 第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字.

    Example: （一）工作目标 set in 黑体

    Instead: （一）工作目标 set in 楷体_GB2312
    """
    for node in ctx.doc.find_all(Section):
        expected = ctx.profile.headings.get(node.marker.family)
        if not expected:
            continue
        end = node.heading.end if node.heading is not None else node.marker.end
        wrong = [run for run in _runs(ctx, node, node.marker.start, end) if not _named(run.font, expected)]
        if wrong:
            _report_runs(ctx, wrong, node.marker.start, end,
                         f"heading {node.marker.text} set in {wrong[0].font or 'an unnamed font'}; "
                         f"{_source(ctx, '7.3.3')} sets this level in {expected[0]}")


@rule("GW605", Severity.INFO)
def first_line_indent(ctx: Context) -> None:
    """Paragraph not indented two characters.

    Checks each paragraph of body text and each heading line: a first-line indent of two
    characters (``firstLineChars`` 200, or an indent of twice the font size).

    Why: GB/T 9704-2012 7.3.3: 每个自然段左空二字.

    Example: a paragraph flush left, or indented 0.74 cm (Word's default tab)

    Instead: a first-line indent of 2 characters
    """
    seen: set[int] = set()
    headings = ((section, section.marker.start, section.marker.end) for section in ctx.doc.find_all(Section))
    for node, _, _ in [*_body_text(ctx), *headings]:
        found = _format(ctx, node)
        source = ctx.doc.source_paragraph(node)
        if (found is None or source is None or source.index in seen or found.alignment in ("center", "right")
                or source.numbering is not None):  # (a list's indent is its numbering's, not read here)
            continue
        seen.add(source.index)
        indent = ctx.profile.indent
        if not _indented(ctx, found):
            line_end = ctx.text.find("\n", source.start)
            ctx.report(source.start, line_end if line_end >= 0 else source.end,
                       f"paragraph not indented {indent:g} characters ({_source(ctx, '7.3.3')})")


@rule("GW606", Severity.WARNING)
def issuer_red(ctx: Context) -> None:
    """发文机关标志 not red.

    Checks the runs of the 发文机关标志 (the organ's name above the red rule, ××××文件):
    their colour is red.

    Why: GB/T 9704-2012 7.2.4: 发文机关标志 …… 推荐使用小标宋体字，颜色为红色.

    Example: 某某市人民政府文件 in black

    Instead: 某某市人民政府文件 in red (FF0000)
    """
    for node in ctx.doc.find_all(Issuer) if ctx.profile.issuer_red else ():
        wrong = [run for run in _runs(ctx, node, node.start, node.end) if not _red(run.colour)]
        if wrong:
            _report_runs(ctx, wrong, node.start, node.end,
                         f"发文机关标志 in {'#' + wrong[0].colour if wrong[0].colour else 'black'}; "
                         "GB/T 9704 7.2.4 prints it in red")


def _red(colour: str | None) -> bool:
    if colour is None or len(colour) != 6:
        return False
    try:
        red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xC0 and green <= 0x50 and blue <= 0x50


@rule("GW607", Severity.INFO)
def doc_number_centred(ctx: Context) -> None:
    """发文字号 not centred.

    Checks the paragraph of the 发文字号 of a 下行文 or 平行文 (a line without 签发人):
    centred.

    Why: GB/T 9704-2012 7.2.4: 发文字号 …… 居中排布 (上行文: 居左空一字, 签发人 on the right).

    Example: 某府发〔2024〕5号 flush left

    Instead: 某府发〔2024〕5号 centred
    """
    for node in ctx.doc.find_all(DocNumber) if ctx.profile.doc_number_centred else ():
        found = _format(ctx, node)
        line_end = ctx.text.find("\n", node.start)
        line = ctx.text[node.start:line_end if line_end >= 0 else len(ctx.text)]
        if found is not None and "签发人" not in line and found.alignment != "center":
            ctx.report(node.start, node.start + len(line.rstrip()),
                       "发文字号 not centred (GB/T 9704 7.2.4: 居中排布)")


@rule("GW608", Severity.WARNING)
def colophon_font(ctx: Context) -> None:
    """版记 not in 4号 仿宋.

    Checks the runs of the 版记's lines (抄送, 印发机关和印发日期): 仿宋 at 4号 (14 pt).

    Why: GB/T 9704-2012 7.4.2 and 7.4.3: 抄送机关 and 印发机关和印发日期 in 4号仿宋体字.

    Example: 抄送：市委办公室。 in 3号 (16 pt)

    Instead: 抄送：市委办公室。 in 4号 (14 pt) 仿宋_GB2312
    """
    wanted = FontFigures(fonts=ctx.profile.body.fonts, size=14.0)
    for node in [*ctx.doc.find_all(CopyTo), *ctx.doc.find_all(Imprint)]:
        end = node.start + len(node.text.rstrip())
        wrong = [run for run in _runs(ctx, node, node.start, end) if not _set_in(ctx, run, wanted)]
        if wrong:
            _report_runs(ctx, wrong, node.start, end, f"版记 in {wrong[0].font or 'an unnamed font'} "
                                                     f"{wrong[0].size or '?'} pt; {_source(ctx, '7.4')}: "
                                                     f"{_figures(wanted)}")


@rule("GW609", Severity.INFO)
def attachment_note_indent(ctx: Context) -> None:
    """附件说明 not indented two characters.

    Checks the paragraph of the 附件说明 (附件：1.…): a first-line indent of two
    characters, as a body paragraph's.

    Why: GB/T 9704-2012 7.3.4: 在正文下空一行左空二字编排"附件"二字.

    Example: 附件：安全检查表 flush left

    Instead: 附件：安全检查表 indented two characters
    """
    for node in ctx.doc.find_all(AttachmentNote):
        found = _format(ctx, node.label)
        if found is None or _indented(ctx, found):
            continue
        ctx.report(node.label.start, node.label.end,
                   f"附件说明 not indented {ctx.profile.indent:g} characters ({_source(ctx, '7.3.4')})")


@rule("GW610", Severity.INFO)
def date_placement(ctx: Context) -> None:
    """署名 or 成文日期 not set to the right.

    Checks the paragraph of the 成文日期 (a date after the body, under its 署名):
    right-aligned, with a right indent of two to four characters (two without a seal,
    four with one: the standard's two layouts); and a single organ's 署名 above it: set
    to the right (by alignment or spaces) or centred over the date, not flush left (the
    署名 of a joint document stand side by side and are not checked).

    Why: GB/T 9704-2012 7.3.5.1–7.3.5.2: 成文日期 右空四字 (加盖印章) or 右空二字 (不加盖印章).

    Example: 2024年5月1日 flush left, or right-aligned against the margin; 某某市人民政府 flush left

    Instead: 2024年5月1日 right-aligned, 2 to 4 characters in from the right margin
    """
    for node in ctx.doc.find_all(DateLine):
        found = _format(ctx, node)
        previous = ctx.text[:node.start].rstrip("\n").rsplit("\n", 1)[-1].strip()
        if found is None or previous not in {signature.text.strip() for signature in ctx.doc.signature}:
            continue  # a date under a title, or one no 署名 stands over
        size = next((run.size for run in found.runs if run.size), 16.0)
        right = found.right_chars if found.right_chars is not None else (found.right or 0) / size
        signatures = ctx.doc.signature if len(ctx.doc.signature) == 1 else []  # (joint ones: side by side)
        for signature in signatures:
            placed = _format(ctx, signature)
            line_start = ctx.text.rfind("\n", 0, signature.start) + 1
            spaced = ctx.text[line_start:signature.start + 1][:1] in (" ", "\u3000")  # set right by spaces
            if placed is not None and placed.alignment not in ("right", "center") and not spaced:
                ctx.report(signature.start, signature.start + len(signature.text.rstrip()),
                           f"署名 flush left; {_source(ctx, '7.3.5')}: 右空二字, or centred over the date")
        if found.alignment != "right" or not 1.5 <= right <= 4.5:
            end = node.start + len(node.text.rstrip())
            where = ("not right-aligned" if found.alignment != "right"
                     else f"{right:.1f} characters from the right")
            ctx.report(node.start, end, f"成文日期 {where}; {_source(ctx, '7.3.5')}: 右空二字 or 右空四字")


def _indented(ctx: Context, found: Format) -> bool:
    indent, tolerance = ctx.profile.indent, ctx.profile.indent_tolerance
    if found.first_line_chars is not None:
        return abs(found.first_line_chars - indent) <= tolerance
    size = next((run.size for run in found.runs if run.size), 16.0)
    return found.first_line is not None and abs(found.first_line - indent * size) <= tolerance * size


@rule("GW611", Severity.INFO)
def line_grid(ctx: Context) -> None:
    """Page grid far from 22 lines of 28 characters.

    Checks how many lines fit in the text block's height at the body's line pitch (the
    exact line spacing its paragraphs set, else the document grid's, ``w:docGrid``): 22
    as a rule, 21 to 23 pass; and, with a grid of characters, how many characters of the
    body's size and the grid's spacing fit in a line: 28 as a rule, 27 to 29 pass. A file
    with neither an exact spacing nor a grid says nothing.

    Why: GB/T 9704-2012 5.2.3: 一般每面排22行，每行排28个字，并撑满版心.

    Example: a grid of 20 lines, or of 30 characters a line

    Instead: Word's 页面设置 → 文档网格: 每页 22 行, 每行 28 字
    """
    layout = ctx.doc.layout
    page = layout.page if layout is not None else None
    if page is None or layout is None:
        return
    spacings = [found.line for node, _, _ in _body_text(ctx) if (found := _format(ctx, node)) is not None]
    exact = [spacing for spacing in spacings if spacing is not None]
    set_exactly = exact and len(exact) == len(spacings)
    pitch = statistics.median(exact) if set_exactly else page.line_pitch
    if pitch is None:
        return
    points = 72 / 25.4
    lines = (page.height - page.top - page.bottom) * points / pitch
    problems = [] if 20.5 <= lines <= 23.5 else [f"{lines:.1f} lines a page"]
    if page.char_space is not None and ctx.profile.body.size:
        pitch = ctx.profile.body.size + page.char_space
        characters = (page.width - page.left - page.right) * points / pitch
        if not 26.5 <= characters <= 29.5:
            problems.append(f"{characters:.1f} characters a line")
    if problems:
        first_line = ctx.text.find("\n")
        figures = f"{_source(ctx, '5.2.3')}: 22 lines of 28 characters"
        ctx.report(0, first_line if first_line > 0 else len(ctx.text),
                   f"the page's grid: {' and '.join(problems)}; {figures}")


@rule("GW612", Severity.INFO)
def page_numbers(ctx: Context) -> None:
    """Page numbers not as GB/T 9704 sets them.

    Checks the footers of a Word file: a PAGE field between 一字线 (— 1 —), in 4号 (14 pt)
    宋体, on odd pages to the right and on even pages (a footer of their own,
    奇偶页不同) to the left. A file whose footers hold no page number says so.

    Why: GB/T 9704-2012 7.5: 用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放
    一条一字线；单页码居右空一字，双页码居左空一字.

    Example: 1 centred in 小五, or — 1 — centred on every page

    Instead: — 1 — in 4号 宋体, right on odd pages and left on even ones
    """
    layout = ctx.doc.layout
    if layout is None:
        return
    footers = {footer.kind: footer for footer in layout.footers}
    problems = []
    odd = footers.get("default")
    wanted = FontFigures(fonts=("宋体", "SimSun"), size=14.0)
    if odd is None or not odd.page_field:
        shown = odd.text.strip() if odd is not None else ""
        typed = f"the footer holds {shown!r} typed, " if shown else ""
        problems.append(f"{typed}no page number field in the footer")
    else:
        for footer, side in ((odd, "right"), (footers.get("even") if layout.even_and_odd else None, "left")):
            if footer is None:
                continue
            name, shown = ("odd" if side == "right" else "even"), footer.text.strip()
            if not shown.startswith("—") or not shown.endswith("—"):
                problems.append(f"the {name} pages' number {shown!r} not between 一字线 (— 1 —)")
            runs = [run for run in footer.format.runs if footer.text[run.start:run.end].strip()]
            if any(not _set_in(ctx, run, wanted) for run in runs):
                problems.append(f"the {name} pages' number in {runs[0].font or 'an unnamed font'} "
                                f"{runs[0].size or '?'} pt, not {_figures(wanted)}")
            if footer.format.alignment != side:
                problems.append(f"the {name} pages' number {footer.format.alignment or 'left'}-aligned, "
                                f"not {side}")
        if not layout.even_and_odd:
            problems.append("even pages share the odd pages' footer (双页码 stand left: 奇偶页不同)")
    if problems:
        first_line = ctx.text.find("\n")
        ctx.report(0, first_line if first_line > 0 else len(ctx.text),
                   f"page numbers: {'; '.join(problems)} ({_source(ctx, '7.5')})")


@rule("GW613", Severity.INFO)
def colophon_rules(ctx: Context) -> None:
    """版记 without its rules.

    Checks the rules (分隔线) of the 版记 where they are paragraph borders: a rule above
    its first line and below its last one about 0.35 mm wide, and below each line between
    about 0.25 mm. A file that draws its lines (shapes, a table) is not checked; one with
    neither borders nor drawings is told its 版记 has no rules.

    Why: GB/T 9704-2012 7.4.1: 版记中的分隔线与版心等宽，首条分隔线和末条分隔线用粗线（推荐高度为
    0.35 mm），中间的分隔线用细线（推荐高度为 0.25 mm）.

    Example: 抄送 and 印发 lines with no rule, or all rules 0.5 pt

    Instead: a 0.35 mm (1 pt) rule above 抄送 and below 印发, a 0.25 mm (¾ pt) one between
    """
    layout = ctx.doc.layout
    lines = sorted([*ctx.doc.find_all(CopyTo), *ctx.doc.find_all(Imprint)], key=lambda node: node.start)
    formats = [_format(ctx, node) for node in lines]
    if layout is None or not lines or None in formats:
        return
    rules = [found.rules for found in formats if found is not None]
    start, end = lines[0].start, lines[-1].start + len(lines[-1].text.rstrip())
    if not any(rule for pair in rules for rule in pair):
        if not layout.drawn:
            ctx.report(start, end, f"版记 without rules (分隔线); {_source(ctx, '7.4.1')}")
        return
    wanted = ((rules[0][0], "above its first line", 0.8, 1.25, "0.35 mm (1 pt)"),
              (rules[-1][1], "below its last line", 0.8, 1.25, "0.35 mm (1 pt)"),
              *((below, "between its lines", 0.5, 0.8, "0.25 mm (¾ pt)") for _, below in rules[:-1]))
    problems = [f"{'no rule' if width is None else f'a rule of {width:g} pt'} {where}, not {figure}"
                for width, where, low, high, figure in wanted if not low <= (width or 0) <= high]
    if problems:
        ctx.report(start, end, f"版记: {'; '.join(problems)} ({_source(ctx, '7.4.1')})")
