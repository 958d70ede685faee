"""Lists and parts a release prints without naming them as asked: the projects of the 项目支出 table when a question
asks which projects there are; 公用经费 that no table prints, as the 基本支出 total less 人员经费 (formula shown); where a
三公 increase goes, told by the reason the release gives for the part that rose; the other items of a numbered list of
reasons when the question asks which ones; an indicator of an item the question names by its quoted title; "A之外的其余X"
as the 其他X. Figures checked on the rendered pages: 烟台市大数据局 2026 项目支出预算情况表 政务基础设施运行维护资金
6,000.00 万元, 市大数据中心工作经费 33.00 万元; 广州市信访局 2026 部门预算基本支出预算表 合计 3,204.78, 工资福利支出
2,577.42, 对个人和家庭的补助 352.35 (so 275.01 = 商品和服务支出 272.21 + 资本性支出 2.80); 普陀区万里街道 2024 公务用车
购置及运行费增加 25 万元, 原因是购置公务用车; 深圳市司法局（本级）2026 增加的两项 1,332.00 和 84.28 万元; 北京市审计局
2026 预算表12 每期印刷数量 900 册; 广州市水务局 2026 收入总体情况表 其他收入 0.00 万元; 珠海市商务局 2026 港珠澳大桥珠海公路口岸
安检服务经费 968.69 万元 and 运营管理费 6,500.00 万元 (items asked after the port they belong to)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DATA = CORPUS / "more" / "yantai-shi_dashujuju_2026_bumen-yusuan.pdf"
PETITION = CORPUS / "real" / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"
WANLI = CORPUS / "real" / "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"
JUSTICE = CORPUS / "more" / "shenzhen-shi_sifaju-benji_2026_bumen-yusuan.pdf"
AUDIT = CORPUS / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"
WATER = CORPUS / "more" / "guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"
TRADE = CORPUS / "real" / "zhuhai-shi_shangwuju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (DATA, PETITION, WANLI, JUSTICE, AUDIT, WATER, TRADE)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


def test_projects_asked_by_which(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, DATA), "烟台市大数据局2026年预算安排的项目分别是哪些？")
    assert "6,000.00" in a.answer and "市大数据中心工作经费" in a.answer, a.answer


def test_common_costs_from_basic_total(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, PETITION), "广州市信访局2026年公用经费安排了多少？")
    assert "275.01" in a.answer and "3,204.78" in a.answer, a.answer


def test_where_an_increase_goes(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WANLI), "普陀区万里街道2024年三公经费比上年多出来的钱用在哪儿？")
    assert "购置公务用车" in a.answer and "保持不变" not in a.answer, a.answer


def test_the_other_reasons_listed(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, JUSTICE), "深圳市司法局本级2026年预算比上年多了多少？多在哪两个方面？")
    assert "1,332.00" in a.answer and "84.28" in a.answer, a.answer


def test_item_named_by_its_title(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, AUDIT), "北京市审计局2026年办《北京审计》，一期计划印几册？")
    assert "900" in a.answer and "册" in a.answer, a.answer


def test_the_rest_besides_a_fund(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, WATER), "广州市水务局2026年财政拨款之外的其余收入有多少？")
    assert "其他收入" in a.answer and "0.00" in a.answer, a.answer


def test_items_of_the_thing_asked_before(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, TRADE), "珠海市商务局2026年给港珠澳大桥珠海公路口岸花了哪些钱？安检服务经费、运营管理费分别多少？")
    assert "968.69" in a.answer and "6,500.00" in a.answer, a.answer
