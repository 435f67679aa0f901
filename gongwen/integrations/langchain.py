"""LangChain: a document loader for 公文 files and a splitter for 公文 text, giving
section-aware chunks as ``langchain_core`` documents with their structure as metadata."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.document_loaders import BaseLoader
from langchain_core.documents import BaseDocumentTransformer
from langchain_core.documents import Document as LangChainDocument

from gongwen.batch import expand
from gongwen.chunks import Chunk
from gongwen.parser import parse
from gongwen.reader import parse_file


def to_langchain(chunk: Chunk, **metadata: Any) -> LangChainDocument:
    """A chunk as a LangChain document: its text, and its metadata after ``metadata``;
    ``source`` is the file, as LangChain's loaders name it."""
    return LangChainDocument(
        page_content=chunk.embedding_text,
        metadata={**metadata, "source": chunk.path, **chunk.metadata()},
    )


class GongwenLoader(BaseLoader):
    """Load files (.txt, .md, .docx; folders and globs too) as section-aware chunks."""

    def __init__(self, paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *,
                 max_chars: int = 1000, overlap: int = 0) -> None:
        named = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        self.paths = expand([os.fspath(p) for p in named]).paths
        self.max_chars = max_chars
        self.overlap = overlap

    def lazy_load(self) -> Iterator[LangChainDocument]:
        for path in self.paths:
            for chunk in parse_file(path).chunks(self.max_chars, self.overlap):
                yield to_langchain(chunk)


class GongwenSplitter(BaseDocumentTransformer):
    """Split documents whose text is a 公文 into section-aware chunks; each keeps the
    metadata of the document it came from."""

    def __init__(self, max_chars: int = 1000, overlap: int = 0) -> None:
        self.max_chars = max_chars
        self.overlap = overlap

    def split_text(self, text: str) -> list[str]:
        return [chunk.embedding_text for chunk in parse(text).chunks(self.max_chars, self.overlap)]

    def split_documents(self, documents: Sequence[LangChainDocument]) -> list[LangChainDocument]:
        out: list[LangChainDocument] = []
        for document in documents:
            path = document.metadata.get("source")
            doc = parse(document.page_content, path=str(path) if path is not None else None)
            out.extend(to_langchain(chunk, **document.metadata)
                       for chunk in doc.chunks(self.max_chars, self.overlap))
        return out

    def transform_documents(self, documents: Sequence[LangChainDocument],
                            **kwargs: Any) -> Sequence[LangChainDocument]:
        return self.split_documents(documents)
