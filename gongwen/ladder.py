"""The rank of each marker family, as document.lark nests them.

A lower rank is a higher level: 第X部分 above all, 第X编 > 第X章 > 第X节 > 第X条
in regulations, 一、 > （一） > 1. > （1） > ① in the GB/T 9704-2012 ladder (1.1 at
the rank of （1）, 1.1.1 and 1） at that of ①). Speech markers
(第一， 一是 一要 首先，) have no fixed rank: they go one below whatever is open.
The test suite checks these ranks against the grammar's nesting.
"""

from __future__ import annotations

RANKS: dict[str, int] = {
    "volume": 0, "chapter": 1, "part": 2, "article": 3,
    "division": -1, "cn_dun": 10, "cn_paren": 11, "ar_dot": 12, "ar_dun": 12, "ar_bare": 12, "ar_paren": 13,
    "outline_2": 13, "circled": 14, "outline_3": 14, "ar_half_paren": 14,
}
SPEECH_FAMILIES = frozenset({"di", "shi", "yao", "adverb"})
# One step down the prose ladder from each family (一、 → （一） → 1. → （1） → ①).
_PROSE = ("cn_dun", "cn_paren", "ar_dot", "ar_paren", "circled")
_AT_AR_DOT = frozenset({"ar_dun", "ar_bare"})  # 1、 and a lone １ stand where 1. does


def rank(family: str) -> int | None:
    """The family's rank, or None for speech markers."""
    return RANKS.get(family)


def steps_between(parent: str, child: str) -> int | None:
    """How many steps down the prose ladder ``child`` is from ``parent`` (1 = next level);
    None when either is not on the prose ladder."""
    parent = "ar_dot" if parent in _AT_AR_DOT else parent
    child = "ar_dot" if child in _AT_AR_DOT else child
    if parent not in _PROSE or child not in _PROSE:
        return None
    return _PROSE.index(child) - _PROSE.index(parent)
