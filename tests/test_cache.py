"""The grammar cache reads only what can be the user's own: planted, linked, shared or
damaged files are rebuilt, never read (a planted pickle shows that nothing of them runs)."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen import grammar
from tests.conftest import SEEDS


class _Planted:
    """Unpickling this writes a file: the proof that a cache ran code."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (self.proof, "ran"))  # type: ignore[return-value]


def _sealed(payload: bytes) -> bytes:
    return hashlib.sha256(payload).digest() + payload


def test_a_cache_written_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "inline-x.json"
    grammar._write_cache(path, b"[]")
    assert grammar._read_cache(path) == b"[]"
    assert os.stat(path).st_mode & 0o077 == 0 and os.stat(path.parent).st_mode & 0o077 == 0


@pytest.mark.parametrize("how", ["group-writable", "other-writable", "symlink", "damaged", "foreign"])
def test_an_untrusted_cache_file_is_not_read(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    proof = tmp_path / "proof"
    payload = _sealed(pickle.dumps(_Planted(proof)))
    path = tmp_path / "document-x.json"
    if how == "symlink":
        real = tmp_path / "real"
        real.write_bytes(payload)
        real.chmod(0o600)
        path.symlink_to(real)
    else:
        path.write_bytes(payload[:-1] if how == "damaged" else payload)
        path.chmod({"group-writable": 0o620, "other-writable": 0o602}.get(how, 0o600))
    if how == "foreign":
        monkeypatch.setattr(os, "getuid", lambda: os.stat(path).st_uid + 1)
    assert grammar._read_cache(path) is None
    assert not proof.exists()


def test_the_same_file_owned_and_private_is_read(tmp_path: Path) -> None:
    """The near miss of the test above: sealed, the user's, private."""
    path = tmp_path / "inline-x.json"
    path.write_bytes(_sealed(b'[["A", "a"]]'))
    path.chmod(0o600)
    assert grammar._read_cache(path) == b'[["A", "a"]]'


@pytest.mark.slow
def test_a_fifo_or_a_folder_at_the_cache_path_neither_hangs_nor_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongwen.lexer import PostLexer

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(cache))
    os.mkfifo(grammar._cache_path("document", "json", " ".join(sorted(PostLexer.always_accept))))
    grammar._cache_path("inline", "json").mkdir()
    command = [sys.executable, "-m", "gongwen", "outline", str(SEEDS[1])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "一、" in done.stdout, done.stderr
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    grammar._write_cache(tmp_path / "inline-x.json", b"[]")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b'{"A": 1}', b"[1, 2]", b'[["A"]]', b'[["A", 1]]', b"null"])
def test_an_inline_cache_of_the_wrong_shape_is_rebuilt(
    tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path))
    path = grammar._cache_path("inline", "json")
    grammar._write_cache(path, content)
    grammar._inline_terminals.cache_clear()
    try:
        assert ("INLINE_START" in dict(grammar._inline_terminals()))
    finally:
        grammar._inline_terminals.cache_clear()
