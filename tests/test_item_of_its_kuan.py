"""A 项 name printed under several 款 ("一般行政管理事务" under 群众团体事务, 组织事务, 宣传事务, 统战事务…): the 说明 item
and the other tables' row of the row's own 科目 code, not the first with that name (万里街道 2024: p6 items 2–6; p16
支出预算总表 2013302 宣传事务 1,106,000 元, 2013402 统战事务 119,100 元; checked on the rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
Y2024 = REAL / "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not Y2024.is_file(), reason=f"{REAL} 不存在（../shared 语料目录缺失）")


def test_the_item_of_the_rows_own_kuan(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, Y2024), "万里街道2024年的统战事务一般行政管理事务预算是多少，跟2023年执行数比增减了百分之几？")
    assert "119,100" in a.answer and "32.33%" in a.answer, a.answer
    assert "6.19%" not in a.answer and "群众团体" not in a.answer, a.answer


def test_the_same_code_in_another_table(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, Y2024), "万里街道2024年宣传事务下的一般行政管理事务安排了多少元？")
    assert "1,106,000" in a.answer, a.answer
    assert "426,000" not in a.answer, a.answer  # (群众团体事务's row of the same name, another code)
