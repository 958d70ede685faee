"""Questions across departments: a ranking when none is named, a comparison asked in one clause, a list of
departments followed by their count ("三家") — on three real 信访局 budgets, figures checked on their pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.settings import Settings
from tests.conftest import answered, bm25_store

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
FILES = [REAL / f"{city}-shi_xinfangju_2026_bumen-yusuan.pdf" for city in ("shenzhen", "changsha", "yantai")]
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in FILES), reason=f"{REAL} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(Settings(home=bm25_store(tmp_path_factory.mktemp("across"), *FILES), dense_retrieval=False))


def test_which_department_ranks_every_department(bot: Assistant) -> None:
    a = answered(bot, "哪个部门三公经费最多？")
    # 三公 2026: 烟台 17.00 (p18), 长沙 8.00 (p20), 深圳 5.58 (p31)
    assert "最高的是烟台市信访局" in a.answer
    assert a.answer.index("1. 烟台") < a.answer.index("2. 长沙") < a.answer.index("3. 深圳")
    assert "8.00万元" in a.answer and "5.58万元" in a.answer
    assert {c.department for c in a.citations} == {"烟台市信访局", "长沙市信访局", "深圳市信访局"}


def test_which_is_lowest(bot: Assistant) -> None:
    a = answered(bot, "哪个单位的三公经费最少？")
    assert "最低的是深圳市信访局" in a.answer


def test_a_comparison_asked_in_one_clause(bot: Assistant) -> None:
    a = answered(bot, "深圳市信访局和长沙市信访局2026年三公经费哪个多？")
    assert "8.00 − 5.58 = 2.42" in a.answer


def test_departments_listed_then_counted(bot: Assistant) -> None:
    a = answered(bot, "深圳市信访局、长沙市信访局、烟台市信访局三家2026年的三公经费分别是多少？")
    assert all(x in a.answer for x in ("5.58", "8.00", "17.00"))


def test_quoted_names_listed_are_each_answered(bot: Assistant) -> None:
    # 长沙 p23-p28 2026年项目支出绩效目标表: 资金总额 10.22 and 138.11; a quoted name holding "及" and "…中心"
    # is one project, not a list nor another organisation
    a = answered(bot, "长沙市信访局“信访业务工作专项”和“人民来访接待中心及特护期运行专项”各多少钱？")
    assert "10.22万元" in a.answer and "138.11万元" in a.answer, a.answer
    assert "未找到" not in a.answer and "没有“" not in a.answer, a.answer


def test_one_department_against_another_by_how_much(bot: Assistant) -> None:
    # 三公 2026: 长沙 8.00 (p20), 深圳 5.58 (p31); "A比B多多少" compares the two figures, it is no change over a year
    a = answered(bot, "深圳信访局和长沙信访局今年三公经费各多少？长沙比深圳多多少？")
    assert "8.00 − 5.58 = 2.42万元" in a.answer, a.answer
    assert "未找到" not in a.answer, a.answer


def test_an_indicator_value_is_not_an_amount_of_money(bot: Assistant) -> None:
    # 长沙 p28 2026年项目支出绩效目标表 (a 万元 table): 调解化解信访问题数量, 指标值 4000 — a count, not 4000万元
    a = answered(bot, "长沙市信访局信访业务工作专项的绩效指标里，调解化解信访问题数量定了多少？")
    assert "指标值为4000" in a.answer and "4000万元" not in a.answer, a.answer


def test_how_far_apart_the_two_asked_before(bot: Assistant) -> None:
    # "两者相差多少" after "A和B各多少": the two figures compared (长沙 8.00, 深圳 5.58)
    a = answered(bot, "深圳市信访局和长沙市信访局2026年三公经费各是多少？两者相差多少？")
    assert "8.00 − 5.58 = 2.42万元" in a.answer, a.answer


def test_the_bodies_named_first_then_which_is_highest(bot: Assistant) -> None:
    # "部门里，哪个X最多": the same ranking, the bodies named before the question word
    a = answered(bot, "这几个部门里，哪个三公经费最多？")
    assert "最高的是烟台市信访局" in a.answer, a.answer


PUTUO = [REAL / f for f in ("shanghai-putuo_sifaju_2026_bumen-yusuan.pdf", "shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf",
                            "shanghai-putuo_shangwuwei_2025_bumen-yusuan.pdf")]


def test_each_bodys_latest_budget_when_few_have_the_latest_year(tmp_path: Path) -> None:
    # one 2026 budget (司法局) and two 2025 ones: each body's latest, its year beside it; 机关运行经费 printed in each
    bot = Assistant(Settings(home=bm25_store(tmp_path, *PUTUO), dense_retrieval=False))
    a = answered(bot, "普陀区哪个部门的机关运行经费最高？")
    assert "比较3个部门" in a.answer and "（2025年）" in a.answer and "（2026年）" in a.answer, a.answer
