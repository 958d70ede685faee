"""The assistant on real PDFs: sentences that wrap across lines, compound questions (amount and
reason), a unit's own total row, changes over time told in the narrative, and honest refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Answer, Assistant
from ingest.settings import Settings
from tests.conftest import answered, bm25_store, parsed_once

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
WUXI = REAL / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"
SUZHOU = REAL / "suzhou-shi_shenjiju_2026_bumen-yusuan.pdf"
SHENZHEN = REAL / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"
HANGZHOU = REAL / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"
PUTUO = REAL / "shanghai-putuo_sifaju_2026_bumen-yusuan.pdf"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = bm25_store(tmp_path_factory.mktemp("real-assistant"), WUXI, SUZHOU, SHENZHEN, HANGZHOU, PUTUO)
    return Assistant(Settings(home=home, dense_retrieval=False))


def ask(bot: Assistant, q: str) -> Answer:
    a = bot.ask(q)
    assert a.unverified_numbers == [], a.answer
    return a


def texts(a: Answer) -> str:
    return " ".join(getattr(c, "text", "") for c in a.citations if c.kind == "text")


# ---------------------------------------------------------------- ingest: paragraphs as printed


def test_wrapped_lines_make_one_sentence() -> None:
    paras = parsed_once(WUXI).paragraphs
    # printed over three lines at the left margin, under a page header further left
    hit = [p for p in paras if "比上年预算减少 11.3 万元" in p.text]
    assert len(hit) == 1 and hit[0].text.startswith("无锡市统计局 2026 年度一般公共预算拨款安排的“三公”经费支出预算 3 万元")
    assert hit[0].heading_path[-1] == "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明"  # heading wraps too


def test_numbered_sentence_is_not_a_heading() -> None:
    paras = parsed_once(HANGZHOU).paragraphs
    (p,) = [p for p in paras if "113.53" in p.text]
    assert p.text.startswith("（1）科学技术支出（类）技术研究与开发（款）科技成果转化与扩散（项）28.00 万元")
    # under "3.一般公共预算当年拨款具体使用情况。", a numbered label printed on a line of its own
    assert p.heading_path[-2].startswith("（五）一般公共预算当年拨款情况说明")
    assert p.heading_path[-1] == "3.一般公共预算当年拨款具体使用情况。"


# ---------------------------------------------------------------- answers


def test_sanggong_total_and_its_change(bot: Assistant) -> None:
    a = ask(bot, "无锡市统计局2026年“三公”经费预算是多少？比上年减少了多少？")
    assert a.answerable and "11.3" in a.answer and "3 万元" in a.answer
    assert "比上年预算减少 11.3 万元" in texts(a)


def test_amount_and_the_reason_in_the_next_sentence(bot: Assistant) -> None:
    a = ask(bot, "无锡市统计局2026年机关运行经费预算是多少？为什么比上年减少？")
    assert "131.33" in a.answer and "在职人员减少" in a.answer
    b = ask(bot, "苏州市审计局2026年提租补贴为什么比上年大幅增加？增加了多少？")
    assert "266.46" in b.answer and "并入购房补贴" in b.answer
    # the change and its reason are cited where they are printed (the 说明 item of 提租补贴, page 27)
    assert any(c.kind == "text" and "266.46" in c.text and c.page == 27 for c in b.citations)


def test_each_listed_thing_gets_what_is_asked_of_it(bot: Assistant) -> None:
    a = ask(bot, "普陀区司法局2026年住房公积金和购房补贴各安排了多少？分别用来干什么？")
    # 说明 items 12 and 13 (p9): "主要用于：行政事业单位为职工缴纳的住房公积金" / "主要用于：发放购房补贴"
    assert "2087959.00" in a.answer and "2433600.00" in a.answer, a.answer
    assert "为职工缴纳的住房公积金" in a.answer and "发放购房补贴" in a.answer, a.answer


def test_change_over_time_is_read_not_computed(bot: Assistant) -> None:
    a = ask(bot, "杭州市气象局2026年科技成果转化与扩散支出比上年执行数减少了多少？")
    assert "113.53" in a.answer and "差额" not in a.answer


def test_unit_row_is_the_total(bot: Assistant) -> None:
    a = ask(bot, "深圳市信访局2026年基本支出预算是多少？")
    assert "3,072.01" in a.answer
    assert any(c.kind == "row" and c.row == "深圳市信访局" for c in a.citations)


def test_headcount_is_not_answered_with_money(bot: Assistant) -> None:
    a = ask(bot, "无锡市统计局2026年在职人员编制数是多少？")
    assert not a.answerable and a.citations == []


def test_prose_with_amounts_is_not_a_text_table() -> None:
    """A 说明 page under a title-like heading, with several amounts per line, stays narrative
    (泉州 p27 was once read as a text-aligned table and its 三公 sentences lost)."""
    from ingest.model import BBox
    from ingest.pdf import Line, _looks_tabular

    def lines(texts: list[str]) -> list[Line]:
        return [Line(t, 1, BBox(x0=50, top=20 * i, x1=500, bottom=20 * i + 12), 12, 50) for i, t in enumerate(texts)]

    prose = ["六、一般公共预算“三公”经费支出情况",
             "2026 年预算安排 0.00 万元，比上年增加 0.00 万元，增",
             "2026年预算安排 18.85 万元，比上年增加 0.00万元，增",
             "2026 年预算安排 293.90 万元，其中：公务用车运行费",
             "32.00 万元，比上年增加 0.00万元，增长 0.00%，与上年持平；"]
    table = ["2026年度一般公共预算“三公”经费支出预算表", "合计 312.75 312.75", "公务接待费 18.85 18.85",
             "公务用车购置及运行费 293.90 293.90"]
    assert not _looks_tabular(lines(prose))
    assert _looks_tabular(lines(table))


# ---------------------------------------------------------------- 决算 (final accounts)

SHEHUI = REAL / "shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf"
XINFANG24 = REAL / "zhongyang_guojia-xinfangju_2024_juesuan.pdf"


@pytest.fixture(scope="module")
def final_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = bm25_store(tmp_path_factory.mktemp("final-accounts"), SHEHUI, XINFANG24)
    return Assistant(Settings(home=home, dense_retrieval=False))


def test_numbers_set_below_their_line_are_read_in_place() -> None:
    """普陀 决算 pages print each number a few points lower, in another font: it belongs in its sentence."""
    text = " ".join(p.text for p in parsed_once(SHEHUI).paragraphs)
    assert "本年支出合计 307.82 万元" in text or "本年支出合计307.82万元" in text.replace(" ", "")
    assert "年初预算为万元" not in text.replace(" ", "")


def test_item_plan_and_final_with_the_reason(final_bot: Assistant) -> None:
    a = ask(final_bot, "国家信访局2024年度一般行政管理事务（2014002）年初预算和支出决算各是多少？决算远低于预算的原因是什么？")
    assert "590.53" in a.answer and "4.7" in a.answer and "机动经费" in a.answer
    assert "一般行政管理事务（项）" in texts(a)


def test_item_use_and_amount(final_bot: Assistant) -> None:
    a = ask(final_bot, "中共上海市普陀区委社会工作部2024年其他社会工作事务支出（2013999）决算是多少？主要用于什么？")
    assert "202.24" in a.answer and "开办费" in a.answer


def test_project_the_tables_do_not_name_is_refused(final_bot: Assistant) -> None:
    a = ask(final_bot, "国家信访局2024年度部门决算中，信访视频指挥调度平台项目支出了多少钱？")
    assert not a.answerable and "3,499.42" not in a.answer


def test_two_amounts_one_sentence_states_are_subtracted_from_it(final_bot: Assistant) -> None:
    # "年初预算为 5717.32 万元，支出决算为 5757.63 万元" (p21 of 国家信访局 2024 决算): not the 支出总计 22,066.59
    a = ask(final_bot, "国家信访局2024年决算中，年初预算和全年支出差多少？")
    assert "5757.63 − 5717.32 = 40.31万元" in a.answer, a.answer
    assert "22,066.59" not in a.answer, a.answer


def test_bare_income_total(final_bot: Assistant) -> None:
    a = ask(final_bot, "国家信访局2024年部门决算的收入是多少？")
    # (the 收入 side's 总计 of the 收入支出决算总表, or a row named 收入…)
    assert a.answerable and any(c.kind == "row" and ("收入" in c.row or c.side == "收入") for c in a.citations)


def test_checker_does_not_call_a_true_sentence_wrong(bot: Assistant) -> None:
    """A 说明 sentence checked as a draft: its 三公 figure must not be compared with the 一般公共预算拨款 total."""
    res = bot.verify("无锡市统计局2026年度一般公共预算拨款安排的“三公”经费支出预算3万元，比上年预算减少11.3万元。")
    assert [f.status for f in res.figures] == ["match", "match"]
    wrong = bot.verify("无锡市统计局2026年项目支出100.00万元。")
    assert wrong.figures[0].status == "differs" and wrong.figures[0].expected == "975.06"


def test_a_column_named_picks_that_rows_copy_among_same_named_rows(bot: Assistant) -> None:
    # 项目支出总表 p23: 信访大厅运行 总计 603.84, 上年结余、结转 6.90 (a 绩效 form prints the same name with 603.84 only)
    for q in ("深圳市信访局2026年信访大厅运行这个项目里，上年结余、结转的钱有多少？",
              "深圳市信访局2026年项目支出总表里，信访大厅运行的上年结余、结转是多少？"):
        a = answered(bot, q)
        assert "6.90万元" in a.answer, a.answer
        assert any(c.kind == "row" and c.row == "信访大厅运行" and "项目支出总表" in c.table for c in a.citations)


def test_a_subject_asked_with_its_levels_gets_its_definition(bot: Assistant) -> None:
    # 名词解释 十四: "住房保障支出(类)住房改革支出(款)提租补贴(项)：反映按房改政策规定的标准…发放的租金补贴"
    a = answered(bot, "苏州市审计局的“住房改革支出（款）提租补贴（项）”具体指什么支出？")
    assert "租金补贴" in a.answer and "555.50" not in a.answer, a.answer


def test_a_row_asked_within_a_fund_is_that_row(bot: Assistant) -> None:
    # "预算里提…" is not "预算里提到的": 提租补贴 (2210202) is the row asked, 555.50 in 一般公共预算支出表 p16
    a = answered(bot, "苏州审计局一般公共预算里提租补贴是多少？")
    assert "555.50" in a.answer and "4,651.67" not in a.answer, a.answer
    assert any(c.kind == "row" and c.code == "2210202" for c in a.citations)



def test_the_units_a_budget_holds_when_no_table_lists_them(bot: Assistant) -> None:
    # 普陀区司法局 p6 机构设置: "…具体包括： 1. 普陀区司法局本部" then "2. 普陀区法律援助中心" at the page's end
    a = answered(bot, "普陀区司法局2026年部门预算包含哪几家单位？")
    assert "司法局本部" in a.answer and "法律援助中心" in a.answer, a.answer


def test_an_execution_rate_worked_out_from_the_quoted_plan_and_actual(final_bot: Assistant) -> None:
    # 国家信访局 2024 决算: "全年预算数为 536.20 万元，执行数为 413.57 万元，完成预算的 77.1%" -> 77.13% with its formula
    a = answered(final_bot, "国家信访局2024年信访研究宣传立法专项的预算执行率是多少？")
    assert "413.57 ÷ 536.20 × 100% = 77.13%" in a.answer, a.answer


def test_a_fund_total_asked_as_zongji_is_the_zongji_row(final_bot: Assistant) -> None:
    # 国家信访局 2024 财政拨款收入支出决算总表: 总计 20,727.53 (with the carry-over), not 本年收入合计 19,572.91
    a = answered(final_bot, "国家信访局2024年决算的财政拨款收支总计是多少？")
    assert "20,727.53" in a.answer and "19,572.91" not in a.answer, a.answer


def test_a_plan_asked_about_a_topic_is_its_work_task_item(bot: Assistant) -> None:
    # 无锡统计局 p5, "三、2026 年度部门主要工作任务及目标": the item opened by "扎实开展统计普查。", quoted whole
    for q in ("无锡市统计局2026年统计普查方面有哪些重点工作？", "无锡市统计局今年在统计普查上准备干些什么？"):
        a = ask(bot, q)
        assert "扎实开展统计普查" in a.answer and "第四次全国农业普查" in a.answer, a.answer
        assert any(c.kind == "text" and c.page == 5 for c in a.citations)


def test_a_share_reads_its_part_in_the_table_of_its_whole(bot: Assistant) -> None:
    # 无锡统计局 财政拨款收支总表 prints both: 一般公共服务支出 2,404.17 of 支出总计 3,210.10; the part is cited there,
    # not in the 支出总表 (all funds), so both figures stand on one basis
    a = ask(bot, "无锡市统计局2026年财政拨款支出中，一般公共服务支出占了多大比重？")
    assert "2,404.17 ÷ 3,210.10 × 100% = 74.89%" in a.answer, a.answer
    rows = [c for c in a.citations if c.kind == "row"]
    assert rows and all(c.table == "财政拨款收支总表" for c in rows), [c.table for c in rows]


def test_a_table_named_in_short_is_where_to_read(tmp_path: Path) -> None:
    """"财政拨款收支总表里的收入总计": the 收入总计 row of 《2026年市级部门财政拨款收支预算总表》 (湖州财政局, 6838.41万元);
    the table's short name is where to read, not a thing of its own that no row names."""
    bot = Assistant(Settings(home=bm25_store(tmp_path, REAL / "huzhou-shi_caizhengju_2026_bumen-yusuan.pdf"), dense_retrieval=False))
    a = ask(bot, "湖州市财政局2026年财政拨款收支总表里，收入总计是多少万元？")
    assert "《2026年市级部门财政拨款收支预算总表》中“收入总计”为6838.41万元" in a.answer, a.answer
    # two columns compared come from one row that prints both (一般公共预算支出表 合计: 基本支出 5571.66, 项目支出 1266.75)
    b = ask(bot, "湖州市财政局2026年基本支出比项目支出多多少？")
    assert "5571.66 − 1266.75 = 4304.91万元" in b.answer, b.answer
    assert len({c.table for c in b.citations if c.kind == "row"}) == 1, b.answer


