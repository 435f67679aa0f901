"""The ``check`` command over many files: findings in the formats people and CI read
(text with a summary, JSON, JSON lines, GitHub annotations, SARIF), counts per rule,
and fixes written back into the files."""

from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen import __version__, batch
from gongwen.reader import InputError, decode, extracted_format, is_word, read_bytes

if TYPE_CHECKING:
    from gongwen.checks import Diagnostic, Profile

FORMATS = ("text", "json", "jsonl", "github", "sarif")
_COLOURS = {"error": "31", "warning": "33", "info": "36"}  # red, yellow, cyan
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def add_arguments(check: argparse.ArgumentParser, severities: tuple[str, ...]) -> None:
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text: path:line:col: CODE message and a summary (default); json: "
                            "one list; jsonl: a finding a line; github: workflow annotations; "
                            "sarif: SARIF 2.1.0 for code scanning")
    add_rule_options(check)
    check.add_argument("--severity", choices=severities, default="info",
                       help="report only findings at or above this severity (default: info)")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule made, instead of the findings")
    check.add_argument("--fix", action="store_true",
                       help="write the fixes that have one right answer into the files (text "
                            "files, in their own encoding and line endings), then report what is left")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also the fixes that may change more than the "
                            "finding names (deleting residue, rewriting a 抄送 line)")
    check.add_argument("--diff", action="store_true",
                       help="print what --fix would change, as a unified diff, and write nothing")
    check.add_argument("--annotate", type=str, default=None, metavar="OUT.docx",
                       help="for one Word file: write a copy of it to OUT.docx with each finding as a "
                            "comment on the characters it concerns (the file itself is not changed); "
                            "with --fix, the layout findings with one right answer fixed in the copy "
                            "as tracked changes instead")
    check.add_argument("--backup", action="store_true",
                       help="with --fix, keep each changed file's original as FILE.orig")


def add_rule_options(command: argparse.ArgumentParser) -> None:
    """--select, --ignore and --profile: which rules run, and the figures the layout rules
    check (the check and report commands)."""
    command.add_argument("--select", type=str, default="", metavar="CODES",
                         help="only these codes or prefixes, comma-separated (GW1,GW401)")
    command.add_argument("--ignore", type=str, default="", metavar="CODES",
                         help="leave out these codes or prefixes")
    command.add_argument("--profile", type=str, default=None, metavar="FILE",
                         help="the figures the layout rules (GW6xx) check a Word file against: a TOML "
                              "or JSON file of a unit's own template (default: GB/T 9704-2012's)")


def rule_options(args: argparse.Namespace) -> Profile | None:
    """The profile --profile names (GB/T 9704-2012's without it), once --select and --ignore
    are known to name rules; None when one of them is wrong, said on stderr."""
    from gongwen.checks import NOMINAL, load_profile
    from gongwen.checks.registry import selected

    try:
        selected(args.select, args.ignore)
        return load_profile(args.profile) if args.profile else NOMINAL
    except ValueError as error:
        print(f"gongwen: {error}", file=sys.stderr)
        return None


