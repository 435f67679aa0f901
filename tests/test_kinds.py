"""The document type a title names."""

from __future__ import annotations

import pytest

from gongwen.kinds import kind_of_title
from tests.conftest import CORPUS, parse_checked


@pytest.mark.parametrize("title, kind", [
    ("关于进一步规范会议管理的通知", "通知"),
    ("关于做好防汛工作的紧急通知", "通知"),
    ("关于同意设立分校的复函", "函"),
    ("在全市经济工作会议上的讲话稿", "讲话"),
    ("在表彰大会上的致辞", "讲话"),
    ("2024年度安全生产工作汇报发言", "汇报"),
    ("企业职工带薪年休假实施办法", "办法"),
    ("上海市人民代表大会关于代表建议、批评和意见的规定", "规定"),
    ("财付通支付科技有限公司\n客户赔付操作规程", "规程"),
    ("最高人民检察院关于构成嫖宿幼女罪主观上是否需要具备明知要件的解释", "解释"),
    ("关于2024年度信息化建设工作情况的报告（送审稿）", "报告"),
    ("## 关于加强冬春火灾防控工作的通知", "通知"),
    ("英雄好汉站出来", None),
    ("胜利祝酒辞", None),
])
def test_kind_of_title(title: str, kind: str | None) -> None:
    assert kind_of_title(title) == kind


def test_corpus_regulations_name_their_kind() -> None:
    by_name = {path.stem: path for path in CORPUS}
    if "d040" not in by_name:
        pytest.skip("../shared/corpus is not beside the repository")
    doc = parse_checked(by_name["d040"].read_text(encoding="utf-8"))
    assert doc.kind == "解释"
