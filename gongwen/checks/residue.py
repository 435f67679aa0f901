"""GW3xx: what should not be left in a document that goes out."""

from __future__ import annotations

from gongwen.checks.diagnostic import Severity
from gongwen.checks.registry import Context, rule
from gongwen.nodes import Artifact, Placeholder


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


@rule("GW302", Severity.WARNING)
def scraped_residue(ctx: Context) -> None:
    """Scraped or converted residue.

    Reports every artifact but a byte order mark: paywall marks (##paidbegin##), page
    numbers (— 1 —), HTML comments, Markdown rules and emphasis left by a conversion.

    Why: residue is not part of the document; printed, it is an error, and in a search
    index it is noise.

    Example: 利用《读本》##paidbegin##等辅导材料

    Instead: delete the residue: 利用《读本》等辅导材料
    """
    for artifact in ctx.doc.find_all(Artifact):
        if artifact.kind != "byte_order_mark":
            text = artifact.text.strip()
            start = artifact.start + artifact.text.index(text) if text else artifact.start
            ctx.report(start, start + len(text), f"residue 「{text}」 ({artifact.kind})", "")
