"""How fast gongwen is, measured beside peers in the same process, as ratios.

    python tests/benchmarks/bench.py [--rounds N] [--sizes 10k,100k,1m,10m]

Contenders run interleaved, round by round, and medians are compared, because the
speed of a shared machine drifts. Printed: throughput and ratios against
markdown-it-py and against a floor (one regex pass that classifies every line and
finds placeholders), time per MB against size, memory per MB of input, the cold
start of the command line against bare imports, and how time grows when hostile
inputs double in size. The targets are printed with each result; nothing here
fails a build.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gongwen

ROOT = Path(__file__).resolve().parents[2]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = sorted((ROOT / "fixtures").rglob("*.txt")) + sorted(SHARED_CORPUS.glob("*.txt"))
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}

_FLOOR_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．]|"
    r"[（(]\d{1,2}[）)]|[①-⑳]|第[一二三四五六七八九十]{1,3}[，,、章节条])",
    re.M,
)
_FLOOR_PLACEHOLDER = re.compile(r"[xX×*○□]{1,64}")


def floor(text: str) -> int:
    """The cost of touching the text once: split, classify lines, find placeholders."""
    lines = text.splitlines()
    return len(lines) + len(_FLOOR_LINE.findall(text)) + len(_FLOOR_PLACEHOLDER.findall(text))


def corpus_text(size: int) -> str:
    base = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    data = base.encode("utf-8")
    repeated = (data * (size // len(data) + 1))[:size]
    return repeated.decode("utf-8", errors="ignore")


def median_times(contenders: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            gc.collect()
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def throughput(sizes: list[str], rounds: int) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Seconds per MB of gongwen.parse by size, and each size's medians by contender."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt()

    def markdown_json(text: str) -> bytes:
        return json.dumps([token.as_dict() for token in markdown.parse(text)]).encode()

    per_mb: dict[str, float] = {}
    medians_by_size: dict[str, dict[str, float]] = {}
    print("== throughput on the fixtures and corpus, concatenated")
    print(f"{'size':>6} {'contender':<22} {'median s':>9} {'MB/s':>7} {'vs markdown-it':>15} {'vs floor':>9}")
    for label in sizes:
        text = corpus_text(SIZES[label])
        mb = len(text.encode("utf-8")) / 1e6
        contenders: dict[str, Callable[[], object]] = {
            "floor": lambda text=text: floor(text),
            "markdown-it-py": lambda text=text: markdown.parse(text),
            "gongwen.parse": lambda text=text: gongwen.parse(text),
            "markdown-it-py + json": lambda text=text: markdown_json(text),
            "gongwen.parse + json": lambda text=text: _json_bytes(gongwen.parse(text)),
            "gongwen.parse + walk": lambda text=text: sum(1 for _ in gongwen.parse(text).walk()),
        }
        medians = median_times(contenders, rounds if SIZES[label] < 5_000_000 else max(1, rounds // 3))
        for name, seconds in medians.items():
            print(f"{label:>6} {name:<22} {seconds:9.4f} {mb / seconds:7.2f} "
                  f"{seconds / medians['markdown-it-py']:14.2f}x {seconds / medians['floor']:8.1f}x")
        per_mb[label] = medians["gongwen.parse"] / mb
        medians_by_size[label] = {**medians, "mb": mb}
    return per_mb, medians_by_size


def memory(size: int) -> dict[str, float]:
    text = corpus_text(size)
    data = len(text.encode("utf-8"))
    print(f"== memory on {data / 1e6:.1f} MB")
    targets = {"parse": "4", "parse + json": "6"}
    peaks: dict[str, float] = {}
    for name, run in (("parse", lambda: gongwen.parse(text)),
                      ("parse + json", lambda: _json_bytes(gongwen.parse(text)))):
        gc.collect()
        tracemalloc.start()
        kept = run()
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        print(f"  {name:<18} tracemalloc peak {peak / data:5.1f}x the input (target <= {targets[name]}x)")
        peaks[name] = peak / data
        if name == "parse":
            print(f"  {'parse':<18} the tree retains {retained / data:5.1f}x the input (target <= 3x)")
            peaks["retained"] = retained / data
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
    probe = (  # resident pages (Linux /proc) before and after, the tree kept alive
        "import os, sys, gongwen; gongwen.parse('预热'); "
        "rss = lambda: int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE'); "
        "text = open(sys.argv[1], encoding='utf-8').read(); before = rss(); "
        "doc = gongwen.parse(text); print((rss() - before) // 1024)"
    )
    result = subprocess.run([sys.executable, "-c", probe, f.name], capture_output=True, text=True,
                            check=True)
    os.unlink(f.name)
    grown = int(result.stdout) * 1024
    print(f"  parse              RSS growth in a fresh process {grown / data:5.1f}x the input")
    return {**peaks, "rss": grown / data}


_ONE_MODEL = (  # the least a program using pydantic models pays: one model, validated and dumped
    "import lark, pydantic, regex\n"
    "class One(pydantic.BaseModel):\n    x: int\n"
    "One(x=1).model_dump_json()"
)


def _json_bytes(doc: gongwen.Document) -> bytes:
    """The JSON as the command line writes it: the serializer's UTF-8, never a str."""
    return doc.__pydantic_serializer__.to_json(doc)


