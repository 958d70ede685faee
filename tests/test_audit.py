"""The publication check (审校): the sample's own inconsistencies, planted errors, units, the CLI.

Planted errors are edits to a copy of the sample's Markdown rendering (../shared/samples); the
PDF sample in ingest/samples is checked as bundled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.audit import Finding, Report, audit, to_csv, to_markdown
from ingest.model import Document
from ingest.service import read_document
from tests.conftest import SAMPLE_PDF, bm25_store, parsed_once

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_MD = ROOT.parent / "shared" / "samples" / "gonghui-2026" / "disclosure.md"

needs_md = pytest.mark.skipif(not SAMPLE_MD.is_file(), reason="../shared/samples/gonghui-2026/disclosure.md 不存在（共享样例目录缺失）")


@pytest.fixture(scope="module")
def pdf_report() -> Report:
    return audit(parsed_once(SAMPLE_PDF))


def _md_text() -> str:
    return SAMPLE_MD.read_text(encoding="utf-8")


def _section(text: str, title: str) -> tuple[int, int]:
    """Start and end offsets of the Markdown section headed by `title` (up to the next heading)."""
    m = re.search(rf"^#+ {re.escape(title)}\s*$", text, re.M)
    assert m, title
    nxt = re.search(r"^#+ ", text[m.end():], re.M)
    return m.start(), m.end() + (nxt.start() if nxt else len(text) - m.end())


def _edit(text: str, title: str, old: str, new: str) -> str:
    """Replace `old` (once, must be there) inside one section."""
    a, b = _section(text, title)
    sec = text[a:b]
    assert sec.count(old) >= 1, (title, old)
    return text[:a] + sec.replace(old, new, 1) + text[b:]


def _audit_md(tmp_path: Path, text: str, name: str = "planted.md") -> Report:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return audit(read_document(p))


def _errors(r: Report, rule: str | None = None) -> list[Finding]:
    return [f for f in r.findings if f.severity == "error" and (rule is None or f.rule == rule)]


def _cites_row(f: Finding, table: str, code_or_label: str) -> bool:
    return any(
        c.kind == "row" and table in c.table and code_or_label in (getattr(c, "code", None), getattr(c, "row", None))
        for c in f.citations
    )


def _cites_text(f: Finding, fragment: str) -> bool:
    return any(c.kind == "text" and fragment in c.text for c in f.citations)


# ---------------------------------------------------------------- the sample as bundled


def test_sample_known_inconsistencies(pdf_report: Report) -> None:
    fs = pdf_report.findings
    # 20805 prints 31.25 while 22.00 + 9.26 = 31.26: rounding, cited on the 20805 rows
    f20805 = [f for f in fs if f.rule == "hierarchy" and f.value == "31.25" and f.expected == "31.26"]
    assert len(f20805) == 1 and f20805[0].severity == "rounding"
    assert _cites_row(f20805[0], "收入总表", "20805") and _cites_row(f20805[0], "支出总表", "20805")
    assert "尾差" in f20805[0].message and "0.015" in f20805[0].message
    # 人员经费 54.71 + 公用经费 4.86 ≠ 基本支出 59.58
    basic = [f for f in fs if f.value == "59.58" and f.expected == "59.57" and "人员经费" in f.message]
    assert len(basic) == 1 and basic[0].severity == "rounding"
    assert _cites_row(basic[0], "基本支出表", "合计")
    assert basic[0].citations[0].page == 12
    # the 增减 parts 7.48 + 26.12 ≠ 38.47: an error, cited on the sentence
    parts = [f for f in fs if f.rule == "narrative_parts"]
    assert len(parts) == 1 and parts[0].severity == "error"
    assert parts[0].value == "38.47" and parts[0].expected == "33.60" and parts[0].difference == "4.87"
    assert _cites_text(parts[0], "增加38.47万元") and parts[0].citations[0].page == 17


def test_sample_nothing_else_wrong(pdf_report: Report) -> None:
    errors = _errors(pdf_report)
    assert [f.rule for f in errors] == ["narrative_parts"], [f.message for f in errors]
    assert not [f for f in pdf_report.findings if f.severity == "warning"], [f.message for f in pdf_report.findings]
    # every rounding finding is a difference of one cent, explained by the printed decimals
    for f in pdf_report.findings:
        if f.severity == "rounding":
            assert f.difference in ("0.01", "-0.01") and "尾差范围" in f.message


def test_citations_have_the_answer_shape(pdf_report: Report) -> None:
    for f in pdf_report.findings:
        assert f.citations and [c.n for c in f.citations] == list(range(1, len(f.citations) + 1))
        for c in f.citations:
            assert c.page >= 1 and c.doc
            if c.kind == "row":
                assert {"table", "row", "code", "values", "unit", "bbox"} <= set(c.model_dump())
                assert c.bbox is not None  # the PDF knows where the row is printed
            else:
                assert {"section", "text"} <= set(c.model_dump())


# ---------------------------------------------------------------- planted errors


@needs_md
def test_markdown_rendering_reports_the_same(tmp_path: Path) -> None:
    r = _audit_md(tmp_path, _md_text())
    assert [f.rule for f in _errors(r)] == ["narrative_parts"]


def _clean_text() -> str:
    """The sample with its one error-level inconsistency (the 增减 parts) corrected."""
    return _edit(_md_text(), "3、比上年增减情况", "基本支出增加7.48万元", "基本支出增加12.35万元")


@needs_md
def test_clean_rendering_has_no_error(tmp_path: Path) -> None:
    r = _audit_md(tmp_path, _clean_text())
    assert not _errors(r), [f.message for f in _errors(r)]
    assert not [f for f in r.findings if f.severity == "warning"]


@needs_md
def test_planted_cell(tmp_path: Path) -> None:
    """One cell of the 支出总表 changed: its row no longer adds up, nor does its 款, nor the other tables."""
    text = _edit(_clean_text(), "部门预算支出总表", "一般行政管理事务	34.22		34.22", "一般行政管理事务	35.22		34.22")
    r = _audit_md(tmp_path, text)
    errs = _errors(r)
    row = [f for f in errs if f.rule == "row_sum"]
    assert len(row) == 1 and _cites_row(row[0], "支出总表", "2012902")
    assert row[0].value == "35.22" and row[0].expected == "34.22" and row[0].difference == "1.00"
    hier = [f for f in errs if f.rule == "hierarchy"]
    assert hier and all(_cites_row(f, "支出总表", "2012902") for f in hier)
    same = [f for f in errs if f.rule == "same_code"]
    assert same and _cites_row(same[0], "支出总表", "2012902") and _cites_row(same[0], "收入总表", "2012902")
    assert {f.rule for f in errs} == {"row_sum", "hierarchy", "same_code"}


@needs_md
def test_planted_removed_row(tmp_path: Path) -> None:
    """A 项 row removed from the 支出总表: its 款 no longer equals the sum of its 项."""
    text = _edit(_clean_text(), "部门预算支出总表", "9	208050 5	机关事业单位基本养老保险缴费支出	9.26	9.26\t\t\t\t\n", "")
    r = _audit_md(tmp_path, text)
    errs = _errors(r)
    hier = [f for f in errs if f.rule == "hierarchy" and _cites_row(f, "支出总表", "20805")]
    assert hier, [f.message for f in errs]
    assert hier[0].value == "31.25" and hier[0].expected == "22.00"
    assert all(not _cites_row(f, "收入总表", "20805") for f in hier)


@needs_md
def test_planted_narrative_figure(tmp_path: Path) -> None:
    text = _edit(_clean_text(), "2、支出说明", "其中基本支出59.58万元", "其中基本支出59.99万元")
    r = _audit_md(tmp_path, text)
    errs = _errors(r, "narrative")
    assert len(errs) == 1, [f.message for f in r.findings]
    f = errs[0]
    assert f.value == "59.99" and f.expected == "59.58" and f.difference == "0.41"
    assert _cites_text(f, "基本支出59.99万元") and _cites_row(f, "", "合计")
    assert f.citations[0].page == 17


@needs_md
def test_planted_balance(tmp_path: Path) -> None:
    text = _edit(_clean_text(), "部门预算收支总表", "<b>收入总计</b>	<b>93.80</b>", "<b>收入总计</b>	<b>98.30</b>")
    r = _audit_md(tmp_path, text)
    bal = _errors(r, "balance")
    assert len(bal) == 1 and _cites_row(bal[0], "收支总表", "收入总计") and _cites_row(bal[0], "收支总表", "支出总计")
    assert bal[0].difference == "4.50"


@needs_md
def test_percentages_recomputed(tmp_path: Path) -> None:
    sentence = "较2025年预算增加38.47万元，其中"
    right = _edit(_clean_text(), "3、比上年增减情况", sentence, "较2025年预算增加38.47万元，增长69.53%，其中")
    assert not [f for f in _audit_md(tmp_path, right, "right.md").findings if f.rule == "percent"]
    wrong = _edit(_clean_text(), "3、比上年增减情况", sentence, "较2025年预算增加38.47万元，增长75.20%，其中")
    errs = _errors(_audit_md(tmp_path, wrong, "wrong.md"), "percent")
    assert len(errs) == 1 and errs[0].value == "75.20%" and errs[0].expected == "69.53%"
    assert _cites_text(errs[0], "增长75.20%")


@needs_md
def test_planted_change_with_last_year(tmp_path: Path) -> None:
    text = _edit(_clean_text(), "3、比上年增减情况", "较2025年预算增加38.47万元",
                 "较2025年预算55.33万元增加36.47万元")
    errs = _errors(_audit_md(tmp_path, text), "change")
    assert len(errs) == 1 and errs[0].value == "36.47" and errs[0].expected == "38.47"


@needs_md
def test_empty_template_sentence(tmp_path: Path) -> None:
    text = _edit(_clean_text(), "3、比上年增减情况", "主要为人员增加；", "主要原因是。")
    warn = [f for f in _audit_md(tmp_path, text).findings if f.rule == "template"]
    assert len(warn) == 1 and warn[0].severity == "warning" and _cites_text(warn[0], "主要原因是。")


@needs_md
def test_units_are_converted_not_reported(tmp_path: Path) -> None:
    """The 一般公共预算支出表 printed in 元: every comparison with the 万元 tables still holds."""
    text = _clean_text()
    a, b = _section(text, "部门预算一般公共预算财政拨款支出表")
    sec = text[a:b].replace("单位：万元", "单位：元")
    sec = re.sub(r"(?<![\d.])(\d+)\.(\d\d)(?![\d.])", lambda m: f"{Decimal(m.group(0)) * 10000:,.2f}", sec)
    assert "937,999.99" not in sec and "938,000.00" in sec
    r = _audit_md(tmp_path, text[:a] + sec + text[b:])
    # comparisons between the 元 table and the 万元 tables and narrative: nothing to report
    across = [f for f in r.findings if f.rule in ("same_code", "cross_total", "narrative", "balance")]
    assert not across, [f.message for f in across]
    # within the 元 table, the sample's one-cent differences are now whole 100 元 differences: errors,
    # stated in 元
    inside = [f for f in _errors(r) if any(getattr(c, "unit", None) == "元" for c in f.citations)]
    assert inside and all(f.difference in ("100.00", "-100.00") and "元" in f.message for f in inside)


# ---------------------------------------------------------------- exports and CLI


def test_exports(pdf_report: Report) -> None:
    csv = to_csv(pdf_report)
    assert csv.startswith("\ufeff序号,级别,规则") and "说明中的分项" in csv
    md = to_markdown(pdf_report, "工会部门 2026")
    assert md.startswith("# 审校报告：工会部门 2026") and "错误 1 项" in md


def test_check_cli(tmp_path: Path, cli: Callable) -> None:
    store = bm25_store(tmp_path / "s", SAMPLE_PDF)
    r = cli("check", "--json", "--store", store, SAMPLE_PDF, "--csv", tmp_path / "a.csv", "--md", tmp_path / "a.md")
    assert r.code == 0, r.stderr
    obj = json.loads(r.stdout)
    assert {"doc", "findings"} <= set(obj) and obj["doc"] and obj["checked"]["hierarchy"] > 0
    for f in obj["findings"]:
        assert {"rule", "severity", "message", "value", "expected", "difference", "citations"} <= set(f)
        assert f["severity"] in ("error", "warning", "rounding")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("序号")
    by_id = cli("check", "--store", store, obj["doc"])
    assert by_id.code == 0 and "错误 1 项" in by_id.stdout
    missing = cli("check", "--store", store, "nope")
    assert missing.code == 2 and "没有这个文件" in missing.stderr


def test_documents_without_tables_are_fine() -> None:
    assert audit(Document(source="x.md", format="md")).findings == []


def test_findings_are_stored_and_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.orm import Session

    import ingest.audit_store as audit_store
    from ingest.settings import Settings
    from ingest.store import Store

    store = Store(Settings(home=bm25_store(tmp_path / "s", SAMPLE_PDF)).db_path)
    doc_id = store.documents()[0].doc_id
    first = audit_store.report_for(store, doc_id)
    assert first is not None and first.counts()["error"] == 1
    with Session(store.engine) as s, s.begin():
        rec = s.get(audit_store.AuditRec, doc_id)
        assert rec is not None
        rec.report = {"doc": doc_id, "findings": []}  # what is stored is what is read back
    again = audit_store.report_for(store, doc_id)
    assert again is not None and again.findings == []
    monkeypatch.setattr(audit_store, "AUDIT_VERSION", "test-next")  # new rules: computed again
    third = audit_store.report_for(store, doc_id)
    assert third is not None and third.counts() == first.counts()
    assert audit_store.report_for(store, "nope") is None



def test_findings_recomputed_after_a_parser_upgrade(tmp_path: Path) -> None:
    """A report made when an older parser had read the file is replaced once the file is read again."""
    from sqlalchemy.orm import Session

    import ingest.audit_store as audit_store
    from ingest.model import PARSER_VERSION
    from ingest.service import Ingestor
    from ingest.settings import Settings
    from ingest.store import DocRec, Store

    settings = Settings(home=bm25_store(tmp_path / "s", SAMPLE_PDF))
    store = Store(settings.db_path)
    doc_id = store.documents()[0].doc_id
    assert audit_store.report_for(store, doc_id) is not None
    # the state an older parser left: the document and its stored report both from parser "old"
    with Session(store.engine) as s, s.begin():
        s.get(DocRec, doc_id).parser = "old"
        rec = s.get(audit_store.AuditRec, doc_id)
        rec.parser, rec.report = "old", {"doc": doc_id, "findings": []}
    assert audit_store.report_for(store, doc_id).findings == []
    res = Ingestor(settings, embed=False).ingest(SAMPLE_PDF)  # read again by the current parser
    assert res.ok and store.document(doc_id).parser == PARSER_VERSION
    again = audit_store.report_for(store, doc_id)
    assert again is not None and again.counts()["error"] == 1
    with Session(store.engine) as s:
        assert s.get(audit_store.AuditRec, doc_id).parser == PARSER_VERSION


# ---------------------------------------------------------------- the web app's 审校 tab


def test_app_audit_tab(tmp_path: Path) -> None:
    from ingest.settings import Settings
    from ui import app

    settings = Settings(home=bm25_store(tmp_path / "s", SAMPLE_PDF))
    [rec] = app._service(settings).documents()
    frame, _ = app.refresh(settings)
    assert frame.to_dict("records")[0]["审校"] == "错误1 尾差5 提示0"
    findings, summary, table, pick, image, caption = app.audit_document(settings, rec.doc_id)
    assert len(findings) == len(table) == 6 and "错误 **1** 项" in summary
    assert list(table.columns) == app.AUDIT_COLUMNS and table.iloc[0]["页码"] == "17"
    assert pick["choices"][0][0].startswith("[1] ❌ 错误 说明中的分项")
    # the error: its sentence highlighted on page 17
    img, cap, pages = app.show_finding(settings, findings, 0)
    assert img is not None and img.size[0] > 100
    assert "第 17 页（黄色框为涉及的单元格、行或句子）" in cap and "38.47" in cap
    assert pages["value"] == 17
    # a finding over several tables: another of its pages on request
    multi = next(i for i, f in enumerate(findings) if len({c["page"] for c in f["citations"]}) > 1)
    pages_of = sorted({c["page"] for c in findings[multi]["citations"]})
    img2, cap2, pages2 = app.show_finding(settings, findings, multi, pages_of[-1])
    assert img2 is not None and pages2["value"] == pages_of[-1] and f"第 {pages_of[-1]} 页" in cap2
    assert app.show_finding(settings, findings, 99)[0] is None
    csv_path = app.export_audit(settings, rec.doc_id, "csv")
    md_path = app.export_audit(settings, rec.doc_id, "md")
    assert csv_path and Path(csv_path).read_text(encoding="utf-8-sig").startswith("序号,级别")
    assert md_path and "# 审校报告" in Path(md_path).read_text(encoding="utf-8")
    assert app.audit_document(settings, None)[1] == "请选择一个文件。"


@needs_md
def test_planted_sanggong_table(tmp_path: Path) -> None:
    """The empty 三公 table filled in, its total one part short; the narrative's 0 元 parts now disagree too."""
    text = _clean_text()
    a, b = _section(text, "部门预算财政拨款“三公”经费支出表")
    sec = text[a:b].replace("注：无财政拨款“三公”经费支出预算，空表列示。", "")
    sec = sec.replace("栏次	1	2	3	4	5\n", "栏次	1	2	3	4	5\n" + "".join(
        f"{i}	{name}	{v}	{v}		\n" for i, (name, v) in enumerate(
            [("合计", "3.00"), ("因公出国（境）费", "0.00"), ("公务用车购置及运行维护费", "2.00"),
             ("其中：公务用车购置费", "0.00"), ("公务用车运行维护费", "2.00"), ("公务接待费", "1.50")], 1)))
    r = _audit_md(tmp_path, text[:a] + sec + text[b:])
    sg = _errors(r, "sanggong")
    assert len(sg) == 1 and sg[0].value == "3.00" and sg[0].expected == "3.50" and sg[0].difference == "-0.50"
    assert _cites_row(sg[0], "三公", "合计") and _cites_row(sg[0], "三公", "公务接待费")
    narr = {f.citations[1].row: f for f in _errors(r, "narrative")}
    assert set(narr) == {"合计", "公务用车运行维护费", "公务接待费"}  # 三公 0万元, 运行维护费 0元, 接待费 0元
    assert narr["公务接待费"].value == "0.00" and narr["公务接待费"].expected == "15000.00"
    assert _cites_text(narr["公务接待费"], "公务接待费0元")


