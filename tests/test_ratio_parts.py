"""A ratio's part found as one table's 合计 stays that table's: another table's 合计 row (the whole's own table, on its
other side) is not the part. (重庆市商务委员会 2026: 政府性基金预算支出情况表 合计 41,534.73; 部门收支总体情况表 收入 合计
174,900.64; checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_a_funds_share_of_all_income(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "重庆市商务委今年政府性基金在全部收入里占多大比重？")
    assert "41,534.73 ÷ 174,900.64" in a.answer and "100.00%" not in a.answer, a.answer
