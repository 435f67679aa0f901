"""Load the grammars shipped in the package (``gongwen/grammars/*.lark``), compiled
once per process and cached between processes.

The cache lives in the user's cache folder (``$GONGWEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/gongwen`` or ``~/.cache/gongwen``), never in the installed
package. Its file names carry a hash of the grammars and of the Lark and Python
versions; a file is written under a temporary name and renamed into place, so
processes starting together never read a half-written cache. A cache that cannot
be read or written is simply rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.lark import PostLex

_GRAMMAR_DIR = ("grammars",)
_GRAMMARS = ("document.lark", "inline.lark", "markers.lark")
_RUNTIME_OPTIONS = ("postlex",)


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
    try:
        pairs = json.loads(path.read_text(encoding="utf-8"))
        return tuple((str(name), str(pattern)) for name, pattern in pairs)
    except (OSError, ValueError):
        pass
    # Only the terminals are wanted (gongwen/inline.py scans with them): Earley's
    # front end gives them without building a lexer, whose check of every pair of
    # terminals for overlaps (with interegular installed) takes minutes here.
    inline = Lark.open_from_package(
        "gongwen", "inline.lark", _GRAMMAR_DIR, parser="earley", lexer="dynamic", regex=True)
    terminals = sorted(inline.terminals, key=lambda t: -t.priority)
    pairs = tuple((t.name, t.pattern.to_regexp()) for t in terminals)
    _write_atomically(path, json.dumps(pairs, ensure_ascii=False).encode("utf-8"))
    return pairs


def terminal_regex(parser: Lark, name: str) -> re.Pattern[str]:
    return re.compile(parser.get_terminal(name).pattern.to_regexp())


def document_parser(postlex: PostLex) -> Lark:
    """The document grammar, from the cache when one was built for these grammars,
    else compiled (and cached). The post-lexer's ``always_accept`` keeps the
    terminals it uses or makes in the compiled grammar."""
    # the terminals the post-lexer keeps are part of the compiled grammar, so of its key
    path = _cache_path("document", "lark", " ".join(sorted(postlex.always_accept)))
    try:
        with path.open("rb") as cached:
            # Lark.load() takes no runtime options; _load() is what it calls, with them.
            return Lark.__new__(Lark)._load(cached, postlex=postlex)
    except Exception:  # missing, stale or damaged: rebuild it
        pass
    parser = load("document.lark", postlex=postlex)
    with tempfile.SpooledTemporaryFile() as buffer:
        parser.save(buffer, exclude_options=_RUNTIME_OPTIONS)
        buffer.seek(0)
        _write_atomically(path, buffer.read())
    return parser


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
    digest.update(f"{lark.__version__} {sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()[:20]


def _cache_path(name: str, suffix: str, kept: str = "") -> Path:
    key = _grammar_key()
    if kept:
        key += "-" + hashlib.sha256(kept.encode()).hexdigest()[:8]
    return cache_dir() / f"{name}-{key}.{suffix}"


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
            f.write(data)
        os.replace(f.name, path)
    except OSError:
        pass  # a read-only or full cache folder only costs the compile next time
