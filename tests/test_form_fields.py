"""A project's 绩效目标表 prints its 主管部门 and 实施单位 in its header row; both are kept (text rows of the form) and
"由哪个单位实施 / 谁来实施" is answered from them (福州市商务局 2026, p39 物业费项目绩效目标表, checked on the page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import answered, bm25_bot, parsed_once

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
FUZHOU = REAL / "fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"
pytestmark = pytest.mark.skipif(not FUZHOU.is_file(), reason=f"{REAL} 不存在（../shared 语料目录缺失）")


def test_header_fields_of_a_form_are_kept() -> None:
    doc = parsed_once(FUZHOU)
    form = next(t for t in doc.tables if t.title == "物业费项目绩效目标表")
    fields = {r.label: r.values for r in form.rows if r.label in ("主管部门", "实施单位")}
    assert fields == {"主管部门": {"主管部门": "福州市商务局"}, "实施单位": {"实施单位": "福州市商务发展促进中心"}}


def test_who_carries_out_a_project(tmp_path: Path) -> None:
    bot = bm25_bot(tmp_path, FUZHOU)
    a = answered(bot, "福州市商务局物业费这个项目是谁来实施的？")
    assert "福州市商务发展促进中心" in a.answer, a.answer
    assert any(c.kind == "row" and c.page == 39 for c in a.citations)


def test_the_supervising_body_is_read_the_same_way(tmp_path: Path) -> None:
    # the same header row prints 主管部门 福州市商务局: the field is found by its own word (主管), not a list of fields
    bot = bm25_bot(tmp_path, FUZHOU)
    a = answered(bot, "福州市商务局物业费项目的主管部门是哪个？")
    assert "“主管部门”为福州市商务局" in a.answer, a.answer


def test_a_forms_amount_over_its_implementation_period(tmp_path: Path) -> None:
    """西安市信访局 2026 p41, 部门专项业务经费绩效目标表：信访业务: "实施期资金总额 27.00" is the form's amount, not the
    function subject of the same name (2014004 信访业务, 8,936,120.00 元)."""
    pdf = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "xian-shi_xinfangju_2026_bumen-yusuan.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} 不存在")
    a = answered(bm25_bot(tmp_path, pdf), "西安市信访局“信访业务”这个专项，绩效目标表里安排了多少钱？")
    assert "27.00" in a.answer and "8,936,120.00" not in a.answer, a.answer


def test_a_count_whose_counter_is_printed_before_its_target(tmp_path) -> None:
    # 福州市商务局 2026 商务发展资金项目绩效目标表: "扶持现代物流业企业数 | 家≥6" (the counter before the number)
    from tests.conftest import answered, bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("fuzhou-shi_shangwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "福州市商务局商务发展资金项目要扶持多少家现代物流企业？")
    assert "家≥6" in a.answer, a.answer
