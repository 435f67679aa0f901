"""The oldest Lark and pydantic that pyproject.toml allows give the same trees as those
installed: the tables read out of Lark's compiled grammar (gongwen/tables.py, the one module
that touches Lark's internals), and a parsed document's nodes, which are set in pydantic's
slots and built when first looked at (gongwen/nodes.py, gongwen/document.py)."""

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
import copy, hashlib, pickle, sys, lark, pydantic, gongwen
digest = hashlib.sha256()
for path in sys.argv[2:]:
    digest.update(gongwen.parse_file(path).model_dump_json().encode())
    doc = gongwen.parse_file(path)
    assert pickle.loads(pickle.dumps(doc)) == copy.deepcopy(gongwen.parse_file(path)) == doc
print(lark.__version__ if sys.argv[1] == "lark" else pydantic.VERSION, digest.hexdigest())
"""


def _oldest(package: str) -> str:
    found = re.search(rf'"{package}>=([0-9][0-9.]*)', (ROOT / "pyproject.toml").read_text("utf-8"))
    assert found, f"no lower bound for {package} in pyproject.toml"
    return found.group(1)


def _release(version: str) -> tuple[int, ...]:
    """2.6 and 2.6.0 alike."""
    numbers = [int(part) for part in version.split(".")]
    return tuple(numbers + [0] * (3 - len(numbers)))


@pytest.mark.slow
@pytest.mark.parametrize("package", ["lark", "pydantic"])
def test_the_oldest_version_allowed_gives_the_same_trees(package: str, tmp_path: Path) -> None:
    oldest = _oldest(package)
    target = tmp_path / package
    # pydantic comes with the pydantic-core it was made for
    no_deps = ["--no-deps"] if package == "lark" else []
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", *no_deps, "--target", str(target),
         f"{package}=={oldest}"], capture_output=True, text=True)
    if installed.returncode:
        pytest.fail(f"cannot install {package}=={oldest}: {installed.stderr.strip()[-300:]}")
    paths = [str(p) for p in [*SEEDS, *sorted((FIXTURES / "checks").glob("*.txt"))]]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), str(ROOT)]),
                   "GONGWEN_CACHE_DIR": str(tmp_path / "cache")}
    ran = subprocess.run([sys.executable, "-c", _PROGRAM, package, *paths], env=environment,
                         capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-2000:]
    version, digest = ran.stdout.split()
    expected = hashlib.sha256()
    for path in paths:
        expected.update(parse_file(path).model_dump_json().encode())
    assert _release(version) == _release(oldest)
    assert digest == expected.hexdigest()
