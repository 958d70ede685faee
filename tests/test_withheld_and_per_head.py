"""What the document withholds, an amount per person, and the unit asked as the table prints it.

- 福州市公安局文职人员管理中心 2026 单位预算, p.20: "由于公共安全（类）公安（款）下的有关项级科目支出，经保密机构确认为
  涉及国家秘密的信息，…不予对外公开支出。" The parts of that whole asked: the document says it withholds them (a refusal that
  quotes it); why they are not public: that sentence answers; the whole itself (公共安全支出 4481.91 万元) still answers.
- 深圳市人社局 2026: "企业早期退休人员专项补助1,995.00 万元，用于向我市符合条件的企业早期退休人员发放专项补贴" gives no
  amount per person: asked one, the total is no answer.
- 上海市财政局 2025 单位预算 (tables in 元): 支出预算总表 合计 项目支出 44,273,130; "用表格里的元为单位" is an instruction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot

MORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "more"
FUZHOU = MORE / "fuzhou-shi_gonganju-wenzhi-zhongxin_2026_danwei-yusuan.pdf"
RENSHE = MORE / "shenzhen-shi_renshe-ju_2026_bumen-yusuan.pdf"
SHCZ = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf"
pytestmark = pytest.mark.skipif(not all(f.is_file() for f in (FUZHOU, RENSHE, SHCZ)),
                                reason="../shared 语料目录缺失")


def test_parts_the_document_withholds(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, FUZHOU)
    a = bot.ask("福州市公安局文职人员管理中心今年公共安全支出的项级科目明细能列一下吗？")
    assert a.answerable is False and "国家秘密" in a.answer and "4481.91" not in a.answer, a.answer
    assert a.citations and a.citations[0].page == 20, a.citations
    a = answered(bot, "福州市公安局文职人员管理中心今年公共安全支出的项级科目明细为什么没公开？")
    assert "不予对外公开" in a.answer, a.answer
    a = answered(bot, "福州市公安局文职人员管理中心2026年公共安全支出是多少？")
    assert "4481.91" in a.answer, a.answer


def test_an_amount_per_person_is_no_total(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, RENSHE)
    a = bot.ask("深圳市人社局2026年企业早期退休人员专项补助每人发多少钱？")
    assert a.answerable is False and "1,995.00" not in a.answer, a.answer
    a = answered(bot, "深圳市人社局2026年企业早期退休人员专项补助是多少？")
    assert "1,995.00" in a.answer, a.answer


def test_the_unit_as_the_table_prints_it(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, SHCZ)
    a = answered(bot, "上海市财政局2025年单位预算的项目支出是多少（用表格里的元为单位）？")
    assert "44,273,130" in a.answer, a.answer
