"""Inputs built to find quadratic paths: each must parse, exactly, in bounded time
(the benchmark reports how time grows with size; no timing is asserted here)."""

from __future__ import annotations

import pytest

from tests.conftest import parse_checked

N = 10_000

HOSTILE = {
    "one long line": "字" * (10 * N),
    "lines of 一、": "一、\n" * N,
    "lines of xx": ("xx" * 500 + "\n") * 20,
    "cycling markers": "".join(
        f"{m}\n" for m in ["一、", "（一）", "1.", "（1）", "①", "第一，", "一是"] * (N // 7)
    ),
    "numerals then 是": "一" * (10 * N) + "是",
    "asterisks": "*" * (10 * N),
    "同志们 without colon": "同志们\n" * N,
    "one line of markers": "；一是" * N,
    "nested lists": "：" + "".join(f"①{i}；" for i in range(N)),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_parses_exactly(text: str) -> None:
    parse_checked(text)
