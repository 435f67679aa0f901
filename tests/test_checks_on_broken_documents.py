"""Real documents broken by hand: the matching rule fires at the edited line, and only
there (the originals are clean for that rule)."""

from __future__ import annotations

import pytest

from gongwen import check, parse
from tests.conftest import FIXTURES

ORIGINALS = FIXTURES / "checks" / "corpus"


def _lines(name: str) -> list[str]:
    return (ORIGINALS / name).read_text(encoding="utf-8").splitlines(keepends=True)


def _findings(lines: list[str], code: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check(parse("".join(lines)), select=[code])]


def _edit(lines: list[str], number: int, old: str, new: str) -> list[str]:
    assert old in lines[number - 1], (number, lines[number - 1][:40])
    edited = list(lines)
    edited[number - 1] = edited[number - 1].replace(old, new, 1)
    return edited


@pytest.mark.parametrize("name, code", [
    ("B028.txt", "GW101"), ("d009.txt", "GW101"), ("d009.txt", "GW102"),
    ("d009.txt", "GW104"), ("d006.txt", "GW201"),
])
def test_originals_are_clean_for_the_rule(name: str, code: str) -> None:
    assert _findings(_lines(name), code) == []


def test_deleting_a_section_fires_gw101_at_the_next_one() -> None:
    lines = _lines("B028.txt")
    assert lines[7].startswith("（三）网络安全防护")
    broken = lines[:7] + lines[8:]
    assert _findings(broken, "GW101") == [
        (8, "「（四）」 follows 「（二）」 (line 7): number 3 was expected")
    ]


def test_deleting_a_numbered_item_fires_gw101() -> None:
    lines = _lines("d009.txt")
    assert lines[27].lstrip().startswith("3.用好原产地规则")
    broken = lines[:27] + lines[29:]  # the item and the blank line after it
    assert _findings(broken, "GW101") == [
        (28, "「4.」 follows 「2.」 (line 26): number 3 was expected")
    ]


def test_changing_an_announced_count_fires_gw201() -> None:
    broken = _edit(_lines("d006.txt"), 27, "至少有十个突出亮点：", "至少有九个突出亮点：")
    assert _findings(broken, "GW201") == [(27, "「九个突出亮点：」 announces 9, but 10 items follow")]


def test_turning_1_dot_into_1_dun_fires_gw104() -> None:
    broken = _edit(_lines("d009.txt"), 24, "1.扩大优势产品出口", "1、扩大优势产品出口")
    assert _findings(broken, "GW104") == [(24, "「1、」 has the wrong punctuation; write 「1.」")]


def test_swapping_paren_and_dot_levels_fires_gw102() -> None:
    lines = _edit(_lines("d009.txt"), 22, "（一）大力发展货物贸易", "1.大力发展货物贸易")
    broken = _edit(lines, 24, "1.扩大优势产品出口", "（一）扩大优势产品出口")
    assert _findings(broken, "GW102") == [
        (24, "「（一）」 comes after the lower level 「1.」 (line 22) at the same place")
    ]
