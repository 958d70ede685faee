"""A row's figure is corroborated by a sentence only when the sentence is about the row: a zero amount is printed for
many things, so a sentence corroborates a 0.00 only when it names the row (佛山市轨道交通局 2019 决算: 一般公共服务支出
0.00 万元; the 政府采购 sentence "政府采购支出总额 0万元" is not about it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf

FOSHAN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "foshan-shi_guidaojiaotongju_2019_juesuan.pdf"


@pytest.mark.skipif(not FOSHAN.is_file(), reason=f"{FOSHAN} 不存在（../shared 语料目录缺失）")
def test_a_zero_is_not_corroborated_by_another_things_zero(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, FOSHAN), "佛山轨道交通局2019年决算里一般公共服务支出是多少？")
    assert "一般公共服务支出" in a.answer and "政府采购" not in a.answer, a.answer


def test_a_subject_stated_otherwise_in_the_text_is_flagged(tmp_path: Path) -> None:
    # 普陀区社会福利院 2024 单位预算: every table prints 社会福利事业单位 (2081005) as 9,584,796 / 6,964,796 / 2,620,000 元,
    # the 说明 writes it "738.66万元": the table leads, the disagreement is said, both cited
    a = answered(bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_shehuifuliyuan_2024_danwei-yusuan.pdf")),
                 "普陀区社会福利院2024年社会福利事业单位科目预算多少？")
    assert a.answer.startswith("上海市普陀区社会福利院2024年单位预算《") and "9,584,796" in a.answer, a.answer
    assert "738.66万元" in a.answer and "不一致" in a.answer, a.answer


def test_a_subject_the_text_states_alike_is_not_flagged(tmp_path: Path) -> None:
    # 福州市商务局 2026: 机关事业单位基本养老保险缴费支出 (2080505) 256.45 in the tables and in the 说明; asked without
    # the bodies its name opens with, it is that row
    a = answered(bm25_bot(tmp_path, corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf")), "福州市商务局2026年基本养老保险缴费支出是多少？")
    assert "（2080505）为256.45万元" in a.answer and "不一致" not in a.answer, a.answer
