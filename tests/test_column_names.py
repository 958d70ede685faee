"""A column is named as readers say it: "专项业务经费" names the column printed "专项业务经费支出", so a unit's row answers
with that cell, not with the unit's whole row of the 支出总表. (西安市安监局 2019 部门综合预算 p7, p26; checked on
the rendered pages.) A part of 基本支出 asked inside it ("基本支出里人员经费") is answered by the sentence that gives the
part, which need not say 基本支出 (深圳市司法局本级 2026 p7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"
SZ = PDF.parent / "shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (PDF.is_file() and SZ.is_file()), reason=f"{PDF.parent} 不存在（../shared 语料目录缺失）")


def test_a_column_named_without_its_trailing_word(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "西安安监局2019年，宣传教育中心的专项业务经费预算有多少？")
    # p7 一般公共预算支出明细表, 125002 西安市安全生产宣传教育中心: 合计 461.80, 专项业务经费支出 185.20 (支出总表: 463.23)
    assert "185.20" in a.answer and "463.23" not in a.answer, a.answer


def test_a_part_of_basic_expenditure_asked_inside_it(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, SZ)
    a = answered(bot, "深圳市司法局本级2026年基本支出里人员经费多少？")
    # p7: "（一）在职人员经费 10,698.69 万元" (the tables print no 人员经费 column)
    assert "10,698.69" in a.answer, a.answer
