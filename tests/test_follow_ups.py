"""A follow-up continues the question's subject: after "占X的比重" (X a denominator) a "为什么…" still asks
about the subject, while a change ("比上年少了多少") continues into its reason and "其中Y" into Y's use.
(无锡市交通运输局本级 2026 单位预算, 苏州市交通运输局 2026 部门预算; figures checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.asks import split_asks
from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WUXI = CORPUS / "more" / "wuxi-shi_jiaotongju-benji_2026_danwei-yusuan.pdf"
SUZHOU = CORPUS / "more" / "suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"
TONGJI = Path(__file__).resolve().parent / "fixtures" / "real" / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"
real = pytest.mark.skipif(not (WUXI.is_file() and SUZHOU.is_file()), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("follow-ups"), WUXI, SUZHOU, TONGJI)


def test_a_share_leaves_the_subject_for_the_next_follow_up() -> None:
    asks = split_asks("某局的事业收入是多少？占收入总计的比重多大？为什么比上年减少？")
    assert len(asks) == 3 and "收入总计" not in asks[2].text and asks[2].text.startswith("某局的事业收入")
    asks = split_asks("某局的事业收入是多少？比上年少了多少？主要原因是什么？")
    assert "比上年少" in asks[2].text  # the reason of the change just asked
    asks = split_asks("某局的培训项目一共多少？其中师资费占多少，用来做什么？")
    assert "师资费" in asks[-1].text  # the part just named


@real
def test_the_reason_is_the_subjects_not_the_denominators(bot: Assistant) -> None:
    a = answered(bot, "无锡市交通运输局本级的其他收入预算多少？在全部收入中占多大比重？比上年为什么减少了？")
    # 说明 (9): 其他收入 611,843.2 万元 … 减少 8.22%。主要原因是轨道交通成本规制补助区级代付资金、上级转移支付资金减少
    assert "611,843.2" in a.answer and "区级代付" in a.answer, a.answer


@real
def test_a_change_already_quoted_is_not_looked_for_again(bot: Assistant) -> None:
    a = answered(bot, "苏州市交通运输局今年的一般公共预算拨款收入有多少？比去年少了多少？为什么？")
    # 说明 (1): 一般公共预算拨款收入 242,360.1 万元，与上年相比减少 1,429.62 万元…。主要原因是项目收入预算较上年减少
    assert "1,429.62" in a.answer and "项目收入预算较上年减少" in a.answer, a.answer
    assert "公务用车" not in a.answer, a.answer  # another item's change and reason answer nothing here


@real
def test_what_follows_departments_own_units_is_asked_of_each(bot: Assistant) -> None:
    a = answered(bot, "无锡统计局本级和无锡交通局本级的公用经费谁多？")
    # 一般公共预算基本支出表 合计 公用经费: 统计局 131.33, 交通局本级 190.74 (统计局's 收入总表 row 本级: 2,663.92)
    assert "131.33" in a.answer and "190.74" in a.answer and "2,663.92" not in a.answer, a.answer
    assert "190.74 − 131.33 = 59.41万元" in a.answer, a.answer


def test_a_noun_asked_by_its_question_mark_is_an_ask(tmp_path: Path) -> None:
    # "三公经费总额？" asks on its own (杭州市气象局 2026: 三公 24.02, 公务接待费 6.02 万元)
    bot = bm25_bot(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real" / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf")
    a = answered(bot, "杭州市气象局2026年三公经费总额？公务接待费是多少？")
    assert "24.02" in a.answer and "6.02" in a.answer, a.answer


def test_income_and_spending_each(tmp_path: Path) -> None:
    # "收入和支出" is printed together in the narrative, but asked as two things (杭州市气象局 2026: 5,876.67 each)
    bot = bm25_bot(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real" / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf")
    a = answered(bot, "杭州气象局2026年收入和支出分别是多少？")
    assert "“收入总计”为5,876.67万元" in a.answer and "“支出总计”为5,876.67万元" in a.answer, a.answer


def test_each_share_of_the_things_listed_before(tmp_path: Path) -> None:
    # "各占…" asks each thing the ask before listed (长春市信访局（本级）2026 支出总表: 基本 1208.2, 项目 474.56 of 1682.76);
    # no "total over total" share is printed
    bot = bm25_bot(tmp_path, Path(__file__).resolve().parent / "fixtures" / "real" / "changchun-shi_xinfangju_2026_bumen-yusuan.pdf")
    a = answered(bot, "长春市信访局今年基本支出、项目支出分别多少？各占支出总额的百分之几？")
    assert "1208.2 ÷ 1682.76 × 100% = 71.80%" in a.answer and "474.56 ÷ 1682.76 × 100% = 28.20%" in a.answer, a.answer
    assert "= 100.00%" not in a.answer, a.answer


GZ_WATER = CORPUS / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not GZ_WATER.is_file(), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")
def test_a_follow_up_naming_a_column_of_the_row_quoted(tmp_path: Path) -> None:
    # 广州市水务局 p19 行政经费及“三公”经费预算表: 行政经费 合计 6,998.04, 政府性基金预算 5,335.03 万元 (on 7cc5d00 the
    # follow-up was answered by the 财政拨款收支总体情况表's income row 政府性基金预算 250,223.44)
    a = answered(bm25_bot(tmp_path, GZ_WATER), "广州市水务局2026年行政经费是多少？其中政府性基金预算的有多少？")
    assert "6,998.04" in a.answer and "其中政府性基金预算为5,335.03万元" in a.answer, a.answer
    assert "250,223.44" not in a.answer, a.answer


def test_a_follow_up_pointing_back_at_an_unanswered_lead_is_unanswered(tmp_path: Path) -> None:
    # "有哪些涉密项目被剔除？每个项目的预算是多少？": the release names no such project (it says only that secret items
    # are left out), so neither part is answered from a sentence about some other project's money
    from tests.conftest import corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = bot.ask("烟台市信访局2026年有哪些涉密项目被剔除没有公开？每个项目的预算是多少？")
    assert not a.answerable and "75" not in a.answer
    assert [x.tail for x in split_asks("X局有哪些项目？每个项目多少钱？")][1:] == ["每个项目多少钱"]
