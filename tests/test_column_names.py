"""A column is named as readers say it: "专项业务经费" names the column printed "专项业务经费支出", so a unit's row answers
with that cell, not with the unit's whole row of the 支出总表. (西安市安监局 2019 部门综合预算 p7, p26; checked on
the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_a_column_named_without_its_trailing_word(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "西安安监局2019年，宣传教育中心的专项业务经费预算有多少？")
    # p7 一般公共预算支出明细表, 125002 西安市安全生产宣传教育中心: 合计 461.80, 专项业务经费支出 185.20 (支出总表: 463.23)
    assert "185.20" in a.answer and "463.23" not in a.answer, a.answer
