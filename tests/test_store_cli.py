"""The store through the CLI: what `ingest`, `docs --json` and `tables --json` promise in
shared/CONTRACT.md, idempotence, replacement of a changed file, all-or-nothing writes, store
isolation (--store / BUDGETQA_HOME) and folder ingest.

Only the first fixture embeds for real (the bundled sample, once per module); tests about the
store's bookkeeping use --no-embed or a tiny deterministic stand-in for the embedding model.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from typer.testing import CliRunner

from ingest import service
from ingest.index import Index, chunks
from ingest.model import PARSER_VERSION
from ingest.service import Ingestor
from ingest.settings import Settings
from ingest.store import Store
from ui.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
REAL = ROOT / "tests" / "fixtures" / "real"
PDF_A = REAL / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf"
PDF_B = REAL / "guangzhou-shi_xinfangju_2026_bumen-yusuan.pdf"
CONTRACT_KEYS = {"doc", "department", "year", "table", "page", "row", "code", "values"}

runner = CliRunner()


def invoke(*args: str | Path):
    """`budgetqa ARGS` in this process (the embedding model, once loaded, stays loaded)."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def out_lines(result) -> list[str]:
    return [ln for ln in result.stdout.splitlines() if ln.strip()]


def small_md(name: str, code: str, amount: str) -> str:
    return (
        f"# {name}2026年部门预算\n\n# 部门预算收支总表\n\n{code} {name}\n\n预算年度：2026\n\n单位：万元\n\n"
        f"项目\t预算数\n一、一般公共预算拨款收入\t{amount}\n收入总计\t{amount}\n\n"
        f"## 一、部门职责\n\n{name}负责本市的相关工作，2026年收入预算{amount}万元。\n"
    )


def write_xlsx(path: Path, name: str, amount: float) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收支总表"
    for row in (["部门预算收支总表"], [f"902 {name}"], ["预算年度：2026"], ["单位：万元"], ["项目", "预算数"],
                ["一、一般公共预算拨款收入", amount], ["收入总计", amount]):
        ws.append(row)
    for cell in ("B6", "B7"):
        ws[cell].number_format = "#,##0.00"
    wb.save(path)


def sql_snapshot(store: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        return {
            t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}")), key=repr)
            for t in ("documents", "tables", "rows", "paragraphs")
        }


def chroma_snapshot(store: Path) -> list[tuple[str, str, str]]:
    got = Index(Settings(home=store)).collection.get(include=["metadatas", "documents"])
    return sorted(zip(got["ids"], [m["doc_id"] for m in got["metadatas"]], got["documents"], strict=True))


def tables_json(store: Path, *extra: str) -> list[dict]:
    r = invoke("tables", "--json", "--store", store, *extra)
    assert r.exit_code == 0
    return [json.loads(ln) for ln in out_lines(r)]


def docs(store: Path) -> list[dict]:
    r = invoke("docs", "--json", "--store", store)
    assert r.exit_code == 0
    return json.loads(r.stdout)


# ---------------------------------------------------------------- the sample, with embeddings


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """The bundled sample ingested with real embeddings into a fresh store (once per module)."""
    store = tmp_path_factory.mktemp("embedded")
    result = invoke("ingest", "--store", store, SAMPLE)
    assert result.exit_code == 0, result.stdout + result.stderr
    return store, result


def test_ingest_prints_one_line_per_document(embedded):
    store, result = embedded
    (line,) = out_lines(result)
    doc_id, dept, year, tables, rows, sections, warnings, status, source = line.split("\t")
    (d,) = docs(store)
    assert doc_id == d["doc"] and len(doc_id) == 12
    assert (dept, year, status, source) == ("工会部门", "2026", "ingested", SAMPLE.name)
    assert (tables, rows, sections) == (f"表{d['tables']}", f"行{d['rows']}", f"节{d['sections']}")
    assert warnings == ("；".join(d["warnings"]) or "无警告")


