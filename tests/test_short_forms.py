"""A name written short ("公车运维费" for 公务用车运行维护费): the question is read with the name the documents print, when
exactly one printed name is shortest among those the short form writes (the start of some of its words); what the
documents print themselves, and what the question quotes, is never rewritten. (西安市信访局 2026 p14 公务用车运行维护费
9.10 万元; 泉州市人民政府办公室 2026 p27 公务用车运行费 32.00 万元, as the parser reads them.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.understand import short_forms
from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
XIAN = REAL / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
QUANZHOU = REAL / "quanzhou-shi_zhengfu-bangongshi_2026_bumen-yusuan.pdf"

NAMES = {("公", "费"): ["公务用车运行维护费", "公务用车购置费", "公务接待费"], ("本", "计"): ["本年支出合计"]}


def test_a_short_form_and_the_name_it_writes() -> None:
    assert short_forms("公车运维费", [("公务接待费", NAMES)]) == [("公车运维费", "公务用车运行维护费")]


def test_printed_quoted_or_partial_words_are_left_alone() -> None:
    assert short_forms("公车运维费", [("公车运维费", NAMES)]) == []  # the document prints it
    assert short_forms("公车运维费", [("", NAMES)], quoted="“公车运维费”") == []
    assert short_forms("基本支出合计", [("", NAMES)]) == []  # "本支出合计" starts inside the word 基本


def test_standard_terms_and_near_names_are_not_short_forms() -> None:
    # "公用经费" is a column every document may print its own way: never another name's short form
    assert short_forms("人员经费和公用经费", [("", {("公", "费"): ["公务用车购置经费"]})]) == []
    # one character less than a printed name is the same words, not a short form of a longer one
    names = {("年", "余"): ["年末结转和结余", "年末财政拨款结转和结余"]}
    assert short_forms("年末结转结余", [("", names)]) == []


@pytest.mark.skipif(not (XIAN.is_file() and QUANZHOU.is_file()), reason=f"{REAL} 不存在（../shared 语料目录缺失）")
def test_a_short_form_asked_of_real_documents(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, XIAN, QUANZHOU)
    a = answered(bot, "西安信访局2026年公务接待费和公车运维费各多少？")
    assert "1.00万元" in a.answer and "9.10万元" in a.answer, a.answer
    assert a.question == "西安信访局2026年公务接待费和公车运维费各多少？"  # the question as asked
    a = answered(bot, "泉州政府办2026年公车运维费是多少？")
    assert "32.00" in a.answer, a.answer
