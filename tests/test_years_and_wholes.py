"""A reader's own words around a whole or a year: "一整年", "当年实际支出合计", "刚成立，第一年" and an aside on the
year in brackets ask the year's whole spending; "比上年增加N万元，增加的资金用在了什么地方" asks the use of the change
stated; one year's budget against another year's final account, a later year's budget asked after a year's
spending, a follow-up in another year's release. Figures checked on the pages of real documents."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf

FOSHAN = "foshan-shi_guidaojiaotongju_2019_juesuan.pdf"


def test_the_whole_year_in_a_readers_words(tmp_path: Path) -> None:
    # p. 6: 收入支出决算总表 本年支出合计 1668.14 (the first year of a body set up in 2019)
    bot = bm25_bot(tmp_path, corpus_pdf(FOSHAN))
    for q in ("佛山市轨道交通局2019年决算，一整年实际支出了多少钱？",
              "佛山市轨道交通局2019年刚成立，第一年决算总支出是多少？",
              "佛山市轨道交通局2019年（刚组建那年）决算全年支出总额是多少？"):
        a = answered(bot, q)
        assert "1668.14" in a.answer, (q, a.answer)


def test_this_years_actual_spending_in_all(tmp_path: Path) -> None:
    # p. 6: 本年支出合计 9759.38 (支出总计 9859.38 holds what is carried into the next year)
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf"))
    a = answered(bot, "上海市普陀区规划和自然资源局2024年决算里当年实际支出一共多少？")
    assert "9759.38" in a.answer and "9859.38" not in a.answer


def test_the_use_of_a_change_the_reader_states(tmp_path: Path) -> None:
    # p. 8: "…较上年增加 406.39 万元，…主要用于雷达租赁等"
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市气象局2022年预算比上年增加406.39万元，增加的资金用在了什么地方？")
    assert "雷达" in a.answer


def test_one_years_budget_against_another_years_final_account(tmp_path: Path) -> None:
    # 2025 预算 支出总计 31,214,205.80 元 (3121.42 万元); 2024 决算 本年支出合计 2,940.05 万元
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf"),
                   corpus_pdf("shanghai-putuo_caizhengju_2024_juesuan.pdf"))
    a = answered(bot, "上海市普陀区财政局2025年的预算支出比2024年实际决算支出多还是少？")
    assert "3121.42" in a.answer and "2,940.05" in a.answer and "181.37" in a.answer
    # a later year's budget asked after a year's spending: the same thing in that year's release, then compared
    a = answered(bot, "普陀区财政局2024年“三公”经费实际花了多少？2025年预算安排了多少？2025年比2024年多了多少？")
    assert "2025年部门预算0.95万元" in a.answer and "2024年部门决算0.00万元" in a.answer and "0.95 − 0.00" in a.answer
    # a follow-up naming another year's release is answered there, not left as "未找到"
    a = answered(bot, "上海市普陀区财政局的“行政运行”支出，2024年决算花了多少？2025年预算安排了多少？")
    assert "1,511.89" in a.answer and "未找到" not in a.answer
    assert {c.year for c in a.citations} == {2024, 2025}


def test_the_years_spending_in_a_final_account_is_without_what_is_carried_on(tmp_path: Path) -> None:
    # 收入支出决算总表: 本年支出合计 9759.38; 总计 9859.38 holds 年末结转和结余
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf"))
    a = answered(bot, "上海市普陀区规划和自然资源局2024年决算，本年总共支出了多少？")
    assert "“本年支出合计”为9759.38万元" in a.answer
    a = answered(bot, "普陀区规划资源局2024年决算一共支出了多少钱？")
    assert "“本年支出合计”为9759.38万元" in a.answer


def test_a_statement_before_the_ask_taken_up_by_a_time_is_no_subject(tmp_path: Path) -> None:
    # 收入支出决算总表: 本年支出合计 307.82 (the department was set up in 2024)
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_shehuigongzuobu_2024_juesuan.pdf"))
    a = answered(bot, "中共上海市普陀区委社会工作部是2024年新组建的，那一年它的部门决算本年支出合计是多少？")
    assert "“本年支出合计”为307.82万元" in a.answer


def test_a_final_accounts_budget_asked_after_the_release_is_named(tmp_path: Path) -> None:
    # 国家信访局 2024 决算 p. 24: 三公 "支出预算为 76.43万元，…支出决算为 46.21 万元"; 2026 预算: 112.61 — the year named a
    # second time with 预算 ("2024年决算中写的2024年三公经费预算") asks the budget, not what was spent
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("zhongyang_guojia-xinfangju_2024_juesuan.pdf"))
    a = answered(bot, "国家信访局2024年决算中写的2024年三公经费预算，和2026年的三公经费预算比，差多少？")
    assert "112.61 − 76.43 = 36.18" in a.answer, a.answer


def test_a_fund_alone_is_not_a_table_titled_with_it(tmp_path) -> None:
    # 北京市审计局 2026 报表: "预算11表财政拨款政府购买服务明细表" 合计 3,756.18 is the services bought, not the
    # 财政拨款 (预算04表 本年收入合计 32,365.09; the 说明 "本年财政拨款收入 32365.09 万元")
    from pathlib import Path

    from tests.conftest import answered, bm25_bot

    real = Path(__file__).resolve().parent / "fixtures" / "real"
    bot = bm25_bot(tmp_path, real / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf")
    a = answered(bot, "北京市审计局今年财政拨款有多少？")
    assert "3,756.18" not in a.answer and "32,365.09" in a.answer.replace("32365.09", "32,365.09"), a.answer


def test_a_classification_row_named_like_the_department(tmp_path: Path) -> None:
    # 西安市卫健委 2022 决算: "卫生健康支出" is the 210 row (1,474,833.23万元), not an indicator of the form named after
    # the department ("西安市卫生健康委员会部门整体支出绩效自评表", 全年经费支出)
    a = answered(bm25_bot(tmp_path, corpus_pdf("xian-shi_weijianwei_2022_juesuan.pdf")), "西安市卫健委2022年卫生健康支出是多少？")
    assert "1,474,833.23" in a.answer and "全年经费支出" not in a.answer, a.answer
