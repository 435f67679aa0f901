"""The ``gongwen`` command: parse, outline, schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 usage or input error)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.command == "schema":
        print(json.dumps(schema(), ensure_ascii=False, indent=2))
        return 0
    status = 0
    for index, path in enumerate(args.files):
        try:
            doc = parse_file(path)
        except InputError as error:
            print(f"gongwen: {error}", file=sys.stderr)
            status = 2
            continue
        if args.command == "parse":
            print(doc.model_dump_json(indent=args.indent))
        else:
            if len(args.files) > 1:
                print(("\n" if index else "") + f"== {path}")
            print(doc.outline())
    return status
