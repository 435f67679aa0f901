"""Adapters for retrieval frameworks: :mod:`gongwen.integrations.langchain` (extra
``gongwen[langchain]``) and :mod:`gongwen.integrations.llama_index` (extra
``gongwen[llama-index]``). Both give the chunks of :meth:`Document.chunks` with their
metadata: heading path, offsets, line range, title, kind and file."""