def test_docs_json_lists_the_sample(embedded):
    store, _ = embedded
    (d,) = docs(store)
    assert d["department"] == "工会部门" and d["year"] == 2026
    assert d["source"] == SAMPLE.name and d["format"] == "pdf" and d["pages"] > 0
    assert d["tables"] > 0 and d["rows"] > 0 and d["sections"] > 0
    assert d["doc"] == d["sha256"][:12] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()[:12]
    assert d["rows"] == len(tables_json(store))


def test_chroma_holds_one_item_per_paragraph_chunk_and_no_rows(embedded):
    store, _ = embedded
    (d,) = docs(store)
    doc = Store(store / "budgetqa.sqlite").load(d["doc"])
    expected = {i: m for i, _, m in chunks(doc)}
    got = Index(Settings(home=store)).collection.get(include=["metadatas", "embeddings"])
    assert sorted(got["ids"]) == sorted(expected)
    kinds = [m["kind"] for m in got["metadatas"]]
    assert kinds.count("row") == 0 and d["rows"] == doc.n_rows > 0  # rows are looked up in the store
    assert kinds.count("text") == sum(1 for m in expected.values() if m["kind"] == "text") >= len(doc.paragraphs)
    assert all(m["doc_id"] == d["doc"] and m["page"] >= 1 for m in got["metadatas"])
    assert len(got["embeddings"][0]) == 384  # e5-small, not a stand-in


def test_tables_json_follows_the_contract(embedded):
    store, _ = embedded
    (d,) = docs(store)
    rows = tables_json(store)
    assert len(rows) == d["rows"]
    for obj in rows:
        assert CONTRACT_KEYS <= obj.keys()
        assert obj["doc"] == d["doc"] and obj["department"] == "工会部门" and obj["year"] == 2026
        assert isinstance(obj["table"], str) and obj["table"]
        assert isinstance(obj["page"], int) and 1 <= obj["page"] <= d["pages"]
        assert isinstance(obj["row"], str) and isinstance(obj["code"], str)
        assert all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in obj["values"].items())
    # values as printed: the income total of the sample, and amounts keep their printed decimals
    income = [o for o in rows if o["row"] == "一、一般公共预算拨款收入" and "收支总表" in o["table"]]
    assert income and "93.80" in income[0]["values"].values()


def test_tables_json_omits_blank_cells(tmp_path):
    from ingest.model import Document, Row, Table

    store = tmp_path / "store"
    row = Row(index=0, label="一般行政管理事务", code="2012902", page=6,
              values={"合计": "34.22", "基本支出": "", "项目支出": " ", "其他": "0.00"})
    doc = Document(doc_id="abc123abc123", source="x.pdf", path="/x.pdf", sha256="abc123abc123" + "0" * 52,
                   format="pdf", department="工会部门", year=2026,
                   tables=[Table(title="部门预算支出总表", unit="万元", rows=[row])])
    Store(store / "budgetqa.sqlite").replace(doc, [])
    (obj,) = tables_json(store)
    assert {k: obj[k] for k in CONTRACT_KEYS} == {
        "doc": "abc123abc123", "department": "工会部门", "year": 2026, "table": "部门预算支出总表",
        "page": 6, "row": "一般行政管理事务", "code": "2012902", "values": {"合计": "34.22", "其他": "0.00"},
    }


def test_reingest_unchanged_does_nothing(embedded, monkeypatch):
    store, _ = embedded
    before_docs, before_sql, before_chroma = docs(store), sql_snapshot(store), chroma_snapshot(store)

    def boom(*a, **k):
        raise AssertionError("an unchanged file must not be parsed or embedded again")

    monkeypatch.setattr(service, "read_document", boom)
    monkeypatch.setattr(Index, "embed", boom)
    result = invoke("ingest", "--store", store, SAMPLE)
    assert result.exit_code == 0, result.stdout + result.stderr
    (line,) = out_lines(result)
    assert line.split("\t")[0] == before_docs[0]["doc"] and line.split("\t")[7] == "unchanged"
    assert docs(store) == before_docs
    assert sql_snapshot(store) == before_sql
    assert chroma_snapshot(store) == before_chroma