def test_a_term_defined_inside_the_sanggong_entry(bot: Assistant) -> None:
    # 深圳信访局 p14 名词解释 十、“三公”经费：…其中：…；公务用车购置费具体包括公务用车购置支出（含车辆购置税、牌照费）…
    a = ask(bot, "深圳市信访局讲的公务用车购置费都包括哪些钱？")
    assert "车辆购置税" in a.answer and "牌照费" in a.answer, a.answer
    assert any(c.kind == "text" and c.page == 14 for c in a.citations)


def test_how_many_budget_units_is_not_a_duty(bot: Assistant) -> None:
    # 苏州审计局 p5: "…纳入本部门 2026 年部门汇总预算编制范围的预算单位共计 1 家"; its duty (四) also speaks of 预算
    # and 单位, but a count of units is asked, not a duty
    a = ask(bot, "苏州市审计局2026年部门预算包括几家预算单位？")
    assert "共计 1 家" in a.answer and "职责" not in a.answer, a.answer


def test_a_reason_asked_after_two_listed_figures(final_bot: Assistant) -> None:
    # 国家信访局 2024 决算 p21: "2.…一般行政管理事务（项）。年初预算为 590.53 万元，支出决算为 4.7 万元，…。决算数小于
    # 预算数的主要原因是年中按规定将部门机动经费调剂用于其他科目": "为什么" asks of the item, not of 预算 and 决算 each
    a = ask(final_bot, "国家信访局2024年决算中一般行政管理事务的年初预算和支出决算各是多少？为什么没花完？")
    assert "590.53" in a.answer and "4.7" in a.answer and "调剂用于其他科目" in a.answer, a.answer


