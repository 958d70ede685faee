"""Ingest's public surface (ingest/service.py): what ui/ may import, the service's operations on
plain model objects (uploads, lists, rows, source files, deletion) and parallel ingest.

Stores here are SQL only (no embeddings), so no model is loaded.
"""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from ingest.model import DocumentInfo, StoredRow
from ingest.service import Ingestor, IngestService, upload_dir
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
NOTICE = ROOT / "tests" / "fixtures" / "not-disclosures" / "济南_审计局_dd7ade94.pdf"
REAL_PDF = ROOT / "tests" / "fixtures" / "real" / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"
# what ui/ may import from ingest/ (stated in ingest/service.py's docstring)
PUBLIC = {"ingest.service", "ingest.model", "ingest.settings", "ingest.render", "ingest.audit"}
READERS = {"ingest.read_pdf", "ingest.read_xlsx", "ingest.read_md"}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in a file, also those inside functions."""
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [a.name for a in node.names]
            if node.module == "ingest":  # from ingest import service
                out += [(f"ingest.{n}", []) for n in names]
            else:
                out.append((node.module, names))
    return out


def test_ui_imports_only_the_public_surface_of_ingest() -> None:
    used = {
        (f.name, mod)
        for f in (ROOT / "ui").rglob("*.py")
        for mod, _ in _imports(f)
        if mod == "ingest" or mod.startswith("ingest.")
    }
    assert used, "ui/ uses ingest through its public modules"
    assert {(name, mod) for name, mod in used if mod not in PUBLIC} == set()


def test_ingest_modules_import_no_private_names_and_readers_not_each_other() -> None:
    for f in (ROOT / "ingest").glob("*.py"):
        me = f"ingest.{f.stem}"
        for mod, names in _imports(f):
            if mod.startswith("ingest.") and mod != me:
                assert not [n for n in names if n.startswith("_")], (f.name, mod, names)
                if me in READERS:
                    assert mod not in READERS, (f.name, mod)


def small_md(name: str, amount: str) -> str:
    return (
        f"# {name}2026年部门预算\n\n# 部门预算收支总表\n\n901 {name}\n\n预算年度：2026\n\n单位：万元\n\n"
        f"项目\t预算数\n一、一般公共预算拨款收入\t{amount}\n收入总计\t{amount}\n\n"
        f"## 一、部门职责\n\n{name}负责本市的相关工作，2026年收入预算{amount}万元。\n"
    )


@pytest.fixture
def svc(tmp_path: Path) -> IngestService:
    return IngestService(Settings(home=tmp_path / "store"), embed=False)


def test_upload_bytes_under_its_name_then_list_rows_source_and_delete(svc: IngestService) -> None:
    data = small_md("测试局", "12.50").encode("utf-8")
    res = svc.ingest_upload(data, "预算 公开/../测试局.md")
    assert res.ok and res.status == "ingested", res.error
    assert res.name == "测试局.md"  # no folders in a shown name
    assert isinstance(res.info, DocumentInfo) and res.info.name == "测试局.md"
    [info] = svc.documents()
    assert (info.department, info.year, info.format, info.name) == ("测试局", 2026, "md", "测试局.md")
    assert info.source != info.name  # the saved copy has a generated name; lists show the uploaded one
    src = svc.source_path(info.doc_id)
    assert src is not None and src.read_bytes() == data and src.parent == upload_dir(svc.settings).resolve()
    rows = list(svc.table_rows(info.doc_id))
    assert rows and all(isinstance(r, StoredRow) and r.doc.doc_id == info.doc_id for r in rows)
    [total] = [r for r in rows if r.row.label == "收入总计"]
    assert total.row.values == {"预算数": "12.50"} and total.unit == "万元"
    assert svc.load(info.doc_id).tables[total.table_idx].title == total.table
    assert svc.find("测试局.md") is None and svc.find(info.doc_id) == info
    # the same bytes again: unchanged, and the copy (which the stored document uses) stays
    again = svc.ingest_upload(data, "again.md")
    assert again.status == "unchanged" and again.doc_id == info.doc_id and src.exists()
    assert svc.delete(info.doc_id) and not svc.delete(info.doc_id)
    assert svc.documents() == [] and list(svc.table_rows()) == []
    assert not any(upload_dir(svc.settings).iterdir()), "the copy and its name note go with the document"
    with sqlite3.connect(svc.settings.db_path) as con:
        assert con.execute("SELECT COUNT(*) FROM rows").fetchone() == (0,)


def test_a_refused_upload_leaves_nothing(svc: IngestService) -> None:
    res = svc.ingest_upload(NOTICE, "审计局 2026年部门预算.pdf")
    assert not res.ok and "不像部门预算" in res.error and str(svc.settings.home) not in res.error
    assert svc.documents() == [] and not any(upload_dir(svc.settings).glob("*"))
    res = svc.ingest_upload(b"hello", "说明.txt")
    assert not res.ok and "不支持的文件类型" in res.error


def test_parallel_ingest_gives_what_one_by_one_gives(tmp_path: Path) -> None:
    files = []
    for name, amount in (("甲局", "1.00"), ("乙局", "2.00")):
        f = tmp_path / f"{name}.md"
        f.write_text(small_md(name, amount), encoding="utf-8")
        files.append(f)
    files += [NOTICE, REAL_PDF, files[0]]  # a refusal, a real PDF, and a file given twice
    one = Ingestor(Settings(home=tmp_path / "one"), embed=False)
    seq = [one.ingest(f) for f in files]
    many = Ingestor(Settings(home=tmp_path / "many"), embed=False)
    steps: list[tuple[int, int]] = []
    par = list(many.ingest_many(files, lambda d, t: steps.append((d, t)), workers=2))
    assert [r.status for r in par] == [r.status for r in seq] == ["ingested", "ingested", "failed", "ingested", "unchanged"]
    assert [r.doc_id for r in par] == [r.doc_id for r in seq]
    assert par[2].error == seq[2].error
    assert [d.model_dump(exclude={"ingested_at"}) for d in IngestService(many.settings, embed=False).documents()] == [
        d.model_dump(exclude={"ingested_at"}) for d in IngestService(one.settings, embed=False).documents()
    ]
    done, total = steps[-1]
    assert done == total >= 1 + 1 + 1 + 1 + 1 and any(0 < d < total for d, _ in steps)
    # the parsed documents are the same, row for row, as those parsed in this process
    assert par[3].doc is not None and par[3].doc.model_dump() == seq[3].doc.model_dump()
