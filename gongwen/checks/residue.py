"""GW3xx: what should not be left in a document that goes out."""

from __future__ import annotations

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.nodes import Placeholder


@rule("GW301", Severity.WARNING)
def unfilled_placeholder(ctx: Context) -> None:
    """Unfilled template placeholder.

    Reports every placeholder: xx, XX, X used as a number (X次), *, **, ××, ○○, □□,
    ＿＿, 某某 and 某 before an organ (某市).

    Why: a template or an anonymised copy is not a document that can go out; each
    placeholder marks a name, number or date still to be written.

    Example: 全年组织培训X次，覆盖××个单位。

    Instead: the real values: 全年组织培训12次，覆盖35个单位。
    """
    for placeholder in ctx.doc.find_all(Placeholder):
        ctx.report(placeholder.start, placeholder.end,
                   f"unfilled placeholder 「{placeholder.text}」 ({placeholder.kind})")


@rule("GW302", Severity.WARNING, unsafe_fix=True)
def scraped_residue(ctx: Context) -> None:
    """Scraped or converted residue.

    Reports every artifact but a byte order mark, once for a run of them: paywall marks
    (##paidbegin##), page numbers (— 1 —), HTML comments, tags and entities (&emsp;),
    Markdown rules, emphasis and heading marks left by a conversion, also before a
    heading's marker (### &emsp;一、).

    Why: residue is not part of the document; printed, it is an error, and in a search
    index it is noise.

    Example: 利用《读本》##paidbegin##等辅导材料

    Instead: delete the residue: 利用《读本》等辅导材料
    """
    runs: list[list[tuple[int, int, str]]] = []  # residue in a row (&emsp;&emsp;): one finding
    for span in ctx.residue:
        if runs and runs[-1][-1][1] == span[0] and ctx.text[span[0] - 1] not in "\r\n":
            runs[-1].append(span)
        else:
            runs.append([span])
    for run in runs:
        written = ctx.text[run[0][0]:run[-1][1]]
        text = written.strip()
        start = run[0][0] + written.index(text) if text else run[0][0]
        kinds = ", ".join(dict.fromkeys(kind for _, _, kind in run))
        # a link's target alone cannot go: its [text] would be left dangling
        fix = None if text.startswith("](") else ""
        ctx.report(start, start + len(text), f"residue 「{text}」 ({kinds})", fix)
