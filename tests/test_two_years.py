"""One department in two years, both releases loaded: "2025年X比2023年高还是低？两年分别是多少？" gives each year's row from
its own release and the difference (万里街道 2023 p15 城乡社区支出 121,319,878 元; 2025 154,369,326 元; checked on the
rendered pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
Y2023 = REAL / "shanghai-putuo_wanlijiedao_2023_bumen-yusuan.pdf"
Y2024 = REAL / "shanghai-putuo_wanlijiedao_2024_bumen-yusuan.pdf"
Y2025 = REAL / "shanghai-putuo_wanlijiedao_2025_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (Y2023.is_file() and Y2024.is_file() and Y2025.is_file()),
                                reason=f"{REAL} 不存在（../shared 语料目录缺失）")


def test_each_years_figure_and_the_difference(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, Y2023, Y2025), "万里街道2025年城乡社区支出比2023年高还是低？两年分别是多少？")
    assert "121,319,878" in a.answer and "154,369,326" in a.answer, a.answer
    assert "154,369,326 − 121,319,878 = 33,049,448元" in a.answer, a.answer


def test_each_years_figure_then_how_much_more(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, Y2023, Y2025), "万里街道城乡社区支出2023年和2025年预算各是多少？2025年多了多少元？")
    # the 类 row of each year's 支出预算总表, not a narrative item (其他城乡社区支出), and their difference
    assert "121,319,878" in a.answer and "154,369,326" in a.answer, a.answer
    assert "154,369,326 − 121,319,878 = 33,049,448元" in a.answer, a.answer


def test_an_earlier_year_against_a_later_one(tmp_path: Path) -> None:
    # no release compares with a later year: each year's own 收入总计 (2023 164,978,640 元; 2024 156,211,123 元)
    a = answered(bm25_bot(tmp_path, Y2023, Y2024), "万里街道2023年的预算总额比2024年多还是少？")
    assert "164,978,640" in a.answer and "156,211,123" in a.answer, a.answer
    assert "164,978,640 − 156,211,123 = 8,767,517元" in a.answer, a.answer


def test_a_change_asked_the_other_way_round(tmp_path: Path) -> None:
    # asked "增加了多少", printed "比2023年预算减少876.75万元" (2024 p6): the printed change answers
    a = answered(bm25_bot(tmp_path, Y2024), "万里街道2024年的收入预算比上年增加了多少？")
    assert "减少876.75万元" in a.answer, a.answer


def test_how_much_more_than_the_other_year_with_both_releases(tmp_path: Path) -> None:
    # both years loaded: each release's 城乡社区支出 (2023 121,319,878 元; 2024 119,385,303 元) and how far apart,
    # not a narrative item of "其他城乡社区…支出" (the rest of the 类, another 科目)
    a = answered(bm25_bot(tmp_path, Y2023, Y2024), "普陀区万里街道2024年的城乡社区支出比2023年多多少？")
    assert "121,319,878 − 119,385,303 = 1,934,575元" in a.answer, a.answer
    assert "其他城乡社区" not in a.answer, a.answer


def test_each_years_total_then_how_much_it_grew(tmp_path: Path) -> None:
    a = answered(bm25_bot(tmp_path, Y2023, Y2024), "万里街道2023年和2024年的预算总额分别是多少？增长了多少？")
    assert "164,978,640 − 156,211,123 = 8,767,517元" in a.answer and "未找到" not in a.answer, a.answer


def test_the_subject_between_the_other_year_and_how_much_less(tmp_path: Path) -> None:
    # "2025年比2023年预算总额少了多少": 预算总额 is the subject; each year's 收入总计 (2023 164,978,640; 2025 189,767,551 元)
    a = answered(bm25_bot(tmp_path, Y2023, Y2025), "万里街道2025年比2023年预算总额少了多少？")
    assert "189,767,551 − 164,978,640 = 24,788,911元" in a.answer, a.answer


def test_every_years_release_when_the_years_are_asked_together(tmp_path: Path) -> None:
    # "三年来…分别": each release's 机关运行经费 (2023 786.09, 2024 443.18, 2025 464.64 万元)
    a = answered(bm25_bot(tmp_path, Y2023, Y2024, Y2025), "万里街道三年来的机关运行经费分别是多少？")
    assert "786.09万元" in a.answer and "443.18万元" in a.answer and "464.64万元" in a.answer, a.answer


def test_a_final_account_and_a_later_budget_compared_with_and(tmp_path: Path) -> None:
    # "2024年决算的X和2025年预算相比差多少": 普陀区财政局 2024 决算 机关运行经费 184.65; 2025 预算 229.43
    a = answered(bm25_bot(tmp_path, REAL / "shanghai-putuo_caizhengju_2024_juesuan.pdf", REAL / "shanghai-putuo_caizhengju_2025_bumen-yusuan.pdf"),
                 "普陀区财政局2024年决算的机关运行经费和2025年预算相比差多少？")
    assert "229.43 − 184.65 = 44.78万元" in a.answer, a.answer


def test_a_change_no_release_states_is_worked_out_from_both(tmp_path: Path) -> None:
    # 2024 p32 机关运行经费 443.18 万元 and 2023 p29 786.09 万元; the 2024 release states no change on 2023 (refused on 56d3c7a)
    a = answered(bm25_bot(tmp_path, Y2023, Y2024), "万里街道2024年的机关运行经费比上年增加了还是减少了？")
    assert "443.18" in a.answer and "786.09" in a.answer and "减少，786.09 − 443.18 = 342.91万元" in a.answer, a.answer


def test_two_years_compared_with_increase_or_decrease(tmp_path: Path) -> None:
    # "X和2024年相比，是多了还是少了？两年各是多少": each year's figure (2025 p30 464.64, 2024 p32 443.18), the difference
    a = answered(bm25_bot(tmp_path, Y2024, Y2025), "万里街道2025年的机关运行经费和2024年相比，是多了还是少了？两年各是多少？")
    assert "464.64" in a.answer and "443.18" in a.answer and "464.64 − 443.18 = 21.46万元" in a.answer, a.answer


def test_a_year_against_another_written_with_bi_alone(tmp_path: Path) -> None:
    # "2024年的X和2023年比，是多了还是少了": both years' figures and how far apart (机关运行经费: 2023 786.09, 2024 443.18 万元)
    a = answered(bm25_bot(tmp_path, Y2023, Y2024), "普陀区万里街道2024年的机关运行经费和2023年比，是多了还是少了？")
    assert "786.09" in a.answer and "443.18" in a.answer and "786.09 − 443.18 = 342.91万元" in a.answer, a.answer
    # (a follow-up asking each year's figure is answered by each release's own, not missed for the later one)
    b = answered(bm25_bot(tmp_path / "b", Y2024, Y2025), "万里街道2025年政府采购预算和2024年比，是多了还是少了？两年各是多少，相差多少？")
    assert "未找到" not in b.answer and "4821.20 − 1662.44 = 3158.76万元" in b.answer, b.answer
