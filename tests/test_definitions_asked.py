"""Definitions asked in everyday words: what a term "包括哪几类", and one part defined inside a longer glossary entry
("三公经费…，其中公务接待费指什么") — on 上海市信访办 2026 单位预算 and 重庆市科学技术局 2026; text checked on the
rendered pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
PETITIONS = MORE / "shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"
SCIENCE = MORE / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (PETITIONS.is_file() and SCIENCE.is_file()), reason=f"{MORE} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("definitions"), PETITIONS, SCIENCE)


def test_what_a_term_comprises_is_its_glossary_entry(bot: Assistant) -> None:
    a = answered(bot, "上海市信访办单位预算所说的三公经费都包括哪几类？")
    # p5 名词解释 （七）“三公”经费：…安排的因公出国（境）费、公务用车购置及运行费、公务接待费
    assert "因公出国（境）费、公务用车购置及运行费、公务接待费" in a.answer, a.answer
    assert any(c.kind == "text" and c.page == 5 for c in a.citations)


def test_a_part_defined_inside_a_longer_entry(bot: Assistant) -> None:
    a = answered(bot, "重庆市科技局讲的三公经费，其中公务接待费具体指什么？")
    # p6 （十一）“三公”经费：…其中，…；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出
    assert "公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出" in a.answer, a.answer


WANLI = MORE.parent / "real" / "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"


@pytest.mark.skipif(not WANLI.is_file(), reason="万里街道 2024 不在 ../shared/corpus/real")
def test_what_a_sanggong_part_is_for_is_its_glossary_clause(tmp_path: Path) -> None:
    """p5 名词解释 （七）“三公”经费：…其中：…公务用车购置及运行费主要安排编制内公务车辆的报废更新，以及…燃料费…"""
    bot = bm25_bot(tmp_path, WANLI)
    a = answered(bot, "普陀区万里街道2024年预算里，公务用车购置及运行费主要用于哪些方面？")
    assert "报废更新" in a.answer and "燃料费" in a.answer, a.answer
    assert any(c.kind == "text" and c.page == 5 for c in a.citations)


REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def test_what_a_sanggong_part_is_spent_on_and_what_sanggong_means(tmp_path: Path) -> None:
    """普陀区司法局 2026 p7 and 上海市财政局 2025 单位 p5, 名词解释（七）: a part asked inside its whole ("三公经费里面的
    公务接待费…安排在哪些事情上") is its clause of the entry; "具体指哪三类" asks the entry itself."""
    b = bm25_bot(tmp_path, REAL / "shanghai-putuo_sifaju_2026_bumen-yusuan.pdf",
                 REAL / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf")
    a = answered(b, "普陀区司法局2026年预算里，三公经费里面的公务接待费一般安排在哪些事情上？")
    assert "公务接待费主要安排全国性专业会议" in a.answer, a.answer
    a = answered(b, "上海市财政局2025年单位预算里说的“三公”经费具体指哪三类？")
    assert "因公出国（境）费、公务用车购置及运行费、公务接待费" in a.answer, a.answer


def test_a_sanggong_parts_spending_asked_as_what_it_is_arranged_for(tmp_path: Path) -> None:
    """上海市财政局 2025 单位 p5 名词解释（七）: "主要安排哪些方面的支出" asks the part's clause, not its amount."""
    b = bm25_bot(tmp_path, REAL / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf")
    a = answered(b, "上海市财政局2025年三公经费中，公务接待费主要安排哪些方面的支出？")
    assert "公务接待费主要安排全国性专业会议" in a.answer, a.answer


def test_what_a_subject_is_used_for_when_only_the_glossary_says(tmp_path: Path) -> None:
    """国家信访局 2024 决算 p39 名词解释: "信访业务（项）:指国家信访局机关为完成信访工作任务…的项目支出" — no sentence
    of the 说明 says what it is used for; the glossary's entry does."""
    b = bm25_bot(tmp_path, REAL / "zhongyang_guojia-xinfangju_2024_juesuan.pdf")
    a = answered(b, "国家信访局2024年决算里“信访业务”这个科目是干什么用的？")
    assert "专项用于信访业务工作的项目支出" in a.answer, a.answer


WUXI_TRANSPORT = MORE / "wuxi-shi_jiaotongju-benji_2026_danwei-yusuan.pdf"


@pytest.mark.skipif(not WUXI_TRANSPORT.is_file(), reason="../shared 语料目录缺失")
def test_a_term_in_single_quotes(tmp_path: Path) -> None:
    # 无锡市交通运输局（本级） 2026 p43: "…行政单位医疗(项)：反映财政部门安排的行政单位…基本医疗保险缴费经费…" — a term quoted
    # with ' or ‘’ is the term, as with “” (on 9c5fc6a the row's amount 113.77 was given instead)
    a = answered(bm25_bot(tmp_path, WUXI_TRANSPORT), "无锡市交通运输局本级2026年名词解释中'行政单位医疗'这个科目是什么意思？")
    assert "基本医疗保险缴费经费" in a.answer, a.answer


def test_a_column_described_in_its_own_definitions_words(tmp_path: Path) -> None:
    # 烟台市信访局 2026 p35 "基本支出：指为保障机构正常运转、完成日常工作任务而发生的…": a description, not another
    # thing; the 基本支出 total, p10 支出总体情况表 1,192.85
    pdf = MORE.parent / "real" / "yantai-shi_xinfangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在（../shared 语料目录缺失）")
    a = answered(bm25_bot(tmp_path, pdf), "烟台市信访局2026年维持机构正常运转的基本支出预算是多少？")
    assert "1,192.85" in a.answer and "基本支出" in a.answer, a.answer
