""""本级" said of a release that lists no units ("X局本级的单位预算", "办本级单位预算"): the release itself (the
department's own level), not a unit row to look for and not part of the subject. Figures checked on the pages:
上海市普陀区人民政府办公室 2025 单位预算 财务收支预算总表 收入总计 91,016,775.35 元; 上海市信访办公室 2026 单位预算
收入总计 288,280,739 元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OFFICE_UNIT = CORPUS / "real" / "shanghai-putuo_zhengfuban_2025_danwei-yusuan.pdf"
OFFICE_DEPT = CORPUS / "real" / "shanghai-putuo_zhengfuban_2025_bumen-yusuan.pdf"
PETITION_UNIT = CORPUS / "more" / "shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (OFFICE_UNIT, OFFICE_DEPT, PETITION_UNIT)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_own_level_before_the_release_kind(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, OFFICE_UNIT, OFFICE_DEPT), "上海市普陀区人民政府办公室2025年办本级单位预算总额是多少？")
    assert "91,016,775.35" in a.answer and "单位预算" in a.answer, a.answer


def test_own_level_after_the_name(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, PETITION_UNIT), "上海市信访办公室本级2026年的单位预算总额是多少？")
    assert "288,280,739" in a.answer, a.answer
    assert "经营收入" not in a.answer, a.answer  # (no unit row looked for: the release's own total)
