"""The PDF, OFD and web pages of ../shared/formats read as their readers typed them
(fixtures/formats): the paragraphs, and the structure scored as the development set's."""

from __future__ import annotations

import difflib
import functools
import json
import re
from pathlib import Path

import pytest

from gongwen import Document, parse_file
from tests.accuracy import scorer
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
TYPED = ROOT / "fixtures" / "formats"
FILES = sorted(p for p in (SHARED / "formats").glob("*/*") if p.suffix in (".pdf", ".ofd", ".html"))

# As measured: the share of the typed paragraphs read exactly (spacing aside), and the
# most mismatches the scorer may report. Reading worse fails; reading better, raise these.
FLOORS = {
    "ewenlvbanfa_2021_38_hubei_wenwu_guihua_tongzhi_hongtou": (0.98, 4),
    "guobanfa_2021_43_wenwu_keji_guihua_tongzhi": (0.99, 2),
    "hongze_2023_zhengfu_xinxi_gongkai_nianbao": (0.95, 2),
    "hongze_2024_zhengfu_xinxi_gongkai_nianbao": (1.0, 0),
    "wenwuju_2021_geming_wenwu_guihua_tongzhi": (0.47, 13),
    "haiguan_shuzi_dangan_qikan_wenzhang": (0.86, 3),
    "linxiang_ziranziyuanju_2022_yongdi_yushen_yijianshu": (0.4, 2),
    "luqiao_weishengju_2011_76_pifu": (1.0, 0),
    "shizhengfu_shouwen_chulijian_demo": (0.64, 3),
    "govcn_gongbao_2007_23_renda_changweihui_jueyi": (1.0, 0),
    "nfra_2024_36_xingzheng_chufa_gongkaibiao": (1.0, 0),
    "nfra_zhejiang_2024_52_xingzheng_chufa_gongkaibiao": (0.8, 1),
    "wanzai_2015_tongji_gongbao": (1.0, 1),
    "wanzai_2022_tongji_gongbao": (0.98, 5),
}


def _spacing(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def _read(path: Path) -> tuple[Document, list[tuple[int, str]]]:
    """The document, and its paragraphs that are not page furniture, with their lines."""
    doc = parse_file(path)
    text = doc.to_text()
    lines = [(text.count("\n", 0, p.start) + 1, _spacing(text[p.start:p.end]))
             for p in doc.source_paragraphs or [] if p.place != "margin"]
    return doc, [(line, paragraph) for line, paragraph in lines if paragraph]


def _alignment(path: Path) -> tuple[list[str], dict[int, int]]:
    """The typed paragraphs, and for each one read exactly or in its place, the line of
    the text gongwen read that holds it."""
    typed = [_spacing(line) for line in (TYPED / f"{path.stem}.txt").read_text(encoding="utf-8").splitlines()]
    _, read = _read(path)
    matcher = difflib.SequenceMatcher(None, typed, [paragraph for _, paragraph in read], autojunk=False)
    lines: dict[int, int] = {}
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal" or (operation == "replace" and i2 - i1 == j2 - j1):
            lines.update((i + 1, read[j][0]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
    return typed, lines


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_paragraphs_as_a_reader_typed_them(path: Path) -> None:
    typed, _ = _alignment(path)
    _, read = _read(path)
    matcher = difflib.SequenceMatcher(None, typed, [paragraph for _, paragraph in read], autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert same / len(typed) >= FLOORS[path.stem][0], (
        f"{same} of {len(typed)} typed paragraphs read as typed; the others:\n"
        + "\n".join(f"{op}: {typed[i1:i2]} read as {[p for _, p in read[j1:j2]]}"
                    for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_structure_as_its_readers_wrote_it(path: Path) -> None:
    gold = json.loads((TYPED / f"{path.stem}.json").read_text(encoding="utf-8"))
    _, lines = _alignment(path)
    for entry in gold["headings"] + gold["enumerations"]:  # typed lines → the lines gongwen read
        entry["line"] = lines.get(entry["line"], -entry["line"])
    doc, _ = _read(path)
    report: list[str] = []
    scorer().score(gold, json.loads(doc.model_dump_json()), path.stem, report)
    assert len(report) <= FLOORS[path.stem][1], "\n".join(report)
