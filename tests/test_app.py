"""The web app's document side (ui/app.py): handlers called directly, plus one real launch.

The bundled sample is ingested once (no embeddings) into a temporary store; the handlers are
the plain functions the Gradio events call, so their outputs are checked without a browser.
"""

from __future__ import annotations

import csv
import re
import shutil
import socket
from pathlib import Path

import httpx
import pandas as pd
import pytest

from ingest.service import Ingestor
from ingest.settings import Settings
from ui import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
EXPENSE = "部门预算支出总表"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    s = Settings(home=tmp_path_factory.mktemp("store"))
    res = Ingestor(s, embed=False).ingest(SAMPLE)
    assert res.ok, res.error
    return s


@pytest.fixture(scope="module")
def doc_id(settings: Settings) -> str:
    [(label, value)] = app.document_choices(settings)
    assert label == "工会部门 2026 gonghui-2026.pdf"
    return value


def _table_idx(settings: Settings, doc_id: str, title: str) -> int:
    update = app.choose_document(settings, doc_id)[0]
    [idx] = [v for label, v in update["choices"] if f". {title}（" in label]
    return idx


class Progress:
    """Stands in for gr.Progress: records (done, total) steps."""

    def __init__(self) -> None:
        self.steps: list[tuple[int, int | None]] = []

    def __call__(self, progress, desc=None, total=None, unit="steps"):
        if isinstance(progress, tuple):
            self.steps.append(progress)


def test_documents_table_lists_the_sample(settings: Settings, doc_id: str) -> None:
    df, dropdown = app.refresh(settings)
    assert list(df.columns) == app.DOC_COLUMNS
    [row] = df.to_dict("records")
    assert (row["部门"], row["年度"], row["类型"]) == ("工会部门", "2026", "部门预算")
    assert (row["页数"], row["表格"], row["行数"]) == (36, 16, 185)
    assert row["来源文件"] == "gonghui-2026.pdf" and row["文件ID"] == doc_id
    assert dropdown["choices"] == [("工会部门 2026 gonghui-2026.pdf", doc_id)]


def test_choosing_the_document_lists_its_16_tables(settings: Settings, doc_id: str) -> None:
    tables, caption, rows, csv_btn = app.choose_document(settings, doc_id)
    assert len(tables["choices"]) == 16 and tables["value"] is None
    assert "16 张表" in caption
    assert rows.empty and csv_btn["value"] is None
    labels = [label for label, _ in tables["choices"]]
    assert "3. 部门预算支出总表（单位：万元，第 6–7 页）" in labels
    assert any("空表" in label for label in labels)


def test_expense_table_shows_the_row_with_page_and_unit(settings: Settings, doc_id: str) -> None:
    caption, rows, csv_btn = app.choose_table(settings, doc_id, _table_idx(settings, doc_id, EXPENSE))
    assert EXPENSE in caption and "金额单位：万元" in caption
    assert list(rows.columns[:3]) == ["页码", "编码", "名称"] and "项目支出" in rows.columns
    [row] = rows[rows["编码"] == "2012902"].to_dict("records")
    assert row["名称"] == "一般行政管理事务"
    assert row["项目支出"] == "34.22"
    assert row["页码"] == "6"
    assert csv_btn["interactive"] is True


def test_two_sided_table_has_a_side_column(settings: Settings, doc_id: str) -> None:
    _, rows, _ = app.choose_table(settings, doc_id, _table_idx(settings, doc_id, "部门预算收支总表"))
    assert list(rows.columns[:4]) == ["页码", "编码", "名称", "收/支"]
    assert set(rows["收/支"]) == {"收入", "支出"}


def test_csv_download_holds_the_row(settings: Settings, doc_id: str) -> None:
    path = Path(app.export_csv(settings, doc_id, _table_idx(settings, doc_id, EXPENSE)))
    assert path.suffix == ".csv" and EXPENSE in path.name
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel reads the Chinese
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    header = table[0]
    assert header[:3] == ["页码", "编码", "名称"]
    [row] = [r for r in table if r[1] == "2012902"]
    assert row[0] == "6" and row[2] == "一般行政管理事务"
    assert row[header.index("项目支出")] == "34.22"


