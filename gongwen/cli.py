"""The ``gongwen`` command: parse, convert, chunks, outline, check, report, rules, schema."""

from __future__ import annotations

import argparse
import codecs
import collections
import contextlib
import functools
import io
import json
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from gongwen import __version__, batch, checkrun
from gongwen.document import Document
from gongwen.jsontext import dump_json
from gongwen.reader import parse_bytes, parse_file
from gongwen.schema import schema

if TYPE_CHECKING:
    from gongwen.checks import Profile
    from gongwen.report import Summary

T = TypeVar("T")
_SEVERITIES = ("info", "warning", "error")  # gongwen.checks.Severity, without loading the rules
_INDENT_MAX = 16
_STDIN = "-"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongwen", description="Read Chinese official documents into a typed tree."
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse", help="print the JSON tree of each file (one line per file unless --indent)"
    )
    _add_files(parse)
    parse.add_argument("--indent", type=_bounded(0, _INDENT_MAX), default=None, metavar="N",
                       help=f"indent the JSON by N spaces (0 to {_INDENT_MAX}; one file, printed)")
    parse.add_argument("--jsonl", metavar="OUT",
                       help="write one document per line to OUT instead of printing")
    convert = commands.add_parser(
        "convert", help="write each file as Markdown, JSON or its plain text"
    )
    _add_files(convert)
    convert.add_argument("--to", choices=tuple(_CONVERSIONS), default="markdown",
                         help="markdown (default): title #, sections ## … by level; json: the "
                              "tree; text: the text as read (from a .docx: as Word shows it)")
    convert.add_argument("--no-residue", action="store_true",
                         help="with --to markdown: leave out what the parser knows is residue "
                              "(&emsp;, ** and ## of a conversion, page numbers, paywall marks)")
    convert.add_argument("--output-dir", metavar="DIR",
                         help="write FILE's result to DIR/FILE.md|.json|.txt instead of printing")
    chunks = commands.add_parser(
        "chunks", help="print the section-aware chunks of each file, one JSON object per line"
    )
    _add_files(chunks)
    chunks.add_argument("--max-chars", type=_bounded(1, None), default=1000, metavar="N",
                        help="at most N characters of its own per chunk (default: 1000)")
    chunks.add_argument("--overlap", type=_bounded(0, None), default=0, metavar="N",
                        help="start each chunk with the last N characters of the one before")
    outline = commands.add_parser(
        "outline", help="print the sections of each file: marker, heading, line number"
    )
    _add_files(outline)
    outline.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                         help="text (default): indented, with line numbers; markdown: a "
                              "nested list; json: the section tree with offsets")
    report = commands.add_parser(
        "report", help="write each file as an HTML page: its text with the structure read and the "
                       "findings where they stand (several files: an index page too)")
    _add_files(report)
    report.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="the page to write, for one file (OUT.html); otherwise the folder to "
                             "write FILE.html and index.html in")
    report.add_argument("--max-chars", type=_bounded(1, None), default=1000, metavar="N",
                        help="the chunk size whose boundaries the page can show (default: 1000)")
    checkrun.add_rule_options(report)
    commands.add_parser("schema", help="print the JSON Schema of the tree")
    check = commands.add_parser(
        "check", help="check the structure of each file; exit 1 when there are findings"
    )
    _add_files(check)
    checkrun.add_arguments(check, _SEVERITIES)
    rules = commands.add_parser("rules", help="list the rules, or print one rule's documentation")
    rules.add_argument("code", nargs="?", metavar="CODE")
    return parser


def _add_files(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="+", metavar="PATH",
                         help="files, folders or glob patterns; - reads standard input. A "
                              "folder gives its .txt, .md, .docx, .pdf, .ofd and .html files, "
                              "leaving out hidden folders, virtual environments and what a "
                              ".gitignore ignores")
    command.add_argument("--jobs", type=_bounded(1, None), default=batch.default_jobs(), metavar="N",
                         help="parse in N processes (default: one per core)")
    command.add_argument("--encoding", metavar="CODEC",
                         help="read text files in this encoding (gbk, big5, utf-16-le …) instead "
                              "of recognising UTF-8, UTF-16, GB18030 or Big5")


