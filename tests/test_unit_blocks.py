"""A department whose tables are printed unit by unit (深圳市人力资源和社会保障局 2026, 262 pages): "X局本级" is the
本级 block, not the department as a whole, in the 三公 table and in the 经济分类 table, and the answer names the block.
Figures checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
RENSHE = MORE / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not RENSHE.is_file(), reason=f"{MORE} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("unit-blocks"), RENSHE)


def test_own_body_in_a_sanggong_table_by_unit(bot: Assistant) -> None:
    a = answered(bot, "深圳人社局本级今年出国（境）的费用安排了多少？")
    # p252 财政拨款“三公”经费支出表, block 深圳市人力资源和社会保障局（本级）, 2026年 因公出国(境)费 119.00;
    # the department as a whole: 120.20
    assert "119.00" in a.answer and "120.20" not in a.answer, a.answer
    assert "（本级）" in a.answer
    assert any(c.kind == "row" and c.page == 252 for c in a.citations)


def test_own_body_in_an_economic_table_by_unit(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局本级2026年的差旅费安排了多少？")
    # p199 一般公共预算支出表（按经济分类）, 深圳市人力资源和社会保障局（本级） 30211 差旅费 144.89 (the department's
    # other units print their own 差旅费 rows on later pages)
    assert "深圳市人力资源和社会保障局（本级）的“差旅费”（30211）支出总计为144.89万元" in a.answer, a.answer
    assert any(c.kind == "row" and c.page == 199 for c in a.citations)


def test_a_row_of_the_income_side_named_is_not_the_total(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局今年收入中的单位资金是多少？")
    # p57 收支总表, 收入 side "三、单位资金" 13,942.16; 收入总计 571,347.93
    assert "13,942.16" in a.answer and "571,347.93" not in a.answer, a.answer


PLANNING = MORE.parent / "real" / "shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf"


@pytest.mark.skipif(not PLANNING.is_file(), reason="普陀规划资源局 2024 决算不在 ../shared/corpus/real")
def test_a_unit_only_listed_is_not_said_blank(tmp_path: Path) -> None:
    """p6 lists the units inside the 决算 in a grid ("纳入…编制范围的单位包括"); the grid holds no amounts, so a
    unit's own spending is not in the document: refused, not "未填列数值（未安排）"."""
    bot = bm25_bot(tmp_path, PLANNING)
    a = bot.ask("普陀区规划资源局的执法大队单独算，2024年决算花了多少？")
    assert "未填列" not in a.answer and "未安排" not in a.answer, a.answer
    assert not a.answerable, a.answer


WATER = MORE / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"


@pytest.fixture(scope="module")
def water(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("water"), WATER)


def test_a_units_row_in_the_table_the_question_names(water: Assistant) -> None:
    a = answered(water, "广州市北部市管水利设施事务中心2026年项目支出中一般公共预算有多少？")
    # p37 部门预算项目支出及其他支出预算表, the unit's row: 总计 6,203.48, 一般公共预算 2,371.68, 政府性基金预算 3,831.80
    assert "2,371.68" in a.answer, a.answer
    assert any(c.kind == "row" and c.page == 37 and "项目支出" in c.table for c in a.citations)


def test_a_units_share_is_read_on_its_own_row(water: Assistant) -> None:
    a = answered(water, "广州水务局下属的河涌监测中心，今年项目支出中政府性基金预算的比重是多少？")
    # p64: 广州市河涌监测中心 总计 5,937.89, 政府性基金预算 215.00 -> 3.62%, not a share of the department's totals
    assert "215.00 ÷ 5,937.89" in a.answer and "3.62%" in a.answer, a.answer


def test_a_project_row_under_its_units_heading_row_names_that_unit(water: Assistant) -> None:
    # 部门预算项目支出及其他支出预算表 lists each unit's row ("广州市流溪河流域管理中心", as in the 收入总体情况表) and
    # then that unit's projects; the project is answered as the unit's
    a = answered(water, "广州水务局的广州市牛路水库建设工程安排了多少钱？")
    assert "广州市流溪河流域管理中心的“广州市牛路水库建设工程”" in a.answer and "13,200.00" in a.answer, a.answer


def test_a_unit_named_with_a_table_is_that_units_block(bot: Assistant) -> None:
    a = answered(bot, "深圳技师学院2026年基本支出中公务用车运行维护费是多少？")
    # p128 基本支出总表, block 深圳技师学院: 公务用车运行维护费 79.40 (paid from 财政专户, so the 财政拨款 三公 table
    # prints 0.00 for it); another unit's block is another body
    assert "79.40" in a.answer and "深圳技师学院" in a.answer, a.answer
    assert any(c.kind == "row" and c.page == 128 and c.table == "基本支出总表" for c in a.citations)


def test_where_the_money_comes_from(bot: Assistant) -> None:
    a = answered(bot, "深圳鹏城技师学院基本支出的因公出国（境）费用有多少？钱从哪来？")
    # p118 基本支出总表, block 深圳鹏城技师学院: 因公出国（境）费用 总计 68.56, all of it 财政专户管理资金
    assert "68.56" in a.answer, a.answer
    assert "的钱来自财政专户管理资金68.56万元" in a.answer, a.answer


def test_a_columns_share_of_a_units_own_total(bot: Assistant) -> None:
    a = answered(bot, "深圳市公共就业服务中心的预算中，项目支出所占比重是多少？")
    # p75 支出总表, the unit's own row: 项目支出 11,407.24 of 支出总计 15,501.05 -> 73.59% (not the unit's total over
    # the department's 571,347.93)
    assert "11,407.24 ÷ 15,501.05 × 100% = 73.59%" in a.answer, a.answer


