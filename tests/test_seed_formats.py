"""The seed disclosure in its three renderings (PDF, XLSX, Markdown) against its answer key.

facts.json lists every printed table cell with its PDF page; spec.json holds the blocks (tables,
performance tables, headings, paragraphs). Every format must give back every fact it contains:
the table (by title), the row (by label and code), the value under the column path, the page.

The XLSX export holds only the standard tables (spec blocks of type "table" not marked
``"export": false``), one worksheet each, and no narrative; its page is the worksheet number
(see ingest/read_xlsx.py), so its facts are checked against the sheet order.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from ingest.model import Document, IngestError

ROOT = Path(__file__).resolve().parents[1]
# a copy of ../shared/samples/gonghui-2026 (its PDF is the bundled sample), so no outside folder is needed
SAMPLE = ROOT / "tests" / "fixtures" / "gonghui-2026"
SAMPLE_FILES = {"pdf": ROOT / "ingest" / "samples" / "gonghui-2026.pdf",
                "xlsx": SAMPLE / "disclosure.xlsx", "md": SAMPLE / "disclosure.md"}
_WS = re.compile(r"\s+")


def clean(text: str | None) -> str:
    return _WS.sub("", text or "")


@cache
def spec() -> dict:
    return json.loads((SAMPLE / "spec.json").read_text(encoding="utf-8"))


@cache
def facts() -> list[dict]:
    return json.loads((SAMPLE / "facts.json").read_text(encoding="utf-8"))["facts"]


def spec_tables() -> list[dict]:
    return [b for b in spec()["blocks"] if b["type"] in ("table", "perf_table")]


def xlsx_tables() -> list[str]:
    """Titles of the tables exported to the workbook, in sheet order."""
    return [clean(b["title"]) for b in spec()["blocks"] if b["type"] == "table" and b.get("export", True)]


@cache
def read(fmt: str) -> Document:
    path = SAMPLE_FILES[fmt]
    if fmt == "pdf":
        from ingest.read_pdf import read_pdf

        return read_pdf(path)
    if fmt == "xlsx":
        from ingest.read_xlsx import read_xlsx

        return read_xlsx(path)
    from ingest.read_md import read_md

    return read_md(path)


def expected_facts(fmt: str) -> list[dict]:
    """The facts a format holds, with the page that format should give."""
    if fmt != "xlsx":
        return facts()
    sheets = xlsx_tables()
    out = []
    for f in facts():
        t = clean(f["table"])
        if t in sheets:
            out.append({**f, "page": sheets.index(t) + 1})
    return out


def find(doc: Document, fact: dict) -> str:
    """'' when the fact is recovered, else what went wrong."""
    tables = [t for t in doc.tables if clean(t.title) == clean(fact["table"])]
    if not tables:
        return "no table"
    rows = [
        r for t in tables for r in t.rows
        if clean(r.label) == clean(fact["row_label"]) and r.code == fact["code"]
    ]
    if not rows:
        return "no row"
    valued = [r for r in rows if clean(r.values.get(fact["column"], "")) == clean(fact["value"])]
    if not valued:
        # the column path may differ only in spacing
        valued = [
            r for r in rows
            if any(clean(k) == clean(fact["column"]) and clean(v) == clean(fact["value"]) for k, v in r.values.items())
        ]
    if not valued:
        got = {k: v for r in rows for k, v in r.values.items()}
        return f"value: got {got}"
    if not any(r.page == fact["page"] for r in valued):
        return f"page: got {sorted({r.page for r in valued})}"
    return ""


FORMATS = ["pdf", "xlsx", "md"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_fact_recovered(fmt: str) -> None:
    doc = read(fmt)
    wanted = expected_facts(fmt)
    misses = []
    for f in wanted:
        why = find(doc, f)
        if why:
            misses.append(f"{f['table']} | {f['row_label']} | {f['code']} | {f['column']} = {f['value']} "
                          f"(p.{f['page']}): {why}")
    got = len(wanted) - len(misses)
    assert not misses, f"{fmt}: recovered {got}/{len(wanted)} ({got / len(wanted):.1%}); first misses:\n" + "\n".join(
        misses[:8]
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_metadata(fmt: str) -> None:
    doc = read(fmt)
    assert doc.format == fmt
    assert doc.department == "工会部门"
    assert doc.year == 2026
    assert doc.kind == "预算"


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_and_paragraph_counts(fmt: str) -> None:
    doc = read(fmt)
    titles = [clean(t.title) for t in doc.tables]
    if fmt == "xlsx":
        assert titles == xlsx_tables()
        assert doc.paragraphs == []  # the workbook holds no narrative
        return
    want = [clean(b["title"]) for b in spec_tables()]
    # every standard and performance table, once; org / procurement / assets may be named by heading
    for b in spec_tables():
        if b["type"] == "perf_table" or b.get("export", True):
            assert titles.count(clean(b["title"])) == 1, (b["title"], titles)
    assert len(titles) == len(want), titles
    n_para = sum(1 for b in spec()["blocks"] if b["type"] == "paragraph")
    assert abs(len(doc.paragraphs) - n_para) <= 4, (len(doc.paragraphs), n_para)
    assert all(p.page >= 1 for p in doc.paragraphs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_tables_and_notes(fmt: str) -> None:
    doc = read(fmt)
    by_title = {clean(t.title): t for t in doc.tables}
    for b in spec_tables():
        t = by_title.get(clean(b["title"]))
        if t is None:
            continue
        if b["type"] == "table" and not b["rows"]:
            assert t.empty, b["title"]
        for note in b.get("notes", []):
            assert clean(note) in [clean(n) for n in t.notes], (b["title"], note)


def test_md_header_shift_repaired() -> None:
    """上年结转 spans both header rows after the 本年收入 group, as in the PDF."""
    for fmt in ("pdf", "md", "xlsx"):
        doc = read(fmt)
        income = next(t for t in doc.tables if clean(t.title) == "部门预算收入总表")
        assert income.columns[-2:] == ["本年收入/其他收入", "上年结转"], (fmt, income.columns)


def test_md_split_code_joined() -> None:
    doc = read("md")
    income = next(t for t in doc.tables if clean(t.title) == "部门预算收入总表")
    row = next(r for r in income.rows if r.label == "行政单位医疗")
    assert row.code == "2101101" and row.level == 3
    assert income.pages == [4, 5]


def test_xlsx_corrupt(tmp_path: Path) -> None:
    from ingest.read_xlsx import read_xlsx

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(IngestError, match="XLSX 文件已损坏"):
        read_xlsx(bad)
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(IngestError, match="xls"):
        read_xlsx(old)


def test_md_not_text(tmp_path: Path) -> None:
    from ingest.read_md import read_md

    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(IngestError):
        read_md(bad)


# ---------------------------------------------------------------- small synthetic files

def test_xlsx_layout_variants(tmp_path: Path) -> None:
    """Two tables on one sheet, a manual page break, number formats, a narrative sheet."""
    import openpyxl
    from openpyxl.worksheet.pagebreak import Break

    from ingest.read_xlsx import read_xlsx

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表一"
    ws.append(["2025年某某局部门支出预算表"])
    ws.merge_cells("A1:E1")
    ws.append(["编制单位：某某局", None, None, None, "单位：万元"])
    ws.append(["科目编码", "科目名称", "本年支出", None, None])
    ws.append([None, None, "合计", "基本支出", "项目支出"])
    ws.merge_cells("C3:E3")
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    rows = [("201", "一般公共服务支出", 1234.5, 1000, 234.5), ("20101", "人大事务", 0.1, 0.1, None)]
    for r in rows:
        ws.append(list(r))
        for c in ws[ws.max_row][2:]:
            c.number_format = "#,##0.00"
    ws.row_breaks.append(Break(id=5))  # row 6 starts page 2
    ws.append([])
    ws.append(["注：本表为示例。"])
    ws.append([])
    ws.append(["2025年某某局三公经费表"])
    ws.append(["项目", "金额"])
    ws.append(["公务接待费", 3])
    ws["B12"].number_format = "0.00"
    text = wb.create_sheet("说明")
    text.append(["一、部门职责"])
    text.append(["负责全市某某工作，组织实施有关政策，承担其他交办事项。"])
    path = tmp_path / "x.xlsx"
    wb.save(path)

    doc = read_xlsx(path)
    assert doc.department == "某某局" and doc.year == 2025
    t1, t2 = doc.tables
    assert t1.title == "2025年某某局部门支出预算表" and t1.unit == "万元"
    assert t1.columns == ["本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"]
    r201 = next(r for r in t1.rows if r.code == "201")
    assert r201.values == {"本年支出/合计": "1,234.50", "本年支出/基本支出": "1,000.00", "本年支出/项目支出": "234.50"}
    assert r201.page == 1 and next(r for r in t1.rows if r.code == "20101").page == 2
    assert t1.notes == ["注：本表为示例。"]
    assert t2.title == "2025年某某局三公经费表" and t2.rows[0].values == {"金额": "3.00"} and t2.rows[0].page == 2
    assert [p.text for p in doc.paragraphs] == ["负责全市某某工作，组织实施有关政策，承担其他交办事项。"]
    assert doc.paragraphs[0].heading_path == ["一、部门职责"] and doc.paragraphs[0].page == 3
    assert doc.pages == 3


def test_md_without_toc(tmp_path: Path) -> None:
    """No 目录: pages counted from 1; pipe tables; spans from empty header cells."""
    from ingest.read_md import read_md

    md = tmp_path / "x.md"
    md.write_text(
        "\n".join(
            [
                "# 某某局2025年部门预算",
                "",
                "## 部门收支总表",
                "",
                "单位：万元",
                "",
                "| 收入 |  | 支出 |  |",
                "|---|---|---|---|",
                "| 项目 | 预算数 | 项目 | 预算数 |",
                "| 一、一般公共预算拨款 | 10.00 | 一、一般公共服务支出 | 10.00 |",
                "",
                "## 部门收入总表",
                "",
                "科目编码\t科目名称\t合计",
                "201\t一般公共服务支出\t10.00",
                "",
                "单位：万元",
                "",
                "科目编码\t科目名称\t合计",
                "20101\t人大事务\t10.00",
                "",
                "## 一、部门职责",
                "",
                "负责全市某某工作，组织实施有关",
                "",
                "政策。",
            ]
        ),
        encoding="utf-8",
    )
    doc = read_md(md)
    assert doc.department == "某某局" and doc.year == 2025
    t1, t2 = doc.tables
    assert t1.columns == ["收入/预算数", "支出/预算数"] and t1.pages == [1]
    assert {r.side for r in t1.rows} == {"收入", "支出"}
    assert t2.pages == [2, 3] and [r.code for r in t2.rows] == ["201", "20101"]
    assert [r.page for r in t2.rows] == [2, 3]
    assert [p.text for p in doc.paragraphs] == ["负责全市某某工作，组织实施有关政策。"]
