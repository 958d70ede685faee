"""A row of the 项目支出及其他支出 table asked whole ("…总共多少") is its 总计, all funds (广州市卫健委 2026 p44: 广州市第一人民
医院 总计 280,430.46 万元, of which 财政拨款合计 12,545.02), and a part named by a group's total is named with its group
("财政拨款合计", not "合计"). Figures checked on the rendered page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "guangzhou-shi_weijianwei_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not PDF.is_file(), reason=f"{PDF} 不存在（../shared 语料目录缺失）")


def test_a_units_project_row_whole(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委预算里，广州市第一人民医院的项目支出及其他支出总共多少？")
    assert "280,430.46" in a.answer and "12,545.02" not in a.answer.split("[1]")[0], a.answer
    a = answered(bot, "广州卫健委预算中广州市第一人民医院的机构运行辅助经费是多少？")
    # p45: 总计 41,800.00, 财政拨款合计 0.00 (all 其他资金): the part that holds the money is said first
    assert "41,800.00" in a.answer and "其中其他资金41,800.00万元、财政拨款合计0.00万元" in a.answer, a.answer
    # (p74: "is it the government's money?" is answered by the parts: all of it is 其他资金)
    a = answered(bot, "广州卫健委预算中，广州市皮肤病医院HIS系统专项升级改造项目要多少钱？是财政出钱吗？")
    assert "30.40" in a.answer and "其中其他资金30.40万元" in a.answer, a.answer


def test_a_column_of_a_units_own_row(tmp_path: Path) -> None:
    """p26 部门预算基本支出预算表, 广州市胸科医院's own row: 其他资金 22,917.66 (a column of the unit's row, asked of
    what lies within the unit)."""
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委预算里广州市胸科医院基本支出中，其他资金有多少？")
    assert "22,917.66" in a.answer and "未填列" not in a.answer, a.answer


def test_a_unit_printed_with_a_second_name_heads_its_block(tmp_path: Path) -> None:
    """p111–p113: "广州医科大学附属口腔医院(广州医科大学羊城医院)" heads its block (总计 41,455.46, 财政拨款 2,215.64), so
    the projects under it are its own (专用设备购置 2,476.25, p112) and not the hospital's above; p84: the 疾控中心's
    专用卫生材料 800.00 (not 广州血液中心's 8,895.92). A unit written short ("广医大附属口腔医院") and asked nothing of
    its own gets its own row, not a project named with its short name."""
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委2026年预算里，广医大附属口腔医院的专用设备购置安排了多少？")
    assert "2,476.25" in a.answer and "口腔医院" in a.answer.split("[1]")[0], a.answer
    a = answered(bot, "广州卫健委2026年预算里，广州市疾控中心的专用卫生材料经费是多少？")
    assert "800.00" in a.answer and "8,895.92" not in a.answer, a.answer
    a = answered(bot, "广州卫健委2026年，广医大附属口腔医院的项目支出里财政拨款有多少？")
    assert "2,215.64" in a.answer.split("[1]")[0], a.answer


def test_a_project_tagged_with_its_units_name(tmp_path: Path) -> None:
    """p53: "物业管理费（广州市红十字会医院）" in the hospital's block, 总计 2,052.64 (all 其他资金): asked of the unit, its
    project, not the 经济分类 row 物业管理费 of the whole department (p21, 2,534.57). Refused on 56d3c7a."""
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州市红十字会医院的物业管理费这个项目安排了多少钱？")
    assert "2,052.64" in a.answer and "2,534.57" not in a.answer, a.answer


def test_a_unit_written_short_with_words_before_a_city_mark(tmp_path: Path) -> None:
    """"广医附属市八医院" writes 广州医科大学附属市八医院 short; "广医附属市" is no place (on 56d3c7a: "存储中没有…的公开文件").
    p62, its block's own row: 总计 84,803.04."""
    a = answered(bm25_bot(tmp_path, PDF), "广医附属市八医院2026年的项目支出及其他支出一共多少？")
    assert "84,803.04" in a.answer and "广州医科大学附属市八医院" in a.answer, a.answer


def test_a_units_project_in_the_askers_words(tmp_path: Path) -> None:
    """p70, 广州市皮肤病医院's block: "办公、业务用房租赁经费（广州市皮肤病医院）" 总计 4,164.64. Its words "业务用房" are in
    many hospitals' rows, but in few of the named hospital's own block: that block's row answers."""
    a = answered(bm25_bot(tmp_path, PDF), "广州市皮肤病医院2026年租用办公和业务用房的钱是多少？")
    assert "4,164.64" in a.answer, a.answer


def test_a_choice_between_sources_and_a_units_own_project(tmp_path: Path) -> None:
    """p58: "广州医科大学附属脑科医院荔湾门诊部修缮工程" 总计 324.15, 财政拨款合计 0.00, 其他资金 324.15 — "是A资金还是B资金"
    asks where the money comes from (on 9c5fc6a it was read into the first ask, answered with the hospital's income row).
    p98, in 广州医科大学附属第一医院's block: "医疗业务支出" 302,293.54 — a thing of the unit named whole is that row, not the
    unit's own row (502,475.58 on p9)."""
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委2026年预算中广州医科大学附属脑科医院荔湾门诊部修缮工程多少钱？用的是财政拨款还是其他资金？")
    # (where the money comes from is said by the row's parts, the one holding money first)
    assert "324.15" in a.answer and "其中其他资金324.15万元、财政拨款合计0.00万元" in a.answer and "12,954.78" not in a.answer, a.answer
    a = answered(bot, "广州卫健委2026年预算里，广州医科大学附属第一医院的医疗业务支出这个项目安排了多少？")
    assert "302,293.54" in a.answer and "502,475.58" not in a.answer, a.answer


def test_a_projects_goal_asked_after_its_amount(tmp_path: Path) -> None:
    """p70, 广州市皮肤病医院's block: "办公、业务用房租赁经费（广州市皮肤病医院）" 4,164.64, its 绩效目标 column "通过开展业务用房租赁
    项目，增加我院业务用房面积…". A later ask for its goal is that cell of the row just quoted (on 9c5fc6a: not found)."""
    a = answered(bm25_bot(tmp_path, PDF), "广州卫健委2026年预算里，广州市皮肤病医院的办公、业务用房租赁经费有多少？想实现什么目标？")
    assert "4,164.64" in a.answer and "增加我院业务用房面积" in a.answer, a.answer


def test_a_units_row_named_with_a_sanggong_purpose(tmp_path: Path) -> None:
    """p40, 广州市胸科医院's block: "工作经费" 37.00 (其他资金 37.00). Named with what it is for ("因公出国（境）用的"), it is
    still the unit's own row, not the department's 三公 sentences (refused on 9c5fc6a)."""
    a = answered(bm25_bot(tmp_path, PDF), "广州卫健委2026年预算里，广州市胸科医院因公出国（境）用的工作经费安排了多少？")
    assert "37.00" in a.answer and "胸科医院" in a.answer, a.answer


def test_what_a_units_project_does_is_its_rows_words(tmp_path: Path) -> None:
    """A what-question of a unit's project ("建设什么学科", "钱用来干嘛"), which no amount answers: the row's 绩效目标 cell,
    said with the unit whose row it is (p103, 广州医科大学附属第二医院: 学科建设财政补助项目 100.00, 神经病学; 疾病应急救助补助经费
    5.83, "身份不明或无力支付费用的急危重伤病患者"), also after the amount was asked of the same row."""
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委今年预算里，广医附属第二医院的学科建设财政补助项目主要建设什么学科？")
    assert "神经病学" in a.answer and "广州医科大学附属第二医院" in a.answer, a.answer
    a = answered(bot, "广州医科大学附属第二医院的“疾病应急救助补助经费”今年安排多少？这笔钱用来干嘛？")
    assert "5.83万元" in a.answer and "身份不明" in a.answer and "未找到" not in a.answer, a.answer


YIBAO = PDF.parent / "beijing-shi_yibaoju_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not YIBAO.is_file(), reason="../shared 语料目录缺失")
def test_a_units_projects_listed_stay_in_its_block_and_its_release(tmp_path: Path) -> None:
    """p103, 广州医科大学附属第二医院's block: 中医医疗保障和能力建设 84.00, 基层中医医疗卫生服务能力建设 18.00. The words
    "医疗保障" inside the first name are no mention of 北京市医疗保障局 (loaded beside it), and the department's own rows
    of the same name (p119 重点项目 648; p33 185.00) are not the unit's."""
    bot = bm25_bot(tmp_path, PDF, YIBAO)
    a = answered(bot, "广医附属第二医院今年中医医疗保障和能力建设、基层中医医疗卫生服务能力建设这两个项目分别安排了多少？")
    assert "84.00" in a.answer and "18.00" in a.answer and "医疗保障局" not in a.answer, a.answer
    assert "648" not in a.answer and "185.00" not in a.answer, a.answer


def test_a_short_quoted_project_of_a_unit(tmp_path: Path) -> None:
    # p64, 广州医科大学附属市八医院's block: "科研经费" 13.50 — a short name quoted beside the unit is a thing of the unit's,
    # not the unit's own income row (124,654.70 on p9)
    bot = bm25_bot(tmp_path, PDF)
    a = answered(bot, "广州卫健委今年部门预算里，广州医科大学附属市八医院的“科研经费”项目有多少钱？")
    assert "13.50" in a.answer and "124,654.70" not in a.answer, a.answer
