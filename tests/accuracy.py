"""Accuracy on the development set: every document of ../shared/corpus parsed and
scored against the gold its readers wrote, by ../shared/tools/check_expected.py.

    python tests/accuracy.py     # each mismatch, a line per document part, then the summary

The scorer is the shared one, loaded from beside the repository (it is read-only
there), so the numbers are the ones every other measurement of gongwen uses.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "expected"
SCORER = SHARED / "tools" / "check_expected.py"


@dataclass(frozen=True)
class Measurement:
    summary: str  # the scorer's summary line
    metrics: dict[str, float]
    mismatches: list[str]


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_expected", SCORER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def measure() -> Measurement:
    """Parse and score every document that has gold (once per process)."""
    from gongwen import parse_file

    check = scorer()
    total: dict[str, int] | None = None
    mismatches: list[str] = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        tree = json.loads(parse_file(CORPUS / f"{gold_path.stem}.txt").model_dump_json())
        counts = check.score(gold, tree, gold_path.stem, mismatches)
        total = counts if total is None else {k: total[k] + counts[k] for k in total}
    if total is None:
        raise FileNotFoundError(f"no gold in {GOLD}")
    summary = check.summary(total)
    metrics = {key: float(value) for key, value in (pair.split("=") for pair in summary.split())}
    return Measurement(summary, metrics, mismatches)


def measured() -> Measurement | None:
    """The measurement, if this process has made it."""
    return measure() if measure.cache_info().currsize else None


def main() -> int:
    result = measure()
    for line in result.mismatches:
        print(line)
    print(result.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