def test_an_indicator_named_by_words_the_project_also_has(final_bot: Assistant) -> None:
    # p30 信访干部培训专项项目绩效自评表: 培训人数 实际完成值 366 人 (another indicator: 跟班学习干部人数 123 人);
    # "培训" is in the project's name and said again of the indicator
    a = ask(final_bot, "2024年国家信访局的信访干部培训，实际培训了多少人？")
    assert "366" in a.answer and "123" not in a.answer, a.answer


def test_the_ask_before_asked_of_another_thing(bot: Assistant) -> None:
    a = ask(bot, "苏州市审计局2026年会议费预算多少？培训费呢？")
    # 一般公共预算“三公”经费、会议费、培训费支出表: 会议费 10.00, 培训费 43.00
    assert "10.00" in a.answer and "43.00" in a.answer, a.answer


PUTUO_FINANCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-putuo_caizhengju_2024_juesuan.pdf"


@pytest.mark.skipif(not PUTUO_FINANCE.is_file(), reason=f"{PUTUO_FINANCE} 不存在（../shared 语料目录缺失）")
def test_a_party_committees_department_by_its_plain_name(tmp_path: Path) -> None:
    # 中共上海市普陀区委社会工作部 is also written "普陀区社会工作部" (beside another 普陀区 决算 of 2024);
    # 财政拨款收入支出决算总表 支出 总计 307.82
    bot = Assistant(Settings(home=bm25_store(tmp_path, SHEHUI, PUTUO_FINANCE), dense_retrieval=False))
    a = ask(bot, "普陀区社会工作部2024年决算的财政拨款支出是多少？")
    assert a.answerable and "307.82" in a.answer and "社会工作部" in a.answer, a.answer
    assert len(a.docs) == 1 and "财政局" not in a.answer, a.answer  # the other 普陀区 document is out of scope
