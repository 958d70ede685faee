""""X共N万元，其中A和B各多少": the amount the reader states for the whole is no part of what is asked; each part from
its own row or column (广州市商务局 2026 收入总体情况表 合计 121,393.52 万元, 一般公共预算 121,385.74, 其他收入 7.78;
checked on the rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

DOC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not DOC.is_file(), reason=f"{DOC} 不存在（../shared 语料目录缺失）")


def test_each_part_of_a_whole_the_reader_states(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, DOC), "广州市商务局2026年的收入合计121393.52万元，其中一般公共预算和其他收入分别有多少？")
    assert "121,385.74" in a.answer and "7.78" in a.answer, a.answer
    assert "121,393.52" not in a.answer, a.answer  # (the whole the reader stated is no answer for a part)
