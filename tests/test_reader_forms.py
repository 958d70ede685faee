"""What readers write in other words than the documents: a lead naming where to read ("根据X的部门预算，…"), a comparison
verb ("…比较，谁更多？差了多少钱？"), a share turned round ("基本支出，有百分之多少是人员经费"), a unit of a body by the body's
short form ("深圳社保局福田分局"), a 三公 part with its words joined otherwise ("公车购置和运行费").
Figures checked on the pages: 重庆市科学技术局 2026 收支总体情况表 合计 168,441.81 万元; 重庆市气象局 2026 合计 14,770.62 万元;
重庆市商务委员会 2026 一般公共预算基本支出情况表 合计: 人员经费 34,411.12, 总计 43,436.09 (79.22%), 三公 公务用车购置及运行费
217.90 万元; 重庆市科学技术局 "比 2025 年增加8,385.34 万元，主要原因是新增支持重庆信息与智慧医学研究院的事项";
北京市发改委 "2026年度收入预算97851.51万元，比2025年年初预算数99024.2万元减少1172.69万元…主要原因是…"; 深圳市人社局 2026 项目支出总表 深圳市社会保险基金管理局福田分局 1,140.38 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
KEJI = MORE / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
QIXIANG = MORE / "chongqing-shi_qixiangju_2026_bumen-yusuan.pdf"
SHANGWU = MORE / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"
RENSHE = MORE / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
FAGAI = MORE / "beijing-shi_fagaiwei_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in (KEJI, QIXIANG, SHANGWU, RENSHE, FAGAI)),
                                reason="../shared 语料目录缺失")


def test_leads_and_comparison_verbs(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, KEJI, QIXIANG)
    a = answered(bot, "根据重庆市科技局2026年的部门预算，支出总计是多少？")
    assert "168,441.81" in a.answer, a.answer
    a = answered(bot, "重庆市科技局和重庆市气象局2026年的部门预算比较，谁更多？差了多少钱？")
    assert "168,441.81" in a.answer and "14,770.62" in a.answer and "153671.19" in a.answer, a.answer


def test_a_share_turned_round_and_a_sangong_part(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, SHANGWU)
    a = answered(bot, "重庆市商务委2026年的基本支出，有百分之多少是人员经费？")
    assert "43,436.09" in a.answer and "79.22%" in a.answer, a.answer
    a = answered(bot, "重庆市商务委2026年三公经费里，公车购置和运行费是多少？")
    assert "217.90" in a.answer and "公务用车购置费0万元" not in a.answer, a.answer


def test_a_unit_by_its_bodys_short_form(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, RENSHE)
    a = answered(bot, "深圳社保局福田分局2026年的项目支出是多少？")
    assert "1,140.38" in a.answer, a.answer
    a = answered(bot, "深圳社保局本级2026年用一般公共预算列支的委托业务费，其中项目支出那一块是多少钱？")
    assert "社会保险基金管理局（本级）" in a.answer and "委托业务费" in a.answer, a.answer


def test_a_change_on_a_year_in_other_words(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, KEJI, FAGAI)
    a = answered(bot, "重庆市科技局2026年的预算相比2025年多了一块，这些新增的钱主要拿去干什么了？")
    assert "智慧医学研究院" in a.answer, a.answer
    a = answered(bot, "北京市发改委2026年收入预算较2025年有所减少，这是由什么造成的？")
    assert "1172.69" in a.answer and "主要原因" in a.answer, a.answer
