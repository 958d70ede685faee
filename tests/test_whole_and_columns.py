"""What a question asks, read past the words around it: "全系统" / "整个系统" and "年度部门决算里" say whose and where (the
汇总 release), not what; 财政拨款 asked with 项目支出 is the 项目支出 column of a table all of whose money is 财政拨款 (not that table's
total); "人员、公用经费" names 人员经费 too; "A以外的其他收入" asks the 其他收入. Figures checked on the rendered pages:
国家信访局 2024 决算 本年收入合计 20,451.35 万元; 西安市卫健委 2022 决算 本年支出合计 2,074,962.01 万元; 重庆市经信委 2026
一般公共预算支出情况表 项目支出 148,538.09 万元 (财政拨款支出合计 192,446.79); 北京市审计局 2026 预算06表 人员经费
23,545.680500 / 公用经费 1,672.857085 万元; 普陀区商务委 2025 其他收入 0 万元 (财政拨款收入 37,151.47 万元)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
XINFANG = CORPUS / "real" / "zhongyang_guojia-xinfangju_2024_juesuan.pdf"
WEIJIAN = CORPUS / "real" / "xian-shi_weijianwei_2022_juesuan.pdf"
JINGXIN = CORPUS / "more" / "chongqing-shi_jingxinwei_2026_bumen-yusuan.pdf"
AUDIT = CORPUS / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"
PUTUO = CORPUS / "real" / "shanghai-putuo_shangwuwei_2025_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (XINFANG, WEIJIAN, JINGXIN, AUDIT, PUTUO)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_whole_system_in_a_final_account(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, XINFANG), "国家信访局2024年度部门决算中，全系统的本年收入合计有多少？")
    assert "20,451.35" in a.answer, a.answer


def test_whole_system_in_other_words(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WEIJIAN), "西安市卫健委2022年度决算里，整个系统的本年支出合计是多少？")
    assert "2,074,962.01" in a.answer, a.answer


def test_project_spending_of_fiscal_funds(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, JINGXIN), "重庆市经济和信息化委员会2026年用财政拨款安排的项目支出有多少？")
    assert "148,538.09" in a.answer, a.answer


def test_two_columns_one_tail(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, AUDIT), "北京市审计局2026年人员、公用经费各多少？")
    assert "23,545.68" in a.answer and "1,672.85" in a.answer, a.answer


def test_other_income_besides_fiscal(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, PUTUO), "上海市普陀区商务委员会2025年收入预算中，财政拨款以外的其他收入有多少？")
    assert "其他收入" in a.answer and "37,151.47" not in a.answer, a.answer
