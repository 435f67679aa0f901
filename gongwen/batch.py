"""One job over many files: paths expanded, N processes, results in input order,
a progress bar on a terminal, and a failed file reported without stopping the rest."""

from __future__ import annotations

import functools
import glob
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from gongwen.reader import InputError

T = TypeVar("T")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx")
_GLOB_CHARS = frozenset("*?[")


def expand(arguments: Sequence[str]) -> list[str]:
    """The files named: files as given, the document files under a folder (sorted), and
    what a glob pattern matches (sorted); each file once, in order. A name that matches
    nothing is kept, so that reading it reports the error."""
    seen: dict[str, None] = {}
    for argument in arguments:
        if Path(argument).is_dir():
            found = sorted(
                str(p) for p in Path(argument).rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        elif _GLOB_CHARS & set(argument) and not Path(argument).exists():
            found = sorted(p for p in glob.glob(argument, recursive=True) if Path(p).is_file())
            found = found or [argument]
        else:
            found = [argument]
        seen.update(dict.fromkeys(found))
    return list(seen)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a job gave for one file, or why it failed."""

    path: str
    result: T | None = None
    error: str | None = None


def _attempt(job: Callable[[str], T], path: str) -> Outcome[T]:
    try:
        return Outcome(path, result=job(path))
    except InputError as error:
        return Outcome(path, error=error.message)
    except Exception as error:  # a failure on one file must not stop the others
        return Outcome(path, error=f"internal error: {type(error).__name__}: {error}")


def run(
    job: Callable[[str], T], paths: Sequence[str], *, jobs: int = 1, progress: TextIO | None = None
) -> Iterator[Outcome[T]]:
    """Run ``job`` (a module-level function, for the worker processes) on every path;
    outcomes come in the order of ``paths``, whatever the number of processes."""
    bar = _ProgressBar(len(paths), progress)
    attempt = functools.partial(_attempt, job)
    if jobs <= 1 or len(paths) <= 1:
        outcomes: Iterator[Outcome[T]] = map(attempt, paths)
        for outcome in outcomes:
            bar.advance()
            yield outcome
    else:
        # The first file here: what the job loads (the grammar, the models' schemas) is
        # then loaded once, before the workers are forked from this process.
        bar.advance()
        yield attempt(paths[0])
        rest = paths[1:]
        chunk = max(1, min(16, len(rest) // (jobs * 4)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for outcome in pool.map(attempt, rest, chunksize=chunk):
                bar.advance()
                yield outcome
    bar.close()


def default_jobs() -> int:
    return os.cpu_count() or 1


class _ProgressBar:
    """``[#####     ] 12/50`` on a terminal's stderr; nothing when piped."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.done = total, 0
        self.stream = stream if stream is not None and stream.isatty() and total > 1 else None

    def advance(self) -> None:
        self.done += 1
        if self.stream is not None:
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + " " * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
