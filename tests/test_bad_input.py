"""Bad input: every kind of unreadable file gets one clear Chinese line naming the file and the
reason, the other files still go in, and the exit code is 1.

All bad files are made here at test time from a real disclosure (no binary fixtures):
a non-PDF renamed .pdf (an HTML error page), an empty file, a truncated PDF (first half of a
real one), an encrypted PDF (needs a password to open), a scanned PDF (images only, no text
layer), an unsupported extension (.docx) and a corrupt .xlsx.

Encryption: a PDF that needs a *user* (open) password is refused; one with only an *owner*
(permissions) password opens in every viewer without a password and is read as usual.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from ingest.model import IngestError
from ingest.service import Ingestor, read_document
from ingest.settings import Settings

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
GOOD = REAL / "hangzhou-shi_qixiangju_2026_bumen-yusuan.pdf"

# kind -> (file name, the words its reason must contain)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "not_pdf": ("下载页面[2026].pdf", ("不是 PDF", "HTML")),
    "empty": ("empty.pdf", ("空文件",)),
    "truncated": ("truncated.pdf", ("不完整", "截断")),
    "encrypted": ("encrypted.pdf", ("加密", "密码")),
    "scanned": ("scanned.pdf", ("没有文字层", "扫描件")),
    "unsupported": ("budget.docx", ("不支持的文件类型", ".docx")),
    "bad_xlsx": ("broken.xlsx", ("XLSX", "损坏")),
}
# the one word that tells the kinds apart: each failure line holds its own and no other
MARK = {
    "not_pdf": "不是 PDF",
    "empty": "空文件",
    "truncated": "不完整",
    "encrypted": "加密",
    "scanned": "扫描件",
    "unsupported": "不支持的文件类型",
    "bad_xlsx": "XLSX 文件已损坏",
}


def _encrypted(src: Path, user: str, owner: str) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=str(src))
    w.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _scanned() -> bytes:
    """Two pages that are only pictures of a table: what a scanner gives."""
    from PIL import Image, ImageDraw

    pages = []
    for n in range(2):
        im = Image.new("L", (620, 877), 255)
        d = ImageDraw.Draw(im)
        d.text((60, 50), f"scanned budget table, page {n + 1}", fill=0)
        for y in range(100, 500, 40):
            d.line((60, y, 560, y), fill=0)
        for x in (60, 300, 560):
            d.line((x, 100, x, 460), fill=0)
        pages.append(im)
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=72)
    return buf.getvalue()


def _corrupt_xlsx() -> bytes:
    """The first half of a real workbook: a ZIP whose central directory is gone."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["部门预算收支总表"], ["单位：万元"], ["项目", "预算数"], ["收入总计", 12.5]):
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    return data[: len(data) // 2]


def make_bad_files(folder: Path) -> dict[str, Path]:
    good = GOOD.read_bytes()
    content = {
        "not_pdf": "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        "<body><h1>页面不存在</h1></body></html>\n".encode(),
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "encrypted": _encrypted(GOOD, user="secret", owner="owner"),
        "scanned": _scanned(),
        "unsupported": b"PK\x03\x04 a Word document",
        "bad_xlsx": _corrupt_xlsx(),
    }
    out = {}
    for kind, (name, _) in KINDS.items():
        p = folder / name
        p.write_bytes(content[kind])
        out[kind] = p
    return out


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    return make_bad_files(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def run(tmp_path_factory, bad, cli):
    """One `budgetqa ingest --no-embed` over the good file and every bad one."""
    store = tmp_path_factory.mktemp("store")
    good = tmp_path_factory.mktemp("good") / "hangzhou.pdf"
    good.write_bytes(GOOD.read_bytes())
    files = [good, *bad.values()]
    res = cli("ingest", "--no-embed", "--store", store, *files)
    return res, store, good


# ---------------------------------------------------------------- the reasons, one file at a time


@pytest.mark.parametrize("kind", list(KINDS))
def test_read_document_names_the_reason(bad, kind):
    with pytest.raises(IngestError) as e:
        read_document(bad[kind])
    for word in KINDS[kind][1]:
        assert word in str(e.value), f"{kind}: {e.value}"


def test_owner_password_only_pdf_is_read(tmp_path):
    """Only permissions are restricted: no password is needed to open it, so it is read."""
    p = tmp_path / "owner-only.pdf"
    p.write_bytes(_encrypted(GOOD, user="", owner="owner"))
    doc = read_document(p)
    plain = read_document(GOOD)
    assert doc.department == plain.department and doc.year == plain.year
    assert doc.n_rows == plain.n_rows and len(doc.tables) == len(plain.tables)


def test_ingestor_reports_failure_without_raising(tmp_path, bad):
    ing = Ingestor(Settings(home=tmp_path / "store"), embed=False)
    for kind, path in bad.items():
        res = ing.ingest(path)
        assert res.status == "failed" and not res.ok and res.doc is None, kind
        assert MARK[kind] in res.error, (kind, res.error)
    missing = ing.ingest(tmp_path / "missing.pdf")
    assert missing.status == "failed" and "不存在" in missing.error
    assert ing.store.documents() == []


# ---------------------------------------------------------------- the CLI run


def test_exit_code_is_1(run):
    res, _, _ = run
    assert res.code == 1, res.stdout + res.stderr


def test_one_line_per_bad_file_with_path_and_reason(run, bad):
    """On stdout: 失败<TAB>path<TAB>reason, exactly one line per bad file."""
    res, _, _ = run
    for kind, path in bad.items():
        mine = [ln for ln in res.lines if str(path) in ln]
        assert len(mine) == 1, (kind, res.stdout)
        status, shown, reason = mine[0].split("\t")
        assert status == "失败" and shown == str(path)
        for word in KINDS[kind][1]:
            assert word in reason, (kind, reason)
        assert [k for k, m in MARK.items() if m in reason] == [kind], (kind, reason)


def test_good_file_line_and_summary(run, bad):
    res, _, good = run
    ok = [ln for ln in res.lines if not ln.startswith("失败")]
    assert len(ok) == 1 and len(res.lines) == 1 + len(bad)
    doc_id, dept, year, tables, rows, sections, warnings, status, source = ok[0].split("\t")
    assert (dept, year, status, source) == ("杭州市气象局", "2026", "ingested", good.name)
    assert tables.startswith("表") and int(tables[1:]) > 0
    assert rows.startswith("行") and int(rows[1:]) > 0
    assert sections.startswith("节")
    assert f"{len(bad)} 个文件导入失败" in res.stderr


def test_good_file_is_in_the_store_and_nothing_else(run, cli, bad):
    res, store, good = run
    docs = json.loads(cli("docs", "--json", "--store", store).stdout)
    assert [(d["source"], d["department"], d["year"]) for d in docs] == [(good.name, "杭州市气象局", 2026)]
    doc_id = docs[0]["doc"]
    with sqlite3.connect(store / "budgetqa.sqlite") as con:
        for table in ("documents", "tables", "rows", "paragraphs"):
            ids = {r[0] for r in con.execute(f"SELECT DISTINCT doc_id FROM {table}")}
            assert ids == {doc_id}, table
        paths = {r[0] for r in con.execute("SELECT path FROM documents")}
    assert paths == {str(good.resolve())}
    assert not any(str(p.resolve()) in paths for p in bad.values())
    assert not (store / "chroma").exists()  # --no-embed never opens the index


def test_only_bad_files_exit_1_and_store_stays_empty(tmp_path, cli, bad):
    store = tmp_path / "store"
    res = cli("ingest", "--no-embed", "--store", store, bad["empty"], bad["scanned"])
    assert res.code == 1 and len(res.lines) == 2
    assert all(ln.startswith("失败\t") for ln in res.lines)
    assert json.loads(cli("docs", "--json", "--store", store).stdout) == []


def test_a_readme_beside_the_disclosures_is_refused(tmp_path):
    """A folder often holds a README or a file list: it is named with its reason, not stored as a document."""
    readme = tmp_path / "SOURCES.md"
    readme.write_text("# 语料说明\n\n| 文件 | 来源 |\n|---|---|\n| a.pdf | 某市信访局网站 |\n| b.pdf | 某区财政局网站 |\n",
                      encoding="utf-8")
    with pytest.raises(IngestError, match="不像部门预算/决算公开文件"):
        read_document(readme)