def cold_start(runs: int = 7) -> dict[str, float]:
    """A fresh process each run, every module's bytecode cached as pip caches an installed
    package's (in a folder of its own: a checkout or an environment that writes no
    bytecode would compile gongwen's source on every run, and no installed library's)."""
    sample = ROOT / "fixtures" / "seeds" / "003_9c0296328566dbad.txt"
    gongwen_cli = [sys.executable, "-m", "gongwen", "parse", str(sample)]
    bare = [sys.executable, "-c", "import lark, pydantic, regex"]
    one_model = [sys.executable, "-c", _ONE_MODEL]
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="gongwen-bytecode-")

    def run(command: list[str]) -> object:
        return subprocess.run(command, capture_output=True, check=True, env=env)

    for command in (gongwen_cli, bare, one_model):  # the grammar cache and the bytecode
        run(command)
    times = median_times({
        "gongwen": lambda: run(gongwen_cli),
        "bare": lambda: run(bare),
        "one model": lambda: run(one_model),
    }, runs)
    print(f"== cold start: gongwen parse FILE {times['gongwen']:.3f} s, bare imports "
          f"{times['bare']:.3f} s: {times['gongwen'] / times['bare']:.2f}x (target <= 2x); "
          f"one pydantic model used: {times['one model'] / times['bare']:.2f}x the bare imports")
    return times


def batch(copies: int = 1, runs: int = 3) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    files = [str(p) for p in SOURCES]
    if copies > 1:  # a bigger corpus: the same files again under other names
        files = []
        for copy in range(copies):
            for index, source in enumerate(SOURCES):
                target = out / f"{copy}-{index}.txt"
                target.write_bytes(source.read_bytes())
                files.append(str(target))
    size = sum(Path(f).stat().st_size for f in files) / 1e6

    def command(jobs: str) -> list[str]:
        return [sys.executable, "-m", "gongwen", "parse", "--jobs", jobs,
                "--jsonl", str(out / f"out-{jobs}.jsonl"), *files]

    times = median_times({
        jobs: lambda jobs=jobs: subprocess.run(command(jobs), capture_output=True, check=True)
        for jobs in ("1", "2")
    }, runs)
    target = " (target >= 1.6x)" if copies == 1 else ""
    print(f"== batch: gongwen parse on {len(files)} files ({size:.1f} MB): --jobs 1 {times['1']:.2f} s, "
          f"--jobs 2 {times['2']:.2f} s: {times['1'] / times['2']:.2f}x faster{target}")
    return {**times, "mb": size}


