"""Why a whole changed, when its sentence only opens a list ("…下降 95.0%，具体如下："): the reasons its parts' sentences
give, under the headings below its own (湖州市退役军人事务局 2026 p9–10: 三公 1.10 万元, down 95.0%; 公务用车 "主要原因是系统
更新，未将车辆信息及时同步"; checked on the rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

DOC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "huzhou-shi_tuiyijunren-ju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not DOC.is_file(), reason=f"{DOC} 不存在（../shared 语料目录缺失）")


def test_the_parts_tell_why_the_whole_fell(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, DOC), "湖州退役军人事务局今年三公经费预算砍掉了95%，原因是什么？")
    assert "95.0%" in a.answer and "系统更新" in a.answer and "无购置公务用车计划" in a.answer, a.answer
