"""Counts told in the narrative, compared across two documents: "A和B各自下设几个处室？差几个" gives each count as the
sentence prints it ("共 21 个部门", "共 5 个处（室）") and the difference in the same unit — no amount, no 万元.
(深圳市司法局本级 2026 p4, 深圳市信访局 2026 p5; checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

HERE = Path(__file__).resolve().parent
XINFANG = HERE / "fixtures" / "real" / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"
SIFA = HERE.parents[1] / "shared" / "corpus" / "more" / "shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not SIFA.is_file(), reason=f"{SIFA} 不存在（../shared 语料目录缺失）")


def test_two_counts_and_how_far_apart(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, XINFANG, SIFA)
    a = answered(bot, "深圳司法局本级和深圳信访局各自下设几个处室？差几个？")
    assert "共 21 个部门" in a.answer and "共 5 个处（室）" in a.answer, a.answer
    assert "21 − 5 = 16个" in a.answer, a.answer
    assert "万元" not in a.answer and "未找到" not in a.answer, a.answer
