"""Answers on two documents of ../shared/corpus/more (figures checked on the rendered pages): a project
named in quotes by part of its name, what it is for (its 绩效目标 cell), a fund's own table total, and a
reason asked as "为啥" with the change asked after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Answer, Assistant
from ingest.settings import Settings
from tests.conftest import answered, bm25_store

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
ZHUHAI = MORE / "zhuhai-shi_jiaotong-gongwu-zhongxin_2026_bumen-yusuan.pdf"
DIAMOND = MORE / "shanghai-shi_zuanshi-jiaoyi-ban_2026_danwei-yusuan.pdf"
pytestmark = pytest.mark.skipif(not ZHUHAI.is_file(), reason=f"{MORE} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = bm25_store(tmp_path_factory.mktemp("more-answers"), ZHUHAI, DIAMOND)
    return Assistant(Settings(home=home, dense_retrieval=False))


def ask(bot: Assistant, q: str) -> Answer:
    return answered(bot, q)


def test_quoted_project_amount_and_goal(bot: Assistant) -> None:
    a = ask(bot, "珠海工务中心的“黄杨泵站至缯坑水库第二条原水管”工程安排了多少钱？建这条管道是为了解决什么问题？")
    assert "4,237.00" in a.answer  # p18 部门预算项目支出及其他支出预算表
    assert "咸潮" in a.answer and "应急供水" in a.answer  # the row's 绩效目标
    assert any(c.kind == "row" and c.page == 18 for c in a.citations)


def test_a_project_only_one_department_holds_names_that_department(bot: Assistant) -> None:
    # no department named: the project row (printed "…建设工程-2026年") is in the 珠海 document only
    a = ask(bot, "黄杨泵站至缯坑水库第二条原水管建设工程安排了多少钱？")
    assert "4,237.00" in a.answer and {c.doc for c in a.citations} == {a.docs[0]} and len(a.docs) == 1
    assert any(c.kind == "row" and c.page == 18 for c in a.citations)


def test_fund_named_alone_is_its_table_total(bot: Assistant) -> None:
    a = ask(bot, "珠海工务中心用政府性基金安排的支出有多少？")
    assert "6,816.00" in a.answer  # p15 政府性基金预算支出情况表 合计
    assert any(c.kind == "row" and "政府性基金" in c.table and c.page == 15 for c in a.citations)


def test_reason_asked_in_other_words_then_the_change(bot: Assistant) -> None:
    a = ask(bot, "钻石交易办今年的预算为啥比去年少了？少了多少？")
    assert "电子口岸" in a.answer and "市商务委" in a.answer  # p6: 减少的主要原因是…调整至市商务委
    assert "85" in a.answer


REAL = MORE.parent / "real"
BEIJING = [REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf", REAL / "beijing-shi_shenjiju_2026_bumen-yusuan_shuoming.pdf"]


@pytest.mark.skipif(not all(p.is_file() for p in BEIJING), reason="北京审计局两份文件不在 ../shared/corpus/real")
def test_a_release_in_two_files_answers_once(tmp_path: Path) -> None:
    """北京: 报表 and 说明 are two files of one release; a project row found in the 报表 is not reported missing
    from the 说明, and a project listed one per row in a 绩效 table is found by its name."""
    bot = Assistant(Settings(home=bm25_store(tmp_path, *BEIJING), dense_retrieval=False))
    a = ask(bot, "北京市审计局《北京审计》杂志办刊经费的项目总额是多少？")
    assert "17.398000" in a.answer  # 预算表12 项目支出绩效目标表, p12 of the 报表 file
    assert "未找到" not in a.answer, a.answer
    # no year asked: both files of the latest release are read (the duties are in the 说明 file only, p4)
    a = ask(bot, "北京市审计局对局级党政主要领导干部搞哪些审计？")
    assert "经济责任审计" in a.answer and "离任审计" in a.answer, a.answer


def test_a_column_printed_after_其中_is_that_column(bot: Assistant) -> None:
    # 一般公共预算支出情况表 prints "一般公共预算支出/其中：基本支出": the fund named reads that table, not 本年支出总体情况表
    a = ask(bot, "珠海市政府投资交通市政项目工务中心2026年一般公共预算支出里基本支出是多少？")
    assert any(c.kind == "row" and "一般公共预算支出情况表" in c.table for c in a.citations), a.answer


def test_a_cost_defined_inside_a_glossary_entry(bot: Assistant) -> None:
    """"X反映哪些支出": the clause of the 名词解释 entry that defines X (珠海工务中心 p24, inside "三公"经费)."""
    a = ask(bot, "珠海工务中心的公务用车运行维护费反映的是哪些支出？")
    assert "解释" in a.answer and "燃料费" in a.answer and "过路过桥费" in a.answer


def test_what_kind_of_unit_and_what_it_does(bot: Assistant) -> None:
    """"什么性质的单位": the sentence opening its duties (上海钻石交易办 p3); "主要管哪些" lists them all, the
    first one included though it shares that paragraph."""
    a = ask(bot, "钻石宝玉石交易联合管理办公室属于什么性质的单位？")
    assert "全额拨款行政单位" in a.answer
    b = ask(bot, "钻石宝玉石交易联合管理办公室主要管哪些事？")
    assert "全额拨款行政单位" in b.answer and "钻石进出口" in b.answer and "数据收集汇总" in b.answer


def test_which_project_the_project_spending_is(bot: Assistant) -> None:
    """"项目支出有哪个项目": the rows of the 项目支出 table, not its total (上海钻石交易办 p17)."""
    a = ask(bot, "上海钻石交易办今年的项目支出有哪个项目？")
    assert "钻石宝玉石产业发展专项" in a.answer and "270,000" in a.answer


def test_no_internal_offices_answers_how_many(bot: Assistant) -> None:
    # 钻石办 p4 机构设置: "…单位无内设机构。" answers a count of them
    a = ask(bot, "上海钻石宝玉石交易联合管理办公室有多少个内设机构？")
    assert a.answerable and "无内设机构" in a.answer, a.answer
