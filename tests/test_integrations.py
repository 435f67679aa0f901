"""The LangChain and LlamaIndex adapters, with the real packages."""

from __future__ import annotations

from pathlib import Path

from langchain_core.documents import Document as LangChainDocument
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_core.vectorstores import InMemoryVectorStore
from llama_index.core import Document as LlamaDocument
from llama_index.core.ingestion import IngestionPipeline
from llama_index.core.schema import MetadataMode, NodeRelationship

from gongwen import parse_file
from gongwen.integrations.langchain import GongwenLoader, GongwenSplitter
from gongwen.integrations.llama_index import GongwenNodeParser, text_nodes
from tests.conftest import FIXTURES, SEEDS

NOTICE = FIXTURES / "docx" / "tongzhi-typed-fujian.docx"


def test_langchain_loader_gives_chunks_with_their_structure() -> None:
    documents = GongwenLoader([NOTICE, str(SEEDS[3])], max_chars=80).load()
    by_file: dict[str, list[LangChainDocument]] = {}
    for document in documents:
        by_file.setdefault(document.metadata["source"], []).append(document)
    assert list(by_file) == [str(NOTICE), str(SEEDS[3])]
    for path, chunks in by_file.items():
        text = parse_file(Path(path)).to_text()
        assert "".join(c.page_content[c.metadata["overlap"]:] for c in chunks) == text
        assert [c.metadata["index"] for c in chunks] == list(range(len(chunks)))
    notice = by_file[str(NOTICE)][0].metadata
    assert notice["title"] == "关于开展格式检查工作的通知" and notice["kind"] == "通知"
    assert any(c.metadata["heading_path"] == ["一、总体要求"] for c in by_file[str(NOTICE)])


def test_langchain_splitter_keeps_the_metadata_it_is_given_and_feeds_a_store() -> None:
    text = SEEDS[3].read_text(encoding="utf-8")
    splitter = GongwenSplitter(max_chars=500, overlap=50)
    chunks = splitter.split_documents([LangChainDocument(page_content=text,
                                                         metadata={"source": "a.txt", "year": 2023})])
    assert len(chunks) > 5 and all(c.metadata["year"] == 2023 for c in chunks)
    assert all(c.metadata["source"] == "a.txt" for c in chunks)
    assert splitter.split_text(text) == [c.page_content for c in chunks]
    assert chunks[1].metadata["heading_path"][0].startswith("一、")
    store = InMemoryVectorStore.from_documents(chunks, DeterministicFakeEmbedding(size=64))
    assert store.similarity_search(chunks[4].page_content, k=1)[0].page_content == chunks[4].page_content


def test_llama_index_text_nodes_and_node_parser() -> None:
    doc = parse_file(SEEDS[2])
    nodes = text_nodes(doc, max_chars=600)
    assert "".join(n.text for n in nodes) == doc.to_text()
    assert [n.start_char_idx for n in nodes] == [0] + [n.end_char_idx for n in nodes[:-1]]
    embedded = nodes[1].get_content(metadata_mode=MetadataMode.EMBED)
    assert "heading_path" in embedded and "line_start" not in embedded
    source = LlamaDocument(text=doc.to_text(), metadata={"file": "seed"})
    parsed = IngestionPipeline(transformations=[GongwenNodeParser(max_chars=600)]).run(
        documents=[source])
    assert [n.get_content() for n in parsed] == [n.text for n in nodes]
    assert parsed[0].metadata["file"] == "seed"
    assert parsed[0].relationships[NodeRelationship.SOURCE].node_id == source.doc_id
