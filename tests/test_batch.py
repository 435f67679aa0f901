"""Many files at once: expansion, processes, order, progress, failures, the grammar cache."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongwen import Document, batch
from gongwen.cli import main
from tests.conftest import FIXTURES, SEEDS


def test_expand_folders_globs_and_missing_names(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.md", "b/1.txt", "skip.json"):
        (tmp_path / name).write_text("正文", encoding="utf-8")
    found = batch.expand([str(tmp_path), str(tmp_path / "*.md"), str(tmp_path / "absent.txt")]).paths
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found[:3]] == ["a.md", "b/1.txt", "b/2.txt"]
    assert found[3:] == [str(tmp_path / "absent.txt")]


def test_a_folder_leaves_out_hidden_folders_environments_and_what_git_ignores(tmp_path: Path) -> None:
    for name in ("doc.txt", ".git/x.txt", ".venv/lib/y.txt", "env/pyvenv.cfg", "env/lib/z.md",
                 "build/out.txt", "notes/keep.md", ".hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("正文", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    found = batch.expand([str(tmp_path)])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found.paths] == ["doc.txt", "notes/keep.md"]
    assert found.notes == []


def test_a_folder_without_documents_is_said_so(tmp_path: Path) -> None:
    for name in ("a.png", "b.doc"):
        (tmp_path / name).write_bytes(b"\x89PNG")
    found = batch.expand([str(tmp_path)])
    assert found.paths == []
    assert found.notes == [
        f"{tmp_path}: no .txt, .md, .docx, .pdf, .ofd, .html, .htm file in this folder "
        "(2 other files passed over)"]


def test_parse_many_files_in_two_processes_keeps_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    folder = str(FIXTURES / "seeds")
    assert main(["parse", "--jobs", "1", "--jsonl", str(one), folder]) == 0
    assert main(["parse", "--jobs", "2", "--jsonl", str(two), folder]) == 0
    assert one.read_bytes() == two.read_bytes()
    docs = [Document.model_validate_json(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert [d.path for d in docs] == [str(p) for p in SEEDS]
    assert docs[3].to_text() == SEEDS[3].read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_a_failing_file_is_reported_and_the_rest_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out.jsonl"
    status = main(["parse", "--jobs", "2", "--jsonl", str(out), str(SEEDS[0]), str(bad), str(SEEDS[1])])
    assert status == 2
    assert capsys.readouterr().err == f"gongwen: {bad}: binary file (NUL byte at offset 0)\n"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_jsonl_never_overwrites_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("正文", encoding="utf-8")
    assert main(["parse", "--jsonl", str(source), str(source)]) == 2
    assert source.read_text(encoding="utf-8") == "正文"
    assert "is one of the input files" in capsys.readouterr().err


def test_check_in_two_processes_matches_one(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(FIXTURES / "checks")
    assert main(["check", "--jobs", "1", folder]) == 1
    single = capsys.readouterr().out
    assert main(["check", "--jobs", "2", folder]) == 1
    assert capsys.readouterr().out == single
    assert single.count("\n") > 50


def _explode(path: str) -> str:
    raise ValueError(f"cannot handle {path}")


def test_an_unexpected_error_is_an_outcome_not_a_crash() -> None:
    (outcome,) = batch.run(_explode, ["x.txt"])
    assert outcome.error == "internal error: ValueError: cannot handle x.txt"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    assert len(list(batch.run(len, ["a", "bb", "ccc"], progress=terminal))) == 3
    assert "] 1/3" in terminal.getvalue() and f"[{'#' * 30}] 3/3" in terminal.getvalue()
    assert terminal.getvalue().rsplit("\r", 1)[-1] == ""  # erased at the end
    list(batch.run(len, ["a", "bb"], progress=pipe))
    assert pipe.getvalue() == ""


def test_what_is_printed_between_outcomes_never_shares_the_bar_s_line() -> None:
    """Results (stdout) and errors (stderr) on the terminal the bar is drawn on."""
    terminal = _Terminal()
    for outcome in batch.run(len, ["a", "bb", "ccc", "dddd"], progress=terminal):
        terminal.write(f"result {outcome.result}\n")
    lines = [line.rsplit("\r", 1)[-1].rstrip() for line in terminal.getvalue().split("\n")]
    assert lines == ["result 1", "result 2", "result 3", "result 4", ""]


@pytest.mark.slow
def test_grammar_cache_is_built_outside_the_package_and_survives_damage(tmp_path: Path) -> None:
    env = {**os.environ, "GONGWEN_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "gongwen", "outline", str(SEEDS[1])]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    cached = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert [name.split("-")[0] for name in cached] == ["document", "inline"]
    for path in (tmp_path / "cache").iterdir():
        path.write_bytes(b"damaged")
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert again.stdout == first.stdout and again.stderr == ""
    assert (tmp_path / "cache" / cached[0]).read_bytes() != b"damaged"


def test_the_cache_key_covers_the_terminals_the_post_lexer_keeps() -> None:
    from gongwen.grammar import _cache_path

    assert _cache_path("document", "json", "A B") != _cache_path("document", "json", "A B C")


def _dies_on_b(path: str) -> str:
    if path == "b":
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel ends a process out of memory
    return path


def test_a_worker_killed_ends_the_run_naming_the_file() -> None:
    got: list[str] = []
    with pytest.raises(batch.WorkerDied, match="while b "):
        for outcome in batch.run(_dies_on_b, ["a", "b", "c", "d"], jobs=2):
            got.append(str(outcome.result))
    assert got == ["a"]  # the file before it was done


def test_sigterm_ends_a_run_cleanly(tmp_path: Path) -> None:
    """No temporary file, no worker left, a message, status 143."""
    for index in range(400):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{index:03}.txt").write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "gongwen", "parse", "--jobs", "2", "--jsonl", str(out),
               str(tmp_path / "in")]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".gongwen-*")) and time.monotonic() < deadline:
        time.sleep(0.01)  # until it has begun writing
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    assert err.strip().endswith("terminated: the files already written are complete, no other was started")
    assert [p.name for p in tmp_path.iterdir() if p.name != "in"] == []  # no OUT, no temporary
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
    assert children.stdout == ""


def test_fifos_and_devices_are_refused_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert main(["parse", str(fifo), "/dev/zero", str(SEEDS[0])]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"gongwen: {fifo}: not a regular file (a FIFO)", "gongwen: /dev/zero: not a regular file (a device)"]


def test_an_unreadable_folder_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(Simulated: as root every folder can be read.)"""
    def walk(top: object, onerror: object = None) -> object:
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))  # type: ignore[operator]
        yield str(tmp_path), [], ["a.txt"]

    monkeypatch.setattr(os, "walk", walk)
    found = batch.expand([str(tmp_path)])
    assert found.paths == [str(tmp_path / "a.txt")]
    assert found.notes == [f"{tmp_path / 'locked'}: cannot read this folder: Permission denied"]
