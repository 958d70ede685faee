"""A change asked one way ("增长多少") and printed the other ("减少 878.34 万元") is still the change asked: the sentence
that states it answers, with its own direction (深圳市气象局（本级）2026 p7: "部门预算收入 7,199.97 万元，较 2025 年年初预算
减少 878.34 万元，下降 10.9%"; checked on the page). A whole asked against last year in other words ("预算总额和上年比怎么样")
is the sentence that states the total's change (无锡市统计局 2026 p25: "收入、支出预算总计 3,210.1 万元，与上年相比…各增加 242.3
万元")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

WUXI = Path(__file__).resolve().parent / "fixtures" / "real" / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"
SHENZHEN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not SHENZHEN.is_file(), reason=f"{SHENZHEN} 不存在（../shared 语料目录缺失）")
def test_a_rise_asked_of_a_fall(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SHENZHEN), "深圳市气象局本级2026年收入预算比2025年增长多少？")
    assert "减少 878.34 万元" in a.answer, a.answer


def test_a_whole_against_last_year_in_other_words(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WUXI), "无锡统计局2026年预算总额和上年比怎么样？")
    assert "增加 242.3 万元" in a.answer, a.answer
