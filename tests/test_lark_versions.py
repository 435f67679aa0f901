"""The tables read out of Lark's compiled grammar (gongwen/tables.py, the one module that
touches Lark's internals) give the same trees with the oldest Lark that pyproject.toml
allows as with the one installed."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen import parse_file
from tests.conftest import FIXTURES, ROOT, SEEDS

_PROGRAM = """
import hashlib, sys, lark, gongwen
digest = hashlib.sha256()
for path in sys.argv[1:]:
    digest.update(gongwen.parse_file(path).model_dump_json().encode())
print(lark.__version__, digest.hexdigest())
"""


def _oldest_lark() -> str:
    found = re.search(r'"lark>=([0-9][0-9.]*)', (ROOT / "pyproject.toml").read_text("utf-8"))
    assert found, "no lower bound for lark in pyproject.toml"
    return found.group(1)


@pytest.mark.slow
def test_the_oldest_lark_allowed_gives_the_same_trees(tmp_path: Path) -> None:
    oldest = _oldest_lark()
    target = tmp_path / "lark"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         f"lark=={oldest}"], capture_output=True, text=True)
    if installed.returncode:
        pytest.fail(f"cannot install lark=={oldest}: {installed.stderr.strip()[-300:]}")
    paths = [str(p) for p in [*SEEDS, *sorted((FIXTURES / "checks").glob("*.txt"))]]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), str(ROOT)]),
                   "GONGWEN_CACHE_DIR": str(tmp_path / "cache")}
    ran = subprocess.run([sys.executable, "-c", _PROGRAM, *paths], env=environment,
                         capture_output=True, text=True, check=True)
    version, digest = ran.stdout.split()
    expected = hashlib.sha256()
    for path in paths:
        expected.update(parse_file(path).model_dump_json().encode())
    assert version == oldest
    assert digest == expected.hexdigest()
