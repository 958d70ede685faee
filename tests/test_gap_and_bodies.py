"""Two bodies compared: "谁的X大？相差多少万元" (the counter after the gap is no part of X) and "A的X比B多多少"
(B is another body, not a year: no change over a year is asked). Figures checked on the rendered pages: 广州市水务局 2026
收支总体情况表 收入总计 300,185.19 万元, 深圳市气象局 2026 收支总表 收入总计 7,199.97 万元; 西安市信访局 2026 机关运行经费
120.89 万元, 长春市信访局 2026 机关运行经费 211 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GUANGZHOU = CORPUS / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
SHENZHEN = CORPUS / "more" / "shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"
XIAN = CORPUS / "real" / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
CHANGCHUN = CORPUS / "real" / "changchun-shi_xinfangju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (GUANGZHOU, SHENZHEN, XIAN, CHANGCHUN)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_gap_asked_in_wan_yuan(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, GUANGZHOU, SHENZHEN), "2026年广州市水务局和深圳市气象局，谁的部门预算大？相差多少万元？")
    assert "300,185.19" in a.answer and "7,199.97" in a.answer, a.answer
    assert "292985.22" in a.answer.replace(",", ""), a.answer


def test_more_than_another_body(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, XIAN, CHANGCHUN), "西安市信访局2026年的机关运行经费比长春市信访局多多少？")
    assert "120.89" in a.answer and "211" in a.answer, a.answer
    assert "90.11" in a.answer, a.answer  # 211 − 120.89