HOSTILE: dict[str, Callable[[int], str]] = {
    "1 MB line, no newline": lambda n: "字" * n,
    "lines of 一、": lambda n: "一、\n" * (n // 3),
    "lines of 10k xx": lambda n: ("xx" * 5000 + "\n") * max(1, n // 10001),
    "cycling markers": lambda n: "".join(
        f"{m}\n" for m in ["一、", "（一）", "1.", "（1）", "①", "第一，", "一是"] * (n // 20)),
    "numerals then 是": lambda n: "一" * n + "是",
    "asterisks": lambda n: "*" * n,
    "同志们 without colon": lambda n: "同志们\n" * (n // 4),
}


def laid_out(runs: int = 3) -> dict[str, tuple[int, float]]:
    """Pages a second for the PDF and OFD files of ../shared/formats that have text."""
    found: dict[str, tuple[int, float]] = {}
    for kind in ("pdf", "ofd"):
        files = sorted((ROOT.parent / "shared" / "formats" / kind).glob(f"*.{kind}"))
        readable = []
        for path in files:
            try:
                doc = gongwen.parse_file(path)
            except gongwen.InputError:
                continue
            readable.append((path, max(p.page or 1 for p in doc.source_paragraphs or [])))
        if not readable:
            continue
        pages = sum(count for _, count in readable)
        def read_all(readable: list[tuple[Path, int]] = readable) -> object:
            return [gongwen.parse_file(path) for path, _ in readable]

        seconds = median_times({"all": read_all}, runs)["all"]
        print(f"== {kind.upper()}: {pages} pages of {len(readable)} files in {seconds:.2f} s: "
              f"{pages / seconds:.1f} pages a second")
        found[kind] = (pages, seconds)
    return found


def report(size: int, rounds: int = 3) -> dict[str, float]:
    """The HTML report of 1 MB beside its parse and its check (the report takes the findings)."""
    text = corpus_text(size)
    doc = gongwen.parse(text)
    findings = gongwen.check(doc)
    times = median_times({"parse": lambda: gongwen.parse(text), "check": lambda: gongwen.check(doc),
                          "report": lambda: doc.to_html(findings)}, rounds)
    print(f"== report on {len(text.encode('utf-8')) / 1e6:.1f} MB: parse {times['parse']:.2f} s, "
          f"check {times['check']:.2f} s, report {times['report']:.2f} s")
    return times


def hostile(n: int) -> dict[str, tuple[float, float]]:
    print(f"== hostile inputs: t(2n)/t(n) (target <= 2.3), seconds per MB at 2n (target <= 2), "
          f"n = {n:,} chars")
    found: dict[str, tuple[float, float]] = {}
    for name, make in HOSTILE.items():
        small, large = make(n), make(2 * n)
        times = median_times({"n": lambda small=small: gongwen.parse(small),
                              "2n": lambda large=large: gongwen.parse(large)}, 3)
        mb = len(large.encode("utf-8")) / 1e6
        print(f"  {name:<24} {times['2n'] / times['n']:5.2f}  {times['2n'] / mb:7.2f} s/MB")
        found[name] = (times["2n"] / times["n"], times["2n"] / mb)
    return found


README_START = "<!-- make bench writes the table below -->"
README_END = "<!-- end of the table make bench writes -->"


def _verdict(met: bool, detail: str) -> str:
    return f"{'met' if met else 'missed'}: {detail}"


def table(results: dict[str, Any]) -> str:
    """The README's table of targets against what this run measured (speed as a multiple of
    markdown-it-py's, in the same run)."""
    rows = []
    speed = results.get("throughput", {})
    for label, wanted in (("1m", 2.0), ("10m", 1.5)):
        if label in speed:
            one = speed[label]
            ratio = one["markdown-it-py"] / one["gongwen.parse"]
            target = f"`gongwen.parse` ≥ {wanted:g}× markdown-it-py's parse on {label.upper()}B"
            rows.append((target, _verdict(
                ratio >= wanted, f"{ratio:.2f}× ({one['mb'] / one['gongwen.parse']:.1f} MB/s against "
                                 f"{one['mb'] / one['markdown-it-py']:.1f} MB/s)")))
    if "1m" in speed:
        one = speed["1m"]
        ratio = one["markdown-it-py + json"] / one["gongwen.parse + json"]
        rows.append(("parse + JSON bytes ≥ 1.5× markdown-it-py's parse + `json.dumps` of its tokens",
                     _verdict(ratio >= 1.5, f"{ratio:.2f}×")))
        ratio = one["markdown-it-py"] / one["gongwen.parse + walk"]
        rows.append(("parse + walking every node ≥ 0.8× markdown-it-py's parse",
                     _verdict(ratio >= 0.8, f"{ratio:.2f}×")))
    if "per_mb" in results:
        rows.append(("time per MB at 10 MB within 1.5× of that at 100 KB",
                     _verdict(results["per_mb"] <= 1.5, f"{results['per_mb']:.2f}")))
    if "memory" in results:
        memory = results["memory"]
        rows.append(("memory: the tree retains ≤ 3× the input, peak ≤ 4× (≤ 6× with the JSON)", _verdict(
            memory["retained"] <= 3 and memory["parse"] <= 4 and memory["parse + json"] <= 6,
            f"retained {memory['retained']:.1f}×, peak {memory['parse']:.1f}×, with the JSON "
            f"{memory['parse + json']:.1f}×; RSS growth {memory['rss']:.1f}×")))
    if "cold" in results:
        cold = results["cold"]
        ratio = cold["gongwen"] / cold["bare"]
        rows.append(("`gongwen parse FILE` cold start ≤ 2× the bare imports", _verdict(
            ratio <= 2, f"{ratio:.1f}× ({cold['gongwen']:.2f} s against {cold['bare']:.2f} s); one "
                        f"pydantic model used: {cold['one model'] / cold['bare']:.1f}×")))
    if "hostile" in results:
        growth = [g for g, _ in results["hostile"].values()]
        per_mb = [m for _, m in results["hostile"].values()]
        rows.append(("every hostile input: t(2n)/t(n) ≤ 2.3", _verdict(
            max(growth) <= 2.3, f"{min(growth):.2f}–{max(growth):.2f}")))
        rows.append(("… and none over 2 s per MB", _verdict(
            max(per_mb) <= 2, f"{min(per_mb):.2f}–{max(per_mb):.2f} s/MB")))
    if "report" in results:
        times = results["report"]
        rows.append(("a 1 MB report written within the parse's time plus a few tenths of a second", _verdict(
            times["report"] <= times["parse"] + 0.5,
            f"{times['report']:.2f} s beside a parse of {times['parse']:.2f} s "
            f"(its check: {times['check']:.2f} s)")))
    for kind, (pages, seconds) in results.get("laid_out", {}).items():
        rows.append((f"a {kind.upper()} read in well under a second a page", _verdict(
            seconds / pages < 0.5, f"{pages / seconds:.1f} pages a second ({pages} pages)")))
    if "batch" in results:
        one, ten = results["batch"], results.get("batch10")
        more = f"; on ten copies ({ten['mb']:.1f} MB) {ten['1'] / ten['2']:.2f}×" if ten else ""
        rows.append(("`--jobs 2` ≥ 1.6× faster than `--jobs 1` on the corpus", _verdict(
            one["1"] / one["2"] >= 1.6, f"{one['1'] / one['2']:.2f}× ({one['2']:.2f} s against "
                                        f"{one['1']:.2f} s){more}")))
    return "\n".join(["| target | now |", "|---|---|", *(f"| {t} | {v} |" for t, v in rows)])


def write_readme(path: Path, results: dict[str, Any]) -> None:
    """Put this run's table between the README's markers."""
    text = path.read_text(encoding="utf-8")
    head, found, rest = text.partition(README_START)
    _, ended, tail = rest.partition(README_END)
    if not (found and ended):
        raise SystemExit(f"{path}: no place for the table (its markers are missing)")
    path.write_text(f"{head}{README_START}\n{table(results)}\n{README_END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="10k,100k,1m,10m")
    parser.add_argument("--hostile-n", type=int, default=100_000)
    parser.add_argument("--readme", type=Path, help="write the table of targets into this README")
    args = parser.parse_args()
    os.environ.setdefault("GONGWEN_CACHE_DIR", tempfile.mkdtemp(prefix="gongwen-bench-"))
    gongwen.parse("预热")
    results: dict[str, Any] = {}
    per_mb, results["throughput"] = throughput(args.sizes.split(","), args.rounds)
    if "100k" in per_mb and "10m" in per_mb:
        results["per_mb"] = per_mb["10m"] / per_mb["100k"]
        print(f"== time per MB at 10 MB / at 100 KB: {results['per_mb']:.2f} (target <= 1.5)")
    results["memory"] = memory(1_000_000)
    results["cold"] = cold_start()
    results["batch"] = batch()
    results["batch10"] = batch(copies=10)
    results["hostile"] = hostile(args.hostile_n)
    results["laid_out"] = laid_out()
    results["report"] = report(1_000_000)
    if args.readme:
        write_readme(args.readme, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
