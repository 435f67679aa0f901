"""The command line, run in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen import Chunk, Document, parse_file
from gongwen.cli import main
from tests.conftest import FIXTURES, SEEDS

DOCX = FIXTURES / "docx"


def test_parse_prints_one_json_tree_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[0]), str(SEEDS[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    docs = [Document.model_validate_json(line) for line in lines]
    assert [d.path for d in docs] == [str(SEEDS[0]), str(SEEDS[1])]
    assert docs[0].to_text() == SEEDS[0].read_text(encoding="utf-8")
    assert lines[1] == parse_file(SEEDS[1]).model_dump_json()


def test_parse_writes_what_model_dump_json_gives_beyond_the_basic_plane(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "emoji.txt"
    path.write_text("一、总体要求🚀\n正文。\n", encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    assert capsys.readouterr().out == parse_file(path).model_dump_json() + "\n"


def test_parse_indent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--indent", "2", str(SEEDS[2])]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "type": "document",\n  "start": 0,')
    assert json.loads(out)["type"] == "document"


def test_outline(capsys: pytest.CaptureFixture[str]) -> None:
    seed_003 = next(p for p in SEEDS if p.name.startswith("003"))
    assert main(["outline", str(seed_003)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "踔厉奋发创一流 奋楫扬帆启新程 / 以实际行动贯彻落实党的二十大精神  [line 1]",
        "一、总结过去，党的建设取得新成效  [line 5]",
        "  （一）坚决把党的政治建设摆在首位，切实把坚定拥护“两个确立”的思想自觉转化为"
        "坚决做到“两个维护”的实际行动  [line 8]",
    ]


def test_every_command_reads_word_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notice = DOCX / "tongzhi-autonum-decimal.docx"
    assert main(["outline", str(notice)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "1.建议使用GitHub版本控制，比较方便分享交流，万一发现方向错了也方便版本回退  [line 2]")
    assert main(["parse", str(notice)]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.sections[0].marker.generated and doc.source_paragraphs is not None
    assert main(["check", str(DOCX / "tongzhi-typed-fujian.docx")]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.docx").write_bytes(notice.read_bytes())
    (folder / "b.txt").write_text("一、总体要求\n", encoding="utf-8")
    assert main(["outline", "--jobs", "1", str(folder)]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("==")] == [
        f"== {folder / 'a.docx'}", f"== {folder / 'b.txt'}"]


def test_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notice = DOCX / "tongzhi-typed-fujian.docx"
    assert main(["convert", "--to", "markdown", str(notice)]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# 关于开展格式检查工作的通知\n\n各部门：\n")
    assert "\n## 一、总体要求\n" in markdown and "\n#### 1. 明确责任。\n" in markdown
    assert main(["convert", "--to", "text", str(notice)]) == 0
    assert capsys.readouterr().out == parse_file(notice).to_text()
    out = tmp_path / "out"
    assert main(["convert", "--to", "json", "--output-dir", str(out), "--jobs", "1",
                 str(notice), str(SEEDS[0])]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([notice.stem + ".json", SEEDS[0].stem + ".json"])
    again = Document.model_validate_json((out / (notice.stem + ".json")).read_bytes())
    assert again == parse_file(notice)


def test_convert_never_writes_over_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notice.md"
    source.write_text("一、总体要求\n", encoding="utf-8")
    assert main(["convert", "--to", "markdown", "--output-dir", str(tmp_path), str(source)]) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == "一、总体要求\n"
    twin = tmp_path / "sub"
    twin.mkdir()
    (twin / "notice.txt").write_text("二、x\n", encoding="utf-8")
    (tmp_path / "notice.txt").write_text("三、x\n", encoding="utf-8")
    assert main(["convert", "--to", "text", "--output-dir", str(tmp_path / "o"),
                 str(tmp_path / "notice.txt"), str(twin / "notice.txt")]) == 2
    assert "would be written by two inputs" in capsys.readouterr().err


def test_chunks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chunks", "--max-chars", "300", "--overlap", "30", "--jobs", "1",
                 str(SEEDS[1]), str(DOCX / "qingshi-typed.docx")]) == 0
    chunks = [Chunk.model_validate_json(line) for line in capsys.readouterr().out.splitlines()]
    for path in (SEEDS[1], DOCX / "qingshi-typed.docx"):
        mine = [c for c in chunks if c.path == str(path)]
        assert "".join(c.own_text for c in mine) == parse_file(path).to_text()
        assert all(len(c.own_text.rstrip()) <= 300 and c.overlap <= 30 for c in mine)
    assert main(["chunks", "--overlap", "1000", str(SEEDS[1])]) == 2
    assert "need 0 <= --overlap < --max-chars" in capsys.readouterr().err


def test_outline_formats(capsys: pytest.CaptureFixture[str]) -> None:
    notice = DOCX / "tongzhi-typed-fujian.docx"
    assert main(["outline", "--format", "markdown", str(notice)]) == 0
    assert capsys.readouterr().out == (
        "# 关于开展格式检查工作的通知\n- 一、总体要求\n  - （一）加强审核\n    - 1.明确责任\n")
    assert main(["outline", "--format", "json", str(notice)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "通知"
    assert data["sections"][0]["sections"][0]["sections"][0]["heading"] == "明确责任"


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Document"


def test_input_errors_name_the_file_and_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["parse", str(binary), str(tmp_path / "absent.txt"), str(SEEDS[0])]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"gongwen: {binary}: binary file (NUL byte at offset 8)",
        f"gongwen: {tmp_path / 'absent.txt'}: No such file or directory",
    ]
    assert len(captured.out.splitlines()) == 1
    assert "Traceback" not in captured.err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["parse"]) == 2
    assert "usage: gongwen" in capsys.readouterr().err


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gongwen", "outline", str(SEEDS[0])],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.startswith("一、深化思想认识，增强行动自觉  [line 2]")


def test_parse_and_outline_do_not_load_the_checker() -> None:
    probe = (
        "import sys; from gongwen.cli import main; "
        f"main(['outline', {str(SEEDS[0])!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('gongwen.checks')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")


def test_severity_choices_are_the_checkers() -> None:
    from gongwen import Severity, cli

    assert tuple(s.value for s in Severity) == cli._SEVERITIES


def test_a_reader_that_goes_away_ends_the_output_quietly() -> None:
    # the JSON of the seeds is far larger than a pipe's buffer, so writing must fail
    process = subprocess.Popen(
        [sys.executable, "-m", "gongwen", "parse", "--jobs", "1", *map(str, SEEDS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100).startswith(b'{"type":"document"')
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait() == 1
    assert stderr == b""


def test_machine_formats_on_several_files_are_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SEEDS[0]), str(SEEDS[1])]
    assert main(["outline", "--format", "json", *files]) == 0
    assert [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()] == files
    assert main(["convert", "--to", "json", "--jobs", "1", *files]) == 0
    assert [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()] == files
    assert main(["outline", *files]) == 0  # a human format keeps a header per file
    assert capsys.readouterr().out.startswith(f"== {files[0]}\n")


@pytest.mark.parametrize("arguments, message", [
    (["parse", "--indent", "2", str(SEEDS[0]), str(SEEDS[1])], "--indent prints one document"),
    (["parse", "--indent", "2", "--jsonl", "out.jsonl", str(SEEDS[0])], "--indent prints one document"),
    (["parse", "--indent", "-1", str(SEEDS[0])], "must be from 0 to 16"),
    (["parse", "--indent", "100000000", str(SEEDS[0])], "must be from 0 to 16"),
    (["parse", "--jobs", "0", str(SEEDS[0])], "must be at least 1"),
    (["chunks", "--max-chars", "0", str(SEEDS[0])], "must be at least 1"),
])
def test_values_out_of_range_are_usage_errors(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("where", ["missing/out.jsonl", "folder"])
def test_jsonl_where_it_cannot_be_written(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder").mkdir()
    assert main(["parse", "--jsonl", str(tmp_path / where), str(SEEDS[0])]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gongwen: {tmp_path / where}: ") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["folder"]  # nothing left behind


def test_convert_where_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["convert", "--to", "markdown", "--output-dir", str(blocker / "out"), str(SEEDS[0])]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gongwen: {blocker / 'out'}: cannot write here") and "Traceback" not in err
    out = tmp_path / "out"
    assert main(["convert", "--to", "markdown", "--output-dir", str(out), str(SEEDS[0])]) == 0
    assert [p.name for p in out.iterdir()] == [SEEDS[0].stem + ".md"]  # no temporary file


def test_standard_input_version_and_no_input(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "gongwen"]
    piped = subprocess.run([*run, "outline", "-"], input="一、总体要求\n正文。\n".encode(),
                           capture_output=True, check=True)
    assert piped.stdout.decode() == "一、总体要求  [line 1]\n"
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("gongwen ")
    empty = subprocess.run([*run, "check", str(tmp_path)], capture_output=True, text=True)
    assert empty.returncode == 2
    assert empty.stderr.splitlines() == [
        f"gongwen: {tmp_path}: no .txt, .md, .docx, .pdf, .ofd, .html, .htm file in this folder",
        "gongwen: no input files"]


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\xfe-notice.txt")  # surrogates, as Python reads such a name
    (tmp_path / name).write_text("一、总体要求\n正文。\n", encoding="utf-8")
    run = [sys.executable, "-m", "gongwen"]
    parsed = subprocess.run([*run, "parse", str(tmp_path)], capture_output=True, check=True)
    assert Document.model_validate_json(parsed.stdout).path == str(tmp_path / name)
    checked = subprocess.run([*run, "outline", str(tmp_path), str(SEEDS[0])], capture_output=True)
    assert checked.returncode == 0 and b"\\udcff\\udcfe-notice.txt" in checked.stdout


def test_convert_writes_markdown_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEEDS[0])]) == 0
    assert capsys.readouterr().out == parse_file(SEEDS[0]).to_markdown()
