"""A row's figure is corroborated by a sentence only when the sentence is about the row: a zero amount is printed for
many things, so a sentence corroborates a 0.00 only when it names the row (佛山市轨道交通局 2019 决算: 一般公共服务支出
0.00 万元; the 政府采购 sentence "政府采购支出总额 0万元" is not about it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

FOSHAN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "foshan-shi_guidaojiaotongju_2019_juesuan.pdf"


@pytest.mark.skipif(not FOSHAN.is_file(), reason=f"{FOSHAN} 不存在（../shared 语料目录缺失）")
def test_a_zero_is_not_corroborated_by_another_things_zero(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, FOSHAN), "佛山轨道交通局2019年决算里一般公共服务支出是多少？")
    assert "一般公共服务支出" in a.answer and "政府采购" not in a.answer, a.answer
