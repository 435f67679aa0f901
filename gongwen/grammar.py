"""Load the grammars shipped in the package (``gongwen/grammars/*.lark``), compiled
once per process and cached between processes.

The cache lives in the user's cache folder (``$GONGWEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/gongwen`` or ``~/.cache/gongwen``), never in the installed
package. Its file names carry a hash of the grammars and of the Lark and Python
versions; a file is written under a temporary name and renamed into place, so
processes starting together never read a half-written cache. The caches are JSON
(the inline terminals; the document grammar's tables, :mod:`gongwen.tables`), and
even so a cache file is read only when it can only be the user's own: a regular
file (no symlink, FIFO or folder), owned by the user, writable by nobody else,
holding the hash of its content. Anything else, and a cache that cannot be read,
trusted or understood, is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.resources
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.lark import PostLex

from gongwen.tables import Tables, tables_of

_GRAMMAR_DIR = ("grammars",)
_GRAMMARS = ("document.lark", "inline.lark", "markers.lark")
_FORMAT = 3  # of the cache files: a new one when what they hold changes shape


def load(name: str, **options: Any) -> Lark:
    """Compile ``grammars/<name>`` for the LALR parser with the basic lexer."""
    return Lark.open_from_package(
        "gongwen", name, _GRAMMAR_DIR, parser="lalr", lexer="basic", **options
    )


def inline_patterns() -> dict[str, str]:
    """The regular expression of every terminal in inline.lark, by name (regex syntax),
    higher priorities first."""
    return dict(_inline_terminals())


@functools.cache
def _inline_terminals() -> tuple[tuple[str, str], ...]:
    path = _cache_path("inline", "json")
    cached = _read_cache(path)
    if cached is not None:
        try:
            pairs = json.loads(cached.decode("utf-8"))
            if all(isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
                   for pair in pairs):
                return tuple((name, pattern) for name, pattern in pairs)
        except (ValueError, TypeError):
            pass  # not the shape this version writes: rebuild it
    # Only the terminals are wanted (gongwen/inline.py scans with them): Earley's
    # front end gives them without building a lexer, whose check of every pair of
    # terminals for overlaps (with interegular installed) takes minutes here.
    inline = Lark.open_from_package(
        "gongwen", "inline.lark", _GRAMMAR_DIR, parser="earley", lexer="dynamic", regex=True)
    terminals = sorted(inline.terminals, key=lambda t: -t.priority)
    pairs = tuple((t.name, t.pattern.to_regexp()) for t in terminals)
    _write_cache(path, json.dumps(pairs, ensure_ascii=False).encode("utf-8"))
    return pairs


def document_tables(postlex: PostLex) -> Tables:
    """The document grammar's tables, from the cache when they were built for these
    grammars, else compiled (and cached). The post-lexer's ``always_accept`` keeps the
    terminals it uses or makes in the compiled grammar."""
    # the terminals the post-lexer keeps are part of the compiled grammar, so of its key
    path = _cache_path("document", "json", " ".join(sorted(postlex.always_accept)))
    cached = _read_cache(path)
    if cached is not None:
        try:
            return Tables.from_json(cached)
        except (ValueError, KeyError, TypeError):  # not the shape this version writes: rebuild
            pass
    tables = tables_of(load("document.lark", postlex=postlex))
    _write_cache(path, tables.to_json())
    return tables


def cache_dir() -> Path:
    configured = os.environ.get("GONGWEN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gongwen"


@functools.cache
def _grammar_key() -> str:
    digest = hashlib.sha256()
    folder = importlib.resources.files("gongwen").joinpath(*_GRAMMAR_DIR)
    for name in _GRAMMARS:
        digest.update(folder.joinpath(name).read_bytes())
    digest.update(f"{lark.__version__} {sys.version_info[:2]} {_FORMAT}".encode())
    return digest.hexdigest()[:20]


def _cache_path(name: str, suffix: str, kept: str = "") -> Path:
    key = _grammar_key()
    if kept:
        key += "-" + hashlib.sha256(kept.encode()).hexdigest()[:8]
    return cache_dir() / f"{name}-{key}.{suffix}"


_CACHE_MAX = 64 << 20  # bytes: no cache file is larger
_HASH = hashlib.sha256
_HASH_SIZE = 32


def _read_cache(path: Path) -> bytes | None:
    """What a cache file holds, or None when it is missing or cannot be trusted (see the
    module docstring). Opened without following a symlink and without waiting on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        others = stat.S_IWGRP | stat.S_IWOTH
        if not stat.S_ISREG(info.st_mode) or info.st_size > _CACHE_MAX or info.st_mode & others:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(_CACHE_MAX + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    digest, payload = data[:_HASH_SIZE], data[_HASH_SIZE:]
    return payload if _HASH(payload).digest() == digest else None


def _write_cache(path: Path, payload: bytes) -> None:
    """Write a cache file (its content hash first) under a temporary name, readable and
    writable by the user alone, and rename it into place; on failure leave nothing."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
            temporary = f.name
            f.write(_HASH(payload).digest() + payload)
        os.replace(temporary, path)
    except OSError:  # a read-only or full cache folder only costs the compile next time
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
