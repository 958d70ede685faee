"""A reader's own words for a thing the tables print: a thing named with nothing asked of it ("X局今年的培训费")
is looked up, its amount; a short word for a 科目 ("公积金", "工资") names the one 科目 that holds it, or the 类 whose
name opens with it; the money spent asked with nothing named ("今年花多少钱") is all of it. Figures checked on the
pages of 广州市水务局 2026 部门预算: "本部门机关运行经费安排6,998.04万元"; 一般公共预算基本支出情况表 工资福利支出 (301)
23,837.80 万元, 住房公积金 (30113) 2,035.85 万元; 收支总体情况表 支出总计 300,185.19 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

WATER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not WATER.is_file(), reason=f"{WATER} 不存在（../shared 语料目录缺失）")


def test_a_thing_named_alone_and_short_words(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, WATER)
    a = answered(bot, "广州市水务局2026年机关运行经费")
    assert "6,998.04" in a.answer, a.answer
    a = answered(bot, "广州市水务局2026年公积金多少")
    assert "住房公积金" in a.answer and "2,035.85" in a.answer, a.answer
    a = answered(bot, "广州市水务局2026年工资是多少")
    assert "工资福利支出" in a.answer and "23,837.80" in a.answer, a.answer
    # (nothing named but the money spent: all of it, 收支总体情况表 支出总计 300,185.19 万元)
    a = answered(bot, "广州市水务局今年花多少钱")
    assert "支出总计" in a.answer and "300,185.19" in a.answer, a.answer
