"""The ``gongwen`` command: parse, outline, check, rules, schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence

from gongwen.checks import RULES, Diagnostic, Severity
from gongwen.checks.registry import run, selected
from gongwen.document import Document
from gongwen.reader import InputError, parse_file
from gongwen.schema import schema


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongwen", description="Read Chinese official documents into a typed tree."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse", help="print the JSON tree of each file (one line per file unless --indent)"
    )
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument("--indent", type=int, default=None, metavar="N",
                       help="indent the JSON by N spaces")
    outline = commands.add_parser(
        "outline", help="print the sections of each file: marker, heading, line number"
    )
    outline.add_argument("files", nargs="+", metavar="FILE")
    commands.add_parser("schema", help="print the JSON Schema of the tree")
    check = commands.add_parser(
        "check", help="check the structure of each file; exit 1 when there are findings"
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: path:line:col: CODE message (default); json: a list")
    check.add_argument("--select", type=_codes, default=[], metavar="CODES",
                       help="only these codes or prefixes, comma-separated (GW1,GW401)")
    check.add_argument("--ignore", type=_codes, default=[], metavar="CODES",
                       help="leave out these codes or prefixes")
    check.add_argument("--severity", choices=[s.value for s in Severity], default="info",
                       help="report only findings at or above this severity (default: info)")
    rules = commands.add_parser("rules", help="list the rules, or print one rule's documentation")
    rules.add_argument("code", nargs="?", metavar="CODE")
    return parser


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 usage or input error)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.command == "schema":
        print(json.dumps(schema(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "rules":
        return _rules(args.code)
    if args.command == "check":
        return _check(args)
    failed: list[str] = []
    for index, (path, doc) in enumerate(_documents(args.files, failed)):
        if args.command == "parse":
            print(doc.model_dump_json(indent=args.indent))
        else:
            if len(args.files) > 1:
                print(("\n" if index else "") + f"== {path}")
            print(doc.outline())
    return 2 if failed else 0


def _documents(paths: list[str], failed: list[str]) -> Iterator[tuple[str, Document]]:
    """Parse each file in turn; one that cannot be read is reported on stderr, added to
    ``failed``, and does not stop the rest."""
    for path in paths:
        try:
            yield path, parse_file(path)
        except InputError as error:
            print(f"gongwen: {error}", file=sys.stderr)
            failed.append(path)


def _rules(code: str | None) -> int:
    if code is None:
        for rule in sorted(RULES.values(), key=lambda r: r.code):
            off = "" if rule.default else " (off by default)"
            print(f"{rule.code}  {rule.severity.value:<7}  {rule.summary.rstrip('.')}{off}")
        return 0
    found = RULES.get(code.upper())
    if found is None:
        print(f"gongwen: no rule {code} (see `gongwen rules`)", file=sys.stderr)
        return 2
    off = ", off by default" if not found.default else ""
    print(f"{found.code} ({found.severity.value}{off})\n\n{found.doc}")
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        rules = selected(args.select, args.ignore)
    except ValueError as error:
        print(f"gongwen: {error}", file=sys.stderr)
        return 2
    threshold = Severity(args.severity).weight
    found: list[Diagnostic] = []
    failed: list[str] = []
    for _, doc in _documents(args.files, failed):
        findings = [d for d in run(doc, rules) if d.severity.weight >= threshold]
        found.extend(findings)
        if args.format == "text":
            for finding in findings:
                print(finding.format())
    if args.format == "json":
        print(json.dumps([d.model_dump(mode="json") for d in found], ensure_ascii=False, indent=1))
    return 2 if failed else (1 if found else 0)
