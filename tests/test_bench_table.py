"""The README's table of speed targets is written by ``make bench``, never typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import bench
from tests.conftest import ROOT

RESULTS = {
    "throughput": {"1m": {"floor": 0.005, "markdown-it-py": 0.05, "gongwen.parse": 0.1,
                          "markdown-it-py + json": 0.08, "gongwen.parse + json": 0.14,
                          "gongwen.parse + walk": 0.12, "mb": 1.0}},
    "per_mb": 1.03,
    "memory": {"parse": 8.5, "retained": 7.6, "parse + json": 11.7, "rss": 5.2},
    "cold": {"gongwen": 0.26, "bare": 0.08, "one model": 0.13},
    "batch": {"1": 0.42, "2": 0.38, "mb": 0.8},
    "batch10": {"1": 1.84, "2": 1.12, "mb": 8.2},
    "hostile": {"a": (2.03, 0.05), "b": (2.36, 3.86)},
}


def test_bench_writes_its_table_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{bench.README_START}\nOLD-TABLE\n{bench.README_END}\nafter\n",
                      encoding="utf-8")
    bench.write_readme(readme, RESULTS)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("before\n") and text.endswith("\nafter\n") and "OLD-TABLE" not in text
    assert "| `gongwen.parse` ≥ 2× markdown-it-py's parse on 1MB | missed: 0.50× (10.0 MB/s against" in text
    assert "| parse + walking every node ≥ 0.8× markdown-it-py's parse | missed: 0.42× |" in text
    assert "| every hostile input: t(2n)/t(n) ≤ 2.3 | missed: 2.03–2.36 |" in text
    assert "| … and none over 2 s per MB | missed: 0.05–3.86 s/MB |" in text
    readme.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench.write_readme(readme, RESULTS)


def test_the_readme_holds_a_table_bench_wrote() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert bench.README_START in text and bench.README_END in text
    table = text.split(bench.README_START)[1].split(bench.README_END)[0]
    assert table.strip().startswith("| target | now |")
