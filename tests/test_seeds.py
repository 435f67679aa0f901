"""The five seed documents parse to their expected structure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen import Enumeration, Placeholder, Section, parse_file
from tests.conftest import CHECK_EXPECTED, SEEDS, SHARED, assert_invariants


def test_seeds_match_their_expected_structure_exactly(tmp_path: Path) -> None:
    """The five seeds against ../shared/expected, by the shared scorer: no mismatch."""
    if not CHECK_EXPECTED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHECK_EXPECTED} is missing")
        pytest.skip("../shared/tools/check_expected.py is not beside the repository")
    for seed in SEEDS:
        (tmp_path / f"{seed.stem}.json").write_text(parse_file(seed).model_dump_json(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CHECK_EXPECTED), "--dir", str(SHARED / "expected"), str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
    assert f"docs={len(SEEDS)} heading_f1=1.000" in result.stdout


def test_seed_round_trips(seed: Path) -> None:
    doc = parse_file(seed)
    assert doc.encoding == "utf-8"
    assert_invariants(doc, seed.read_text(encoding="utf-8"))


def _seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def test_run_in_headings_and_nested_list_in_000() -> None:
    doc = parse_file(_seed("000"))
    first, second, third = doc.sections
    assert first.run_in and first.heading_text == "深化思想认识，增强行动自觉"
    lists = [n for n in second.walk() if isinstance(n, Enumeration)]
    assert [(e.family, len(e.items)) for e in lists] == [("yao", 3), ("circled", 6)]
    outer, inner = lists
    assert inner in list(outer.items[2].walk())  # ①–⑥ inside 三要
    assert [item.marker.text for item in inner.items] == ["①", "②", "③", "④", "⑤", "⑥"]
    assert outer.items[2].text.startswith("丰富实践载体。活动明确了6项具体举措：")
    assert doc.closing is not None and doc.closing.text == "部署完毕。"
    assert third.number_path == ("三",)


def test_speech_markers_nest_under_cn_dun_in_001() -> None:
    doc = parse_file(_seed("001"))
    assert doc.salutation is not None and doc.salutation.text == "同志们:"
    assert [len(s.sections) for s in doc.sections] == [3, 3, 3, 0]
    di = doc.sections[1].sections[0]
    assert (di.marker.text, di.marker.family, di.marker.ordinal) == ("第一,", "di", 1)
    assert di.level == 2 and di.number_path == ("二", "第一")
    assert di.heading_text == "抓学习促提升" and di.run_in
    assert len(doc.placeholders) == 13
    assert {p.kind for p in doc.placeholders} == {"letter_x"}
    assert doc.closing is not None and doc.closing.text == "谢谢大家!"


def test_shi_lines_open_top_sections_in_002() -> None:
    doc = parse_file(_seed("002"))
    assert doc.title is not None and doc.title.text == "在2023年全省机关党建工作会议上的汇报发言"
    assert [(s.marker.text, s.level) for s in doc.sections] == [("一是", 1), ("二是", 1), ("三是", 1)]
    assert doc.enumerations == []
    stars = [p.text for p in doc.placeholders]
    assert len(stars) == 15 and "****" in stars and "***" in stars


def test_two_line_title_and_paren_levels_in_003() -> None:
    doc = parse_file(_seed("003"))
    assert doc.title is not None
    lines = ["踔厉奋发创一流 奋楫扬帆启新程", "以实际行动贯彻落实党的二十大精神"]
    assert doc.title.text.splitlines() == lines
    assert [[c.marker.text for c in s.sections] for s in doc.sections] == [
        ["（一）", "（二）", "（三）", "（四）"], ["（一）", "（二）", "（三）"]
    ]
    assert not any(s.run_in for s in doc.find_all(Section))
    assert len(list(doc.find_all(Placeholder))) == len(doc.placeholders) == 28


def test_shi_line_with_its_list_is_an_enumeration_in_004() -> None:
    doc = parse_file(_seed("004"))
    assert doc.sections[0].heading_text == "高标准破题开局，确保重点任务全面铺开"
    lists = doc.enumerations
    assert [(e.line, len(e.items)) for e in lists] == [(5, 3), (7, 4), (9, 3), (11, 3), (12, 3)]
    assert all(e.family == "shi" for e in lists)
    artifacts = sorted(a.text.strip() for a in doc.find_all("artifact"))
    assert artifacts == ["##paidbegin##", "##paidend##"]
    assert len(doc.placeholders) == 14
