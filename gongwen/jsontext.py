"""JSON of the tree for any Python ``str``.

pydantic writes JSON as UTF-8, which cannot hold a lone surrogate (U+D800–U+DFFF):
a file name that is not UTF-8 (read with ``surrogateescape``) or a string built in
Python may carry one. Such a model is written with every non-ASCII character
escaped (``\\udc80``), which JSON allows, and read back with Python's JSON reader,
since pydantic's refuses such an escape. Everything else takes pydantic's fast path.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, ValidationError

M = TypeVar("M", bound=BaseModel)


def dump_json(model: BaseModel, indent: int | None = None, **options: Any) -> bytes:
    """``model`` as JSON bytes, what ``model_dump_json`` gives when it can."""
    try:
        return model.__pydantic_serializer__.to_json(model, indent=indent, **options)
    except PydanticSerializationError:
        data = model.model_dump(mode="json", **options)
        separators = (",", ":") if indent is None else (",", ": ")
        return json.dumps(data, ensure_ascii=True, indent=indent, separators=separators).encode("ascii")


def load_json(cls: type[M], data: str | bytes | bytearray) -> M:
    """A model from its JSON, lone surrogates escaped in it included."""
    try:
        return cls.__pydantic_validator__.validate_json(data)  # type: ignore[no-any-return]
    except ValidationError as error:
        if not any(e["type"] == "json_invalid" for e in error.errors()):
            raise
        return cls.model_validate(json.loads(data))