# ---------------------------------------------------------------- replacement and atomicity


def test_changed_file_at_same_path_replaces_old_version(tmp_path, fake_embed):
    store, path = tmp_path / "store", tmp_path / "disclosure.pdf"
    path.write_bytes(PDF_A.read_bytes())
    first = invoke("ingest", "--store", store, path)
    assert first.exit_code == 0
    (old,) = docs(store)
    index = Index(Settings(home=store))
    assert index.count(old["doc"]) > 0

    path.write_bytes(PDF_B.read_bytes())  # same path, new content
    second = invoke("ingest", "--store", store, path)
    assert second.exit_code == 0
    (line,) = out_lines(second)
    (new,) = docs(store)
    assert line.split("\t")[0] == new["doc"] != old["doc"] and line.split("\t")[7] == "replaced"
    assert new["department"] == "广州市信访局"
    assert {o["doc"] for o in tables_json(store)} == {new["doc"]}
    assert index.count(old["doc"]) == 0 and index.count() == index.count(new["doc"]) > 0
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        for t in ("documents", "tables", "rows", "paragraphs"):
            assert con.execute(f"SELECT COUNT(*) FROM {t} WHERE doc_id = ?", (old["doc"],)).fetchone() == (0,)

    # replaced again without embedding: the index must not keep the version it no longer has
    path.write_bytes(PDF_A.read_bytes())
    third = invoke("ingest", "--no-embed", "--store", store, path)
    assert third.exit_code == 0
    assert [d["doc"] for d in docs(store)] == [old["doc"]]
    assert index.count() == 0


@pytest.fixture
def two_versions(tmp_path, fake_embed):
    """A store holding version 1 of a file (SQL and index); the file on disk is now version 2."""
    store = tmp_path / "store"
    path = tmp_path / "dept.md"
    path.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    ing = Ingestor(Settings(home=store))
    assert ing.ingest(path).status == "ingested"
    path.write_text(small_md("测试局", "901", "15.00"), encoding="utf-8")
    return store, path, ing


def _assert_untouched_then_retry(store, path, res, sql_before, chroma_before):
    assert res.status == "failed" and "写入存储失败" in res.error and "存储保持原样" in res.error
    assert sql_snapshot(store) == sql_before
    assert chroma_snapshot(store) == chroma_before
    # the failure left nothing behind that gets in the way of the next try
    again = Ingestor(Settings(home=store)).ingest(path)
    assert again.status == "replaced"
    (d,) = Store(store / "budgetqa.sqlite").documents()
    assert d.doc_id == again.doc.doc_id
    assert {doc for _, doc, _ in chroma_snapshot(store)} == {d.doc_id}


def test_index_write_failure_leaves_store_as_it_was(two_versions, monkeypatch):
    store, path, ing = two_versions
    sql_before, chroma_before = sql_snapshot(store), chroma_snapshot(store)
    real_add = Index.add

    def half_then_fail(self, ids, texts, metas, vecs):
        k = len(ids) // 2
        real_add(self, ids[:k], texts[:k], metas[:k], vecs[:k])
        assert self.count() > len(chroma_before)  # part of the new version did get in
        raise OSError("disk full")

    monkeypatch.setattr(Index, "add", half_then_fail)
    res = ing.ingest(path)
    monkeypatch.setattr(Index, "add", real_add)
    _assert_untouched_then_retry(store, path, res, sql_before, chroma_before)