@needs_md
def test_planted_performance_budget(tmp_path: Path) -> None:
    """A project's 预算数 in its 绩效目标表 above the whole 项目支出 of the document."""
    text = _edit(_clean_text(), "2、困难职工帮扶资金绩效目标表", "<b>预算数</b>	3.00", "<b>预算数</b>	300.00")
    errs = _errors(_audit_md(tmp_path, text), "performance")
    assert len(errs) == 1 and errs[0].value == "300.00" and errs[0].expected == "34.22"
    assert _cites_row(errs[0], "困难职工帮扶资金绩效目标表", "预算数") and _cites_row(errs[0], "", "合计")


def test_cell_boxes_find_the_printed_cells(pdf_report: Report) -> None:
    from ingest.render import cell_boxes

    f = next(f for f in pdf_report.findings if f.rule == "hierarchy" and f.value == "31.25")
    c = next(c for c in f.citations if c.code == "20805" and "收入总表" in c.table)
    assert {"合计", "本年收入/小计", "本年收入/财政拨款收入"} <= set(c.columns)  # merged: one citation, all columns
    boxes = cell_boxes(SAMPLE_PDF, c.page, c.bbox.model_dump(), [c.values[k] for k in c.columns])
    assert len(boxes) == 3
    for b in boxes:  # inside the row, each about one number wide
        assert c.bbox.top - 2 <= b["top"] and b["bottom"] <= c.bbox.bottom + 2
        assert b["x1"] - b["x0"] < 60


