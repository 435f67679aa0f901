"""What the parser gives today, kept as digests, so that a change to how the tree is built
inside can be shown to change nothing outside: the JSON of every fixture, corpus and
shared file, of texts drawn from the genre's pieces, and the JSON Schema.

``python tests/saved_outputs.py`` writes tests/saved_outputs.json (run it only where the
outputs are meant to change); tests/test_saved_outputs.py compares against it.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

from gongwen import parse, parse_bytes
from gongwen.jsontext import dump_json
from gongwen.schema import schema

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAVED = ROOT / "tests" / "saved_outputs.json"
_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".ofd", ".html", ".htm"}
_PIECES = [
    "一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "①", "②", "第一，", "第二，", "一是", "二是",
    "第一章", "第一条", "第二条", "首先，", "其次，", "最后，", "\n", "\n", "\n", "\r\n", "\u3000\u3000",
    "同志们：", "各部门：", "谢谢大家！", "特此通知。", "附件：", "XX", "**", "××", "○○", "某某",
    "2026年5月8日", "二〇二六年五月八日", "国办发〔2026〕12号", "抄送：", "印发", "索引号：", "## ",
    "关于做好防汛工作的通知", "加强领导", "压实责任。", "各单位要落实制度。", "讲三点意见：",
    "—— 1 ——", "&emsp;", "<br>", " ", "。", "，",
]
GENERATED = 400


def files() -> list[Path]:
    """Every document file of the fixtures and of ../shared, in a fixed order."""
    found = [p for p in (ROOT / "fixtures").rglob("*") if p.suffix.lower() in _SUFFIXES]
    for folder in ("seeds", "corpus", "docx", "formats"):
        found += [p for p in (SHARED / folder).rglob("*") if p.suffix.lower() in _SUFFIXES]
    return sorted(found)


def generated() -> Iterator[str]:
    """Texts drawn from the genre's pieces, the same on every run."""
    draw = random.Random(16)
    for _ in range(GENERATED):
        yield "".join(draw.choice(_PIECES) for _ in range(draw.randint(0, 60)))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def outputs() -> dict[str, str]:
    """Name → digest of the document's JSON (as ``model_dump_json`` and as the command
    line writes it); files that fail to parse give their error's type."""
    found: dict[str, str] = {"schema": _digest(json.dumps(schema(), sort_keys=True).encode())}
    for path in files():
        # the same name wherever the checkout stands; also the path the tree records
        base = ROOT if path.is_relative_to(ROOT) else SHARED.parent
        name = path.relative_to(base).as_posix()
        try:
            doc = parse_bytes(path.read_bytes(), name)
        except Exception as error:  # an input the readers refuse stays refused
            found[name] = type(error).__name__
            continue
        found[name] = _digest(doc.model_dump_json().encode("utf-8", "surrogatepass") + dump_json(doc, None))
    for index, text in enumerate(generated()):
        doc = parse(text)
        found[f"generated/{index}"] = _digest(doc.model_dump_json().encode("utf-8", "surrogatepass"))
    return found


if __name__ == "__main__":
    SAVED.write_text(json.dumps(outputs(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SAVED}")