def test_sql_write_failure_leaves_store_as_it_was(two_versions):
    store, path, ing = two_versions
    sql_before, chroma_before = sql_snapshot(store), chroma_snapshot(store)
    seen: list[str] = []

    def fail_late(conn, cursor, statement, params, context, executemany):
        words = statement.split()
        if words[0] in ("INSERT", "DELETE"):
            seen.append(f"{words[0]} {words[2]}")  # INSERT INTO rows / DELETE FROM documents
        if statement.startswith("INSERT INTO rows"):
            raise RuntimeError("database went away")

    event.listen(ing.store.engine, "before_cursor_execute", fail_late)
    try:
        res = ing.ingest(path)
    finally:
        event.remove(ing.store.engine, "before_cursor_execute", fail_late)
    # it failed late: old version deleted, new document and paragraphs inserted, then all rolled back
    assert {"DELETE documents", "INSERT documents", "INSERT paragraphs"} <= set(seen)
    _assert_untouched_then_retry(store, path, res, sql_before, chroma_before)


# ---------------------------------------------------------------- where the store lives


def test_two_stores_never_see_each_other(tmp_path, cli, docs_json, embedded):
    s1, s2 = tmp_path / "one", tmp_path / "two"
    md, xlsx = tmp_path / "a.md", tmp_path / "b.xlsx"
    md.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    write_xlsx(xlsx, "样例局", 20.5)
    assert cli("ingest", "--no-embed", "--store", s1, md).code == 0
    assert cli("ingest", "--no-embed", "--store", s2, xlsx).code == 0
    (d1,), (d2,) = docs_json(s1), docs_json(s2)
    assert d1["source"] == "a.md" and d2["source"] == "b.xlsx" and d1["doc"] != d2["doc"]
    for store, own, theirs in ((s1, d1, d2), (s2, d2, d1)):
        assert {o["doc"] for o in tables_json(store)} == {own["doc"]}
        assert tables_json(store, "--doc", theirs["doc"]) == []
    # the vector index is per store too: the embedded sample's store knows nothing of these
    assert not (s1 / "chroma").exists() and not (s2 / "chroma").exists()
    assert {doc for _, doc, _ in chroma_snapshot(embedded[0])} == {docs(embedded[0])[0]["doc"]}


def test_budgetqa_home_selects_the_store(tmp_path, cli, docs_json):
    home, other, work = tmp_path / "home", tmp_path / "other", tmp_path / "work"
    work.mkdir()
    md = tmp_path / "a.md"
    md.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    env = {"BUDGETQA_HOME": str(home)}
    r = cli("ingest", "--no-embed", md, env=env, cwd=work)
    assert r.code == 0, r.stderr
    assert (home / "budgetqa.sqlite").is_file() and not (work / ".budgetqa").exists()
    assert [d["source"] for d in docs_json(home)] == ["a.md"]
    listed = cli("docs", "--json", env=env, cwd=work)
    assert [d["source"] for d in json.loads(listed.stdout)] == ["a.md"]
    # --store wins over BUDGETQA_HOME
    assert json.loads(cli("docs", "--json", "--store", other, env=env, cwd=work).stdout) == []
    # neither: ./.budgetqa under the current directory
    assert json.loads(cli("docs", "--json", cwd=work).stdout) == []
    assert (work / ".budgetqa" / "budgetqa.sqlite").is_file()


# ---------------------------------------------------------------- a folder


