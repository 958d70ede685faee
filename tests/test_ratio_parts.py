"""A ratio's part found as one table's 合计 stays that table's: another table's 合计 row (the whole's own table, on its
other side) is not the part. (重庆市商务委员会 2026: 政府性基金预算支出情况表 合计 41,534.73; 部门收支总体情况表 收入 合计
174,900.64; checked on the rendered pages.) A unit's fund within its 项目支出 is the fund's column of the unit's own row
in the 项目支出 table, not the unit's income (广州市卫健委 2026 p89 妇女儿童医疗中心 一般公共预算 12,273.00 of 总计 290,470.40)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"
GUANGZHOU = PDF.parent / "guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (PDF.is_file() and GUANGZHOU.is_file()), reason="../shared 语料目录缺失")


def test_a_funds_share_of_all_income(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "重庆市商务委今年政府性基金在全部收入里占多大比重？")
    assert "41,534.73 ÷ 174,900.64" in a.answer and "100.00%" not in a.answer, a.answer


def test_a_units_fund_within_its_project_spending(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, GUANGZHOU)
    a = answered(bot, "广州市妇女儿童医疗中心2026年项目支出里一般公共预算拨款占几成？")
    assert "12,273.00 ÷ 290,470.40 × 100% = 4.23%" in a.answer, a.answer


def test_one_sentence_stating_part_and_whole_is_quoted_once(tmp_path: Path) -> None:
    # 北京市医疗保障局 2026: "政府采购预算总额5554.97万元，其中：…政府采购服务预算 4987.03 万元" (one sentence)
    bot = bm25_bot(tmp_path, PDF.parent / "beijing-shi_yibaoju_2026_bumen-yusuan.pdf")
    a = answered(bot, "北京医保局2026年政府采购里服务类占多少比例？")
    assert "4987.03 ÷ 5554.97 × 100% = 89.78%" in a.answer, a.answer
    assert a.answer.count("政府采购预算总额5554.97万元") == 1, a.answer


def test_a_share_the_narrative_prints_as_a_percentage(tmp_path: Path) -> None:
    # 北京市医疗保障局 2026 p6, no tables in the release: "项目支出预算 99735.06 万元，占本年支出预算 89.94%"
    # (asked of "全部支出": the words asking for a share are not the sentence's; its percentage answers)
    bot = bm25_bot(tmp_path, PDF.parent / "beijing-shi_yibaoju_2026_bumen-yusuan.pdf")
    a = answered(bot, "北京医保局2026年项目支出占全部支出的百分比")
    assert "89.94%" in a.answer and "99735.06" in a.answer, a.answer


def test_the_whole_is_the_parts_own_tables_group_subtotal(tmp_path: Path) -> None:
    # 烟台市大数据局 2026 p15 一般公共预算基本支出情况表, 合计 row: 基本支出预算 小计 1,464.31, 日常公用支出 182.41
    # (the same table's 小计 of the group, not the 基本支出 of another table that happens to print the same figure)
    bot = bm25_bot(tmp_path, PDF.parent / "yantai-shi_dashujuju_2026_bumen-yusuan.pdf")
    a = answered(bot, "烟台市大数据局2026年公用经费占基本支出的百分比")
    assert "182.41 ÷ 1,464.31 × 100% = 12.46%" in a.answer, a.answer
    # (both cells of one row: the row cited once, the whole named with its group)
    assert a.answer.count("《一般公共预算基本支出情况表》") == 1 and "支出总体情况表" not in a.answer, a.answer
    assert "基本支出预算小计为1,464.31" in a.answer, a.answer


def test_a_share_with_no_whole_named_over_a_total_column_printed_as_spending_total(tmp_path: Path) -> None:
    # 深圳市信访局 2026 支出总表: the department's row "深圳市信访局" prints 支出总计 4,684.30 and 项目支出 1,612.29; "项目支出
    # 占比多少" is over that 支出总计 (failed on 81abbb5: the amount only)
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "深圳市信访局2026年项目支出占比多少？")
    assert "1,612.29 ÷ 4,684.30 × 100% = 34.42%" in a.answer, a.answer


def test_a_units_income_as_a_share_of_the_department(tmp_path: Path) -> None:
    """A unit's income over the department's: the income table's 合计 (广州 p9 收入总体情况表: 胸科医院 92,495.02 of
    3,324,258.76), also when the share is a follow-up naming the department as the whole ("在X整个部门里占多少": the
    unit's figure asked before, not the department's own)."""
    bot = bm25_bot(tmp_path, GUANGZHOU)
    a = answered(bot, "广州市胸科医院今年收入一共多少？在广州卫健委整个部门里占多大比重？")
    assert "92,495.02 ÷ 3,324,258.76 × 100% = 2.78%" in a.answer, a.answer


SUZHOU = PDF.parent / "suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not SUZHOU.is_file(), reason="../shared 语料目录缺失")
def test_the_whole_bureau_is_no_body_named(tmp_path: Path) -> None:
    # "…收入占全局": 全局 is the bureau as a whole, not a body "收入占全局" no document is about (收入总表: 交通工程质量监督站
    # 1,043.86 of 合计 249,977.11)
    bot = bm25_bot(tmp_path, SUZHOU)
    a = answered(bot, "苏州交通局今年预算里，交通工程质量监督站的收入占全局的比例是多少？")
    assert "1,043.86 ÷ 249,977.11 × 100% = 0.42%" in a.answer, a.answer


def test_a_share_of_all_the_money_named_in_words(tmp_path) -> None:
    # 烟台市大数据局 2026: 项目支出预算情况表 市大数据中心工作经费 33.00, 支出总体情况表 合计 7,503.31 ("全部支出预算" is
    # the whole budget, not the project table's 合计 6,039.00); 福州市商务局 2026: 人员经费 3551.21 (its text), 支出预算总表
    # 合计 24995.94 ("的钱里": all of its money)
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_dashujuju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台大数据局2026年市大数据中心工作经费占全部支出预算的比重？")
    assert "33.00 ÷ 7,503.31 × 100% = 0.44%" in a.answer, a.answer
    b = answered(bot, "福州市商务局2026年的钱里，人员经费占了多大比例？")
    assert "3551.21 ÷ 24995.94 × 100% = 14.21%" in b.answer, b.answer


def test_a_rows_share_of_a_units_column_named_first(tmp_path) -> None:
    # 深圳市人社局 2026 一般公共预算支出表（按经济分类）, 宝安分局's block: its head row 基本支出 5,836.28; its 商品和服务支出
    # (302) 基本支出 689.51 (支出总计 2,118.69 is no whole of a basic-spending share)
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳人社局2026年预算里，社保基金管理局宝安分局基本支出中，商品和服务支出占几成？")
    assert "689.51 ÷ 5,836.28 × 100% = 11.81%" in a.answer, a.answer



def test_an_amount_glossed_by_the_thing_after_it(tmp_path: Path) -> None:
    # 上海市信访办公室 2026 p20: "编报绩效目标的项目共1个，涉及项目预算资金22,743.68万元，主要是热线服务保障经费。"
    # (the thing named right after the amount, alone, is what the amount mostly is; p16 支出预算总表 合计 288,280,739元)
    bot = bm25_bot(tmp_path, PDF.parent / "shanghai-shi_xinfangban_2026_danwei-yusuan.pdf")
    a = answered(bot, "上海信访办今年给热线服务保障经费安排了多少钱？")
    assert "22,743.68万元" in a.answer, a.answer
    a = answered(bot, "上海信访办的热线服务保障经费在全部支出里占几成？")
    assert "22743.68 ÷ 28828.07" in a.answer and "78.89%" in a.answer, a.answer
