"""The web app (Gradio 6): the document side — 文件 (list + upload) and 表格 (browse a table, CSV).

Layout: one ``gr.Blocks`` holding one ``gr.Tabs``. The chat tab is added later in
``build_app`` at the marked place; ``document_tabs`` builds the two document tabs inside whatever
``gr.Tabs`` is open and returns their components, so a citation can open a table
(``open_table`` returns the outputs for ``DocumentTabs.table_outputs``).

Every event handler is a plain module-level function taking ``settings`` first (tests call them
directly); ``build_app`` binds ``settings`` in thin closures. The handlers only call the public
services ``ingest.service``, ``ingest.store`` and ``ingest.settings``; lists come from the SQLite
store on every refresh, never from re-reading the source files.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from ingest.service import SUFFIXES, Ingestor, IngestResult, sha256_of
from ingest.settings import Settings
from ingest.store import DocRec, Store

if TYPE_CHECKING:
    from ingest.model import Document, Table

TITLE = "budgetqa · 预算公开文件"
MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
UPLOAD_TYPES = sorted(SUFFIXES)  # [".markdown", ".md", ".pdf", ".xlsx"]
# the extension a saved upload gets, by format (never the user's own spelling of it)
_EXT = {"pdf": ".pdf", "xlsx": ".xlsx", "md": ".md"}
UPLOAD_DIR = "uploads"  # under settings.home

DOC_COLUMNS = ["部门", "年度", "类型", "页数", "表格", "行数", "警告", "来源文件", "文件ID"]
DOC_TYPES = ["str", "str", "str", "number", "number", "number", "str", "str", "str"]
FIXED_COLUMNS = ["页码", "编码", "名称"]
SIDE_COLUMN = "收/支"
UNIT_NAME_COLUMN = "所属单位"

_STATUS = {
    "ingested": "已导入",
    "replaced": "已导入（替换了同一路径的旧版本）",
    "unchanged": "库中已有内容相同的文件，未重复导入",
}

# ------------------------------------------------------------------ services (cached per store)

_lock = threading.Lock()
_stores: dict[str, Store] = {}
_ingestors: dict[tuple[str, bool], Ingestor] = {}
_loaded: dict[tuple[str, str, str], Document] = {}  # (db, doc_id, ingested_at) -> Document
_LOADED_MAX = 16


def _store(settings: Settings) -> Store:
    key = str(Path(settings.db_path).absolute())
    with _lock:
        if key not in _stores:
            _stores[key] = Store(settings.db_path)
        return _stores[key]


def _ingestor(settings: Settings, embed: bool) -> Ingestor:
    """One Ingestor per store and mode, so the embedding model is loaded once per process."""
    key = (settings.model_dump_json(), embed)
    with _lock:
        if key not in _ingestors:
            _ingestors[key] = Ingestor(settings, embed=embed)
        return _ingestors[key]


def load_document(settings: Settings, doc_id: str | None) -> Document | None:
    """A document from the store (cached while its store record is unchanged)."""
    if not doc_id:
        return None
    st = _store(settings)
    rec = st.document(doc_id)
    if rec is None:
        return None
    key = (str(Path(settings.db_path).absolute()), doc_id, rec.ingested_at or "")
    with _lock:
        doc = _loaded.get(key)
    if doc is None:
        doc = st.load(doc_id)
        if doc is None:
            return None
        with _lock:
            if len(_loaded) >= _LOADED_MAX:
                _loaded.pop(next(iter(_loaded)))
            _loaded[key] = doc
    return doc


# ------------------------------------------------------------------ uploads: names and places


def upload_dir(settings: Settings) -> Path:
    return Path(settings.home) / UPLOAD_DIR


def _clean_name(name: str) -> str:
    """A file name fit for display only (never used in a path): no folders, no control chars."""
    name = re.split(r"[\\/]", str(name))[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[:120] or "未命名文件"


def _name_note(saved: Path) -> Path:
    return saved.with_name(saved.name + ".name")


def display_source(rec: DocRec | Document, settings: Settings) -> str:
    """The file name to show: for a web upload the name it was uploaded under, else the stored one."""
    try:
        p = Path(rec.path)
        if p.parent == upload_dir(settings).resolve():
            note = _name_note(p)
            if note.is_file():
                return note.read_text(encoding="utf-8").strip() or rec.source
    except OSError:
        pass
    return rec.source


# ------------------------------------------------------------------ 文件 tab


def _kind(rec: DocRec) -> str:
    return f"{rec.scope or ''}{rec.kind or ''}" or "未识别"


def documents_frame(settings: Settings) -> pd.DataFrame:
    """The ingested documents, one row each (from the SQLite store)."""
    rows = [
        [
            d.department or "（未识别）",
            str(d.year) if d.year else "（未识别）",
            _kind(d),
            d.pages,
            d.n_tables,
            d.n_rows,
            "；".join(d.warnings or []) or "无",
            display_source(d, settings),
            d.doc_id,
        ]
        for d in _store(settings).documents()
    ]
    return pd.DataFrame(rows, columns=DOC_COLUMNS)


def document_label(rec: DocRec, settings: Settings) -> str:
    """Dropdown label "部门 年度 文件名"."""
    return f"{rec.department or '（未识别部门）'} {rec.year or '（年度未知）'} {display_source(rec, settings)}"


def document_choices(settings: Settings) -> list[tuple[str, str]]:
    return [(document_label(d, settings), d.doc_id) for d in _store(settings).documents()]


def refresh(settings: Settings) -> tuple[pd.DataFrame, dict]:
    """Outputs: documents table, document dropdown (choices only; the selection stays)."""
    return documents_frame(settings), gr.update(choices=document_choices(settings))


def _path_of(f: Any) -> Path:
    """A Gradio upload value (a filepath string, or an object with .path / .name) as a Path."""
    if isinstance(f, str | os.PathLike):
        return Path(f)
    for attr in ("path", "name"):
        v = getattr(f, attr, None)
        if isinstance(v, str) and v:
            return Path(v)
    if isinstance(f, dict) and f.get("path"):
        return Path(f["path"])
    raise ValueError("无法识别的上传值")


def save_upload(settings: Settings, src: Path, name: str) -> tuple[Path, bool]:
    """Copy an upload into the store's upload folder as ``<sha256[:16]><ext>``.

    The saved name comes from the content hash and the format only; ``name`` (what the user
    called the file) is kept beside it for display. Returns the path and whether it is new.
    """
    fmt = SUFFIXES[src.suffix.lower()]
    folder = upload_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{sha256_of(src)[:16]}{_EXT[fmt]}"
    created = not dest.exists()
    if created:
        tmp = folder / f".{dest.name}.{threading.get_ident()}.part"
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    _name_note(dest).write_text(name, encoding="utf-8")
    return dest, created


def _result_line(name: str, res: IngestResult, saved: Path | None) -> str:
    if not res.ok:
        reason = res.error
        if saved is not None:  # never show where uploads live on the server
            for p in (str(saved.resolve()), str(saved)):
                reason = reason.replace(p, name)
        return f"❌ {name}：导入失败 —— {reason}"
    if res.doc is not None:
        d = res.doc
        what = f"{d.department or '（未识别部门）'} {d.year or '（年度未知）'} {d.scope}{d.kind}"
        facts = f"{d.pages} 页，{len(d.tables)} 张表，{d.n_rows} 行"
        warnings = d.warnings
    else:
        r = res.extra["rec"]
        what = f"{r.department or '（未识别部门）'} {r.year or '（年度未知）'} {r.scope}{r.kind}"
        facts = f"{r.pages} 页，{r.n_tables} 张表，{r.n_rows} 行"
        warnings = r.warnings or []
    line = f"✅ {name}：{_STATUS.get(res.status, res.status)} —— {what}，{facts}"
    if warnings:
        line += f"；警告：{'；'.join(warnings)}"
    if res.extra.get("warning"):
        line += f"；注意：{res.extra['warning']}"
    return line


def ingest_upload(
    settings: Settings,
    f: Any,
    on_page: Callable[[int, int], None] | None = None,
    *,
    embed: bool = True,
) -> tuple[bool, str]:
    """Check, save and ingest one uploaded file. Returns (ok, one-line Chinese result)."""
    try:
        src = _path_of(f)
    except ValueError as e:
        return False, f"❌ 导入失败 —— {e}"
    name = _clean_name(src.name)
    if src.suffix.lower() not in SUFFIXES:
        return False, f"❌ {name}：导入失败 —— 不支持的文件类型“{src.suffix or '无扩展名'}”（支持 PDF、XLSX、Markdown）"
    try:
        size = src.stat().st_size
    except OSError:
        return False, f"❌ {name}：导入失败 —— 上传的文件已不存在，请重新上传"
    if size > MAX_UPLOAD_BYTES:
        return False, f"❌ {name}：导入失败 —— 文件有 {size / 1024 / 1024:.1f} MB，超过 {MAX_UPLOAD_MB} MB 上限"
    try:
        saved, created = save_upload(settings, src, name)
    except OSError as e:
        return False, f"❌ {name}：导入失败 —— 无法保存上传的文件（{type(e).__name__}）"
    res = _ingestor(settings, embed).ingest(saved, progress=on_page)
    # keep the saved copy only if a document in the store points at it
    elsewhere = res.status == "unchanged" and Path(res.extra["rec"].path) != saved.resolve()
    if created and (not res.ok or elsewhere):
        saved.unlink(missing_ok=True)
        _name_note(saved).unlink(missing_ok=True)
    return res.ok, _result_line(name, res, saved)


def upload_files(
    settings: Settings,
    files: Sequence[Any] | Any | None,
    progress: Any = None,
    *,
    embed: bool = True,
) -> tuple[str, pd.DataFrame, dict]:
    """Ingest uploaded files one by one. Outputs: result text, documents table, document dropdown.

    ``progress`` is a ``gr.Progress`` (or None): it is moved along the pages of each file.
    """
    if files is None or files == []:
        df, dd = refresh(settings)
        return "请先选择要上传的文件（PDF、XLSX 或 Markdown，单个不超过 50 MB）。", df, dd
    if not isinstance(files, list | tuple):
        files = [files]
    lines: list[str] = []
    ok_count = 0
    for i, f in enumerate(files, 1):
        try:
            label = f"{_clean_name(_path_of(f).name)}（第 {i}/{len(files)} 个文件）"
        except ValueError:
            label = f"第 {i}/{len(files)} 个文件"

        def on_page(done: int, total: int, label: str = label) -> None:
            if progress is None:
                return
            if total and done >= total:
                progress((done, total), desc=f"{label}：写入存储和索引", unit="页")
            else:
                progress((done, total), desc=f"{label}：解析中", unit="页")

        if progress is not None:
            progress(0, desc=f"{label}：读取中")
        ok, line = ingest_upload(settings, f, on_page, embed=embed)
        ok_count += ok
        lines.append(line)
    failed = len(files) - ok_count
    head = f"共 {len(files)} 个文件：成功 {ok_count} 个" + (f"，失败 {failed} 个" if failed else "")
    df, dd = refresh(settings)
    return "\n".join([head, *lines]), df, dd


# ------------------------------------------------------------------ 表格 tab


def _pages(pages: Sequence[int]) -> str:
    ps = sorted(set(pages))
    if not ps:
        return "?"
    if ps == list(range(ps[0], ps[-1] + 1)):
        return str(ps[0]) if len(ps) == 1 else f"{ps[0]}–{ps[-1]}"
    return "、".join(map(str, ps))


def table_label(i: int, t: Table) -> str:
    """Dropdown label: number, title, unit, pages (and 空表)."""
    extra = "，空表" if t.empty else ""
    return f"{i + 1}. {t.title}（单位：{t.unit or '未注明'}，第 {_pages(t.pages)} 页{extra}）"


def table_choices(settings: Settings, doc_id: str | None) -> list[tuple[str, int]]:
    doc = load_document(settings, doc_id)
    return [(table_label(i, t), i) for i, t in enumerate(doc.tables)] if doc else []


def _value_columns(t: Table) -> list[str]:
    cols = list(dict.fromkeys(t.columns))
    for r in t.rows:  # some tables (绩效目标表) name their columns only in the rows
        for k in r.values:
            if k not in cols:
                cols.append(k)
    return cols


def table_frame(t: Table) -> pd.DataFrame:
    """Rows of a table: 页码, 编码, 名称 [, 收/支] [, 所属单位], then the value columns as printed."""
    fixed = list(FIXED_COLUMNS)
    if any(r.side for r in t.rows):
        fixed.append(SIDE_COLUMN)
    if any(r.unit_name for r in t.rows):
        fixed.append(UNIT_NAME_COLUMN)
    values = _value_columns(t)
    shown = [f"{c}（列）" if c in fixed else c for c in values]
    rows = []
    for r in t.rows:
        row = [str(r.page), r.code, r.label]
        if SIDE_COLUMN in fixed:
            row.append(r.side)
        if UNIT_NAME_COLUMN in fixed:
            row.append(r.unit_name)
        rows.append(row + [r.values.get(c, "") for c in values])
    return pd.DataFrame(rows, columns=fixed + shown, dtype=object)


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)


def table_caption(doc: Document, t: Table) -> str:
    parts = [f"**{_md(t.title)}**", f"金额单位：{_md(t.unit or '未注明')}", f"页码：{_pages(t.pages)}"]
    text = "　".join(parts) + f"\n\n{_md(doc.department or '')} {doc.year or ''} · {_md(doc.source)}"
    if t.empty:
        text += "\n\n本表为空表（原文件未列数据）。"
    for n in t.notes:
        text += f"\n\n{_md(n)}"
    return text


def _safe_part(text: str, limit: int = 60) -> str:
    return re.sub(r"[^\w\-（）()]+", "_", text, flags=re.UNICODE).strip("_.")[:limit] or "表格"


_csv_root: Path | None = None


def _csv_dir(doc_id: str) -> Path:
    global _csv_root
    with _lock:
        if _csv_root is None or not _csv_root.is_dir():
            # in the system temp folder: Gradio serves returned files from there without allowed_paths
            _csv_root = Path(tempfile.mkdtemp(prefix="budgetqa-csv-"))
    sub = _csv_root / (doc_id if re.fullmatch(r"[0-9a-f]{1,64}", doc_id) else "x")
    sub.mkdir(exist_ok=True)
    return sub


def export_csv(settings: Settings, doc_id: str | None, table_idx: int | None) -> str | None:
    """Write the table as CSV (utf-8-sig, so Excel reads the Chinese) and return its path."""
    doc = load_document(settings, doc_id)
    if doc is None or table_idx is None or not 0 <= int(table_idx) < len(doc.tables):
        return None
    t = doc.tables[int(table_idx)]
    df = table_frame(t)
    name = _safe_part(f"{doc.department}{doc.year or ''}_{t.title}_{t.unit or ''}")
    folder = _csv_dir(doc.doc_id)
    dest = folder / f"{name}.csv"
    tmp = folder / f".{name}.{threading.get_ident()}.part"
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(df.columns)
        w.writerows(df.itertuples(index=False, name=None))
    os.replace(tmp, dest)
    return str(dest)


_GONE = "找不到这个文件（可能已被删除或替换），请刷新列表。"


def _blank_table() -> pd.DataFrame:
    return pd.DataFrame([], columns=FIXED_COLUMNS)


def choose_document(settings: Settings, doc_id: str | None) -> tuple[dict, str, pd.DataFrame, dict]:
    """A document was chosen. Outputs: table dropdown, caption, rows, CSV button."""
    no_csv = gr.update(value=None, interactive=False)
    if not doc_id:
        return gr.update(choices=[], value=None), "请选择文件和表格。", _blank_table(), no_csv
    if load_document(settings, doc_id) is None:
        return gr.update(choices=[], value=None), _GONE, _blank_table(), no_csv
    choices = table_choices(settings, doc_id)
    msg = f"共 {len(choices)} 张表，请选择一张。" if choices else "这个文件中没有表格。"
    return gr.update(choices=choices, value=None), msg, _blank_table(), no_csv


def choose_table(
    settings: Settings, doc_id: str | None, table_idx: int | None
) -> tuple[str, pd.DataFrame, dict]:
    """A table was chosen. Outputs: caption (title, unit, pages), rows, CSV button."""
    no_csv = gr.update(value=None, interactive=False)
    doc = load_document(settings, doc_id)
    if doc is None:
        return (_GONE if doc_id else "请选择文件和表格。"), _blank_table(), no_csv
    if table_idx is None or not 0 <= int(table_idx) < len(doc.tables):
        return "", _blank_table(), no_csv
    t = doc.tables[int(table_idx)]
    path = export_csv(settings, doc_id, table_idx)
    return table_caption(doc, t), table_frame(t), gr.update(value=path, interactive=path is not None)


def open_table(settings: Settings, doc_id: str, table_idx: int | None = None) -> tuple:
    """Open a document (and a table) programmatically, e.g. from a citation.

    Outputs, in the order of ``DocumentTabs.table_outputs``: document dropdown, table dropdown,
    caption, rows, CSV button.
    """
    docs = gr.update(choices=document_choices(settings), value=doc_id)
    if table_idx is None:
        return docs, *choose_document(settings, doc_id)
    cap, df, btn = choose_table(settings, doc_id, table_idx)
    return docs, gr.update(choices=table_choices(settings, doc_id), value=table_idx), cap, df, btn


# ------------------------------------------------------------------ layout


@dataclass
class DocumentTabs:
    """The components of the two document tabs, for wiring from other tabs (citations)."""

    documents: gr.Dataframe
    doc_dropdown: gr.Dropdown
    table_dropdown: gr.Dropdown
    caption: gr.Markdown
    rows: gr.Dataframe
    csv: gr.DownloadButton
    files_tab_id: str = "files"
    tables_tab_id: str = "tables"

    @property
    def table_outputs(self) -> list:
        """Outputs of ``open_table``."""
        return [self.doc_dropdown, self.table_dropdown, self.caption, self.rows, self.csv]


def document_tabs(settings: Settings, *, embed: bool = True) -> DocumentTabs:
    """Build the 文件 and 表格 tabs inside the open ``gr.Tabs`` and wire their events."""

    def _refresh():
        return refresh(settings)

    def _upload(files, progress=gr.Progress()):  # noqa: B008 — Gradio injects the tracker via this default
        text, df, dd = upload_files(settings, files, progress, embed=embed)
        return text, df, dd, None

    def _choose_document(doc_id):
        return choose_document(settings, doc_id)

    def _choose_table(doc_id, table_idx):
        return choose_table(settings, doc_id, table_idx)

    def _doc_choices():
        return gr.update(choices=document_choices(settings))

    with gr.Tab("文件", id="files"):
        with gr.Row():
            with gr.Column(scale=3):
                documents = gr.Dataframe(
                    value=documents_frame(settings),
                    headers=DOC_COLUMNS,
                    datatype=DOC_TYPES,
                    label="已导入的文件",
                    interactive=False,
                    wrap=True,
                    max_height=520,
                    show_search="search",
                    buttons=["fullscreen", "copy"],
                )
                refresh_btn = gr.Button("刷新列表", size="sm")
            with gr.Column(scale=2):
                files = gr.File(
                    label=f"上传预算/决算公开文件（PDF、XLSX、Markdown，单个不超过 {MAX_UPLOAD_MB} MB）",
                    file_count="multiple",
                    file_types=UPLOAD_TYPES,
                    type="filepath",
                )
                result = gr.Textbox(label="导入结果", lines=6, max_lines=20, interactive=False)

    with gr.Tab("表格", id="tables") as tables_tab:
        with gr.Row():
            doc_dropdown = gr.Dropdown(
                choices=document_choices(settings),
                value=None,
                label="文件（部门 年度 文件名）",
                interactive=True,
                scale=2,
            )
            table_dropdown = gr.Dropdown(choices=[], value=None, label="表格（标题、单位、页码）", interactive=True, scale=3)
        with gr.Row():
            caption = gr.Markdown("请选择文件和表格。")
            csv_btn = gr.DownloadButton("下载 CSV", value=None, interactive=False, size="sm", scale=0, min_width=120)
        rows = gr.Dataframe(
            value=_blank_table(),
            label="表格行（金额按原文印刷）",
            interactive=False,
            wrap=True,
            max_height=640,
            show_search="search",
            buttons=["fullscreen", "copy"],
            pinned_columns=3,
        )

    refresh_btn.click(_refresh, outputs=[documents, doc_dropdown], api_name="refresh", show_progress="minimal")
    files.upload(
        _upload,
        inputs=files,
        outputs=[result, documents, doc_dropdown, files],
        api_name="upload",
        concurrency_limit=1,
        concurrency_id="ingest",
    )
    tables_tab.select(_doc_choices, outputs=doc_dropdown, api_visibility="private", show_progress="hidden")
    # .input (not .change): only a user's choice triggers, so open_table can set both dropdowns
    doc_dropdown.input(
        _choose_document,
        inputs=doc_dropdown,
        outputs=[table_dropdown, caption, rows, csv_btn],
        api_name="choose_document",
    )
    table_dropdown.input(
        _choose_table, inputs=[doc_dropdown, table_dropdown], outputs=[caption, rows, csv_btn], api_name="choose_table"
    )
    return DocumentTabs(documents, doc_dropdown, table_dropdown, caption, rows, csv_btn)


def build_app(settings: Settings, *, embed: bool = True) -> gr.Blocks:
    """The whole web app. ``embed=False`` ingests uploads into the SQL store only (tests)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## 预算公开文件\n上传部门预算/决算公开文件（PDF、XLSX、Markdown），查看识别出的表格并下载 CSV。")
        with gr.Tabs(elem_id="main-tabs") as tabs:  # noqa: F841 — return gr.Tabs(selected="tables") to switch
            # ---- the chat tab (问答) goes here, first, so it opens by default:
            #      with gr.Tab("问答", id="chat"): ...
            #      a citation opens its table with
            #      .click(lambda: open_table(settings, doc_id, idx), outputs=docs_ui.table_outputs)
            #      .then(lambda: gr.Tabs(selected=docs_ui.tables_tab_id), outputs=tabs)
            docs_ui = document_tabs(settings, embed=embed)
        demo.load(lambda: refresh(settings), outputs=[docs_ui.documents, docs_ui.doc_dropdown], api_visibility="private")
    return demo


def launch_options(host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None) -> dict:
    """Keyword arguments for ``Blocks.launch`` (shared by ``serve`` and the tests)."""
    return {
        "server_name": host,
        "server_port": port,
        "auth": auth,
        "auth_message": "请输入用户名和密码" if auth else None,
        "max_file_size": MAX_UPLOAD_BYTES,
        "ssr_mode": False,  # SSR needs Node; client-side rendering works everywhere
        "show_error": False,  # handlers report errors in Chinese themselves
        "footer_links": ["api", "settings"],
    }


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
) -> None:
    """Serve the app (blocks until interrupted)."""
    if auth is None and host not in ("127.0.0.1", "localhost", "::1"):
        print(f"注意：在 {host} 上提供服务且未设置登录密码，同一网络中的任何人都能上传和查看文件。", file=sys.stderr)
    build_app(settings).launch(**launch_options(host, port, auth))
