"""The JSON Schema of the tree, with each field's docstring as its description.

The docstrings are read from the source only here: pydantic's
``use_attribute_docstrings`` would read them at import, which costs every process
more than the models themselves.
"""

from __future__ import annotations

import ast
import inspect
from typing import Any, cast

from gongwen import document, nodes
from gongwen.document import Document


def schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of what ``Document.model_dump_json()`` writes."""
    result = Document.model_json_schema(mode="serialization")
    docs = {**_field_docs(nodes), **_field_docs(document)}
    for name, definition in [("Document", result), *result.get("$defs", {}).items()]:
        for field, prop in definition.get("properties", {}).items():
            model = getattr(nodes, name, None) or getattr(document, name, Document)
            doc = _inherited(docs, cast("type", model), field)
            if doc and "description" not in prop:
                prop["description"] = doc
    return result


def _inherited(docs: dict[tuple[str, str], str], cls: type, field: str) -> str | None:
    return next((docs[(base.__name__, field)] for base in cls.__mro__
                 if (base.__name__, field) in docs), None)


def _field_docs(module: object) -> dict[tuple[str, str], str]:
    """(class, field) → the string literal written just below the field's annotation."""
    docs: dict[tuple[str, str], str] = {}
    for cls in ast.walk(ast.parse(inspect.getsource(module))):  # type: ignore[arg-type]
        if not isinstance(cls, ast.ClassDef):
            continue
        for field, below in zip(cls.body, cls.body[1:], strict=False):
            if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                    and isinstance(below, ast.Expr) and isinstance(below.value, ast.Constant)
                    and isinstance(below.value.value, str)):
                docs[(cls.name, field.target.id)] = inspect.cleandoc(below.value.value)
    return docs
