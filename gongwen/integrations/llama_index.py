"""LlamaIndex: section-aware chunks of 公文 as ``TextNode``s, and a node parser that
makes them from LlamaIndex documents (for an ``IngestionPipeline``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, NodeRelationship, TextNode

from gongwen.chunks import Chunk
from gongwen.document import Document
from gongwen.parser import parse

_NOT_FOR_EMBEDDING = ["start", "end", "overlap", "line_start", "line_end", "index", "path"]


def to_text_node(chunk: Chunk, **metadata: Any) -> TextNode:
    """A chunk as a TextNode; its offsets and lines are kept out of the embedded text."""
    return TextNode(
        text=chunk.embedding_text, metadata={**metadata, **chunk.metadata()},
        start_char_idx=chunk.start - chunk.overlap, end_char_idx=chunk.end,
        excluded_embed_metadata_keys=list(_NOT_FOR_EMBEDDING),
        excluded_llm_metadata_keys=list(_NOT_FOR_EMBEDDING),
    )


def text_nodes(doc: Document, max_chars: int = 1000, overlap: int = 0) -> list[TextNode]:
    """The chunks of a parsed document as TextNodes, in order."""
    return [to_text_node(chunk) for chunk in doc.chunks(max_chars, overlap)]


class GongwenNodeParser(NodeParser):
    """Parse each node's text as a 公文 and split it into section-aware TextNodes."""

    max_chars: int = 1000
    overlap: int = 0

    def _parse_nodes(self, nodes: Sequence[BaseNode], show_progress: bool = False,
                     **kwargs: Any) -> list[BaseNode]:
        out: list[BaseNode] = []
        for node in nodes:
            doc = parse(node.get_content())
            for chunk in doc.chunks(self.max_chars, self.overlap):
                text_node = to_text_node(chunk, **node.metadata)
                text_node.relationships[NodeRelationship.SOURCE] = node.as_related_node_info()
                out.append(text_node)
        return out
