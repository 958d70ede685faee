""""A和B的X相比，差多少": X, written after the other department's "的", is the thing compared — each department's
own X and the difference, not a refusal for want of a subject (苏州市交通运输局 2026 收支总表 支出总计
249,977.11 万元; 无锡市统计局 2026 3,210.10 万元; 广州市水务局 2026 机关运行经费 6,998.04 万元; 深圳市气象局（本级）
0.00 万元; checked on the rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SUZHOU = CORPUS / "more" / "suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"
WUXI = CORPUS / "real" / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"
GUANGZHOU = CORPUS / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
SHENZHEN = CORPUS / "more" / "shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (SUZHOU, WUXI, GUANGZHOU, SHENZHEN)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_the_budget_named_after_the_other_department(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SUZHOU, WUXI), "苏州市交通运输局和无锡市统计局2026年的支出预算相比，相差多少？")
    assert "249977.11 − 3210.10 = 246767.01万元" in a.answer, a.answer


def test_a_measure_named_after_the_other_department(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, GUANGZHOU, SHENZHEN), "广州市水务局和深圳市气象局2026年的机关运行经费相比，差距有多大？")
    assert "6998.04 − 0.00 = 6998.04万元" in a.answer, a.answer