def test_a_funds_income_is_this_years(bot: Assistant) -> None:
    a = answered(bot, "深圳人社局2026年拿到的财政拨款收入有多少？")
    # p163 财政拨款收支总表: 本年收入合计 533,162.27; 收入总计 535,744.34 adds 2,582.06 carried over from last year
    assert "533,162.27" in a.answer and "535,744.34" not in a.answer, a.answer


def test_the_department_as_a_whole_is_not_its_own_bodys_block(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局今年住房公积金一共安排了多少？")
    # p59 收支总表, the department as a whole: 住房公积金 8,745.85; the 本级 block of the 支出总表 prints 703.88
    assert "8,745.85" in a.answer and "703.88" not in a.answer, a.answer


def test_a_named_fund_reads_the_fiscal_table_before_all_funds(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局2026年技校教育这一块，一般公共预算安排了多少？")
    # the 一般公共预算 tables print 技校教育 unit by unit only; p163 财政拨款收支总表 (支出) 65,004.88 is the department's
    # fiscal figure (no 政府性基金 in it); p60 收支总表 83,767.29 adds the units' own funds
    assert "65,004.88" in a.answer and "83,767.29" not in a.answer, a.answer


def test_a_units_column_named_inside_a_table_named_by_its_column(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局下面的深圳市考试院，项目支出当中事业收入安排了多少？")
    # p154 项目支出总表, row 深圳市考试院: 总计 12,966.72, 单位资金/事业收入 4,491.32 (收入总表: 事业收入 6,035.54)
    assert "4,491.32" in a.answer and "6,035.54" not in a.answer, a.answer


def test_a_fund_word_qualifying_a_measure_is_not_the_funds_row(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局今年机关运行经费里财政拨款安排了多少？")
    # p53 第八部分 一、机关运行经费: 财政拨款预算 8,013.52 万元 (财政拨款 income row: 533,162.27)
    assert "8,013.52" in a.answer and "533,162.27" not in a.answer, a.answer


def test_a_thing_of_a_unit_named_whole_is_not_the_units_own_row(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局2026年，深圳市职业技能培训指导中心基本支出中的工资福利支出是多少？")
    # p123 基本支出总表, block 深圳市职业技能培训指导中心: 工资福利支出 1,452.94 (its own row in 支出总表: 基本支出 2,069.71)
    assert "1,452.94" in a.answer and "2,069.71" not in a.answer, a.answer


def test_a_units_row_of_the_fund_table_named(bot: Assistant) -> None:
    a = answered(bot, "深圳市人社局2026年预算里，深圳市考试院一般公共预算支出的基本支出是多少？")
    # p175 一般公共预算支出表（按功能分类）, block 深圳市考试院: 基本支出 857.57 (all funds, 基本支出总表: 2,401.78)
    assert "857.57" in a.answer and "2,401.78" not in a.answer, a.answer


def test_a_units_fund_share_of_its_own_whole(bot: Assistant) -> None:
    a = answered(bot, "深圳人社局2026年，深圳市考试院的一般公共预算拨款占它总收入的比例是多少？")
    # p62 收入总表, row 深圳市考试院: 一般公共预算拨款 8,640.16 of 收入总计 15,368.50 = 56.22% (on f8139a9 its 基本支出总表
    # row, 857.57 of 2,401.78, was read for "总收入")
    assert "56.22%" in a.answer and "35.71%" not in a.answer, a.answer


def test_what_a_project_is_to_deliver(water: Assistant) -> None:
    a = answered(water, "广州市水务局2026年的“两涌一河”堤防安全评价项目要拿出什么成果？")
    # p49 项目支出及其他支出预算表, 绩效目标 "完成《广州市“两涌一河”堤防地质勘察报告》…" (on f8139a9 its amount, 149.47)
    assert "堤防地质勘察报告" in a.answer, a.answer



def test_a_column_group_of_the_units_own_row(bot: Assistant) -> None:
    # 支出总表 p82: 深圳市人事人才公共服务中心's own row, "2026年政府采购项目/小计" 3,070.24 万元 (the unit named alone, no
    # department: on 51fe4d1 no row was found)
    a = answered(bot, "深圳市人事人才公共服务中心2026年的政府采购项目资金是多少？")
    assert "3,070.24" in a.answer, a.answer


def test_a_two_character_item_of_a_units_block(tmp_path) -> None:
    # 深圳市人社局 2026 一般公共预算支出表（按经济分类）, 龙岗分局's block: 水费 (30205) 9.00 万元 — not the unit's own
    # head row (收入总计 7,779.78)
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳人社局2026年预算里，社保基金管理局龙岗分局的水费安排了多少？")
    assert "龙岗分局的“水费”（30205）支出总计为9.00万元" in a.answer, a.answer


def test_a_unit_named_whole_is_not_also_its_parents_own_block(tmp_path) -> None:
    # 深圳市人社局 2026 一般公共预算支出表（按功能分类）: "人力资源和社会保障管理事务" in 龙华分局's block, not in the
    # block of 深圳市社会保险基金管理局（本级）, whose name the unit's name begins with
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市社会保险基金管理局龙华分局2026年一般公共预算里“人力资源和社会保障管理事务”是多少？")
    assert a.answer.split("。")[0].count("龙华分局的“人力资源和社会保障管理事务”") == 1, a.answer


def test_a_units_own_project_asked_by_its_name(tmp_path: Path) -> None:
    # 广州市水务局 2026 p58 项目支出表, 广州市城市排水监测站's block: 购置经费 15.00 (not the unit's own income row)
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州市城市排水监测站2026年的购置经费安排了多少？")
    assert "15.00万元" in a.answer and "6,247.14" not in a.answer, a.answer
