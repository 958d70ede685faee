"""Tables that print several classifications of one amount side by side (部门经济科目 | 政府经济科目 | 合计 …):
one row per printed line, keyed by the 部门 classification, the others kept as values of the row — not one row per
classification with the amount on the last. Checked on the pages of real documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import parsed_once

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
XIAN = SHARED / "more" / "xian-shi_anjianju_2019_bumen-zonghe-yusuan.pdf"
BEIJING = SHARED / "real" / "beijing-shi_shenjiju_2026_bumen-yusuan_baobiao.pdf"


def _rows(path: Path, title_part: str) -> list:
    if not path.is_file():
        pytest.skip(f"{path} 不存在（../shared 语料目录缺失）")
    (t,) = [t for t in parsed_once(path).tables if title_part in t.title]
    return t.rows


def test_two_economic_classifications_side_by_side_are_one_row() -> None:
    # 西安安监局 2019 p10–11, 一般公共预算支出明细表（按支出经济分类科目）: "30226 劳务费 | 50205 委托业务费 | 125.00 …"
    # and "30227 委托业务费 | 50205 委托业务费 | 650.00 …" on the 机关's block
    rows = _rows(XIAN, "一般公共预算支出明细表（按支出经济分类科目）")
    by: dict = {}
    for r in rows:  # (the 机关's block comes first; the other units' blocks follow)
        by.setdefault((r.code, r.label), r)
    assert by[("30226", "劳务费")].values["合计"] == "125.00"
    assert by[("30226", "劳务费")].values["政府经济科目名称"] == "50205 委托业务费"
    assert by[("30227", "委托业务费")].values["合计"] == "650.00"
    assert not [r for r in rows if r.code.startswith("50")]  # no row of its own for the 政府 classification
    assert rows[0].label == "合计" and rows[0].values["合计"] == "3,643.37"


def test_function_and_economic_classifications_then_amounts() -> None:
    # 北京市审计局 预算03表支出总表: "2010801 行政运行 | 50101 工资奖金津补贴 | 30101 基本工资 | 3,138.093600 …"
    rows = _rows(BEIJING, "支出总表")
    r = next(r for r in rows if r.code == "30101")
    assert r.label == "基本工资" and r.values["合计"] == "3,138.093600"
    assert r.values["支出功能分类科目"] == "2010801-行政运行" and r.values["政府支出经济分类科目"] == "50101-工资奖金津补贴"
    assert all(r.values for r in rows)  # no classification row left without its amounts


def test_the_items_of_a_level_asked_under_a_named_class(tmp_path: Path) -> None:
    # 广州市水务局 2026 本年支出总体情况表: 水利 (21303) 36,601.09 splits into 12 项 (2130301 行政运行 9,264.10 …
    # 2130334 水利建设征地及移民支出 281.00); the 款 row alone does not answer "哪些项级科目"
    from tests.conftest import answered, bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("guangzhou-shi_shuiwuju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "广州水务局2026年水利这一款下面分成哪些项级科目？各安排多少？")
    assert "列出12个项级科目" in a.answer and "“防汛”（2130314）1,094.96万元" in a.answer, a.answer
    assert "“水利建设征地及移民支出”（2130334）281.00万元" in a.answer, a.answer
