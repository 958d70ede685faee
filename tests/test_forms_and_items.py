"""A project's self-evaluation form read for what a reader asks of it: which indicators lost points (得分 below
分值), a part's share of the form's own whole the question names; the largest item of a kind ("花钱最多的一项培训")
from the one table titled by it; a form printed blank is an empty table. Figures checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf, parsed_once

WJW = "xian-shi_weijianwei_2022_juesuan.pdf"
XINFANG = "xian-shi_xinfangju_2026_bumen-yusuan.pdf"


@pytest.fixture(scope="module")
def wjw(tmp_path_factory: pytest.TempPathFactory):
    return bm25_bot(tmp_path_factory.mktemp("forms"), corpus_pdf(WJW))


def test_the_indicators_that_lost_points(wjw) -> None:
    # p. 140: the 第一医院's form scores 97; three indicators get 9 of 10
    a = answered(wjw, "西安市第一医院2022年公共卫生事业发展资金项目自评有哪些指标没拿满分？")
    for name in ("项目实施社会效益", "项目实施生态效益", "患者满意度"):
        assert name in a.answer, a.answer
    assert "得分9" in a.answer
    # p. 98: the 儿童医院's form of the same title: every indicator at its full 分值
    a = answered(wjw, "西安市儿童医院2022年“公共卫生事业发展资金”项目有没有扣分的指标？")
    assert "没有扣分" in a.answer and "得分低于分值" not in a.answer


def test_a_parts_share_of_the_forms_whole_named(wjw) -> None:
    # the form's 年度资金总额 7614.74, 其中当年财政拨款 5500: 72.23% (not a share of the department's spending)
    a = answered(wjw, "西安市第一医院2022年“医用光学仪器”项目年度资金总额中，当年财政拨款的占比是多少？")
    assert "72.23%" in a.answer and "2,074,962.01" not in a.answer


def test_the_largest_item_of_a_kind(tmp_path) -> None:
    # p. 14-15: 培训费明细表, four items; the largest 12.00 万元
    a = answered(bm25_bot(tmp_path, corpus_pdf(XINFANG)), "西安市信访局2026年花钱最多的一项培训是什么？")
    assert "联合学院非法集资案善后工作会议" in a.answer and "12.00" in a.answer


def test_a_form_printed_blank_is_an_empty_table(tmp_path) -> None:
    # p. 43: 专项资金总体绩效目标表 holds only its headings ("实施期限", "实施期总目标")
    doc = parsed_once(corpus_pdf(XINFANG))
    form = next(t for t in doc.tables if t.title == "专项资金总体绩效目标表")
    assert form.empty
    assert not next(t for t in doc.tables if t.title == "部门整体支出绩效目标表").empty
    a = answered(bm25_bot(tmp_path, corpus_pdf(XINFANG)), "西安市信访局2026年预算里专项资金总体绩效目标表有内容吗？")
    assert "空表" in a.answer


def test_one_column_of_an_indicator_over_another(wjw) -> None:
    # the form of 西安市第三医院二期扩建项目: 当年产值 年度指标值 45643.39, 实际完成值 37863.24
    a = answered(wjw, "西安市第三医院二期扩建项目2022年当年产值的实际完成值是年度指标值的百分之几？")
    assert "37863.24 ÷ 45643.39" in a.answer and "82.95%" in a.answer


def test_a_later_ask_after_a_project_named_as_a_container_is_of_that_project(tmp_path: Path) -> None:
    # 办公楼租金项目绩效目标表 p. 31: 财政投入总数 万元≤184.94; 解决办公用房面积 ≤5137.26 平方米 (printed split: "平…方米")
    bot = bm25_bot(tmp_path, corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "福州市商务局2026年的办公楼租金项目中，财政投入多少？能解决多大面积的办公用房？")
    assert "“经济成本指标：财政投入总数”指标值为万元≤184.94" in a.answer
    assert "“数量指标：解决办公用房面积”指标值为平≤5137.26方米" in a.answer
    assert "存储中没有" not in bot.ask("福州市商务局2026年办公楼租金项目解决办公用房面积多少？").answer  # (办公 names no body)
