"""A term asked with no department named ("什么是机关运行经费？"), several departments loaded: one document's glossary is
quoted and the answer says whose it is, instead of asking the reader to name a department. A figure asked with no
department still asks for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
FILES = [REAL / f"{n}.pdf" for n in ("huzhou-shi_caizhengju_2026_bumen-yusuan", "wuxi-shi_tongjiju_2026_bumen-yusuan",
                                     "suzhou-shi_shenjiju_2026_bumen-yusuan", "changchun-shi_xinfangju_2026_bumen-yusuan")]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("terms"), *FILES)


def test_a_term_with_no_department(bot: Assistant) -> None:
    a = answered(bot, "什么是机关运行经费？")
    assert a.answerable and "机关运行经费" in a.answer and "问题未指明部门：以上引自" in a.answer, a.answer
    assert any(c.kind == "text" for c in a.citations)


def test_a_figure_with_no_department_still_asks_for_one(bot: Assistant) -> None:
    a = bot.ask("机关运行经费是多少？")
    assert not a.answerable and "请在问题中指明部门" in a.answer, a.answer


CQ = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more" / "chongqing-shi_shangwuwei_2026_bumen-yusuan.pdf"


@pytest.mark.skipif(not CQ.is_file(), reason=f"{CQ} 不存在（../shared 语料目录缺失）")
def test_a_quoted_term_with_words_about_its_kind(tmp_path: Path) -> None:
    # 重庆市商务委员会 2026 p7: "(十六)其他资本性支出 (支出经济分类科目类级):反映…无形资产…大型修缮…"
    a = answered(bm25_bot(tmp_path, CQ), "重庆市商务委员会说的“其他资本性支出”这一类经济科目包括哪些开支？")
    assert "大型修缮" in a.answer and "的解释" in a.answer, a.answer
