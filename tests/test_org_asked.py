"""Offices and units asked: a count of internal offices the document does not print, only lists ("内设机构包括：A、B、…")
is the list quoted with how many names it holds, said to be counted (苏州市审计局 2026 p5: 16 offices listed, no total);
units listed "预算单位 4 个，分别为：…" answer "有哪些下属单位" (北京市医疗保障局 2026 p4); a count of something else of the
units ("所属预算单位各有多少辆车") is not answered with the units."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

SUZHOU = Path(__file__).resolve().parent / "fixtures" / "real" / "suzhou-shi_shenjiju_2026_bumen-yusuan.pdf"
BEIJING = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "beijing-shi_yibaoju_2026_bumen-yusuan.pdf"


def test_offices_listed_and_counted(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SUZHOU), "苏州市审计局内设几个处室？")
    assert "内设机构包括：市委审计委员会办公室秘书处" in a.answer and "按所列名称计共16个" in a.answer, a.answer


@pytest.mark.skipif(not BEIJING.is_file(), reason=f"{BEIJING} 不存在（../shared 语料目录缺失）")
def test_units_listed_with_their_count(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, BEIJING), "北京医保局2026年有哪些下属单位？")
    assert "预算单位 4 个，分别为" in a.answer and "北京市医疗保障局大数据中心" in a.answer, a.answer


def test_a_longer_noun_is_counted_as_written(tmp_path: Path) -> None:
    # 湖州市财政局 2026: "共计 7 个一级项目", not "1家行政单位…项目预算审核中心" (which only shares the noun's last character)
    huzhou = SUZHOU.parent / "huzhou-shi_caizhengju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, huzhou), "湖州财政局2026年有多少个一级项目？")
    assert "共计 7 个一级项目" in a.answer and "机关运行经费" not in a.answer, a.answer



SIFAJU = BEIJING.parent.parent / "real" / "shanghai-putuo_sifaju_2026_danwei-yusuan.pdf"


@pytest.mark.skipif(not SIFAJU.is_file(), reason=f"{SIFAJU} 不存在（../shared 语料目录缺失）")
def test_two_departments_office_counts_compared(tmp_path: Path) -> None:
    # 广州市信访局 2026 "设8个内设机构"; 上海市普陀区司法局 2026 单位预算 "设12个内设机构": the counts, then 12 − 8
    bot = bm25_bot(tmp_path, SUZHOU.parent / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf", SIFAJU)
    a = answered(bot, "广州信访局和普陀区司法局2026年单位预算的内设机构各几个？哪个多？")
    assert "12 − 8 = 4个" in a.answer, a.answer


def test_offices_asked_with_a_question_word_inside(tmp_path: Path) -> None:
    # 广州市信访局 2026 p4 "二、部门机构设置": "本部门设8个内设机构…分别是办公室、督查一处…" ("内设哪些处室")
    a = answered(bm25_bot(tmp_path, SUZHOU.parent / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"), "广州市信访局内设哪些处室？")
    assert "督查一处" in a.answer and "8个内设机构" in a.answer, a.answer


ZHUHAI = BEIJING.parents[1] / "real" / "zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not ZHUHAI.is_file(), reason=f"{ZHUHAI} 不存在（../shared 语料目录缺失）")
def test_units_under_the_budgets_make_up_counted_from_their_list(tmp_path: Path) -> None:
    # 珠海市商务局 2026 p5 "三、部门预算构成": "…下属单位具体包括：珠海市贸易服务中心、珠海市会议展览局" (no count printed)
    a = answered(bm25_bot(tmp_path, ZHUHAI), "珠海商务局有几个下属单位？分别是什么？")
    assert "珠海市会议展览局" in a.answer and "按所列名称计共2个" in a.answer, a.answer


def test_the_tables_a_release_lists_counted(tmp_path: Path) -> None:
    # 上海钻石宝玉石交易联合管理办公室 2026 p2 目录 "五、单位预算表": 1.…11. table titles
    pdf = BEIJING.parents[1] / "more" / "shanghai-shi_zuanshi-jiaoyi-ban_2026_danwei-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "钻石交易办2026年的单位预算里有几张表？")
    assert "共11张" in a.answer and "单位“三公”经费和机关运行经费预算表" in a.answer, a.answer
    assert len([c for c in a.citations if c.kind == "text"]) == 11


def test_units_listed_in_a_table_after_the_sentence_that_counts_them(tmp_path: Path) -> None:
    # 西安市信访局 2026 p7: "…二级预算单位共有1个，包括：" then a table whose one row is 西安市信访局本级（机关）
    pdf = BEIJING.parents[1] / "real" / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "西安信访局有几个下属单位？")
    assert "共有1个" in a.answer and "西安市信访局本级（机关）" in a.answer and "：。" not in a.answer, a.answer

