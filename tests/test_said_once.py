"""A compound answer says each thing once: a follow-up that finds the row already quoted adds nothing of it
again (not even its "，其中…" clause), and things listed with the department's name in front ("珠海商务局给A、B的
补助各多少") are the rows named A and B, which "谁多" then compares. (重庆市经信委 2026, 珠海市商务局 2026; figures
checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
JXW = CORPUS / "more" / "chongqing-shi_jingxinwei_2026_bumen-yusuan.pdf"
ZHUHAI = CORPUS / "real" / "zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (JXW.is_file() and ZHUHAI.is_file()), reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("said-once"), JXW, ZHUHAI)


def test_a_follow_up_repeats_no_clause(bot: Assistant) -> None:
    a = answered(bot, "重庆经信委2026年的政府采购预算合计是多少？其中服务采购多少？")
    # 政府采购预算明细表: 服务 14,784.49万元, of which 一般公共预算拨款收入 14,784.49
    assert "14,784.49" in a.answer, a.answer
    assert a.answer.count("其中一般公共预算拨款收入14,784.49万元") == 1, a.answer
    assert "。，" not in a.answer and "。。" not in a.answer, a.answer


def test_listed_after_the_department_and_compared(bot: Assistant) -> None:
    a = answered(bot, "珠海商务局给拱北海关、珠海边检总站的货运口岸临时开放补助经费各安排了多少？谁多？")
    # 部门预算项目支出及其他支出预算表: 拱北海关补助经费 491.25, 珠海边检总站补助经费 288.75 (万元)
    assert "491.25" in a.answer and "288.75" in a.answer, a.answer
    assert "491.25 − 288.75 = 202.50万元" in a.answer, a.answer
    assert "66,307.98" not in a.answer, a.answer  # the department's whole expenditure is no listed thing


GZ_SW = CORPUS / "more" / "guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not GZ_SW.is_file(), reason=f"{GZ_SW} 不存在")
def test_a_quoted_project_is_the_departments_own(tmp_path: Path) -> None:
    """广州市商务局 2026 p29: its own "广州市商务局2025年-2026年信息化运维项目" (113.28 万元), printed with 年 twice, before a
    unit's "广州商务会展促进服务中心2025-2026年信息化运维项目" (20.10) that holds the quoted words as written."""
    a = answered(bm25_bot(tmp_path, GZ_SW), "广州市商务局的“2025-2026年信息化运维项目”安排了多少钱？")
    assert "113.28" in a.answer and "20.10" not in a.answer, a.answer


def test_a_row_two_asks_both_give_is_said_once(tmp_path: Path) -> None:
    # "一共要花多少钱？支出总计是多少？": both asks read the same 支出总计 row (广州市商务局 2026 121,393.52)
    from tests.conftest import corpus_pdf

    a = answered(bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf")),
                 "广州市商务局2026年一共要花多少钱？支出总计是多少？")
    assert a.answer.count("“支出总计”预算为121,393.52万元") == 1, a.answer
