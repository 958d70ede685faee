"""A question that asks which things or what ("哪些项目", "干什么用") is not asking an amount because it says 预算:
the sentence that names the things answers, not one with a figure beside it. (Checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf


def test_which_projects_asked_beside_the_word_budget(tmp_path: Path) -> None:
    # 烟台市信访局 2026 p28: "根据以前年度绩效评价结果，优化接访大厅运行经费、实施公车统管费用等项目2026年预算安排"; the
    # sentence before it ("拟对信访业务工作经费等1个项目开展…涉及预算资金75万元") prints an amount and names other projects
    a = answered(bm25_bot(tmp_path, corpus_pdf("yantai-shi_xinfangju_2026_bumen-yusuan.pdf")), "烟台信访局按以前年度绩效评价的结果，优化了哪些项目的2026年预算安排？")
    assert "接访大厅运行经费" in a.answer, a.answer
