"""Answers that need a document's structure rather than its words (figures checked on the pages): a
project asked by a shortened name gets its form's amount and goal; a column the row does not have is not
answered from another column; a 科目 code beats a unit's total; a date picks the release that reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Answer, Assistant
from ingest.settings import Settings
from tests.conftest import answered, bm25_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUANZHOU = SHARED / "real" / "quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"
CHANGSHA = SHARED / "real" / "changsha-shi_xinfangju_2026_bumen-yusuan.pdf"
FUZHOU = SHARED / "more" / "fuzhou-shi_gonganju-wenzhi-zhongxin_2026_danwei-yusuan.pdf"
XIAN = SHARED / "more" / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"
XIAN_XF = SHARED / "real" / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
NATIONAL = [SHARED / "real" / f"zhongyang_guojia-xinfangju_{y}.pdf" for y in ("2024_juesuan", "2026_bumen-yusuan")]
FILES = [QUANZHOU, CHANGSHA, FUZHOU, XIAN, XIAN_XF, *NATIONAL]
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in FILES), reason=f"{SHARED} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(Settings(home=bm25_store(tmp_path_factory.mktemp("forms"), *FILES), dense_retrieval=False))


def ask(bot: Assistant, q: str) -> Answer:
    return answered(bot, q)


def test_project_by_short_name_gets_amount_and_goal(bot: Assistant) -> None:
    a = ask(bot, "泉州市政府办公室的电梯应急平台96196项目预算几何？这个项目干什么用？")
    assert "57.00" in a.answer and "12345" in a.answer  # p32 form: 资金总额, 项目实施期目标
    assert all(c.page == 32 for c in a.citations if c.kind == "row")


def test_both_asked_columns_are_given(bot: Assistant) -> None:
    a = ask(bot, "长沙市信访局一般公共预算基本支出的人员类和公用经费各多少？")
    assert "1,394.97" in a.answer and "122.98" in a.answer  # p18 合计: 人员类, 公用经费


def test_a_column_the_row_lacks_is_not_answered_from_another(bot: Assistant) -> None:
    # the tables have no 公用经费 column; the narrative states it (p22), the 支出合计 6053.42 does not answer
    a = ask(bot, "福州公安局文职人员管理中心基本支出里的公用经费有多少？")
    assert "410.13" in a.answer and "6053.42" not in a.answer


def test_a_code_beats_the_units_total(bot: Assistant) -> None:
    a = ask(bot, "2019年西安市安全生产应急救援中心的2240108科目安排了多少？")
    assert "205.64" in a.answer and "270.98" not in a.answer  # p9: the code's row in the unit's block


def test_a_date_picks_the_release_that_reports_it(bot: Assistant) -> None:
    a = ask(bot, "国家信访局截至2024年末有多少辆车？")
    assert "2024年部门决算" in a.answer and "15" in a.answer  # 2024 决算 p26, not the 2026 budget


def test_last_years_figure_from_this_years_table(bot: Assistant) -> None:
    # no 2025 document of 国家信访局 (2024 决算, 2026 预算): the 2026 table's 2025年执行数 column answers (p20)
    a = ask(bot, "国家信访局2025年一般公共预算支出执行了多少？")
    assert "37,241.42" in a.answer and "2025年执行数" in a.answer
    assert all(c.year == 2026 for c in a.citations)


def test_last_years_spending_is_not_taken_from_a_budget(bot: Assistant) -> None:
    a = bot.ask("长沙市信访局2025年决算支出是多少？")
    assert not a.answerable


def test_an_effect_asked_gets_the_goal(bot: Assistant) -> None:
    a = ask(bot, "泉州市政府办公室96196电梯应急平台项目花了多少？要实现什么效果？")
    assert "57.00" in a.answer and "困人" in a.answer



def test_what_is_bought_is_not_the_subjects_amount(bot: Assistant) -> None:
    # 西安市信访局 2026: "驻京信访工作" is a row of the 专项业务经费支出表 (陕西's 项目支出表, p29, 2,560,000.00元)
    # and of the 政府采购 table (one purchase for it, 1,435,900.00元); the first answers how much it gets
    a = ask(bot, "西安市信访局驻京信访工作的经费是多少？")
    assert "2,560,000.00" in a.answer and "1,435,900.00" not in a.answer


def test_a_table_named_by_its_subject_gives_its_total(bot: Assistant) -> None:
    # 西安安监局 2019 p25: 专项业务经费支出表 合计 1,620.98 (no row is labelled 专项业务经费)
    a = ask(bot, "西安市安全生产监督管理局2019年的专项业务经费合计多少？")
    assert "1,620.98" in a.answer


def test_a_follow_up_naming_another_row_of_the_form(bot: Assistant) -> None:
    # 泉州 p32 form: the follow-up names the form's 财政拨款 row, not its 资金总额 again
    a = ask(bot, "泉州市政府办公室96196电梯应急处置服务平台项目的资金总额是多少？其中财政拨款多少？")
    assert "57.00" in a.answer and a.answer.count("财政拨款") >= 1
    assert any(c.kind == "row" and c.row == "财政拨款" for c in a.citations), a.answer


def test_an_example_in_a_sentence_is_not_its_amount(bot: Assistant) -> None:
    # 国家信访局 2024 决算 p17: "其他收入 878.44 万元，…例如：存款利息收入、房产出租收入…" gives no amount of either
    assert not bot.ask("国家信访局2024年决算里存款利息收入有多少？").answerable
    assert "878.44" in ask(bot, "国家信访局2024年其他收入是多少？").answer


def test_a_thing_named_only_after_an_amount_is_not_its_amount(bot: Assistant) -> None:
    # 长沙市信访局 p8: "会议费预算 5.6 万元，拟召开全市信访工作联席会议、特护期信访安全保障工作调度会等会议": the amount is
    # 会议费's; a meeting listed after it has none of its own
    assert not bot.ask("长沙信访局2026年开特护期信访安全保障工作调度会要花多少钱？").answerable
    assert "5.6" in ask(bot, "长沙信访局2026年会议费预算多少？").answer


def test_a_staff_quota_is_a_number_of_people(bot: Assistant) -> None:
    # 长沙市信访局: "纳入预算编制范围" speaks of compiling the budget; no staff quota is printed
    assert not bot.ask("长沙市信访局有多少个编制？").answerable


def test_spending_asked_as_a_whole_is_the_expense_total(bot: Assistant) -> None:
    a = ask(bot, "长沙市信访局2026年一共要花多少钱？")
    assert "1,935.36" in a.answer and any(c.kind == "row" and c.row == "支出总计" for c in a.citations)


def test_a_total_investment_is_not_the_years_budget(bot: Assistant) -> None:
    # the form gives 资金总额 57.00 for 2026; no total investment of the project is printed
    assert not bot.ask("泉州市政府办公室96196电梯应急处置服务平台项目的总投资是多少？").answerable


def test_a_ratio_after_a_context_clause(bot: Assistant) -> None:
    # "…基本支出中，公用经费占总计的比例": 公用经费 122.98 over the same table's 合计 1,517.95 (长沙 p18)
    a = ask(bot, "长沙市信访局2026年一般公共预算基本支出中，公用经费占总计的比例是多少？")
    assert "8.10%" in a.answer and "1,517.95" in a.answer


def test_a_listed_thing_is_covered_only_by_what_sets_it_apart() -> None:
    from assistant.answer import _covers

    said = "《一般公共预算财政拨款基本支出决算表》中“公用经费合计”为97.19万元[1]。"
    names = ("人员经费合计", "公用经费合计")
    assert _covers(said, "公用经费合计", names) and not _covers(said, "人员经费合计", names)


def test_what_was_achieved_is_the_self_assessments_actual_value(bot: Assistant) -> None:
    # 国家信访局 2024 决算 p30 自评表: 培训人数 年度指标值 ≥300 人, 实际完成值 366 人
    assert "366" in ask(bot, "国家信访局2024年信访干部培训专项的培训人数实际完成了多少？").answer
    assert "300" in ask(bot, "国家信访局2024年信访干部培训专项的培训人数目标是多少？").answer


def test_a_yes_or_no_after_a_count_is_answered_from_its_sentence(bot: Assistant) -> None:
    """"有没有二级预算单位" after another ask: its own ask, answered by the sentence that says so."""
    a = answered(bot, "长沙市信访局机关内设几个处室？下面有没有二级预算单位？")
    assert "10 个正科级处室" in a.answer  # p5 （二）机构设置
    assert "没有其他二级预算单位" in a.answer  # p5 二、部门预算单位构成


def test_a_row_of_a_table_of_fiscal_funds_alone_is_its_fiscal_funds(bot: Assistant) -> None:
    """"财政拨款里的X": the 财政拨款收支总表 has no 财政拨款 column, every amount in it is one (西安信访局 p22)."""
    a = ask(bot, "西安市信访局2026年财政拨款里的社会保障和就业支出有多少？")
    assert "2,590,068.43" in a.answer and "财政拨款收支总表" in a.answer


def test_a_project_named_whole_beside_the_unit_that_runs_it(bot: Assistant) -> None:
    """"…热线中心的话务场地租赁费用": the project's form answers though it does not name the unit; two projects
    compared are called by their names, not by their forms' shared row (泉州 p33, p32)."""
    a = ask(bot, "泉州市政府办公室热线中心的话务场地租赁费用和96196电梯应急处置服务平台各安排多少？哪个多？")
    assert "175.09" in a.answer and "57.00" in a.answer
    assert "最高的是话务场地租赁费用" in a.answer


