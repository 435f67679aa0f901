"""The built wheel carries the grammars and works outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


@pytest.mark.slow
def test_wheel_installs_and_parses_outside_the_source_tree(tmp_path: Path) -> None:
    """Built and installed without the network: the build backend is a test dependency
    (no isolated build environment to fetch), and the wheel goes into a folder of its own,
    its dependencies taken from this environment."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = dist.glob("gongwen-*.whl")
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    document = work / "speech.txt"
    document.write_bytes(SEEDS[1].read_bytes())
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [str(target / "bin" / "gongwen"), "parse", "speech.txt"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    )
    tree = json.loads(result.stdout)
    assert tree["type"] == "document"
    assert [c["marker"]["text"] for c in tree["children"] if c["type"] == "section"] == [
        "一、", "二、", "三、", "四、"
    ]
    located = subprocess.run(
        [sys.executable, "-c", "import gongwen, importlib.resources as r; print(gongwen.__file__); "
         "print(r.files('gongwen').joinpath('grammars', 'document.lark').is_file())"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    )
    where, shipped = located.stdout.split()
    assert where.startswith(str(target)) and shipped == "True"
    subprocess.run([str(target / "bin" / "gongwen"), "report", "speech.txt", "-o", "speech.html"],
                   cwd=work, env=env, capture_output=True, check=True)
    page = (work / "speech.html").read_text("utf-8")
    assert ".text{white-space:pre-wrap" in page and "aria-current" in page  # style and script shipped
