"""Lines that only name what follows are no answer: a section's own heading ("(四)国有资产占有使用情况。"), a numbered
heading anywhere, a table's title line. The sentences under them, or the table, answer; a table named by its title and printed
empty is answered as empty, with its note. (Checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_a_sections_heading_line_is_no_answer(tmp_path: Path) -> None:
    # 重庆市气象局 p3 "(四)国有资产占有使用情况。截至2025年12月,所属各预算单位共有车辆5辆…": the sentences, not the heading
    pdf = CORPUS / "more" / "chongqing-shi_qixiangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "重庆气象局国有资产有多少？")
    assert "共有车辆5辆" in a.answer and "情况[1]" not in a.answer, a.answer


def test_a_tables_title_line_is_no_answer(tmp_path: Path) -> None:
    # 烟台市信访局 2026 p30-31: "(2026年度)政策和项目预算绩效目标表" is a title; the 说明 p28 states the targets' scope
    pdf = CORPUS / "real" / "yantai-shi_xinfangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "烟台信访局2026年的绩效目标是什么？")
    assert "绩效目标表[" not in a.answer and "涉及预算项目3个" in a.answer, a.answer


def test_a_table_named_by_its_title_and_printed_empty(tmp_path: Path) -> None:
    # 重庆市气象局 p21 表十一 市级重点专项资金绩效目标表: no rows, 备注 "本单位主管无市级财力安排的重点专项资金,故此表无数据"
    pdf = CORPUS / "more" / "chongqing-shi_qixiangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "重庆气象局今年市级重点专项资金的绩效目标是什么？")
    assert "为空表" in a.answer and "无市级财力" in a.answer, a.answer


def test_an_empty_table_named_by_its_title_with_the_sentence_saying_why(tmp_path: Path) -> None:
    # 西安市卫健委 2022 决算 p20 "本部门2022年度无国有资本经营预算财政拨款收支，已公开空表。" (a year between the body
    # and its "无"); the table itself printed empty
    pdf = CORPUS / "more" / "xian-shi_weijianwei_2022_juesuan.pdf"
    if not pdf.is_file():
        pdf = CORPUS / "real" / "xian-shi_weijianwei_2022_juesuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "西安卫健委2022年决算的国有资本经营预算财政拨款支出决算表怎么是空的？")
    assert "为空表" in a.answer and "无国有资本经营预算财政拨款收支" in a.answer, a.answer
