"""The built wheel carries the grammars and works outside the source tree."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import ROOT, SEEDS


def test_wheel_installs_and_parses_outside_the_source_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = dist.glob("gongwen-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    document = work / "speech.txt"
    document.write_bytes(SEEDS[1].read_bytes())
    result = subprocess.run(
        [str(env_dir / "bin" / "gongwen"), "parse", "speech.txt"],
        cwd=work, capture_output=True, text=True, check=True,
    )
    tree = json.loads(result.stdout)
    assert tree["type"] == "document"
    assert [c["marker"]["text"] for c in tree["children"] if c["type"] == "section"] == [
        "一、", "二、", "三、", "四、"
    ]
    located = subprocess.run(
        [str(python), "-c", "import gongwen, importlib.resources as r; "
         "print(r.files('gongwen').joinpath('grammars', 'document.lark').is_file())"],
        cwd=work, capture_output=True, text=True, check=True,
    )
    assert located.stdout.strip() == "True"
