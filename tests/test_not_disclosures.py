"""Files that sit in budget folders but are not disclosures (tests/fixtures/not-disclosures: a website
report form, an information-request form, a circular, an inspection list) are refused with their
reason and leave nothing in SQLite or Chroma; the disclosures beside them still go in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.index import Index
from ingest.model import IngestError
from ingest.service import Ingestor, read_document
from ingest.settings import Settings
from ui.cli import app

ROOT = Path(__file__).resolve().parents[1]
NOT = ROOT / "tests" / "fixtures" / "not-disclosures"
NOT_PDFS = sorted(NOT.glob("*.pdf"))
REAL = ROOT / "tests" / "fixtures" / "real"
DISCLOSURE = REAL / "shanghai-shi_caizhengju_2025_danwei-yusuan.pdf"
REFUSED = "不像部门预算/决算公开文件"


def test_fixtures_present() -> None:
    assert len(NOT_PDFS) >= 3


@pytest.mark.parametrize("path", NOT_PDFS, ids=[p.name for p in NOT_PDFS])
def test_refused_with_its_reason(path: Path) -> None:
    with pytest.raises(IngestError) as e:
        read_document(path)
    reason = str(e.value)
    assert reason.startswith(REFUSED), reason
    assert "标题" in reason and "\n" not in reason
    assert "首页文字" in reason  # says what the file looks like instead


def test_folder_ingest_keeps_only_the_disclosure(tmp_path: Path, fake_embed) -> None:
    """Ingest with (stand-in) embeddings: the refused files reach neither the SQL store nor the index."""
    settings = Settings(home=tmp_path / "store")
    ing = Ingestor(settings, embed=True)
    results = {p.name: ing.ingest(p) for p in [*NOT_PDFS, DISCLOSURE]}
    assert results[DISCLOSURE.name].ok and results[DISCLOSURE.name].doc.department == "上海市财政局"
    for p in NOT_PDFS:
        assert results[p.name].status == "failed" and results[p.name].error.startswith(REFUSED)
    with sqlite3.connect(settings.db_path) as con:
        assert con.execute("SELECT source FROM documents").fetchall() == [(DISCLOSURE.name,)]
        kept = con.execute("SELECT doc_id FROM documents").fetchone()[0]
        assert con.execute("SELECT COUNT(*) FROM rows WHERE doc_id != ?", (kept,)).fetchone() == (0,)
    got = Index(settings).collection.get(include=["metadatas"])
    assert got["ids"] and {m["doc_id"] for m in got["metadatas"]} == {kept}


def test_cli_names_each_refused_file_and_exits_1(tmp_path: Path) -> None:
    store = tmp_path / "store"
    r = CliRunner().invoke(app, ["ingest", "--no-embed", "--store", str(store), str(NOT), str(DISCLOSURE)],
                           catch_exceptions=False)
    assert r.exit_code == 1
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    failed = [ln.split("\t") for ln in lines if ln.startswith("失败\t")]
    assert sorted(Path(f[1]).name for f in failed if f[1].endswith(".pdf")) == [p.name for p in NOT_PDFS]
    assert all(f[2].startswith(REFUSED) for f in failed)
    ok = [ln for ln in lines if not ln.startswith("失败\t")]
    assert len(ok) == 1 and "上海市财政局" in ok[0]
    docs = CliRunner().invoke(app, ["docs", "--json", "--store", str(store)], catch_exceptions=False)
    assert '"上海市财政局"' in docs.stdout and docs.stdout.count('"doc":') == 1


def test_a_file_stored_by_an_older_parser_is_removed_when_refused(tmp_path: Path, monkeypatch) -> None:
    """A store made before the check holds a notice as a 'department': the next ingest drops it."""
    from ingest import service

    settings = Settings(home=tmp_path / "store")
    notice = NOT_PDFS[0]
    monkeypatch.setattr(service, "check_disclosure", lambda doc: None)  # the old, lenient parser
    assert Ingestor(settings, embed=False).ingest(notice).ok
    with sqlite3.connect(settings.db_path) as con:
        con.execute("UPDATE documents SET parser = 'old'")
    monkeypatch.undo()
    res = Ingestor(settings, embed=False).ingest(notice)
    assert res.status == "failed" and res.error.startswith(REFUSED) and "已从存储中删除" in res.error
    with sqlite3.connect(settings.db_path) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)
        assert con.execute("SELECT COUNT(*) FROM rows").fetchone() == (0,)
