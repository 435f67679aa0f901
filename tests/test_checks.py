"""Every rule fires on its fixture and stays silent on its near-miss; the expected
outputs are checked in under fixtures/checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongwen import Severity, check, parse, parse_file
from gongwen.checks import RULES
from gongwen.cli import main
from tests.conftest import FIXTURES, ROOT, SEEDS

CASES = sorted([*(FIXTURES / "checks").glob("*.txt"), *(FIXTURES / "checks").glob("*.docx")])


def _code(path: Path) -> str:
    return path.stem.split("_")[0]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_rule_fixture_output(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    relative = str(path.relative_to(ROOT))
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    status = main(["check", "--select", _code(path), relative])
    out = capsys.readouterr().out
    assert out == expected
    near_miss = "_ok" in path.stem
    assert (out == "") is near_miss, "a near-miss fixture must not fire, the others must"
    assert status == (0 if near_miss else 1)


def test_every_rule_has_a_firing_fixture_and_a_near_miss() -> None:
    codes = {_code(p) for p in CASES}
    assert codes == set(RULES)
    for code in RULES:
        kinds = {"_ok" in p.stem for p in CASES if _code(p) == code}
        assert kinds == {True, False}, code


def test_rule_docs_say_what_why_example_instead() -> None:
    for rule in RULES.values():
        assert rule.summary and "Why:" in rule.doc and "Example:" in rule.doc, rule.code
        assert "Instead:" in rule.doc, rule.code


def _seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.mark.parametrize("prefix, placeholders", [("000", 0), ("001", 13), ("002", 15),
                                                   ("003", 28), ("004", 14)])
def test_seeds(prefix: str, placeholders: int) -> None:
    findings = check(parse_file(_seed(prefix)))
    codes = [f.code for f in findings]
    assert codes.count("GW301") == placeholders
    assert codes.count("GW302") == (2 if prefix == "004" else 0)
    assert "GW101" not in codes and "GW201" not in codes
    assert ("GW401" in codes) == (prefix in ("000", "001"))


def test_half_width_punctuation_in_001_is_reported_where_it_stands() -> None:
    doc = parse_file(_seed("001"))
    first = next(f for f in check(doc, select=["GW401"]))
    assert (first.line, first.col, first.end_col) == (1, 4, 5)
    assert doc.to_text()[first.start:first.end] == ":"
    assert first.fix == "："


def test_select_ignore_and_default_off_rules() -> None:
    doc = parse("一、总体要求\n1.指导思想\n2.基本原则\n四.保障\n")
    assert {f.code for f in check(doc)} == {"GW101", "GW104"}
    assert {f.code for f in check(doc, select=["GW1"])} == {"GW101", "GW104"}
    assert {f.code for f in check(doc, select=["GW103"])} == {"GW103"}
    assert {f.code for f in check(doc, ignore=["GW10"])} == set()
    with pytest.raises(ValueError, match="no rule code starts with GW9"):
        check(doc, select=["GW9"])


def test_cli_json_format_and_severity(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "checks" / "GW401.txt")
    assert main(["check", "--format", "json", path]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in findings] == ["GW401"] * 4
    assert set(findings[0]) == {"path", "line", "col", "end_line", "end_col", "start", "end",
                                "code", "severity", "message", "fix", "unsafe_fix"}
    assert findings[0]["severity"] == "error"
    seed = str(_seed("002"))
    assert main(["check", "--severity", "error", seed]) == 0  # placeholders are warnings
    assert capsys.readouterr().out == ""


def test_cli_usage_and_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--select", "XX1", str(SEEDS[0])]) == 2
    assert "no rule code starts with XX1" in capsys.readouterr().err
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    assert main(["check", str(binary), str(SEEDS[0])]) == 2
    captured = capsys.readouterr()
    assert "binary file" in captured.err and "GW401" in captured.out


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES) and lines[0].startswith("GW101  error")
    assert any("GW103" in line and "(off by default)" in line for line in lines)
    assert main(["rules", "gw204"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GW204 (warning)") and "Instead: 三、保障措施" in out
    assert main(["rules", "GW999"]) == 2


def test_diagnostics_never_change_the_text() -> None:
    text = _seed("001").read_text(encoding="utf-8")
    doc = parse(text)
    check(doc)
    assert doc.to_text() == text


def test_severity_order() -> None:
    assert Severity.ERROR.weight > Severity.WARNING.weight > Severity.INFO.weight


def test_the_readme_lists_every_rule_as_gongwen_rules_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    table = capsys.readouterr().out
    assert f"```\n{table}```\n" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_lists_every_placeholder_kind() -> None:
    grammar = (ROOT / "gongwen" / "grammars" / "inline.lark").read_text(encoding="utf-8")
    line = next(line for line in grammar.splitlines() if line.startswith("_placeholder:"))
    kinds = {name.strip().lower() for name in line.partition(":")[2].split("|")}
    row = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| `placeholder`"))
    assert kinds and all(f"`{kind}`" in row for kind in kinds)


def test_the_pre_commit_hook_runs_the_check_command() -> None:
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: gongwen check\n" in hook and "- id: gongwen-check\n" in hook
