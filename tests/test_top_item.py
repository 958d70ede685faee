"""The largest (or smallest) item asked ("最大的项目是什么", "哪个项目钱最多"): the item of the table the question names
(projects when it names none) with the largest amount, cited; a unit's row, which heads its items, is no item.
(湖州市财政局 2026 p31, 2026年市级部门项目支出预算表: 7 projects, 市级预算项目评审 371.00 万元 the largest, 财政票据综合管理
10.00 万元 the smallest; checked on the page.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

HUZHOU = Path(__file__).resolve().parent / "fixtures" / "real" / "huzhou-shi_caizhengju_2026_bumen-yusuan.pdf"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("top-item"), HUZHOU)


@pytest.mark.parametrize("question", ["湖州财政局2026年项目支出中最大的项目是什么？", "湖州市财政局今年哪个项目钱最多？",
                                      "湖州市财政局2026年项目支出最多的是哪个项目？"])
def test_the_largest_project(bot: Assistant, question: str) -> None:
    a = answered(bot, question)
    assert "金额最大的是“市级预算项目评审”371.00万元" in a.answer, a.answer
    assert any(c.kind == "row" and c.page == 31 for c in a.citations)


def test_the_smallest_project(bot: Assistant) -> None:
    a = answered(bot, "湖州市财政局2026年哪个项目预算最少？")
    assert "金额最小的是“财政票据综合管理”10.00万元" in a.answer, a.answer


CHANGSHA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "changsha-shi_xinfangju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not CHANGSHA.is_file(), reason=f"{CHANGSHA} 不存在（../shared 语料目录缺失）")
def test_the_largest_subject_of_a_named_table(tmp_path: Path) -> None:
    # 长沙市信访局 2026 一般公共预算支出情况表: 行政运行 1,517.95 and 信访业务 417.41 万元
    a = answered(bm25_bot(tmp_path, CHANGSHA), "长沙信访局2026年一般公共预算支出中哪个科目最多？")
    assert "金额最大的是“行政运行”（2014001）1,517.95万元" in a.answer, a.answer


def test_the_projects_listed_when_asked_which_there_are(bot: Assistant) -> None:
    # "项目支出有哪些": the project table's items, each with its amount (市级预算项目评审 371.00, 财政票据综合管理 10.00)
    a = answered(bot, "湖州财政局2026年项目支出都有哪些？")
    assert "列出7项" in a.answer and "371.00万元" in a.answer and "10.00万元" in a.answer, a.answer


def test_no_list_to_rank_and_no_sentence_saying_which_is_largest(tmp_path: Path) -> None:
    # 福州市商务局 2026 prints no project table; its duties mention "重大项目", which is no answer. Its eight 项目绩效目标表
    # are compared instead, and the answer says so (商务发展资金 11600.00 万元, p34)
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = bm25_bot(tmp_path, pdf).ask("福州商务局2026年最大的项目是哪个？")
    assert "重大项目" not in a.answer, a.answer
    assert "没有列出全部项目的表" in a.answer and "按8张项目绩效目标表" in a.answer and "11600.00" in a.answer, a.answer