def test_a_project_named_and_nothing_else_is_asked_its_amount(bot: Assistant) -> None:
    """"X平台是多少": the project's 资金总额 (泉州 p32), not an indicator target that mentions 预算."""
    a = ask(bot, "泉州市政府办公室96196电梯应急处置服务平台是多少？")
    assert "57.00" in a.answer and "资金总额" in a.answer


def test_a_sentence_ending_in_a_colon_is_quoted_with_its_list(bot: Assistant) -> None:
    # 福州公安局文职中心 p4 "三、单位主要工作任务": "…重点抓好以下工作：" then （一）…（二）…
    a = answered(bot, "福州公安局文职人员管理中心2026年重点抓哪些工作？")
    assert "人员招聘" in a.answer and "指导、协助用人单位" in a.answer, a.answer


def test_a_quoted_project_whose_name_holds_a_sangong_word(bot: Assistant) -> None:
    # 泉州市政府办公室 p29 绩效目标表: the project's 资金总额 1778.31, not the 三公 table's 公务用车 row
    a = answered(bot, "泉州市政府办公室“市级机关保留公务用车委托管理费”这个项目安排了多少？")
    assert "1778.31" in a.answer, a.answer


def test_a_section_headed_with_what_is_asked_under_the_project(bot: Assistant) -> None:
    # 国家信访局 2026 p27: "1.…信息化运行维护项目情况 > （2）立项依据" (not the project's 绩效 form)
    a = answered(bot, "国家信访局2026年信息化运行维护这个项目，立项依据是啥？")
    assert "信访工作条例" in a.answer, a.answer
    assert any(c.kind == "text" and "立项依据" in c.section for c in a.citations)