def run(args: argparse.Namespace, paths: list[str],
        document_of: Callable[[str, str | None], Any],
        write: Callable[[Path, bytes], None]) -> int:
    """The command; exit status 0 (nothing found), 1 (findings left), 2 (a file failed)."""
    from gongwen.checks import Severity

    profile = rule_options(args)
    if profile is None:
        return 2
    threshold = Severity(args.severity).weight
    if args.annotate is not None:
        return _annotate(args, paths, document_of, write, threshold, profile)
    job = functools.partial(_job, select=args.select, ignore=args.ignore, encoding=args.encoding,
                            document_of=document_of, profile=profile)
    found: list[Diagnostic] = []
    failed = fixed = files = 0
    colour = args.format == "text" and _colour(sys.stdout)
    for outcome in batch.run(job, paths, jobs=args.jobs, progress=sys.stderr):
        if outcome.error is not None or outcome.result is None:
            print(f"gongwen: {outcome.path}: {outcome.error}", file=sys.stderr)
            failed += 1
            continue
        files += 1
        diagnostics = outcome.result
        if args.fix or args.diff:
            diagnostics, count = _fix(outcome.path, diagnostics, args, write)
            fixed += count
            if args.diff:
                continue
        findings = [d for d in diagnostics if d.severity.weight >= threshold]
        found.extend(findings)
        if args.statistics:
            continue
        if args.format in ("text", "github", "jsonl"):
            for finding in findings:
                print(_line(finding, args.format, colour))
    if args.statistics:
        for (code, message), count in _statistics(found):
            print(f"{count:6}  {code}  {message}")
    elif args.format == "json":
        print(json.dumps([d.model_dump(mode="json") for d in found], ensure_ascii=False, indent=1))
    elif args.format == "sarif":
        print(json.dumps(sarif(found), ensure_ascii=False, indent=1))
    if args.format == "text" and not args.diff:
        print(_summary(files, found, fixed, failed), file=sys.stderr)
    if args.diff:
        return 1 if fixed else (2 if failed else 0)
    return 2 if failed else (1 if found else 0)


def _annotate(args: argparse.Namespace, paths: list[str], document_of: Callable[[str, str | None], Any],
              write: Callable[[Path, bytes], None], threshold: int, profile: Profile) -> int:
    """``--annotate``: the findings on one Word file, printed and written into a copy of it as
    comments."""
    from gongwen.checks import check
    from gongwen.word.comments import annotate, fixable

    if len(paths) != 1 or paths[0] == "-":
        print("gongwen: --annotate takes one Word file", file=sys.stderr)
        return 2
    path = paths[0]
    target = Path(args.annotate)
    try:
        data = read_bytes(path)
        if not is_word(data, path) or target.suffix.lower() != ".docx":
            raise InputError(path, "--annotate writes comments into a Word file (.docx) only, to a .docx")
        if target.exists() and target.resolve() == Path(path).resolve():
            raise InputError(path, "--annotate writes a copy: name another file than the one checked")
        doc = document_of(path, args.encoding)
        findings = [d for d in check(doc, args.select, args.ignore, profile)
                    if d.severity.weight >= threshold]
        fixed = [f for f in findings if args.fix and fixable(doc, f, profile) is not None]
        write(target, annotate(data, path, doc, findings, fix=profile if args.fix else None))
    except InputError as error:
        print(f"gongwen: {error}", file=sys.stderr)
        return 2
    left = [finding for finding in findings if finding not in fixed]
    for finding in left:
        print(_line(finding, args.format if args.format in ("text", "github", "jsonl") else "text", False))
    print(f"{_summary(1, left, len(fixed), 0)}; {len(left)} comments"
          f"{f' and {len(fixed)} tracked changes' if fixed else ''} written to {target}", file=sys.stderr)
    return 1 if left else 0


def _job(path: str, select: str, ignore: str, encoding: str | None,
         document_of: Callable[[str, str | None], Any], profile: Profile) -> list[Diagnostic]:
    from gongwen.checks import check

    return check(document_of(path, encoding), select, ignore, profile)


def _fix(path: str, diagnostics: list[Diagnostic], args: argparse.Namespace,
         write: Callable[[Path, bytes], None]) -> tuple[list[Diagnostic], int]:
    """Fix one file (or print its diff); the findings left, and how many were fixed."""
    from gongwen import parse
    from gongwen.checks import check
    from gongwen.checks.fixes import fix_until_done

    if not any(d.fix is not None and (args.unsafe_fixes or not d.unsafe_fix) for d in diagnostics):
        return diagnostics, 0
    try:
        data = read_bytes(path)
        if extracted_format(data, path):
            raise InputError(path, "a Word, PDF, OFD or web page file is checked, not rewritten (for a Word "
                                   "file, --fix --annotate OUT.docx writes a copy with its layout fixed)")
        text, encoding = decode(data, path, args.encoding)
    except InputError as error:
        print(f"gongwen: {error}", file=sys.stderr)
        return diagnostics, 0

    def findings_of(current: str) -> list[Diagnostic]:
        return check(parse(current, encoding=encoding, path=path), args.select, args.ignore)

    new, count = fix_until_done(text, findings_of, unsafe=args.unsafe_fixes)
    if args.diff:
        import difflib

        sys.stdout.writelines(difflib.unified_diff(
            text.splitlines(keepends=True), new.splitlines(keepends=True), path, path))
        return diagnostics, count
    try:
        encoded = new.encode(_codec(encoding, data))
    except UnicodeEncodeError:
        print(f"gongwen: {path}: not fixed: the fixes cannot be written in {encoding}", file=sys.stderr)
        return diagnostics, 0
    try:
        if args.backup:
            write(Path(path + ".orig"), data)
        write(Path(path), encoded)
    except OSError as error:
        print(f"gongwen: {path}: not fixed: cannot write it: {error.strerror or error}", file=sys.stderr)
        return diagnostics, 0
    return findings_of(new), count