_FISCAL_YEAR_ROW = "<b>本年支出合计</b>	<b>93.80</b>	<b>93.80</b>		"
_SC_TABLE = "部门预算国有资本经营预算财政拨款支出表"


@needs_md
def test_planted_state_capital_against_empty_table(tmp_path: Path) -> None:
    """The 财政拨款收支总表 gives 国有资本经营 spending while that table is printed empty (空表)."""
    text = _edit(_clean_text(), "部门预算财政拨款收支总表", _FISCAL_YEAR_ROW, _FISCAL_YEAR_ROW + "5.00")
    errs = [f for f in _errors(_audit_md(tmp_path, text), "cross_total") if "国有资本经营" in f.message]
    assert len(errs) == 1, [f.message for f in _errors(_audit_md(tmp_path, text))]
    f = errs[0]
    assert f.value == "5.00" and f.expected == "0.00" and "空表" in f.message
    assert _cites_row(f, "财政拨款收支总表", "本年支出合计") and _cites_row(f, _SC_TABLE, "（空表）")
    fiscal = next(c for c in f.citations if "财政拨款收支总表" in c.table)
    assert fiscal.columns == ["支出/国有资本经营预算财政拨款"]


@needs_md
def test_planted_state_capital_table_total(tmp_path: Path) -> None:
    """The 国有资本经营 table filled in (合计 5.00) while the 财政拨款收支总表 column says 3.00."""
    text = _edit(_clean_text(), "部门预算财政拨款收支总表", _FISCAL_YEAR_ROW, _FISCAL_YEAR_ROW + "3.00")
    a, b = _section(text, _SC_TABLE)
    sec = text[a:b].replace("注：无国有资本经营预算财政拨款预算，空表列示。", "")
    sec = sec.replace("栏次	1	2	3	4	5\n", "栏次	1	2	3	4	5\n" + "".join(
        f"{i}	{code}	{name}	{v}		{v}\n" for i, (code, name, v) in enumerate(
            [("", "<b>合计</b>", "5.00"), ("223", "国有资本经营预算支出", "5.00"),
             ("22301", "解决历史遗留问题及改革成本支出", "5.00"), ("2230199", "其他解决历史遗留问题及改革成本支出", "5.00")], 1)))
    r = _audit_md(tmp_path, text[:a] + sec + text[b:])
    errs = [f for f in _errors(r, "cross_total") if "国有资本经营" in f.message]
    assert len(errs) == 1, [f.message for f in _errors(r)]
    f = errs[0]
    assert f.value == "3.00" and f.expected == "5.00" and f.difference == "-2.00"
    assert _cites_row(f, "财政拨款收支总表", "本年支出合计") and _cites_row(f, _SC_TABLE, "合计")
    # the table itself adds up: only the comparison with the 财政拨款收支总表 (and that row's own sum) is wrong
    assert not [x for x in _errors(r) if x.rule == "hierarchy" and _cites_row(x, _SC_TABLE, "223")]
