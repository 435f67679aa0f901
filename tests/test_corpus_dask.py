"""The Dask path, on a local cluster of two worker processes, equals a serial parse."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")

from gongwen import parse_file  # noqa: E402
from gongwen.corpus import SECTION_COLUMNS, documents, section_rows, sections  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

FILES = sorted(str(p) for p in (FIXTURES / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def client() -> object:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_bag_of_documents_equals_a_serial_parse(client: object) -> None:
    parsed = documents(str(FIXTURES / "corpus" / "*.txt")).compute()
    serial = [parse_file(path) for path in FILES]
    assert [d.path for d in parsed] == FILES
    assert [d.model_dump_json() for d in parsed] == [d.model_dump_json() for d in serial]


def test_word_files_in_the_bag(client: object) -> None:
    words = sorted(str(p) for p in (FIXTURES / "docx").glob("*.docx"))
    parsed = documents(words).compute()
    assert [d.model_dump_json() for d in parsed] == [parse_file(p).model_dump_json() for p in words]


def test_sections_dataframe_writes_to_parquet(client: object, tmp_path: Path) -> None:
    frame = sections(documents(FILES))
    expected = pd.DataFrame([row for path in FILES for row in section_rows(parse_file(path))])
    got = frame.compute().reset_index(drop=True)
    assert list(got.columns) == list(SECTION_COLUMNS)
    assert got.astype(object).equals(expected.astype(object))
    frame.to_parquet(str(tmp_path / "sections"))
    back = dd.read_parquet(str(tmp_path / "sections")).compute().reset_index(drop=True)
    assert back.astype(object).equals(expected.astype(object))
    assert set(got["number_path"]) >= {"一 / （一）", "第一章 / 第一条"}


def test_a_file_that_cannot_be_read_is_reported_in_its_place(client: object, tmp_path: Path) -> None:
    from gongwen import InputError
    from gongwen.corpus import failures

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    good = tmp_path / "good.txt"
    good.write_text("一、总体要求\n正文。\n", encoding="utf-8")
    bag = documents([str(bad), str(good)])
    items = bag.compute()
    assert isinstance(items[0], InputError) and items[0].path == str(bad)
    assert items[1].path == str(good)
    assert [e.path for e in failures(bag).compute()] == [str(bad)]
    assert list(sections(bag).compute()["heading"]) == ["总体要求"]
    with pytest.raises(InputError):
        documents([str(bad)], errors="raise").compute()
