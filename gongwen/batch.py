"""One job over many files: paths expanded, N processes, results in input order,
a progress bar on a terminal, and a failed file reported without stopping the rest."""

from __future__ import annotations

import functools
import glob
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from gongwen.reader import InputError

T = TypeVar("T")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".ofd", ".html", ".htm")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Inputs:
    """The files named on a command line, and what was said about the rest."""

    paths: list[str]
    notes: list[str]


def expand(arguments: Sequence[str]) -> Inputs:
    """The files named: files as given (``-`` for standard input), the document files
    under a folder (sorted), and what a glob pattern matches (sorted); each file once, in
    order. A name that matches nothing is kept, so that reading it reports the error. A
    folder leaves out hidden folders, virtual environments and, inside a git work tree,
    what git ignores; a folder with no document file is a note."""
    seen: dict[str, None] = {}
    notes: list[str] = []
    for argument in arguments:
        if Path(argument).is_dir():
            found, skipped = _folder(Path(argument), notes)
            if not found:
                other = f" ({skipped} other file{'s' if skipped != 1 else ''} passed over)" if skipped else ""
                notes.append(f"{argument}: no {', '.join(DOCUMENT_SUFFIXES)} file in this folder{other}")
        elif _GLOB_CHARS & set(argument) and not Path(argument).exists():
            found = sorted(p for p in glob.glob(argument, recursive=True) if Path(p).is_file())
            found = found or [argument]
        else:
            found = [argument]
        seen.update(dict.fromkeys(found))
    return Inputs(list(seen), notes)


def _folder(folder: Path, notes: list[str]) -> tuple[list[str], int]:
    """The document files below ``folder`` and how many other files were passed over; a
    folder that cannot be read is a note."""
    found: list[str] = []
    skipped = 0

    def unreadable(error: OSError) -> None:
        notes.append(f"{error.filename}: cannot read this folder: {error.strerror or error}")

    for root, folders, files in os.walk(folder, onerror=unreadable):
        here = Path(root)
        folders[:] = sorted(f for f in folders
                            if not f.startswith(".") and not (here / f / "pyvenv.cfg").exists())
        for name in files:
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith("."):
                found.append(os.path.normpath(here / name))
            else:
                skipped += 1
    ignored = _git_ignored(folder, found)
    return sorted(p for p in found if p not in ignored), skipped + len(ignored)


def _git_ignored(folder: Path, paths: list[str]) -> set[str]:
    """Those of ``paths`` that git ignores (.gitignore and the like), when ``folder`` is in
    a git work tree and git is installed; else none."""
    if not paths or shutil.which("git") is None:
        return set()
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "check-ignore", "-z", "--stdin"],
            input=b"\0".join(os.fsencode(os.path.relpath(p, folder)) for p in paths),
            capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    names = done.stdout.split(b"\0")
    return {os.path.normpath(folder / os.fsdecode(name)) for name in names if name}


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
        yield from bar.around(outcomes)
    else:
        # The first file here: what the job loads (the grammar, the models' schemas) is
        # then loaded once, before the workers are forked from this process.
        yield from bar.around(iter([attempt(paths[0])]))
        rest = paths[1:]
        chunk = max(1, min(16, len(rest) // (jobs * 4)))
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)
        done = 0
        try:
            for outcome in bar.around(pool.map(attempt, rest, chunksize=chunk)):
                done += 1
                yield outcome
        except BrokenProcessPool:
            raise WorkerDied(rest[done]) from None
        finally:
            bar.erase()
            _stop(pool)
    bar.erase()


class WorkerDied(Exception):
    """A worker process ended without a result (killed, as the system does when memory
    runs out); the files before ``path`` were done."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"a worker process died while {path} (or a file after it in its "
                         "batch) was being read: killed, perhaps for want of memory")


def _worker_signals() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the workers), and SIGTERM
    ends the worker at once, whatever handler the parent had when it forked."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now: no more files, and no worker left running behind us.
    (The executor has no public way to end its processes; this is the one place that
    reaches into it.)"""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def default_jobs() -> int:
    return os.cpu_count() or 1


class _ProgressBar:
    """``[#####     ] 12/50`` on a terminal's stderr; nothing when piped. The bar is
    erased before each outcome is handed on and drawn again after, so that what the
    caller prints (results on stdout, errors on stderr) never shares its line."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.done, self.shown = total, 0, False
        self.stream = stream if stream is not None and stream.isatty() and total > 1 else None

    def around(self, outcomes: Iterator[Outcome[T]]) -> Iterator[Outcome[T]]:
        for outcome in outcomes:
            self.erase()
            yield outcome
            self.done += 1
            self._draw()

    def _draw(self) -> None:
        if self.stream is not None:
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + " " * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
            self.stream.flush()
            self.shown = True

    def erase(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 2 + 2 * len(str(self.total)) + 2) + "\r")
            self.stream.flush()
            self.shown = False
