"""The web app (ui/app.py): the document tabs and the 问答 tab, handlers called directly, plus
one real launch.

The bundled sample is ingested once (no embeddings) into a temporary store; the handlers are
the plain functions the Gradio events call, so their outputs are checked without a browser.
Dense retrieval is off, so answering loads no model.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import httpx
import pandas as pd
import pytest

from assistant.evidence import RowCitation
from ingest import service
from ingest.service import Ingestor
from ingest.settings import Settings
from tests.conftest import bm25_store, served_app
from ui import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "ingest" / "samples" / "gonghui-2026.pdf"
EXPENSE = "部门预算支出总表"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=bm25_store(tmp_path_factory.mktemp("store"), SAMPLE), dense_retrieval=False)


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
    assert (row["页数"], row["表格"], row["行数"]) == (36, 16, 189)
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
    assert not any(service.upload_dir(settings).glob("*")), "a failed upload leaves no file behind"


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
    saved = [p.name for p in service.upload_dir(fresh).iterdir() if not p.name.endswith(".name")]
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
    assert not any(service.upload_dir(settings).glob("*"))


def test_open_table_selects_document_and_table(settings: Settings, doc_id: str) -> None:
    idx = _table_idx(settings, doc_id, EXPENSE)
    docs, tables, caption, rows, _ = app.open_table(settings, doc_id, idx)
    assert docs["value"] == doc_id and tables["value"] == idx and len(tables["choices"]) == 16
    assert EXPENSE in caption and "2012902" in set(rows["编码"])
    assert "找不到" in app.open_table(settings, "0" * 12, None)[2]


def test_launch_serves_the_page(settings: Settings) -> None:
    with served_app(settings) as (url, _demo):
        r = httpx.get(url, timeout=10, trust_env=False)
        assert r.status_code == 200
        assert app.TITLE in r.text and "文件（部门 年度 文件名）" in r.text
        assert "查看出处（当前回答）" in r.text and app.EXAMPLES[0] in r.text


# ------------------------------------------------------------------ 问答 tab

QUESTION = "项目支出主要用于什么？"


@pytest.fixture(scope="module")
def asked(settings: Settings) -> tuple:
    """The outputs of asking QUESTION with no filter (asked once for the module)."""
    return app.ask(settings, QUESTION, [], [], [], [])


def _last_assistant(history: list[dict]) -> str:
    [*_, last] = [m for m in history if m["role"] == "assistant"]
    return last["content"]


def test_chat_answer_carries_citation_tables(asked: tuple) -> None:
    history, box, citations, source, image, caption, open_btn = asked
    assert history[0] == {"role": "user", "content": QUESTION}
    text = _last_assistant(history)
    assert "34.22" in text and "[1]" in text
    # a row citation as a small table with the unit, department, year, table and page
    assert "| 栏目 | 数值（万元） |" in text and "| 项目支出 | 34.22 |" in text
    assert "《部门预算支出总表》" in text and "工会部门 2026年 · 第 6 页 · 单位：万元" in text
    # a text citation with its section heading and page
    assert "2、支出说明" in text and "第 17 页" in text
    assert box == "" and image is None and open_btn["visible"] is False
    assert len(citations) >= 1 and "共" in caption


def test_citation_choices_point_at_the_pages(asked: tuple) -> None:
    citations, source = asked[2], asked[3]
    assert source["value"] is None
    assert [v for _, v in source["choices"]] == list(range(len(citations)))
    labels = [label for label, _ in source["choices"]]
    assert all(label.startswith(f"[{c.n}] ") for label, c in zip(labels, citations, strict=True))
    assert any(
        (c.kind == "row" and c.page == 6) or (c.kind == "text" and c.page == 17) for c in citations
    )
    assert any("部门预算支出总表" in label and "第6页" in label for label in labels) or any(
        "第17页" in label for label in labels
    )


def test_choosing_a_citation_shows_its_page(settings: Settings, asked: tuple) -> None:
    citations = asked[2]
    i = next(i for i, c in enumerate(citations) if c.page in (6, 17))
    c = citations[i]
    image, caption, open_btn = app.show_source(settings, citations, i)
    assert image is not None
    w, h = image.size
    assert (w > h) if c.page == 6 else (h > w)  # page 6 is landscape, page 17 portrait
    assert min(w, h) > 500
    assert f"第 {c.page} 页" in caption and "gonghui-2026.pdf" in caption
    if getattr(c, "bbox", None):  # the cited box is tinted yellow
        scale = w / (842 if c.page == 6 else 595)
        b = c.bbox
        r, g, bl = image.convert("RGB").getpixel((int((b.x0 + 4) * scale), int((b.top + b.bottom) / 2 * scale)))
        assert r > 200 and g > 150 and bl < 200, (r, g, bl)
    assert open_btn["visible"] is (c.kind == "row")


def test_row_citation_opens_its_table(settings: Settings, doc_id: str, asked: tuple) -> None:
    citations = asked[2]
    rows = [i for i, c in enumerate(citations) if c.kind == "row" and c.table == EXPENSE]
    if not rows:
        pytest.skip("the answer cites no row of the expense table")
    docs, tables, caption, _, _ = app.open_cited_table(settings, citations, rows[0])
    assert docs["value"] == doc_id and tables["value"] == _table_idx(settings, doc_id, EXPENSE)
    assert EXPENSE in caption


def test_source_view_takes_only_a_citation_index(settings: Settings, asked: tuple) -> None:
    citations = asked[2]
    for bad in (None, "", "../../etc/passwd", 99, -1):
        image, caption, _ = app.show_source(settings, citations, bad)
        assert image is None and "请选择" in caption
    # a doc id the store does not know never reaches the file system
    forged = [citations[0].model_copy(update={"doc": "../../../etc/passwd"})]
    image, caption, _ = app.show_source(settings, forged, 0)
    assert image is None and "找不到这个文件" in caption


def test_filters_narrow_the_documents(settings: Settings, doc_id: str) -> None:
    assert app.scope_docs(settings) is None  # no filter: every document
    assert app.scope_docs(settings, ["工会部门"], ["2026"], []) == [doc_id]
    assert app.scope_docs(settings, ["财政局"], [], []) == []
    assert app.scope_docs(settings, [], ["2025"], []) == []
    assert app.scope_docs(settings, [], [], ["0" * 12]) == []
    depts, years, docs = app.filter_choices(settings)
    assert depts == ["工会部门"] and years == ["2026"] and [v for _, v in docs] == [doc_id]
    update = app.narrow_documents(settings, ["财政局"], [], [doc_id])
    assert update["choices"] == [] and update["value"] == []


def test_filter_excluding_the_sample_is_unanswerable(settings: Settings, asked: tuple) -> None:
    history, _, citations, source, image, caption, _ = app.ask(settings, QUESTION, asked[0], ["财政局"], [], [])
    assert history[: len(asked[0])] == asked[0]  # the conversation goes on
    assert _last_assistant(history) == app.NO_SCOPE
    assert citations == [] and source["choices"] == [] and image is None
    # the same with a year the store does not hold, through the assistant itself
    history, _, citations, *_ = app.ask(settings, QUESTION, [], [], ["2026"], [])
    assert "34.22" in _last_assistant(history)


def test_unanswerable_answer_is_shown_as_is(settings: Settings) -> None:
    history, _, citations, source, *_ = app.ask(settings, "火星探测项目的预算是多少？", None, [], [], [])
    text = _last_assistant(history)
    assert "没有找到" in text and "出处" not in text and "|" not in text
    assert citations == [] and source["choices"] == []


def test_chat_accepts_gradio_history_and_ignores_blank_questions(settings: Settings) -> None:
    gradio_history = [
        {"role": "user", "content": [{"type": "text", "text": "你好"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "请提问"}], "metadata": None},
    ]
    history = app.ask(settings, "   ", gradio_history)[0]
    assert history == [{"role": "user", "content": "你好"}, {"role": "assistant", "content": "请提问"}]
    history = app.ask(settings, "人员经费是多少？", gradio_history)[0]
    assert len(history) == 4 and "54.71" in history[-1]["content"]


def test_assistant_is_shared_per_store(settings: Settings) -> None:
    assert app.assistant_for(settings) is app.assistant_for(settings)


def test_non_pdf_citation_shows_its_content(tmp_path: Path) -> None:
    md_settings = Settings(home=tmp_path / "store", dense_retrieval=False)
    md = tmp_path / "某某局2025年部门预算.md"
    md.write_text(
        "# 某某局2025年部门预算\n\n## 部门收支总表\n\n单位：万元\n\n"
        "| 收入 |  | 支出 |  |\n|---|---|---|---|\n| 项目 | 预算数 | 项目 | 预算数 |\n"
        "| 一、一般公共预算拨款 | 10.00 | 一、一般公共服务支出 | 10.00 |\n",
        encoding="utf-8",
    )
    res = Ingestor(md_settings, embed=False).ingest(md)
    assert res.ok, res.error
    [(_, md_id)] = app.document_choices(md_settings)
    citation = {
        "n": 1,
        "kind": "row",
        "doc": md_id,
        "department": "某某局",
        "year": 2025,
        "table": "部门收支总表",
        "row": "一、一般公共预算拨款",
        "code": "",
        "page": 1,
        "values": {"收入/预算数": "10.00"},
        "unit": "万元",
        "side": "收入",
        "source": md.name,
        "bbox": None,
    }
    image, caption, _ = app.show_source(md_settings, [RowCitation(**citation)], 0)
    assert image is None
    assert app.NOT_PDF in caption and "| 收入/预算数 | 10.00 |" in caption


def test_example_questions_are_asked_by_index(settings: Settings) -> None:
    history = app.ask_example(settings, app.EXAMPLES.index("人员经费是多少？"), [])[0]
    assert history[0]["content"] == "人员经费是多少？" and "54.71" in history[-1]["content"]
    assert app.ask_example(settings, 99, [])[0] == []  # not an example: nothing is asked


def test_delete_removes_a_document_and_its_upload(tmp_path: Path) -> None:
    fresh = Settings(home=tmp_path / "store")
    src = tmp_path / "上传的工会预算.pdf"
    shutil.copyfile(SAMPLE, src)
    app.upload_files(fresh, [str(src)], embed=False)
    [(label, doc_id)] = app.document_choices(fresh)
    assert any(service.upload_dir(fresh).iterdir())
    message, df, dropdown = app.delete_document(fresh, doc_id)
    assert message.startswith("已删除") and src.name in message
    assert df.empty and dropdown["choices"] == [] and app.document_choices(fresh) == []
    assert not any(service.upload_dir(fresh).iterdir()), "the saved copy and its name note are gone"
    assert "找不到" in app.delete_document(fresh, doc_id)[0]
    assert "请先选择" in app.delete_document(fresh, None)[0]
