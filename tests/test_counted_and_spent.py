"""People counted by "X人员有多少" are a headcount (never the money for them); "一年的部门预算要花多少钱" is the release's
whole spending. Figures checked on the rendered pages: 深圳市人民政府办公厅 2026 p5 "离休 4 人，退休 66 人"; 杭州市气象局
2026 表1 收支预算总表 支出总计 5,876.67 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SHENZHEN = CORPUS / "more" / "shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"
HANGZHOU = CORPUS / "real" / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (SHENZHEN.is_file() and HANGZHOU.is_file()), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_retirees_counted(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SHENZHEN), "深圳市人民政府办公厅2026年退休人员和离休人员一共有多少？")
    assert "4 人" in a.answer and "66 人" in a.answer and "万元" not in a.answer, a.answer


def test_a_years_spending(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, HANGZHOU), "杭州市气象局2026年一年的部门预算要花多少钱？")
    assert "5,876.67" in a.answer, a.answer
