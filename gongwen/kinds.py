"""Which kind of document a text is: 通知, 请示, 讲话 …, from its title."""

from __future__ import annotations

import re

# The 15 statutory types (2012 条例 art. 8) and the common 机关应用文, longest
# first so that 紧急通知 and 复函 end up as 通知 and 函.
_KINDS = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "函", "纪要", "令",
    "汇报发言", "讲话", "发言", "致辞", "汇报", "总结", "方案", "规划", "计划", "要点", "办法", "规定",
    "细则",
    "条例", "规则", "规程", "制度", "解释", "简报",
)
_ALIASES = {"令": "命令", "汇报发言": "汇报", "发言": "讲话", "致辞": "讲话"}
_TAIL = re.compile(
    r"(?:" + "|".join(sorted(_KINDS, key=len, reverse=True)) + r")(?:稿|书)?"
    r"(?:[（(][^）)]{1,20}[）)])?[\s*#]*$"
)


def kind_of_title(title: str) -> str | None:
    """The document type named at the end of a title: 关于…的紧急通知 → 通知."""
    for line in reversed([line for line in title.splitlines() if line.strip()]):
        match = _TAIL.search(line)
        if match is None:
            continue
        name = match.group().strip("*# ")
        name = re.sub(r"[（(].*$|稿$|书$", "", name)
        return _ALIASES.get(name, name)
    return None
