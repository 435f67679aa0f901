"""A parsed document keeps its compact form and builds its nodes when they are looked at:
whichever way it is read first, the tree is the one its JSON holds."""

from __future__ import annotations

import copy
import gc
import pickle
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gongwen
from gongwen import Document
from gongwen.nodes import FIELDS
from tests.conftest import SEEDS

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _text() -> str:
    return SEEDS[0].read_text(encoding="utf-8")


def _compact(doc: Document) -> bool:
    """Whether the document still holds its compact form, no children built."""
    return "children" not in FIELDS.__get__(doc)


READS: dict[str, Callable[[Document], Any]] = {
    "children": lambda doc: doc.children,
    "a part": lambda doc: doc.title,
    "model_dump_json": lambda doc: Document.model_validate_json(doc.model_dump_json()),
    "the serializer": lambda doc: Document.model_validate_json(doc.__pydantic_serializer__.to_json(doc)),
    "model_dump": lambda doc: Document.model_validate(doc.model_dump()),
    "repr": repr,
    "iteration": lambda doc: dict(doc)["children"],
    "vars": lambda doc: vars(doc)["children"],
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "model_copy": lambda doc: doc.model_copy(update={"path": None}),
    "pickle": lambda doc: pickle.loads(pickle.dumps(doc)),
    "walk": lambda doc: list(doc.walk()),
    "equality": lambda doc: doc == gongwen.parse(_text()),
}


def test_a_parse_builds_no_node() -> None:
    assert _compact(gongwen.parse(_text()))


@pytest.mark.parametrize("read", READS, ids=list(READS))
def test_any_first_read_builds_the_same_tree(read: str) -> None:
    text = _text()
    reference = Document.model_validate_json(gongwen.parse(text).model_dump_json())
    doc = gongwen.parse(text)
    READS[read](doc)
    assert not _compact(doc)
    assert doc == reference
    assert doc.model_dump_json() == reference.model_dump_json()
    assert list(FIELDS.__get__(doc)) == list(FIELDS.__get__(reference))  # the fields' order
    assert doc.__pydantic_private__ is not None and doc.__pydantic_private__["_compact"] is None


def test_copies_and_pickles_are_whole() -> None:
    doc = gongwen.parse(_text())
    for other in (copy.copy(doc), copy.deepcopy(doc), pickle.loads(pickle.dumps(doc))):
        assert not _compact(other) and other == doc and other.to_text() == _text()


def test_threads_reading_at_once_see_one_tree() -> None:
    doc = gongwen.parse(_text() * 20)
    seen: list[int] = []
    barrier = threading.Barrier(4)

    def read() -> None:
        barrier.wait()
        seen.append(id(doc.children))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1


def test_a_missing_attribute_is_still_an_attribute_error() -> None:
    doc = gongwen.parse(_text())
    with pytest.raises(AttributeError, match="no_such_field"):
        doc.no_such_field  # type: ignore[attr-defined]  # noqa: B018
    assert _compact(doc)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_a_parse_retains_under_three_times_its_text_and_peaks_under_five() -> None:
    """Memory is measured in bytes allocated, the same on every machine: the compact form
    and the text, against the UTF-8 bytes of the input (after a first parse has compiled
    what a process compiles once). The peak is the tokens of every line at once, each
    holding its text once."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    gongwen.parse(text).model_dump_json()
    gc.collect()
    tracemalloc.start()
    doc = gongwen.parse(text)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert _compact(doc)
    size = len(text.encode("utf-8"))
    assert retained / size <= 3
    assert peak / size <= 5