def _bounded(low: int, high: int | None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (no upper bound: None)."""

    def number(value: str) -> int:
        try:
            parsed = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if parsed < low or (high is not None and parsed > high):
            span = f"at least {low}" if high is None else f"from {low} to {high}"
            raise argparse.ArgumentTypeError(f"{parsed}: must be {span}")
        return parsed

    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 findings, 2 usage or input
    error)."""
    for stream in (sys.stdout, sys.stderr):  # paths and text may hold lone surrogates
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except batch.WorkerDied as error:
        print(f"gongwen: {error}; the files before it were done", file=sys.stderr)
        return 2
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (below): what is done stays
        terminated = isinstance(stop, _Terminated)
        print(f"gongwen: {'terminated' if terminated else 'interrupted'}: the files already "
              "written are complete, no other was started", file=sys.stderr)
        return 143 if terminated else 130
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands, so that it ends as on Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def _run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        print(json.dumps(schema(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "rules":
        return _rules(args.code)
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            print(f"gongwen: --encoding: no such encoding: {args.encoding}", file=sys.stderr)
            return 2
    found = batch.expand(args.files)
    for note in found.notes:
        print(f"gongwen: {note}", file=sys.stderr)
    paths = found.paths
    if not paths:
        print("gongwen: no input files", file=sys.stderr)
        return 2
    if _STDIN in paths:
        args.jobs = 1  # standard input is read here, not in a worker
        if getattr(args, "fix", False) or getattr(args, "diff", False):
            print("gongwen: --fix and --diff rewrite files: standard input is checked, not fixed",
                  file=sys.stderr)
            return 2
    if args.command == "check":
        return checkrun.run(args, paths, _document, _write_atomically)
    if args.command == "report":
        return _report(args, paths)
    several = len(paths) > 1
    if args.command == "outline":
        job: Callable[[str], bytes] = functools.partial(
            _outline_job, form=args.format, encoding=args.encoding)
    elif args.command == "chunks":
        if args.overlap >= args.max_chars:
            print("gongwen: need 0 <= --overlap < --max-chars", file=sys.stderr)
            return 2
        job = functools.partial(_chunks_job, max_chars=args.max_chars, overlap=args.overlap,
                                encoding=args.encoding)
    elif args.command == "convert":
        job = functools.partial(_convert_job, to=args.to, encoding=args.encoding,
                                residue=not args.no_residue)
        if args.output_dir:
            return _convert_to_files(args, job, paths)
    else:
        if args.indent is not None and (several or args.jsonl):
            print("gongwen: --indent prints one document; several files, or --jsonl, are "
                  "written one document per line", file=sys.stderr)
            return 2
        job = functools.partial(_parse_job, indent=args.indent, encoding=args.encoding)
    # human formats on several files get a header per file; machine formats are JSON lines
    headed = several and (args.command, getattr(args, "format", None), getattr(args, "to", None)) in (
        ("outline", "text", None), ("outline", "markdown", None),
        ("convert", None, "markdown"), ("convert", None, "text"))
    sys.stdout.flush()
    jsonl = getattr(args, "jsonl", None)
    if jsonl:
        return _write_jsonl(args, job, paths, jsonl)
    out: IO[bytes] = sys.stdout.buffer
    failed = 0
    for index, outcome in enumerate(batch.run(job, paths, jobs=args.jobs, progress=sys.stderr)):
        result = _result(outcome)
        if result is None:
            failed += 1
            continue
        if headed:
            out.write(_utf8(f"{chr(10) if index else ''}== {outcome.path}\n"))
        exact = args.command == "convert" and args.to != "json"  # the text as it is
        out.write(result if exact else result + b"\n")
        out.flush()
    return 2 if failed else 0


def _write_jsonl(args: argparse.Namespace, job: Callable[[str], bytes], paths: list[str], target: str) -> int:
    """parse --jsonl: every document, a line each, written to a temporary file beside the
    target and renamed into place; nothing is left behind when that cannot be done."""
    where = os.path.abspath(target)
    problem = (
        "is one of the input files" if where in {os.path.abspath(p) for p in paths}
        else "is a folder" if os.path.isdir(where)
        else "no such folder to write it in" if not os.path.isdir(os.path.dirname(where))
        else None
    )
    if problem:
        print(f"gongwen: {target}: {problem}", file=sys.stderr)
        return 2
    temporary = None
    failed = 0
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=os.path.dirname(where), delete=False, prefix=".gongwen-", suffix=".jsonl"
        ) as out:
            temporary = out.name
            for outcome in batch.run(job, paths, jobs=args.jobs, progress=sys.stderr):
                result = _result(outcome)
                if result is None:
                    failed += 1
                    continue
                out.write(result + b"\n")
        os.replace(temporary, where)
        temporary = None
    except OSError as error:
        print(f"gongwen: {target}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 2
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return 2 if failed else 0


def _result(outcome: batch.Outcome[T]) -> T | None:
    """What the job gave for a file; None when it failed, after saying why on stderr."""
    if outcome.error is None and outcome.result is not None:
        return outcome.result
    print(f"gongwen: {outcome.path}: {outcome.error}", file=sys.stderr)
    return None


def _document(path: str, encoding: str | None) -> Document:
    """The document of a file; ``-`` is standard input (read in this process)."""
    if path == _STDIN:
        return parse_bytes(sys.stdin.buffer.read(), "<stdin>", encoding)
    return parse_file(path, encoding)


def _parse_job(path: str, indent: int | None, encoding: str | None) -> bytes:
    """The JSON tree as UTF-8 bytes: what ``model_dump_json()`` gives, without making a
    str of it (4 bytes a character once the text holds one character beyond U+FFFF)."""
    doc = _document(path, encoding)
    return dump_json(doc, indent)


def _outline_job(path: str, form: str, encoding: str | None) -> bytes:
    from gongwen.outline import outline_data, outline_markdown

    doc = _document(path, encoding)
    if form == "json":
        return _utf8(json.dumps(outline_data(doc), ensure_ascii=False))
    return _utf8(outline_markdown(doc).rstrip("\n") if form == "markdown" else doc.outline())


def _chunks_job(path: str, max_chars: int, overlap: int, encoding: str | None) -> bytes:
    return b"\n".join(dump_json(chunk)
                      for chunk in _document(path, encoding).chunks(max_chars, overlap))


_CONVERSIONS = {"markdown": ".md", "json": ".json", "text": ".txt"}


def _convert_job(path: str, to: str, encoding: str | None, residue: bool = True) -> bytes:
    if to == "json":
        return _parse_job(path, indent=None, encoding=encoding)
    doc = _document(path, encoding)
    return _utf8(doc.to_markdown(residue=residue) if to == "markdown" else doc.to_text())


def _utf8(text: str) -> bytes:
    """UTF-8; a lone surrogate (a file name not in UTF-8, say) written as its escape \\udc80,
    which inside a JSON string is that very character."""
    return text.encode("utf-8", "backslashreplace")


def _convert_to_files(args: argparse.Namespace, job: Callable[[str], bytes],
                      paths: list[str]) -> int:
    """Each result to its own file in --output-dir; an input is never written over."""
    folder = Path(args.output_dir)
    targets = [folder / (Path(p).stem + _CONVERSIONS[args.to]) for p in paths]
    if not _ready(folder, targets, paths):
        return 2
    written = _write_each(job, paths, targets, args.jobs, lambda result: result)
    return 2 if written is None or len(written) < len(paths) else 0


def _ready(folder: Path, targets: list[Path], paths: list[str]) -> bool:
    """Whether ``targets`` can be written: none is an input, none would be written twice,
    and ``folder`` exists (made when missing); if not, says why."""
    inputs = {os.path.abspath(p) for p in paths}
    clashes = [t for t in targets if os.path.abspath(t) in inputs]
    repeated = {t for t, count in collections.Counter(targets).items() if count > 1}
    if clashes or repeated:
        name = (clashes or sorted(repeated))[0]
        why = "is one of the input files" if clashes else "would be written by two inputs"
        print(f"gongwen: {name}: {why}", file=sys.stderr)
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"gongwen: {folder}: cannot write here: {error.strerror or error}", file=sys.stderr)
        return False
    return True


def _write_each(job: Callable[[str], T], paths: list[str], targets: list[Path], jobs: int,
                content: Callable[[T], bytes]) -> list[tuple[Path, T]] | None:
    """Run ``job`` on each path and write the ``content`` of its result to its target;
    each target written with its result, or None when one could not be written (said on
    stderr)."""
    written = []
    for target, outcome in zip(targets, batch.run(job, paths, jobs=jobs, progress=sys.stderr),
                               strict=True):
        result = _result(outcome)
        if result is None:
            continue
        try:
            _write_atomically(target, content(result))
        except OSError as error:
            print(f"gongwen: {target}: cannot write: {error.strerror or error}", file=sys.stderr)
            return None
        written.append((target, result))
    return written


def _report(args: argparse.Namespace, paths: list[str]) -> int:
    """report: a page per file, written atomically; for several files (or a folder named),
    an index page beside them. An input file is never written over."""
    profile = checkrun.rule_options(args)
    if profile is None:
        return 2
    out = Path(args.output)
    single = len(paths) == 1 and out.suffix.lower() in (".html", ".htm")
    folder = out.parent if single else out
    targets = [out] if single else [folder / name for name in _page_names(paths)]
    index = folder / "index.html"
    if not _ready(folder, targets if single else [*targets, index], paths):
        return 2
    job = functools.partial(_report_job, encoding=args.encoding, max_chars=args.max_chars,
                            select=args.select, ignore=args.ignore, profile=profile)
    written = _write_each(job, paths, targets, args.jobs, lambda result: result[0])
    if written is None:
        return 2
    if not single:
        from gongwen.report import index_html

        listed = [(target.name, summary) for target, (_, summary) in written]
        _write_atomically(index, _utf8(index_html(listed)))
    return 2 if len(written) < len(paths) else 0


def _page_names(paths: list[str]) -> list[str]:
    """FILE.html for each input (standard input: stdin.html), numbered where two inputs
    share a name or one would be the index page."""
    taken = {"index.html"}
    names = []
    for path in paths:
        stem = "stdin" if path == _STDIN else Path(path).stem
        name, number = f"{stem}.html", 1
        while name in taken:
            number += 1
            name = f"{stem}-{number}.html"
        taken.add(name)
        names.append(name)
    return names


def _report_job(path: str, encoding: str | None, max_chars: int, select: str, ignore: str,
                profile: Profile) -> tuple[bytes, Summary]:
    from gongwen.checks import check
    from gongwen.report import Summary, to_html

    doc = _document(path, encoding)
    findings = check(doc, select or None, ignore or None, profile)
    return _utf8(to_html(doc, findings, max_chars)), Summary.of(doc, findings, path)


def _write_atomically(target: Path, data: bytes) -> None:
    """Write under a temporary name beside ``target``, then rename: a reader never sees a
    half-written file, and a failure leaves none."""
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as out:
            temporary = out.name
            out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
        temporary = None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _rules(code: str | None) -> int:
    from gongwen.checks import RULES

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
