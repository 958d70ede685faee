"""A performance form's own words answer what no sentence says: a count its 绩效目标 text writes ("…3辆轻型栏板货车"),
an indicator the question names (not the 三公 table, though its name holds 公务用车), printed with its bound ("≤", "≥")
from the column the form prints it in; a thing written by the last character of a word inside an indicator's name
("每辆车" for 每辆公务用车). Figures checked on the pages: 广州市水务局 2026 p44 购置经费 "通过对车况和安全性能极差的3辆
轻型栏板货车进行更新购置"; 北京市审计局 2026 报表 p17 每辆公务用车购置成本 ≤ 18.69 万元; 重庆市气象局 2026 气象事务
地面增雨作业次数 ≥ 65 次/年."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WATER = CORPUS / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
AUDIT = CORPUS / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"
WEATHER = CORPUS / "more" / "chongqing-shi_qixiangju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (WATER, AUDIT, WEATHER)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_count_written_in_a_forms_goal_text(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WATER), "广州市水务局2026年准备换掉几辆轻型栏板货车？")
    assert "3辆轻型栏板货车" in a.answer and "购置经费" in a.answer, a.answer


def test_indicator_named_is_not_the_sangong_table(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, AUDIT)
    a = answered(bot, "北京市审计局2026年项目绩效目标表里，每辆公务用车购置成本的指标值定为多少？")
    assert "≤18.69" in a.answer and "三公" not in a.answer, a.answer
    b = answered(bot, "北京市审计局2026年更新公务用车，每辆车购置成本不能超过多少？")
    assert "18.69" in b.answer, b.answer


def test_bound_printed_with_the_value(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WEATHER), "重庆市气象局2026年气象事务项目的地面增雨作业次数指标定了多少？")
    assert "≥65" in a.answer, a.answer


TRADE = CORPUS / "more" / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"


def test_indicators_of_a_form_with_no_level_columns(tmp_path: Path) -> None:
    # 北京市审计局 2026 报表 p20-21: 预算13表 部门整体支出绩效目标表, "活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位", the
    # levels run into the name ("产出指标数量指标开展内审质量检查项目 ≥ 140 个"): it was stored as an empty table
    bot = bm25_bot(tmp_path, AUDIT)
    a = answered(bot, "北京市审计局2026年部门整体支出绩效目标表里，各项审计工作按时完成率要达到多少？")
    assert "≥95%" in a.answer and "预算13表" in a.answer, a.answer


@pytest.mark.skipif(not TRADE.is_file(), reason=f"{TRADE} 不存在")
def test_indicator_header_with_a_figure_run_into_it(tmp_path: Path) -> None:
    # 重庆市商务委 2026 市商务发展专项 form: its header cell printed "22.65%指标名称" (a figure above run into it); its
    # indicators had no names ("蚕茧产量 ≥ 12000 吨")
    a = answered(bm25_bot(tmp_path, TRADE), "重庆市商务委员会2026年市商务发展专项里，重要商品储备数量的指标值是多少吨？")
    assert "“重要商品储备数量”指标值为≥7500吨" in a.answer, a.answer  # (its own row, not the form's text)
