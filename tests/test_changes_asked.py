"""A change asked one way ("增长多少") and printed the other ("减少 878.34 万元") is still the change asked: the sentence
that states it answers, with its own direction (深圳市气象局（本级）2026 p7: "部门预算收入 7,199.97 万元，较 2025 年年初预算
减少 878.34 万元，下降 10.9%"; checked on the page). A whole asked against last year in other words ("预算总额和上年比怎么样")
is the sentence that states the total's change (无锡市统计局 2026 p25: "收入、支出预算总计 3,210.1 万元，与上年相比…各增加 242.3
万元")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, corpus_pdf

WUXI = Path(__file__).resolve().parent / "fixtures" / "real" / "wuxi-shi_tongjiju_2026_bumen-yusuan.pdf"
SHENZHEN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not SHENZHEN.is_file(), reason=f"{SHENZHEN} 不存在（../shared 语料目录缺失）")
def test_a_rise_asked_of_a_fall(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, SHENZHEN), "深圳市气象局本级2026年收入预算比2025年增长多少？")
    assert "减少 878.34 万元" in a.answer, a.answer


def test_a_whole_against_last_year_in_other_words(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WUXI), "无锡统计局2026年预算总额和上年比怎么样？")
    assert "增加 242.3 万元" in a.answer, a.answer


def test_a_change_told_of_another_nouns_amount_is_not_the_subjects(tmp_path: Path) -> None:
    # 广州市商务局 2026 p37: "本部门一般公共预算安排委托业务费5,424.49万元，比上年增加…" is the change of 委托业务费,
    # not of the 一般公共预算 (121,385.74, 财政拨款收支总体情况表), whose change no sentence tells
    pdf = SHENZHEN.parent / "guangzhou-shi_shangwuju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "广州商务局2026年一般公共预算拨款是多少？较上年有什么变化？")
    assert "121,385.74万元" in a.answer and "委托业务费" not in a.answer, a.answer


FOSHAN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "foshan-shi_guidaojiaotongju_2019_juesuan.pdf"


@pytest.mark.skipif(not FOSHAN.is_file(), reason="../shared 语料目录缺失")
def test_why_the_sangong_spending_exceeds_its_budget(tmp_path: Path) -> None:
    # 佛山市轨道交通局 2019 决算 p26: "决算为 0.16万元，完成预算 0 万元的 0%" and, in the same section, "…决算大于预算数的主要
    # 情况：因为我局为 2019 年新成立单位…" (failed on 3e0369c: the total and the table only)
    a = answered(bm25_bot(tmp_path, FOSHAN), "佛山市轨道交通局2019年三公经费决算为什么超过预算？")
    assert "0.16" in a.answer and "新成立单位" in a.answer, a.answer


def test_why_a_sangong_part_has_no_budget_is_its_own_sentence(tmp_path: Path) -> None:
    # 杭州市气象局 2026 p8: "1.因公出国（境）费用：根据市本级…预算管理模式，本部门年初不编制因公出国（境）费用预算…" (no amount
    # in it) explains the part's empty cell (failed on 3e0369c: the table only)
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "杭州市气象局2026年出国经费为啥没安排？")
    assert "年初不编制" in a.answer, a.answer


def test_why_asked_as_how_come_it_rose_so_suddenly(tmp_path: Path) -> None:
    # "怎么一下子增加了" asks a reason: 苏州市审计局 2026 p23 "…与上年相比增加47.15 万元…" then "主要原因是人员经费有所增加"
    # (failed on 3e0369c: no reason)
    pdf = Path(__file__).resolve().parent / "fixtures" / "real" / "suzhou-shi_shenjiju_2026_bumen-yusuan.pdf"
    a = answered(bm25_bot(tmp_path, pdf), "苏州市审计局2026年一般公共预算拨款收入怎么一下子增加了？")
    assert "主要原因是人员经费有所增加" in a.answer, a.answer


def test_a_change_asked_of_a_thing_listed_in_a_whole_named_before(tmp_path: Path) -> None:
    # 重庆市科学技术局 2026 p3 三、财政拨款: "项目支出 148,941.8 万元，…。比 2025 年增加8,385.34 万元" (the 一般公共预算财政拨款
    # 支出's project part); p2's "项目支出增加 11,649.28 万元" is of the whole budget's
    a = answered(bm25_bot(tmp_path, corpus_pdf("chongqing-shi_kejiju_2026_bumen-yusuan.pdf")), "重庆科技局2026年一般公共预算财政拨款支出里，基本支出、项目支出分别是多少？项目支出比上年多了多少？")
    assert "8,385.34" in a.answer and "11,649.28" not in a.answer, a.answer


CITY = Path(__file__).resolve().parent / "fixtures" / "real" / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf"


def test_a_reason_after_a_change_on_a_year_written_before_bi(tmp_path: Path) -> None:
    # p6: "…比2024年预算减少990万元", then (two paragraphs on) "…减少的主要原因是预计注册会计师考试人数、科次减少…". "跟2024年比"
    # names what is compared with, not the year asked, and "为什么会少" asks the reason of that fall
    bot = bm25_bot(tmp_path, CITY)
    a = answered(bot, "上海市财政局2025年的收入预算和2024年比少了多少？怎么会少的？")
    assert "990" in a.answer and "注册会计师" in a.answer, a.answer


def test_a_use_asked_of_a_change_the_reader_quotes(tmp_path: Path) -> None:
    # p. 8: "2022 年本部门预算支出较上年增加 406.39 万元，主要是…业务维持增加支出 406.39 万元，主要用于雷达租赁等"
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市气象局2022年的预算比2021年多出406.39万元，多出的这笔钱是做什么用的？")
    assert "主要用于雷达租赁等" in a.answer and a.citations[0].page == 8


def test_a_reason_asked_as_zenme_huishi(tmp_path: Path) -> None:
    # p. 3: 基本支出 5,362.42 万元，…比 2025 年减少 5,371.59万元，主要原因是重庆市中药研究院已调整为市教委下属事业单位
    bot = bm25_bot(tmp_path, corpus_pdf("chongqing-shi_kejiju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "重庆市科技局2026年基本支出比2025年少了5,371.59万元，这是怎么回事？")
    assert "主要原因是重庆市中药研究院已调整为市教委下属事业单位" in a.answer


def test_a_choice_of_directions_asked_after_a_total(tmp_path: Path) -> None:
    # 收支总体情况表: 支出总计 300,185.19; the text: "支出预算300,185.19万元，比上年减少59,690.01万元"
    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州市水务局2026年支出预算一共多少？跟上年比是多是少？")
    assert "300,185.19" in a.answer and "比上年减少59,690.01万元" in a.answer


def test_a_reason_asked_of_a_change_said_with_yousuo(tmp_path: Path) -> None:
    # p. 7-8: "…减少1172.69万元，下降1.18%。主要原因是由于光伏补贴政策到期以及光伏发电成本降低…"
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_fagaiwei_2026_bumen-yusuan.pdf"))
    for q in ("北京市发改委2026年的部门预算为什么会比上年有所减少？", "北京市发改委2026年部门预算支出比上年有所下降，原因是什么？"):
        assert "光伏补贴政策到期" in answered(bot, q).answer


def test_the_change_of_one_sides_whole_is_its_change_sentence(tmp_path: Path) -> None:
    # p. 8: "2022 年本部门预算收入较上年增加 406.39 万元" (the 收支总表 prints 收入总计 18999011.66 元, no change)
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市气象局2022年单位预算收入合计比上一年多了多少？")
    assert "收入较上年增加 406.39 万元" in a.answer


def test_a_reason_asked_of_a_rise_told_in_tenths(tmp_path: Path) -> None:
    # 西安市信访局 2026 p. 14: "培训费预算支出21.98万元，较上年增加9.78万元，增长80.16%，增长的主要原因是：代管项目…"
    # ("近八成" is that rate; the row 培训费 alone says no reason). The same sentence as a gold item's, other words.
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "西安信访局2026年的培训费为啥比上年多了近八成？")
    assert "增长80.16%，增长的主要原因是：代管项目相关人员专题培训" in a.answer, a.answer


def test_a_follow_up_against_a_years_execution_is_a_change(tmp_path: Path) -> None:
    # 国家信访局 2026 一般公共预算支出表: 信访业务 (2014004) 年初预算数 2,114.66, 2025年执行数 2,014.50 — the follow-up
    # "跟2025年执行数比起来怎么样" asks the change, not a comparison of releases
    bot = bm25_bot(tmp_path, corpus_pdf("zhongyang_guojia-xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "国家信访局2026年信访业务（项）预算是多少？跟2025年执行数比起来怎么样？")
    assert "2025年执行数为2,014.50万元" in a.answer and "100.16" in a.answer, a.answer
    assert "无法比较" not in a.answer, a.answer


def test_a_follow_up_naming_a_listed_thing_keeps_what_it_is_listed_in(tmp_path: Path) -> None:
    # 上海市信访办公室 2026 p. 6: "财政拨款收入28,828万元，比2025年预算增加53万元" … "财政拨款收入支出增加的主要原因是
    # 社会保障缴费增加" — the reason asked after "财政拨款比上年增加了多少" is the 财政拨款 one
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"))
    a = answered(bot, "上海市信访办公室2026年的收入里，财政拨款和其他收入各是多少？财政拨款比上年增加了多少，为什么？")
    assert "比2025年预算增加53万元" in a.answer and "主要原因是社会保障缴费增加" in a.answer, a.answer


def test_money_carried_over_is_no_figure_of_the_year_before(tmp_path: Path) -> None:
    # 珠海市商务局 2026 收入总体情况表: 合计 66,307.98, 上年结转结余 19,904.01 — their difference is this year's own
    # income, not a change on last year
    bot = bm25_bot(tmp_path, corpus_pdf("zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "珠海市商务局2026年的收入里，财政拨款和其他收入各是多少？财政拨款比上年多了多少？")
    assert "66,307.98 − 19,904.01" not in a.answer, a.answer


def test_a_reason_is_the_things_own_not_a_breakdown_naming_it(tmp_path: Path) -> None:
    # 重庆市气象局 2026 p2 "收入比2025年增加2,515.39万元,主要是…政府性基金预算资金增加579.89万元…" names the fund only as
    # a part of the income's change; p3 gives the fund's own: "…比2025年增加579.89万元，主要原因是…资金结转"
    bot = bm25_bot(tmp_path, corpus_pdf("chongqing-shi_qixiangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "重庆市气象局2026年政府性基金预算拨款多少？比上年增加多少，为什么？")
    assert "主要原因是2025年重庆市人工影响天气水资源保障工程建设资金结转" in a.answer, a.answer


def test_a_reason_asked_as_which_things_it_is_due_to(tmp_path: Path) -> None:
    # "主要是由于哪项…": a reason asked (北京市发改委 2026: 收入预算 97851.51, 减少 1172.69; "主要原因是由于光伏补贴政策到期…"),
    # quoted with the change it explains
    a = answered(bm25_bot(tmp_path, corpus_pdf("beijing-shi_fagaiwei_2026_bumen-yusuan.pdf")),
                 "北京市发改委2026年部门预算减少了，主要是由于哪项资金减少？")
    assert "1172.69" in a.answer and "光伏补贴" in a.answer, a.answer