def _codec(encoding: str, data: bytes) -> str:
    """The codec that writes a text back as its file had it (a byte order mark is in the
    text as U+FEFF)."""
    if encoding == "utf-8-sig":
        return "utf-8"
    if encoding == "utf-16":
        return "utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le"
    return encoding


def _colour(stream: Any) -> bool:
    """Colours on a terminal only, unless NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def _line(finding: Diagnostic, form: str, colour: bool) -> str:
    if form == "jsonl":
        return json.dumps(finding.model_dump(mode="json"), ensure_ascii=False)
    if form == "github":  # a workflow command: ::error file=…,line=…::message
        level = {"info": "notice"}.get(finding.severity.value, finding.severity.value)
        message = f"{finding.code} {finding.message}".replace("%", "%25").replace("\n", "%0A")
        return (f"::{level} file={finding.path or '-'},line={finding.line},col={finding.col},"
                f"endLine={finding.end_line},endColumn={finding.end_col},title={finding.code}::{message}")
    text = finding.format()
    if colour:
        code = _COLOURS[finding.severity.value]
        where, _, rest = text.partition(f" {finding.code} ")
        return f"\033[1m{where}\033[0m \033[{code}m{finding.code}\033[0m {rest}"
    return text


def _summary(files: int, found: list[Diagnostic], fixed: int, failed: int) -> str:
    """``3 files checked: 5 findings (2 errors, 3 warnings), 4 fixed``."""
    counts = collections.Counter(d.severity.value for d in found)
    parts = [_count(counts[s], s) for s in ("error", "warning", "info") if counts[s]]
    said = _count(len(found), "finding") + (f" ({', '.join(parts)})" if parts else "")
    extra = (f", {fixed} fixed" if fixed else "") + (f", {_count(failed, 'file')} not read" if failed else "")
    return f"{_count(files, 'file')} checked: {said}{extra}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _statistics(found: list[Diagnostic]) -> Iterator[tuple[tuple[str, str], int]]:
    """(code, the rule's summary) and how many findings, most first, like ruff."""
    from gongwen.checks import RULES

    counts = collections.Counter(d.code for d in found)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        yield (code, RULES[code].summary.rstrip(".")), count


def sarif(found: list[Diagnostic]) -> dict[str, Any]:
    """The findings as a SARIF 2.1.0 log: one run, the rules it used, a result each."""
    from gongwen.checks import RULES

    used = sorted({d.code for d in found})
    rules = [{"id": code, "shortDescription": {"text": RULES[code].summary},
              "fullDescription": {"text": RULES[code].doc},
              "defaultConfiguration": {"level": _SARIF_LEVELS[RULES[code].severity.value]}}
             for code in used]
    results = [{
        "ruleId": d.code, "ruleIndex": used.index(d.code), "level": _SARIF_LEVELS[d.severity.value],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": Path(d.path).as_posix() if d.path else "-"},
            "region": {"startLine": d.line, "startColumn": d.col, "endLine": d.end_line,
                       "endColumn": d.end_col},
        }}],
    } for d in found]
    return {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "gongwen", "version": __version__,
                            "informationUri": "https://pypi.org/project/gongwen/", "rules": rules}},
        "results": results,
    }]}
