"""The JSON Schema of the tree."""

from __future__ import annotations

from typing import Any

from gongwen.document import Document


def schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of what ``Document.model_dump_json()`` writes."""
    return Document.model_json_schema(mode="serialization")
