"""Questions worded the way readers write them: a precision asked at the end ("请精确到元") is an instruction, not
part of the subject; "比2025年多还是少" with no 2025 release stored is a change on the year before, as the release
states it, and a bare "预算" is the release itself; a reason told of a part ("其中：（二）X…增加N万元，主要原因是…")
is quoted after the whole's own sentence, and so is what an increase asked just before went to; a request around
the question ("能不能告诉我…", "简单说一下就行，谢谢") asks nothing. Figures checked on
the pages: 上海市信访办公室 2026 单位预算 支出总计 288,280,739 元 (财务收支预算总表), "三公"经费 84.00 万元
比2025年预算增加21.00万元 and 公务用车购置及运行费 "增加6辆公务用车运维费"; 深圳市信访局 2026 部门预算收入
4,684.30 万元 "较2025年年初预算减少247.70万元"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import answered, bm25_bot

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PETITION_SH = CORPUS / "more" / "shanghai-shi_xinfangban_2026_danwei-yusuan.pdf"
PETITION_SZ = CORPUS / "real" / "shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(p.is_file() for p in (PETITION_SH, PETITION_SZ)),
                                reason=f"{CORPUS} 不存在（../shared 语料目录缺失）")


@pytest.fixture(scope="module")
def sh_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bm25_bot(tmp_path_factory.mktemp("other-words"), PETITION_SH)


def test_precision_and_part_reason(sh_bot: Assistant) -> None:
    bot = sh_bot
    a = answered(bot, "上海市信访办公室2026年单位预算的支出总计是多少？请精确到元")
    assert "288,280,739" in a.answer, a.answer
    a = answered(bot, "上海市信访办公室2026年“三公”经费为什么比2025年多了21万元？")
    assert "84.00" in a.answer and "6辆公务用车" in a.answer, a.answer
    # (where the increase went, asked after it: the part's sentence that says what it is for)
    a = answered(bot, "上海市信访办公室2026年“三公”经费比2025年多了多少，主要花在哪？")
    assert "21.00" in a.answer and "6辆公务用车" in a.answer and "未找到" not in a.answer, a.answer


def test_requests_around_the_question(sh_bot: Assistant) -> None:
    # (2026年预算单位支出预算总表 合计: 基本支出 60,046,940 元, 项目支出 228,233,799 元)
    bot = sh_bot
    a = answered(bot, "能不能告诉我上海市信访办公室2026年的基本支出有多少")
    assert "60,046,940" in a.answer, a.answer
    a = answered(bot, "上海市信访办公室2026年项目支出是多少？简单说一下就行，谢谢")
    assert "228,233,799" in a.answer, a.answer


def test_year_named_as_base_and_bare_budget(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, PETITION_SZ)
    for q in ("深圳市信访局2026年预算和2025年比是多了还是少了？相差多少？", "深圳市信访局2026年预算比上年是多了还是少了？"):
        a = answered(bot, q)
        assert "247.70" in a.answer and "减少" in a.answer, a.answer
        assert "公务接待" not in a.answer, a.answer  # (not another item's change)
