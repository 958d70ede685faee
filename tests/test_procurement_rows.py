"""政府采购 tables with several code groups: 科目编码 (类/款/项), 单位编码 and the economic-classification codes
(部门预算支出经济科目编码 类/款, 政府预算支出经济科目编码 类/款). The row's code is the 科目编码; the other codes
stay in the row as printed values, next to 数量 and 预算金额, so each purchase can be asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.grid import Grid, GridCell, GridRow
from ingest.tables import TableBuilder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus" / "real"


def _row(*cells: GridCell | None) -> GridRow:
    return GridRow(cells=list(cells), page=31)


def _c(text: str, colspan: int = 1, rowspan: int = 1) -> GridCell:
    return GridCell(text, colspan=colspan, rowspan=rowspan)


def procurement_grid() -> Grid:
    """The header and first rows of 西安市信访局 2026 表12 (page 31), as the PDF reader hands them over."""
    head1 = _row(_c("科目编码", colspan=3), None, None, _c("单位编码", rowspan=2), _c("采购项目", rowspan=2),
                 _c("采购目录", rowspan=2), _c("数量", rowspan=2), _c("部门预算支出经济科目编码", colspan=2), None,
                 _c("政府预算支出经济科目编码", colspan=2), None, _c("预算金额", rowspan=2))
    head2 = _row(_c("类"), _c("款"), _c("项"), None, None, None, None, _c("类"), _c("款"), _c("类"), _c("款"), None)
    body = [
        ["201", "40", "04", "121001", "西安市信访局", "", "6", "", "", "", "", "3,786,500.00"],
        ["201", "40", "04", "", "接待中心安保服务", "C05040300保安服务", "1", "302", "27", "502", "05", "499,800.00"],
        ["201", "40", "04", "", "接待中心运维", "C16990000其他信息技术服务", "1", "302", "13", "502", "09", "280,000.00"],
    ]
    rows = [head1, head2] + [_row(*(_c(t) for t in r)) for r in body]
    return Grid(rows=rows, page=31, title="部门综合预算政府采购（资产配置、购买服务）预算表", unit="元")


def test_code_is_the_subject_code_and_other_codes_are_values() -> None:
    table = TableBuilder(procurement_grid()).finish()
    assert table.kind == "procurement"
    by_label = {r.label: r for r in table.rows}
    guard = by_label["接待中心安保服务"]
    assert guard.code == "2014004" and guard.level == 3
    assert guard.values == {
        "采购目录": "C05040300保安服务", "数量": "1",
        "部门预算支出经济科目编码/类": "302", "部门预算支出经济科目编码/款": "27",
        "政府预算支出经济科目编码/类": "502", "政府预算支出经济科目编码/款": "05",
        "预算金额": "499,800.00",
    }
    assert by_label["西安市信访局"].code == "2014004" and by_label["西安市信访局"].values["单位编码"] == "121001"


@pytest.mark.skipif(not (SHARED / "xian-shi_xinfangju_2026_bumen-yusuan.pdf").is_file(),
                    reason="../shared/corpus/real (beside the repository) is absent: the real-PDF check is skipped")
def test_real_procurement_items_keep_quantity_amount_and_codes() -> None:
    """西安市信访局 2026 表12 (page 31, checked on the rendered page): six purchases, each with its own row."""
    from tests.conftest import parsed_once

    doc = parsed_once(SHARED / "xian-shi_xinfangju_2026_bumen-yusuan.pdf")
    [table] = [t for t in doc.tables if t.kind == "procurement"]
    assert table.pages == [31] and table.unit == "元"
    items = [r for r in table.rows if "采购目录" in r.values]
    assert len(items) == 6 and all(r.code == "2014004" for r in items)
    rent = next(r for r in items if r.label == "驻京信访工作")
    assert rent.values["采购目录"] == "C21020000房屋租赁服务" and rent.values["数量"] == "1"
    assert rent.values["预算金额"] == "1,435,900.00"
    assert rent.values["部门预算支出经济科目编码/类"] == "302" and rent.values["政府预算支出经济科目编码/类"] == "502"



def test_each_bodys_items_under_its_own_row(tmp_path: Path) -> None:
    # 苏州市交通运输局 2026 政府采购支出表 (pp26-27): a row printing only a body's name and its subtotal
    # ("苏州市港航事业发展中心 | 99.60") heads that body's items; "航标灯、闪光器" 90.00 is the 港航中心's
    from tests.conftest import answered, bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "苏州市交通运输局下面的港航事业发展中心，政府采购里航标灯花多少钱？")
    assert "90.00万元" in a.answer and "苏州市港航事业发展中心的" in a.answer, a.answer


def test_a_unit_named_by_the_end_of_its_name_under_the_release(tmp_path: Path) -> None:
    # "X局2026年预算里，下属Y支队": Y支队 is the one unit whose listed name ends so (苏州市交通运输综合行政执法支队);
    # its 视频监控设备 60.00 (政府采购支出表 p27), not the unit's income row
    from tests.conftest import answered, bm25_bot, corpus_pdf

    bot = bm25_bot(tmp_path, corpus_pdf("suzhou-shi_jiaotongju_2026_bumen-yusuan.pdf"))
    a = answered(bot, "苏州市交通运输局2026年预算里，下属综合行政执法支队的视频监控设备采购预算多少？")
    assert "60.00万元" in a.answer and "24,274.54" not in a.answer, a.answer