def test_fake_pdf_upload_fails_in_chinese_and_changes_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    before = app.documents_frame(settings)
    fake = tmp_path / "报表.pdf"
    fake.write_bytes(b"PK\x03\x04 this is a zip, not a PDF")
    message, df, _ = app.upload_files(settings, [str(fake)], embed=False)
    assert "失败 1 个" in message
    assert "报表.pdf：导入失败" in message and "不是 PDF 文件" in message
    assert str(settings.home) not in message  # no server paths in what the user sees
    pd.testing.assert_frame_equal(df, before)
    pd.testing.assert_frame_equal(app.documents_frame(settings), before)
    assert not any(app.upload_dir(settings).glob("*")), "a failed upload leaves no file behind"


def test_upload_refuses_other_types_and_big_files(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    txt = tmp_path / "说明.txt"
    txt.write_text("预算", encoding="utf-8")
    message, _, _ = app.upload_files(settings, [str(txt)], embed=False)
    assert "不支持的文件类型" in message
    monkeypatch.setattr(app, "MAX_UPLOAD_BYTES", 1000)
    message, _, _ = app.upload_files(settings, [str(SAMPLE)], embed=False)
    assert "超过 50 MB 上限" in message
    message, _, _ = app.upload_files(settings, None, embed=False)
    assert "请先选择" in message


def test_upload_saves_under_a_generated_name(tmp_path: Path) -> None:
    fresh = Settings(home=tmp_path / "store")
    src = tmp_path / "in" / "工会 2026;(上传) ..PDF"
    src.parent.mkdir()
    shutil.copyfile(SAMPLE, src)
    progress = Progress()
    message, df, dropdown = app.upload_files(fresh, [str(src)], progress, embed=False)
    assert "成功 1 个" in message and "已导入" in message, message
    assert (36, 36) in progress.steps
    saved = [p.name for p in app.upload_dir(fresh).iterdir() if not p.name.endswith(".name")]
    assert len(saved) == 1 and re.fullmatch(r"[0-9a-f]{16}\.pdf", saved[0])
    # the list shows the name it was uploaded under
    assert df["来源文件"].tolist() == [src.name]
    assert dropdown["choices"][0][0] == f"工会部门 2026 {src.name}"
    # the same content again: nothing new
    message, df2, _ = app.upload_files(fresh, [str(src)], embed=False)
    assert "未重复导入" in message
    pd.testing.assert_frame_equal(df2, df)


def test_same_content_as_a_stored_file_keeps_no_copy(settings: Settings) -> None:
    message, _, _ = app.upload_files(settings, [str(SAMPLE)], embed=False)
    assert "未重复导入" in message
    assert not any(app.upload_dir(settings).glob("*"))


def test_open_table_selects_document_and_table(settings: Settings, doc_id: str) -> None:
    idx = _table_idx(settings, doc_id, EXPENSE)
    docs, tables, caption, rows, _ = app.open_table(settings, doc_id, idx)
    assert docs["value"] == doc_id and tables["value"] == idx and len(tables["choices"]) == 16
    assert EXPENSE in caption and "2012902" in set(rows["编码"])
    assert "找不到" in app.open_table(settings, "0" * 12, None)[2]


def test_launch_serves_the_page(settings: Settings) -> None:
    demo = app.build_app(settings, embed=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    demo.launch(**app.launch_options("127.0.0.1", port), prevent_thread_lock=True, quiet=True)
    try:
        r = httpx.get(f"http://127.0.0.1:{port}/", timeout=10, trust_env=False)
        assert r.status_code == 200
        assert app.TITLE in r.text and "文件（部门 年度 文件名）" in r.text
    finally:
        demo.close()
