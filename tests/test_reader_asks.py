"""Asks in a reader's words on real documents: "哪家安排得多" compares the two documents' figures; a fund's 拨款
within 财政拨款 ("财政拨款收入中，一般公共预算拨款收入"); an organisation the money is given to ("给X安排"), in no
document, is refused; alike sentences ("年初预算为…") told apart by their paragraph; a unit's name with 本级 is that
unit's, not its department's; a bracketed list before 各 asks each; a sentence on 三公 does not answer a question on
the budget. Figures checked on the rendered pages."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import answered, bm25_bot, corpus_pdf


def test_which_of_two_releases_arranged_more(tmp_path: Path) -> None:
    # 长春 p. 14: 驻京经费 312.00 万元; 西安 p. 29: 驻京信访工作 2,560,000.00 元
    bot = bm25_bot(tmp_path, corpus_pdf("changchun-shi_xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "长春市信访局和西安市信访局2026年的驻京工作经费，哪家安排得多？")
    assert "312.00 − 256.00 = 56.00" in a.answer


def test_a_funds_grant_within_the_fiscal_grant(tmp_path: Path) -> None:
    # p. 8: "1.一般公共预算拨款收入 130848.45 万元", under "（一）本年财政拨款收入"
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市商务局2026年财政拨款收入中，一般公共预算拨款收入是多少？")
    assert "130848.45" in a.answer


def test_the_money_given_to_a_body_no_document_lists_is_refused(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("chongqing-shi_kejiju_2026_bumen-yusuan.pdf"))
    # (before: the department's whole budget, 168,441.81 万元, with a note that no document is of the body)
    a = bot.ask("重庆市科学技术局2026年部门预算中，给重庆市生态环境科学研究院单独安排了多少钱？")
    assert not a.answerable and "“重庆市生态环境科学研究院”" in a.answer and "168,441.81" not in a.answer


def test_alike_sentences_told_apart_by_their_paragraph(tmp_path: Path) -> None:
    # p. 23: items 8 and 9 both say "年初预算为…，支出决算为…，完成年初预算的…%"; item 9 names 城乡社区规划与管理
    bot = bm25_bot(tmp_path, corpus_pdf("shanghai-putuo_guihuaziyuanju_2024_juesuan.pdf"))
    a = answered(bot, "普陀区规划和自然资源局2024年城乡社区规划与管理支出完成年初预算的比例是多少？")
    assert "88.08%" in a.answer and "97.97%" not in a.answer


def test_a_units_own_level_is_that_units(tmp_path: Path) -> None:
    # 支出总表: 深圳市社会保险基金管理局（本级） 政府采购项目小计 2,014.64 (the department's own 本级: 3,916.99)
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "深圳市社会保险基金管理局（本级）2026年政府采购项目预算多少？")
    assert "2,014.64" in a.answer and "3,916.99" not in a.answer


def test_a_bracketed_list_of_projects_each_asked(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, corpus_pdf("zhuhai-shi_jiaotong-gongwu-zhongxin_2026_bumen-yusuan.pdf"))
    a = answered(bot, "珠海市政府投资交通市政项目工务中心2026年这两个工程（黄杨泵站至缯坑水库第二条原水管、"
                      "广南梅第二条原水管道一期）分别安排了多少？")
    assert "4,237.00" in a.answer and "2,579.00" in a.answer


def test_the_budgets_change_is_not_a_sangong_sentence(tmp_path: Path) -> None:
    # p. 8: 支出预算 97851.51，比2025年年初预算数减少1172.69万元; the reason: 光伏补贴政策到期
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_fagaiwei_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市发改委2026年预算比2025年年初预算少了多少？原因是什么？")
    assert "1172.69" in a.answer and "光伏" in a.answer and "三公" not in a.answer


def test_each_of_a_set_the_document_does_not_list_is_refused(tmp_path: Path) -> None:
    # the 物业管理费 row (368.17 万元) is one total; no row or sentence names a station one by one
    bot = bm25_bot(tmp_path, corpus_pdf("shenzhen-shi_qixiangju-benji_2026_bumen-yusuan.pdf"))
    a = bot.ask("深圳市气象局（本级）2026年预算里，3个气象站各自的水电费分别多少？")
    assert not a.answerable and "368.17" not in a.answer and "气象站" in a.answer


def test_a_reason_opening_its_sentence_is_about_the_sentence_before(tmp_path: Path) -> None:
    # p. 7: "2026年度收入预算…减少1172.69万元，下降1.18%。主要原因是由于光伏补贴政策到期…" (a 三公 sentence on p. 9 gives
    # its own change and reason in one sentence)
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_fagaiwei_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市发改委2026年的预算为啥比2025年年初预算少？")
    assert "光伏" in a.answer and "三公" not in a.answer


def test_a_count_is_not_compared_by_amounts_of_money(tmp_path: Path) -> None:
    # 广州 p. 4 prints "车辆605辆" beside amounts in 万元; a count asked is never compared in 万元
    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf"),
                   corpus_pdf("xian-shi_weijianwei_2022_juesuan.pdf"))
    a = bot.ask("广州市卫健委2026年预算和西安市卫健委2022年决算里的车辆各有多少辆？哪边多几辆？")
    assert "605辆" in a.answer and "517辆" in a.answer and "605 − 517 = 88辆" in a.answer
    # (read from a sentence on a vehicle project, the figures are 万元: not compared as a count)
    a = bot.ask("广州市卫健委（2026年部门预算）与西安市卫健委（2022年决算）公布的车辆数各是多少，哪边多几辆？")
    assert "3103666.34" not in a.answer and "无法比较" in a.answer


def test_a_part_of_the_contents_named_in_part(tmp_path: Path) -> None:
    # 目录: "第一部分 2026年度部门预算情况说明" with six entries; "第二部分 2026年部门预算表" with twelve tables
    bot = bm25_bot(tmp_path, corpus_pdf("beijing-shi_zhujianwei_2026_bumen-yusuan.pdf"),
                   corpus_pdf("yantai-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "北京市住建委2026年部门预算里“情况说明”这一部分包括哪些内容？")
    assert "下列有6项" in a.answer and "名词解释" in a.answer
    a = answered(bot, "烟台市信访局2026年的预算表部分列了哪些表？")
    assert "下列有12项" in a.answer and "收支总体情况表" in a.answer


def test_which_budget_is_larger_in_scale(tmp_path: Path) -> None:
    # 收入总计: 烟台 1,717.85 万元; 西安 28,384,234.71 元
    bot = bm25_bot(tmp_path, corpus_pdf("yantai-shi_xinfangju_2026_bumen-yusuan.pdf"),
                   corpus_pdf("xian-shi_xinfangju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "烟台市信访局和西安市信访局2026年部门预算哪家规模大？")
    assert "1,717.85" in a.answer and "2838.42" in a.answer and "1120.57" in a.answer


def test_what_an_income_increase_is_used_for(tmp_path: Path) -> None:
    # p. 8: the income sentence gives a reason; the spending sentence says "主要用于雷达租赁等"
    bot = bm25_bot(tmp_path, corpus_pdf("xian-shi_qixiangju_2022_bumen-zonghe-yusuan.pdf"))
    a = answered(bot, "西安市气象局2022年部门预算收入多少？比上年多了多少，多出的钱主要做什么用？")
    assert "406.39" in a.answer and "雷达" in a.answer
