"""Corpora beyond one machine: paths (local or any fsspec URL) as a Dask bag of parsed
documents, and a Dask dataframe of their sections that writes to Parquet.

Needs the optional extra ``gongwen[dask]``. The same code runs on a laptop's
processes or on a cluster: create a ``dask.distributed.Client`` for it first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import fsspec
import pandas as pd
from dask import bag as db

from gongwen.document import Document
from gongwen.nodes import Section
from gongwen.reader import InputError, parse_bytes

if TYPE_CHECKING:
    from dask.dataframe import DataFrame

SECTION_COLUMNS = {
    "document": "string", "number_path": "string", "level": "int64", "heading": "string",
    "text": "string", "start": "int64", "end": "int64", "line": "int64",
}


def documents(urlpath: str | list[str], *, npartitions: int | None = None,
              errors: Literal["keep", "raise"] = "keep", **storage: Any) -> db.Bag:
    """A bag of :class:`Document`, one per file matched by ``urlpath`` (a path, a glob or
    a list of them, local or remote: ``s3://bucket/corpus/*.txt``), in the order of their
    names. ``storage`` goes to fsspec (credentials and the like). Files are read and
    parsed on the workers. A file that cannot be read is an :class:`InputError` in the
    bag, in its place (``errors="keep"``: ``failures(bag)`` lists them and
    :func:`sections` passes them over), or fails the computation (``errors="raise"``)."""
    named = sorted((_name(f), f) for f in fsspec.open_files(urlpath, mode="rb", **storage))
    paths, files = [name for name, _ in named], [f for _, f in named]
    partitions = npartitions or max(1, min(len(files), 100))
    bag = db.from_sequence(list(zip(files, paths, strict=True)), npartitions=partitions)
    return bag.map(_parse if errors == "raise" else _parse_or_error)


def failures(docs: db.Bag) -> db.Bag:
    """The files of a :func:`documents` bag that could not be read, as InputErrors."""
    return docs.filter(lambda item: isinstance(item, InputError))


def _name(open_file: Any) -> str:
    """A local file's path as it stands; a remote one's full URL."""
    protocol = open_file.fs.protocol
    protocols = (protocol,) if isinstance(protocol, str) else tuple(protocol)
    return str(open_file.path) if "file" in protocols else str(open_file.full_name)


def _parse(item: tuple[Any, str]) -> Document:
    open_file, path = item
    with open_file as handle:
        return parse_bytes(handle.read(), path)


def _parse_or_error(item: tuple[Any, str]) -> Document | InputError:
    try:
        return _parse(item)
    except InputError as error:
        return error


def section_rows(doc: Document | InputError) -> list[dict[str, Any]]:
    """One row per section of ``doc``, in document order (none for a file that could not
    be read)."""
    if isinstance(doc, InputError):
        return []
    return [
        {
            "document": doc.path or "", "number_path": " / ".join(section.number_path),
            "level": section.level, "heading": section.heading_text, "text": section.text,
            "start": section.start, "end": section.end, "line": section.line,
        }
        for section in doc.find_all(Section)
    ]


def sections(docs: db.Bag) -> DataFrame:
    """A dataframe of every section of every document: document (its path), number_path
    ('二 / （一）'), level, heading, text, start, end, line. ``.to_parquet(url)`` writes it."""
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in SECTION_COLUMNS.items()})
    return docs.map(section_rows).flatten().to_dataframe(meta=meta)
