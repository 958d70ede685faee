""""X项目" names the project X of the 项目支出 tables, not the 功能分类 科目 printed with the same name (深圳市司法局
本级 2026: 项目 公共法律服务 3,493.83 万元 on p28; 科目 2040607 公共法律服务 134.45 万元 on p23; checked on the
rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_a_project_named_as_a_project(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "深圳市司法局本级今年的公共法律服务项目预算有多少？")
    assert "3,493.83" in a.answer and "134.45" not in a.answer, a.answer
    b = answered(bot, "深圳市司法局本级2026年公共法律服务科目支出多少？")
    assert "134.45" in b.answer, b.answer  # the 科目 asked as a 科目


NATIONAL = PDF.parents[1] / "real" / "zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not NATIONAL.is_file(), reason=f"{NATIONAL} 不存在（../shared 语料目录缺失）")
def test_a_form_sharing_words_with_the_name_is_not_its_amount(tmp_path: Path) -> None:
    # 国家信访局 2026: 科目 2014004 信访业务 2,475.01 (部门支出总表); the form 信访业务培训 has 年度资金总额 118.01
    bot = bm25_bot(tmp_path, NATIONAL)
    a = answered(bot, "国家信访局2026年部门预算中，信访业务这一块安排了多少钱？")
    assert "2,475.01" in a.answer and "118.01" not in a.answer, a.answer


def test_projects_listed_from_their_goals_table_when_no_project_table(tmp_path: Path) -> None:
    # 长沙市信访局 2026 pp22–29: no 项目支出 table, but a 项目支出绩效目标表 naming each project with its 资金总额 (printed
    # again on later lines): each project once (信访业务工作专项 138.11 …), not the body's own row 417.41 (answered with
    # the total only on 3e0369c)
    pdf = PDF.parents[1] / "real" / "changsha-shi_xinfangju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "长沙市信访局2026年的项目支出有哪些？各多少钱？")
    assert "列出4项" in a.answer and "“信访业务工作专项”138.11万元" in a.answer, a.answer
    assert a.answer.count("“人民来访接待中心业务专项”") == 1, a.answer


def test_a_long_project_name_asked_without_a_word_inside_it(tmp_path) -> None:
    # 西安市气象局 2022 p27 专项业务经费支出表: "李家河水库人影人工增雨作业" 2200000 元 (asked without "人影"); p32 prints
    # the form's indicator "指标3：完成李家河水库人工增雨作业能…" in a grid of its own: an indicator, not that money
    from tests.conftest import answered, bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安气象局2022年专项业务经费里，李家河水库人工增雨作业给了多少钱？")
    assert "2200000" in a.answer and a.citations[0].page == 27, a.answer


def test_a_dashed_name_with_its_year_in_front_and_what_it_does_not_give(tmp_path: Path) -> None:
    # 珠海市商务局 2026 部门预算项目支出及其他支出预算表: "2026年春节慰问金-珠海边检总站" 500.00 万元; the release
    # gives no number of people, nor an amount per person
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "珠海商务局2026年给珠海边检总站的春节慰问金安排了多少？")
    assert "“2026年春节慰问金-珠海边检总站”为500.00万元" in a.answer, a.answer
    for q in ("珠海商务局给珠海边检总站的春节慰问金，发给了多少名人员？", "珠海商务局给珠海边检总站的春节慰问金人均多少钱？"):
        assert not bot.ask(q).answerable, q


def test_a_class_named_as_such_and_a_project_named_longer(tmp_path) -> None:
    # 西安市信访局 2026: "信访业务" is both a 科目 (2014004, 一般公共预算支出明细表 8,936,120.00元) and a project form
    # whose 经济成本 indicator prints "项目预算金额"; "X科目" asks the 科目. "机关食堂包厨服务" is the project 食堂包厨服务
    # (专项业务经费支出表 1,310,300.00元), not its form's indicator that prints "机关食堂包厨费"
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "西安市信访局2026年“信访业务”科目的预算有多少？")
    assert "8,936,120.00元" in a.answer and "经济成本" not in a.answer, a.answer
    a = answered(bot, "西安信访局机关食堂包厨服务这个项目给了多少经费？")
    assert "1,310,300.00元" in a.answer and "经济成本" not in a.answer, a.answer