@pytest.fixture(scope="module")
def folder_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("disclosures")
    (folder / "sub").mkdir()
    (folder / "a.pdf").write_bytes(PDF_A.read_bytes())
    (folder / "sub" / "b.md").write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    write_xlsx(folder / "c.xlsx", "样例局", 20.5)
    (folder / "notes.txt").write_text("不是公开文件", encoding="utf-8")
    (folder / "~$c.xlsx").write_bytes(b"lock")  # Excel's lock file while c.xlsx is open
    (folder / ".hidden.md").write_text("# 隐藏\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("folder-store")
    result = invoke("ingest", "--no-embed", "--store", store, folder)
    return store, result


def test_ingest_folder_takes_every_pdf_xlsx_md(folder_store):
    store, result = folder_store
    assert result.exit_code == 0, result.stdout + result.stderr
    assert len(out_lines(result)) == 3
    assert sorted(d["source"] for d in docs(store)) == ["a.pdf", "b.md", "c.xlsx"]


def test_tables_doc_filter(folder_store):
    store, _ = folder_store
    every = tables_json(store)
    assert len(every) == sum(d["rows"] for d in docs(store))
    for d in docs(store):
        mine = tables_json(store, "--doc", d["doc"])
        assert len(mine) == d["rows"] > 0 and {o["doc"] for o in mine} == {d["doc"]}
        assert mine == [o for o in every if o["doc"] == d["doc"]]
    assert tables_json(store, "--doc", "000000000000") == []


# ---------------------------------------------------------------- a newer parser reads old files again


def test_file_read_by_older_parser_is_read_again(tmp_path, fake_embed):
    """Same bytes, older parser: re-ingest replaces the reading and its index chunks, nothing doubled."""
    store, path = tmp_path / "store", tmp_path / "dept.md"
    path.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    assert invoke("ingest", "--store", store, path).exit_code == 0
    (first,) = docs(store)
    index = Index(Settings(home=store))
    n = index.count(first["doc"])
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        con.execute("UPDATE documents SET parser = '1'")
    # an old reading's chunk ids: a stale chunk that the new reading must remove
    index.collection.upsert(ids=[f"{first['doc']}:1:p:99:0"], documents=["旧解析结果"],
                            metadatas=[{"doc_id": first["doc"], "kind": "text", "para_idx": 99, "page": 1}],
                            embeddings=[[0.5] * 16])
    again = invoke("ingest", "--store", store, path)
    assert again.exit_code == 0
    assert again.stdout.split("\t")[7].strip() != "unchanged"
    assert [d["doc"] for d in docs(store)] == [first["doc"]]
    assert index.count(first["doc"]) == n
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        assert con.execute("SELECT parser FROM documents").fetchall() == [(PARSER_VERSION,)]
    # and now it is unchanged
    third = invoke("ingest", "--store", store, path)
    assert third.stdout.split("\t")[7].strip() == "unchanged"


def test_store_made_before_parser_column_still_opens(tmp_path):
    store = tmp_path / "store"
    path = tmp_path / "dept.md"
    path.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    assert invoke("ingest", "--no-embed", "--store", store, path).exit_code == 0
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        con.execute("ALTER TABLE documents DROP COLUMN parser")
    assert [d["department"] for d in docs(store)] == ["测试局"]
    again = invoke("ingest", "--no-embed", "--store", store, path)  # no parser recorded: read again
    assert again.exit_code == 0 and again.stdout.split("\t")[7].strip() != "unchanged"


def test_delete_removes_a_document_from_sql_and_index(tmp_path, fake_embed):
    store = tmp_path / "store"
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(small_md("测试局", "901", "12.50"), encoding="utf-8")
    b.write_text(small_md("样例局", "902", "20.00"), encoding="utf-8")
    assert invoke("ingest", "--store", store, a, b).exit_code == 0
    by_source = {d["source"]: d["doc"] for d in docs(store)}
    index = Index(Settings(home=store))
    assert index.count(by_source["a.md"]) > 0
    r = invoke("delete", "--store", store, "a.md")
    assert r.exit_code == 0 and r.stdout.startswith(f"已删除\t{by_source['a.md']}\t测试局")
    assert [d["source"] for d in docs(store)] == ["b.md"]
    assert {o["doc"] for o in tables_json(store)} == {by_source["b.md"]}
    assert index.count(by_source["a.md"]) == 0 and index.count(by_source["b.md"]) > 0
    assert invoke("delete", "--store", store, by_source["a.md"]).exit_code == 2
