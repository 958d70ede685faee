"""A 决算's item list ("26.…采供血机构（项）。年初预算 A 万元，支出决算 B 万元…主要原因是…"): a question naming the 科目
with a fund ("一般公共预算财政拨款") is answered from the item, the fund's own total row notwithstanding, and a follow-up
in a reader's words ("实际支出了多少") is what the item already told ("支出决算"), not another item's sentence.
A two-sided table's "总计" on the asked side is that side's 总计. (西安市卫健委 2022 决算 p6, p16; checked on the
rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "xian-shi_weijianwei_2022_juesuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory):
    return bm25_bot(tmp_path_factory.mktemp("final-items"), PDF)


def test_plan_and_final_of_a_named_item(bot) -> None:
    a = answered(bot, "西安卫健委2022年决算中，采供血机构的一般公共预算财政拨款年初预算是多少？实际支出了多少？")
    assert "年初预算19779.08万元" in a.answer and "18,750.36" in a.answer, a.answer
    assert "急救中心" not in a.answer, a.answer  # another item's sentence (应急救治机构) is no answer
    assert any(c.kind == "text" and c.page == 16 for c in a.citations)


def test_a_two_sided_total_is_the_asked_sides_total(bot) -> None:
    # p6 收入支出决算总表: the 支出 side's "总计" 2,480,372.70 (with 年末结转和结余); "本年支出合计" 2,074,962.01
    a = answered(bot, "西安市卫健委2022年部门决算的支出总计是多少？")
    assert "2,480,372.70" in a.answer and "2,074,962.01" not in a.answer, a.answer
    a = answered(bot, "西安卫健委2022年决算里本年支出合计多少？")
    assert "2,074,962.01" in a.answer, a.answer


def test_problems_found_are_listed_item_by_item(bot) -> None:
    # p28 部门整体支出绩效自评结果: "发现的问题及原因：（1）预算编制不精准。…（2）绩效目标不明确。…（3）项目资金未及时拨付到位…"
    a = answered(bot, "西安卫健委2022年决算中，部门整体支出的绩效自评都发现了哪些问题？")
    assert all(w in a.answer for w in ("预算编制不精准", "绩效目标不明确", "未及时拨付")), a.answer


def test_a_unit_named_by_its_short_form(bot) -> None:
    # "疾控中心" is how readers write 西安市疾病预防控制中心, a unit the document lists (with or without 市); p40 item 28:
    # 职业病防治项目 全年预算数316.4万元，执行数226.12万元
    for q in ("西安疾控中心2022年职业病防治项目全年预算是多少？", "西安市疾控中心职业病防治项目2022年执行了多少？"):
        a = answered(bot, q)
        assert "316.4" in a.answer and "226.12" in a.answer and "疾病预防控制中心" in a.answer, a.answer


def test_a_station_the_document_lists_is_its_unit(bot) -> None:
    # 西安市中心血站 is one of the 决算单位 (p7); p36 item 11: 无偿献血者宣传资金项目 全年预算数1272.77万元，执行数1184.56万元
    a = answered(bot, "西安市中心血站的无偿献血者宣传资金项目，2022年执行数是多少？")
    assert "1184.56" in a.answer, a.answer


def test_how_far_the_actual_fell_short_of_the_plan(tmp_path: Path) -> None:
    # 国家信访局 2024 决算 p15 三公 table: 预算数 因公出国（境）费 30.00, 决算数 4.69; 合计 76.43 against 46.21, also in a sentence
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "zhongyang_guojia-xinfangju_2024_juesuan.pdf"
    bot = bm25_bot(tmp_path, pdf)
    a = answered(bot, "国家信访局2024年决算里三公经费实际支出是多少？比预算少了多少？")
    assert "76.43 − 46.21 = 30.22万元" in a.answer and "未找到" not in a.answer, a.answer
    a = answered(bot, "国家信访局2024年决算里因公出国费实际比预算少了多少？")
    assert "30.00 − 4.69 = 25.31万元" in a.answer, a.answer


def test_spent_over_the_whole_year_is_the_total(tmp_path: Path) -> None:
    # "全年一共支出了" asks what the 决算 spent over the year (p7 收入支出决算总表 本年支出合计 14,572.53; the 总计
    # 22,066.59 also holds 年末结转和结余, not spent), not a yearly count told in the text ("全年因公出国（境）费支出 4.69 万元")
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "zhongyang_guojia-xinfangju_2024_juesuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "国家信访局2024年决算全年一共支出了多少？")
    assert "“本年支出合计”为14,572.53万元" in a.answer and "4.69" not in a.answer, a.answer
