"""Real disclosures (tests/fixtures/real): rows verified by eye on the rendered pages."""

from __future__ import annotations

import pytest

from tests.real_check import EXPECTED, find_row, parsed


@pytest.mark.parametrize("entry", EXPECTED, ids=[e["file"][:40] for e in EXPECTED])
def test_metadata_read_from_the_document(entry: dict) -> None:
    doc = parsed(entry["file"])
    assert (doc.department, doc.year, doc.kind, doc.scope) == (
        entry["department"],
        entry["year"],
        entry["kind"],
        entry["scope"],
    )


ROWS = [(e["file"], r) for e in EXPECTED for r in e["rows"]]


@pytest.mark.parametrize(
    ("name", "exp"), ROWS, ids=[f"{n[:24]}-p{r['page']}-{r['feature']}-{r['label'][:8]}" for n, r in ROWS]
)
def test_row_as_printed(name: str, exp: dict) -> None:
    doc = parsed(name)
    res = find_row(doc, exp)
    assert not isinstance(res, str), res
    table, row = res
    if exp.get("unit"):
        assert table.unit == exp["unit"]
    assert row.page == exp["page"]
    assert row.bbox is not None and row.bbox.x1 > row.bbox.x0 and row.bbox.bottom > row.bbox.top


def test_every_feature_is_covered() -> None:
    features = {r["feature"] for _, r in ROWS}
    assert {"continued", "two_sided", "yuan_unit", "sanggong", "perf_list"} <= features
    assert features & {"wrapped_code", "split_code", "joined_code"}


def test_continued_table_is_one_table() -> None:
    """Title, 表N and header repeated on each page: still one table per title, rows from every page."""
    doc = parsed("shenzhen-shi_xinfangju_2026_bumen-yusuan.pdf")
    expense = [t for t in doc.tables if t.kind == "expense_total"]
    assert len(expense) == 1
    assert expense[0].pages == [18, 19, 20]
    assert {r.page for r in expense[0].rows} == {18, 19, 20}
    standard = [t.title for t in doc.tables if t.kind != "other"]
    assert len(standard) == len(set(standard))


def test_split_codes_are_joined() -> None:
    """类 / 款 / 项 printed in three columns ("204 06 04") become one code with its level."""
    doc = parsed("shanghai-putuo_sifaju_2026_bumen-yusuan.pdf")
    rows = [r for t in doc.tables if t.kind == "expense_total" for r in t.rows]
    by_code = {r.code: r for r in rows}
    assert by_code["2040604"].label == "基层司法业务"
    assert (by_code["204"].level, by_code["20406"].level, by_code["2040604"].level) == (1, 2, 3)


def test_units_are_per_table() -> None:
    """元 for the main tables and 万元 for the 三公 table in one document."""
    doc = parsed("shanghai-putuo_sifaju_2026_bumen-yusuan.pdf")
    units = {t.kind: t.unit for t in doc.tables}
    assert units["expense_total"] == "元"
    assert units["sanggong"] == "万元"


def test_project_list_of_a_performance_table_keeps_unit_and_goal() -> None:
    """表11 项目支出绩效表 (杭州气象局): a project's row carries its unit and its 绩效目标 text."""
    doc = parsed("hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf")
    (t,) = [t for t in doc.tables if "项目支出绩效表" in t.title]
    row = next(r for r in t.rows if r.label == "专业系统维护及科普")
    assert row.unit_name.startswith("杭州市气象服务中心")
    assert row.values["金额"] == "146.69" and "预警信息稳定运行" in row.values["绩效目标"]


def test_the_last_item_of_a_list_is_not_a_heading() -> None:
    """普陀区司法局 p6: "具体包括： 1. …本部" then "2. 普陀区法律援助中心" and the next part's title: the item stays text."""
    doc = parsed("shanghai-putuo_sifaju_2026_bumen-yusuan.pdf")
    assert any(p.page == 6 and "普陀区法律援助中心" in p.text for p in doc.paragraphs)
