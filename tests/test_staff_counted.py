"""Staff counted without a counter word ("多少工作人员"): a number of people, from the sentence that counts them — the
release named before ("部门预算覆盖多少…") is where, not what; and never an amount of money (深圳市人民政府办公厅 2026 p5
"行政和事业编制人员以及其他人员等共 156 人"; 西安市气象局 2022 收支总表 "人员经费和公用经费支出" 1839311.66 元; checked on
the rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SHENZHEN = CORPUS / "more" / "shenzhen-shi_zhengfu-bangongting_2026_bumen-yusuan.pdf"
XIAN = CORPUS / "real" / "xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (SHENZHEN.is_file() and XIAN.is_file()), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_staff_the_release_covers(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SHENZHEN), "深圳市人民政府办公厅2026年的部门预算覆盖多少工作人员？")
    assert "156 人" in a.answer, a.answer


def test_a_headcount_is_no_amount(tmp_path: Path) -> None:
    a = bm25_bot(tmp_path, XIAN).ask("西安市气象局2022年有多少工作人员？")
    assert "1839311.66" not in a.answer and "万元" not in a.answer, a.answer  # (a count, or a refusal)