def test_an_indicator_class_named_whole(tmp_path) -> None:
    # 西安市安监局 2019 p37 部门整体支出绩效目标表: 二级指标 "生态效益指标" | "指标：关闭取缔“五小”等不合规企业…" | 98%
    from tests.conftest import bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市安监局2019年整体绩效目标里，生态效益指标是怎么定的？")
    assert "五小" in a.answer and a.citations[0].page == 37, a.answer


def test_a_sangong_part_only_listed_under_another_amount_is_not_its_amount(bot: Assistant) -> None:
    # "公用经费 2,376.26 万元，主要包括：…公务用车运行维护费、…": the part is listed, not given; the 三公 table's row is
    a = ask(bot, "国家信访局2026年公务用车运行费的预算是多少？")
    assert "38.60" in a.answer and "2,376.26" not in a.answer


def test_a_row_named_only_inside_a_units_name_is_not_asked(bot: Assistant) -> None:
    # "…应急救援中心": its block's row "应急救援" (2240108, 205.64) is a word of the unit's name, not what is asked;
    # the unit's own row (270.98, p4/p8) is
    a = ask(bot, "西安市安监局2019年下属的安全生产执法监察支队和安全生产应急救援中心，哪个单位的一般公共预算拨款更多？")
    assert "270.98" in a.answer and "559.29" in a.answer and "205.64" not in a.answer
