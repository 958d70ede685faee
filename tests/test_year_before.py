"""The year before a release's own, asked of a figure its tables do not print for that year: the release states this
year's figure and the change on the year before, so the year before is computed from both, with the formula shown
and both sentences cited; a rate of change the text does not print is the change over that figure. Never this year's
figure given as the year before's. (重庆市科技局 2026 p4: 机关运行经费 679.08 万元，比 2025 年增加 23.79 万元; 北京市住建委
2026 p7: "三公"经费预算 123.05 万元，比 2025 年…年初预算增加 28.93 万元; checked on the rendered pages.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
KEJI = MORE / "chongqing-shi_kejiju_2026_bumen-yusuan.pdf"
ZHUJIAN = MORE / "beijing-shi_zhujianwei_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not (KEJI.is_file() and ZHUJIAN.is_file()), reason="../shared 语料目录缺失")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory):
    return bm25_bot(tmp_path_factory.mktemp("year-before"), KEJI, ZHUJIAN)


def test_the_year_before_from_this_years_figure_and_its_change(bot) -> None:
    a = answered(bot, "重庆市科学技术局2025年的机关运行经费有多少？")
    assert "679.08 − 23.79 = 655.29万元" in a.answer and "没有直接列出2025年" in a.answer, a.answer
    a = answered(bot, "北京市住建委2025年“三公”经费预算是多少钱？")
    assert "123.05 − 28.93 = 94.12万元" in a.answer, a.answer
    assert a.unverified_numbers == []


def test_a_rate_of_change_the_text_does_not_print(bot) -> None:
    a = answered(bot, "重庆市科技局今年机关运行经费比上年涨了百分之多少？")
    assert "23.79 ÷ 655.29 × 100% = 3.63%" in a.answer, a.answer


def test_both_years_asked_of_one_release(bot) -> None:
    # "两年各是多少" with only the 2026 release loaded: its figure, then 2025's from the change the text states
    a = answered(bot, "重庆市科学技术局2026年的机关运行经费比2025年多，两年各是多少？")
    assert "679.08" in a.answer and "679.08 − 23.79 = 655.29万元" in a.answer, a.answer
