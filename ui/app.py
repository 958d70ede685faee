"""The web app (Gradio 6): 问答 (cited answers with a source view), 文件 (list + upload), 表格
(browse a table, CSV), 核对 (check a draft) and 审校 (a document's own inconsistencies, each shown
on its page: ``audit_document`` / ``show_finding`` / ``export_audit``).

Layout: one ``gr.Blocks`` holding one ``gr.Tabs``. ``chat_tab`` builds 问答 first (selected by
default); ``document_tabs`` builds the two document tabs inside whatever ``gr.Tabs`` is open and
returns their components, so a citation can open a table (``open_table`` returns the outputs for
``DocumentTabs.table_outputs``).

Every event handler is a plain module-level function taking ``settings`` first (tests call them
directly); ``build_app`` binds ``settings`` in thin closures. The handlers only call the public
surface of ingest/ (``ingest.service``'s ``IngestService``, ``ingest.model``, ``ingest.render``,
``ingest.settings``, ``ingest.audit``; see ingest/service.py) and ``assistant.service`` (one
``Assistant`` per store, cached); lists come from the store on every refresh, never from
re-reading the source files, and where the store keeps uploads is the service's business. The 问答 handlers:

* ``ask(settings, question, history, departments, years, docs)`` -> (chat history, cleared
  question box, citations (session state), 查看出处 dropdown update, page image, caption,
  打开此表 button update); ``ask_example(settings, index, ...)`` the same for ``EXAMPLES[index]``.
* ``show_source(settings, citations, choice)`` -> (PIL page image or None, caption, 打开此表
  button update); ``choice`` is an index into the answer's citations, the file is looked up by
  the citation's doc id in the store.
* ``open_cited_table(settings, citations, choice)`` -> the outputs of ``open_table``.
* ``scope_docs`` / ``filter_choices`` / ``narrow_documents`` / ``refresh_filters`` for the
  department, year and document filters.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import tempfile
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd
from PIL import Image

from ingest.model import DocumentInfo
from ingest.render import RenderError, cell_boxes, render_page
from ingest.service import SUFFIXES, IngestResult, IngestService, clean_name, service_for
from ingest.settings import Settings

if TYPE_CHECKING:
    from assistant.evidence import Citation
    from assistant.service import Assistant
    from ingest.model import Document, Table

TITLE = "budgetqa · 预算公开文件"
MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
UPLOAD_TYPES = sorted(SUFFIXES)  # [".markdown", ".md", ".pdf", ".xlsx"]

DOC_COLUMNS = ["部门", "年度", "类型", "页数", "表格", "行数", "警告", "审校", "来源文件", "文件ID"]
DOC_TYPES = ["str", "str", "str", "number", "number", "number", "str", "str", "str", "str"]
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


def _service(settings: Settings, embed: bool = True) -> IngestService:
    """The store's ingest service (one per store and mode, so the embedding model loads once)."""
    return service_for(settings, embed)


def load_document(settings: Settings, doc_id: str | None) -> Document | None:
    """A document from the store (cached by the service while its store record is unchanged)."""
    return _service(settings).load(doc_id)


# ------------------------------------------------------------------ 文件 tab


def _kind(rec: DocumentInfo) -> str:
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
            audit_summary(settings, d.doc_id),
            d.name,
            d.doc_id,
        ]
        for d in _service(settings).documents()
    ]
    return pd.DataFrame(rows, columns=DOC_COLUMNS)


def audit_summary(settings: Settings, doc_id: str) -> str:
    """The documents table's 审校 column: findings per severity (stored with the document)."""
    try:
        report = _service(settings).audit_report(doc_id)
    except Exception:  # an audit must never keep the document list from showing
        traceback.print_exc()
        return "审校失败"
    if report is None:
        return ""
    c = report.counts()
    if not any(c.values()):
        return "无问题"
    return f"错误{c['error']} 尾差{c['rounding']} 提示{c['warning']}"


def document_label(rec: DocumentInfo, settings: Settings) -> str:
    """Dropdown label "部门 年度 文件名" (the name a web upload was uploaded under)."""
    return f"{rec.department or '（未识别部门）'} {rec.year or '（年度未知）'} {rec.name}"


def document_choices(settings: Settings) -> list[tuple[str, str]]:
    return [(document_label(d, settings), d.doc_id) for d in _service(settings).documents()]


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


def _result_line(res: IngestResult) -> str:
    name = res.name or res.path.name
    if not res.ok:
        return f"❌ {name}：导入失败 —— {res.error}"
    d = res.info
    if d is None:  # stored, then removed by someone else before it could be listed
        return f"✅ {name}：{_STATUS.get(res.status, res.status)}"
    what = f"{d.department or '（未识别部门）'} {d.year or '（年度未知）'} {d.scope}{d.kind}"
    facts = f"{d.pages} 页，{d.n_tables} 张表，{d.n_rows} 行"
    line = f"✅ {name}：{_STATUS.get(res.status, res.status)} —— {what}，{facts}"
    if d.warnings:
        line += f"；警告：{'；'.join(d.warnings)}"
    if res.warning:
        line += f"；注意：{res.warning}"
    return line


def _checked_upload(f: Any) -> tuple[Path | None, str, str]:
    """(temporary file, the name it was uploaded under, "" or why it is refused before saving)."""
    try:
        src = _path_of(f)
    except ValueError as e:
        return None, "", f"❌ 导入失败 —— {e}"
    name = clean_name(src.name)
    if src.suffix.lower() not in SUFFIXES:
        return None, name, f"❌ {name}：导入失败 —— 不支持的文件类型“{src.suffix or '无扩展名'}”（支持 PDF、XLSX、Markdown）"
    try:
        size = src.stat().st_size
    except OSError:
        return None, name, f"❌ {name}：导入失败 —— 上传的文件已不存在，请重新上传"
    if size > MAX_UPLOAD_BYTES:
        return None, name, f"❌ {name}：导入失败 —— 文件有 {size / 1024 / 1024:.1f} MB，超过 {MAX_UPLOAD_MB} MB 上限"
    return src, name, ""


def upload_files(
    settings: Settings,
    files: Sequence[Any] | Any | None,
    progress: Any = None,
    *,
    embed: bool = True,
) -> tuple[str, pd.DataFrame, dict]:
    """Check, save and ingest uploaded files (several are parsed in parallel). Outputs: result
    text, documents table, document dropdown.

    ``progress`` is a ``gr.Progress`` (or None): it is moved along the pages of all files.
    """
    if files is None or files == []:
        df, dd = refresh(settings)
        return "请先选择要上传的文件（PDF、XLSX 或 Markdown，单个不超过 50 MB）。", df, dd
    if not isinstance(files, list | tuple):
        files = [files]
    lines: list[str | None] = []
    accepted: list[tuple[int, Path, str]] = []
    for f in files:
        src, name, refusal = _checked_upload(f)
        if src is None:
            lines.append(refusal)
        else:
            accepted.append((len(lines), src, name))
            lines.append(None)
    what = accepted[0][2] if len(accepted) == 1 else f"{len(accepted)} 个文件"

    def on_pages(done: int, total: int) -> None:
        if progress is None:
            return
        if total and done >= total:
            progress((done, total), desc=f"{what}：写入存储和索引", unit="页")
        else:
            progress((done, total), desc=f"{what}：解析中", unit="页")

    if accepted:
        if progress is not None:
            progress(0, desc=f"{what}：读取中")
        results = _service(settings, embed).ingest_uploads([(src, name) for _, src, name in accepted], on_pages)
        for (k, _, _), res in zip(accepted, results, strict=True):
            lines[k] = _result_line(res)
    ok_count = sum(1 for ln in lines if ln and ln.startswith("✅"))
    failed = len(files) - ok_count
    head = f"共 {len(files)} 个文件：成功 {ok_count} 个" + (f"，失败 {failed} 个" if failed else "")
    df, dd = refresh(settings)
    return "\n".join([head, *(ln or "" for ln in lines)]), df, dd


def delete_document(settings: Settings, doc_id: str | None) -> tuple[str, pd.DataFrame, dict]:
    """删除: remove a document from the store and the index. Outputs: message, documents table, document dropdown."""
    svc = _service(settings)
    rec = svc.document(str(doc_id)) if doc_id else None
    if rec is None:
        message = "请先选择要删除的文件。" if not doc_id else _GONE
    elif svc.delete(rec.doc_id):
        message = f"已删除：{document_label(rec, settings)}（数据库、索引和上传的副本）。"
    else:
        message = _GONE
    df, dd = refresh(settings)
    return message, df, gr.update(choices=dd["choices"], value=None)


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


# ------------------------------------------------------------------ 问答 tab

EXAMPLES = [
    "项目支出主要用于什么？",
    "三公经费是多少？",
    "人员经费是多少？",
    "一般公共预算拨款收入是多少？",
    "机关运行经费是多少？",
    "这份公开材料有没有数字对不上的地方？",
]
CHAT_CONCURRENCY = 4  # questions answered at once (one shared pool for textbox, button and examples)
NO_SCOPE = "当前筛选条件下没有已导入的文件，无法回答。请调整或清空上方的部门、年度、文件筛选。"
NOT_PDF = "该文件不是 PDF，无法显示原页"
_TEXT_QUOTE_MAX = 300

_assistants: dict[str, Assistant] = {}


def assistant_for(settings: Settings) -> Assistant:
    """One ``Assistant`` per store and settings, so models and the catalog load once per process."""
    from assistant.service import Assistant

    key = settings.model_dump_json()
    with _lock:
        if key not in _assistants:
            _assistants[key] = Assistant(settings)
        return _assistants[key]


_warmed: dict[str, threading.Event] = {}  # settings -> set once its warm-up has finished
WARM_UP_WAIT_S = 300


def warm_up(settings: Settings) -> None:
    """Build the assistant and load its catalog (and, if enabled, the dense model) ahead of users."""
    done = _warmed.setdefault(settings.model_dump_json(), threading.Event())
    try:
        assistant_for(settings).ask(EXAMPLES[0])
    except Exception as e:  # a cold start must never stop the server
        print(f"预热问答服务失败：{type(e).__name__}: {e}", file=sys.stderr)
    finally:
        done.set()


def ready_assistant(settings: Settings) -> Assistant:
    """``assistant_for``, after the store's warm-up (if one was started) has finished.

    The first question loads the model and opens the Chroma index; done in two threads at once
    (the warm-up and a user's question) the index fails to open and dense retrieval stays off
    for the life of the server, so questions that arrive during the warm-up wait for it."""
    done = _warmed.get(settings.model_dump_json())
    if done is not None:
        done.wait(WARM_UP_WAIT_S)
    return assistant_for(settings)


def _year_label(year: int | None) -> str:
    return str(year) if year else "（年度未知）"


def filter_choices(settings: Settings) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Choices of the three chat filters: departments, years, documents (label, doc id)."""
    recs = _service(settings).documents()
    depts = sorted({r.department or "（未识别部门）" for r in recs})
    years = sorted({_year_label(r.year) for r in recs}, reverse=True)
    return depts, years, [(document_label(r, settings), r.doc_id) for r in recs]


def _as_list(v: Any) -> list:
    if v is None or v == "":
        return []
    return [x for x in (v if isinstance(v, list | tuple | set) else [v]) if x not in (None, "")]


def _matches(rec: DocumentInfo, departments: list, years: list) -> bool:
    return (not departments or (rec.department or "（未识别部门）") in departments) and (
        not years or _year_label(rec.year) in {str(y) for y in years}
    )


def scope_docs(settings: Settings, departments: Any = None, years: Any = None, docs: Any = None) -> list[str] | None:
    """The doc ids the filters allow: None when no filter is set (all documents), else a list
    (possibly empty). Filter values are only compared with store values, never used as paths."""
    departments, years, docs = _as_list(departments), _as_list(years), _as_list(docs)
    if not (departments or years or docs):
        return None
    wanted = {str(d) for d in docs}
    return [
        r.doc_id
        for r in _service(settings).documents()
        if _matches(r, departments, years) and (not wanted or r.doc_id in wanted)
    ]


def refresh_filters(settings: Settings, departments: Any = None, years: Any = None) -> tuple[dict, dict, dict]:
    """Outputs: department, year and document dropdowns (choices only; the selections stay).
    The document list is narrowed to the chosen departments and years."""
    depts, yrs, _ = filter_choices(settings)
    return (
        gr.update(choices=depts),
        gr.update(choices=yrs),
        gr.update(choices=narrowed_documents(settings, departments, years)),
    )


def narrowed_documents(settings: Settings, departments: Any = None, years: Any = None) -> list[tuple[str, str]]:
    departments, years = _as_list(departments), _as_list(years)
    return [(document_label(r, settings), r.doc_id) for r in _service(settings).documents() if _matches(r, departments, years)]


def narrow_documents(settings: Settings, departments: Any, years: Any, docs: Any) -> dict:
    """Department or year changed: the document dropdown offers only matching documents."""
    choices = narrowed_documents(settings, departments, years)
    ids = {v for _, v in choices}
    return gr.update(choices=choices, value=[d for d in _as_list(docs) if d in ids])


def _text_of(content: Any) -> str:
    """A chat message's text: Gradio 6 hands history back as lists of {"type": "text", "text": ...}."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, list | tuple):
        return "\n".join(t for t in (_text_of(c) for c in content) if t)
    return str(getattr(content, "text", "") or "")


def _history(history: Any) -> list[dict]:
    """Chat history as Gradio messages: [{"role": "user"|"assistant", "content": str}, ...]."""
    out = []
    for m in history or []:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", None)
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", None)
        if role in ("user", "assistant"):
            out.append({"role": role, "content": _text_of(content)})
    return out


def _md_text(text: str) -> str:
    """Light escaping for answer prose: keeps the [n] markers and "A > B" paths readable when
    copied, while emphasis, HTML, headings and table pipes stay literal."""
    return re.sub(r"([\\`*_<#|~])", r"\\\1", text)


def _cell(v: Any) -> str:
    return _md_text(str(v)).replace("\n", " ")


def _where(c: Citation) -> str:
    dept = _md(c.department or "（未识别部门）")
    year = f"{c.year}年" if c.year else "（年度未知）"
    return f"{dept} {year} · 第 {c.page} 页"


def _as_citation(c: Citation | dict) -> Citation:
    """A citation from session state (a finding's citations are kept as JSON there)."""
    from ingest.model import as_citations

    return c if not isinstance(c, dict) else as_citations([c])[0]


def citation_markdown(c: Citation | dict) -> str:
    """One citation under an answer: a row as a small table of its printed values (with the
    unit), a sentence as a quote under its section heading; both with department, year, page."""
    c = _as_citation(c)
    n = c.n
    if c.kind == "row":
        name = f"“{_md(c.row)}”"
        if c.code:
            name += f"（{_md(c.code)}）"
        if c.side:
            name += f" · {_md(c.side)}"
        unit = c.unit
        head = f"**[{n}]** 《{_md(c.table)}》{name}  \n{_where(c)} · 单位：{_md(unit or '未注明')}"
        values = c.values
        if not values:
            return f"{head}\n\n（该行在原表中数值为空白）"
        lines = [f"| 栏目 | 数值（{_md(unit)}） |" if unit else "| 栏目 | 数值 |", "|---|---:|"]
        lines += [f"| {_cell(k)} | {_cell(v)} |" for k, v in values.items()]
        return f"{head}\n\n" + "\n".join(lines)
    section = _md_text(c.section or "正文")
    text = c.text
    if len(text) > _TEXT_QUOTE_MAX:
        text = text[:_TEXT_QUOTE_MAX] + "……"
    return f"**[{n}]** {section}  \n{_where(c)}\n\n> {_cell(text)}"


def answer_markdown(ans: Any) -> str:
    """The assistant message: the answer text, then its citations (none when not answerable)."""
    text = _md_text(ans.answer)
    if not ans.answerable or not ans.citations:
        return text
    parts = [text]
    if getattr(ans, "note", ""):
        parts.append(f"*{_md_text(ans.note)}*")
    parts.append("---\n**出处**（在右侧“查看出处”中可看原页）")
    parts += [citation_markdown(c) for c in ans.citations]
    return "\n\n".join(parts)


def citation_label(c: Citation) -> str:
    """Source-view choice: "[n] 表名 “行” 第N页" or "[n] 小节 第N页"."""
    if c.kind == "row":
        return f"[{c.n}] {c.table or '表格'} “{c.row}” 第{c.page}页"
    section = (c.section or "正文").split(" > ")[-1]
    return f"[{c.n}] {section} 第{c.page}页"


def citation_choices(citations: Sequence[Citation] | None) -> list[tuple[str, int]]:
    return [(citation_label(c), i) for i, c in enumerate(citations or [])]


@dataclass
class ChatReply:
    """What one question produces (the outputs of ``ask``, in order)."""

    history: list[dict]
    question: str  # the textbox after asking (cleared)
    citations: list[Citation]  # kept in session state for the source view
    source_choices: dict  # 查看出处 dropdown update
    image: Any
    caption: str
    open_button: dict

    def outputs(self) -> tuple:
        return (
            self.history,
            self.question,
            self.citations,
            self.source_choices,
            self.image,
            self.caption,
            self.open_button,
        )


def ask(
    settings: Settings,
    question: str | None,
    history: Any = None,
    departments: Any = None,
    years: Any = None,
    docs: Any = None,
) -> tuple:
    """Answer a question within the filters. Outputs: chatbot history, question box, citations
    state, 查看出处 dropdown, page image, caption, 打开此表 button (see ``ChatReply``)."""
    chat = _history(history)
    q = (question or "").strip()
    hidden = gr.update(visible=False)
    if not q:
        return ChatReply(chat, "", [], gr.update(), None, "", gr.update()).outputs()
    chat.append({"role": "user", "content": _md_text(q)})
    scope = scope_docs(settings, departments, years, docs)
    citations: list[Citation] = []
    if scope == []:
        chat.append({"role": "assistant", "content": NO_SCOPE})
        caption = "当前回答没有出处。"
    else:
        try:
            ans = ready_assistant(settings).ask(q, docs=scope)
        except Exception as e:
            print(f"问答出错：{type(e).__name__}: {e}", file=sys.stderr)
            traceback.print_exc()
            chat.append({"role": "assistant", "content": f"抱歉，回答时出错（{type(e).__name__}），请稍后再试。"})
            return ChatReply(chat, "", [], gr.update(choices=[], value=None), None, "", hidden).outputs()
        chat.append({"role": "assistant", "content": answer_markdown(ans)})
        citations = list(ans.citations) if ans.answerable else []
        caption = f"共 {len(citations)} 条出处，请在上方选择一条查看原页。" if citations else "当前回答没有出处。"
    return ChatReply(
        chat, "", citations, gr.update(choices=citation_choices(citations), value=None), None, caption, hidden
    ).outputs()


def ask_example(
    settings: Settings, index: Any, history: Any = None, departments: Any = None, years: Any = None, docs: Any = None
) -> tuple:
    """An example question was clicked (by its index in ``EXAMPLES``); outputs as ``ask``."""
    try:
        question = EXAMPLES[int(index)]
    except (TypeError, ValueError, IndexError):
        question = ""
    return ask(settings, question, history, departments, years, docs)


def _pick(items: Sequence[Any] | None, choice: Any) -> Any:
    """The chosen item (a citation, or a finding) by its index; None for anything else."""
    try:
        i = int(choice)
    except (TypeError, ValueError):
        return None
    cits = list(items or [])
    return cits[i] if 0 <= i < len(cits) else None


def _cited_table_idx(settings: Settings, c: Citation) -> int | None:
    """Index of the cited row's table in its document (the citation carries it)."""
    if c.kind != "row" or c.table_idx is None:
        return None
    doc = load_document(settings, c.doc)
    return c.table_idx if doc is not None and 0 <= c.table_idx < len(doc.tables) else None


def show_source(settings: Settings, citations: Sequence[Citation] | None, choice: Any) -> tuple[Any, str, dict]:
    """A citation was chosen in 查看出处. Outputs: page image (PIL, or None), caption, 打开此表 button.

    The file is found by the citation's doc id in the store; nothing the user typed is a path.
    """
    c = _pick(citations, choice)
    if c is None:
        return None, "请选择一条出处。", gr.update(visible=False)
    c = _as_citation(c)
    content = citation_markdown(c)
    svc = _service(settings)
    rec = svc.document(c.doc)
    path = svc.source_path(c.doc)
    if rec is None or path is None:
        return None, f"{_GONE}\n\n{content}", gr.update(visible=False)
    name = rec.name
    can_open = gr.update(visible=_cited_table_idx(settings, c) is not None)
    if rec.format != "pdf":
        return None, f"**{NOT_PDF}**（{_md(name)}，{rec.format.upper()}）。引用内容：\n\n{content}", can_open
    boxes = [c.bbox.model_dump()] if c.bbox is not None else []
    try:
        png = render_page(path, c.page, boxes)
    except (RenderError, TypeError, ValueError) as e:
        reason = str(e).replace(path.name, name)
        return None, f"无法显示原页：{_md(reason)}\n\n{content}", can_open
    image = Image.open(io.BytesIO(png))
    if c.kind == "row":
        what = f"《{_md(c.table)}》“{_md(c.row)}”"
    else:
        what = _md_text((c.section or "正文").split(" > ")[-1])
    where = "黄色框为引用位置" if boxes else "未记录该出处在页面上的位置"
    caption = f"**[{c.n}]** {what} —— {_md(name)} 第 {c.page} 页（{where}）"
    return image, caption, can_open


def open_cited_table(settings: Settings, citations: Sequence[Citation] | None, choice: Any) -> tuple:
    """打开此表: the cited row's table in the 表格 tab (outputs of ``open_table``)."""
    c = _pick(citations, choice)
    if c is None or c.kind != "row":
        return (gr.update(),) * 5
    return open_table(settings, c.doc, _cited_table_idx(settings, c))


@dataclass
class ChatTab:
    """The chat tab's components that other tabs wire to."""

    tab: gr.Tab
    departments: gr.Dropdown
    years: gr.Dropdown
    docs: gr.Dropdown
    citations: gr.State
    source: gr.Dropdown
    open_button: gr.Button
    chat_tab_id: str = "chat"

    @property
    def filter_outputs(self) -> list:
        return [self.departments, self.years, self.docs]


def chat_tab(settings: Settings) -> ChatTab:
    """Build the 问答 tab inside the open ``gr.Tabs`` and wire its events."""
    depts, yrs, doc_choices = filter_choices(settings)

    def _ask(question, history, departments, years, docs):
        return ask(settings, question, history, departments, years, docs)

    def _ask_example(index, history, departments, years, docs):
        return ask_example(settings, index, history, departments, years, docs)

    def _narrow(departments, years, docs):
        return narrow_documents(settings, departments, years, docs)

    def _refresh(departments, years):
        return refresh_filters(settings, departments, years)

    def _show(citations, choice):
        return show_source(settings, citations, choice)

    with gr.Tab("问答", id="chat") as tab:
        with gr.Row(equal_height=True):
            departments = gr.Dropdown(choices=depts, value=[], multiselect=True, label="部门", scale=2)
            years = gr.Dropdown(choices=yrs, value=[], multiselect=True, label="年度", scale=1)
            docs = gr.Dropdown(choices=doc_choices, value=[], multiselect=True, label="文件（不选即全部）", scale=3)
        with gr.Row():
            with gr.Column(scale=1):
                chatbot = gr.Chatbot(
                    value=[],
                    label="问答",
                    height=560,
                    buttons=["copy"],
                    placeholder="向已导入的预算公开文件提问。回答中的 [n] 对应其下的出处；右侧可查看原页。",
                    latex_delimiters=[],  # amounts are plain text, never LaTeX
                )
                with gr.Row(equal_height=True):
                    question = gr.Textbox(
                        placeholder="例如：项目支出主要用于什么？",
                        show_label=False,
                        lines=1,
                        max_lines=4,
                        scale=5,
                        container=False,
                    )
                    ask_btn = gr.Button("提问", variant="primary", scale=0, min_width=90)
                examples = gr.Dataset(
                    components=["textbox"],
                    samples=[[q] for q in EXAMPLES],
                    type="index",
                    layout="gallery",
                    label="试试这些问题（点击即提问）",
                )
            with gr.Column(scale=1):
                citations = gr.State([])
                source = gr.Dropdown(choices=[], value=None, label="查看出处（当前回答）", interactive=True)
                caption = gr.Markdown("提问后，在这里选择一条出处查看原文页面。")
                page_image = gr.Image(
                    value=None,
                    type="pil",
                    format="png",
                    label="原页（黄色框为引用位置）",
                    interactive=False,
                    buttons=["download", "fullscreen"],
                    height=560,
                )
                open_btn = gr.Button("在“表格”页打开此表", size="sm", visible=False)

    ask_inputs = [question, chatbot, departments, years, docs]
    ask_outputs = [chatbot, question, citations, source, page_image, caption, open_btn]
    chat = {"concurrency_limit": CHAT_CONCURRENCY, "concurrency_id": "chat", "show_progress": "minimal"}
    ask_btn.click(_ask, inputs=ask_inputs, outputs=ask_outputs, api_name="ask", **chat)
    question.submit(_ask, inputs=ask_inputs, outputs=ask_outputs, api_visibility="private", **chat)
    examples.click(_ask_example, inputs=[examples, *ask_inputs[1:]], outputs=ask_outputs, api_visibility="private", **chat)
    departments.input(_narrow, inputs=[departments, years, docs], outputs=docs, api_visibility="private")
    years.input(_narrow, inputs=[departments, years, docs], outputs=docs, api_visibility="private")
    tab.select(_refresh, inputs=[departments, years], outputs=[departments, years, docs], api_visibility="private")
    source.input(_show, inputs=[citations, source], outputs=[page_image, caption, open_btn], api_name="show_source")
    return ChatTab(tab, departments, years, docs, citations, source, open_btn)


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
                with gr.Row(equal_height=True):
                    to_delete = gr.Dropdown(choices=document_choices(settings), value=None, label="删除文件", scale=4)
                    delete_btn = gr.Button("删除", size="sm", variant="stop", scale=1, min_width=80)
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
    refresh_btn.click(_doc_choices, outputs=to_delete, api_visibility="private", show_progress="hidden")
    delete_btn.click(
        lambda d: delete_document(settings, d),
        inputs=to_delete,
        outputs=[result, documents, to_delete],
        api_visibility="private",
        concurrency_id="ingest",
    ).then(_doc_choices, outputs=doc_dropdown, api_visibility="private", show_progress="hidden")
    files.upload(
        _upload,
        inputs=files,
        outputs=[result, documents, doc_dropdown, files],
        api_name="upload",
        concurrency_limit=1,
        concurrency_id="ingest",
    ).then(_doc_choices, outputs=to_delete, api_visibility="private", show_progress="hidden")
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


_CHECK_STATUS = {"match": "✅ 一致", "differs": "❌ 不一致", "not_found": "❔ 未找到"}
_AMBIGUOUS = "❔ 未指明部门（多个部门数值不同，请写明部门或在问答页选择文件）"


def check_draft_frame(settings: Settings, draft: str) -> pd.DataFrame:
    """核对: one row per figure of the draft (logic in assistant/, shared with `budgetqa verify`)."""
    cols = ["结果", "草稿中的数字", "应为", "出处"]
    if not (draft or "").strip():
        return pd.DataFrame(columns=cols)
    res = ready_assistant(settings).verify(draft)
    rows = []
    for f in res.figures:
        src = ""
        if f.citations and not f.ambiguous:
            c = f.citations[0]
            where = f"《{c.table}》“{c.row}”" if c.kind == "row" else c.section
            src = f"{c.where} {where} 第{c.page}页"
        if f.ambiguous:
            src = "；".join(c.where for c in f.citations)
        rows.append([_AMBIGUOUS if f.ambiguous else _CHECK_STATUS[f.status], f.text, f.expected if f.status == "differs" else "", src])
    return pd.DataFrame(rows, columns=cols)


def check_tab(settings: Settings) -> None:
    with gr.Tab("核对", id="check"):
        gr.Markdown("粘贴草稿中的一句话或一段话，逐个核对其中的数字：一致（附出处）、不一致（给出表中数值和出处）或未找到。")
        draft = gr.Textbox(label="草稿", lines=4, placeholder="例：2026年项目支出34.22万元，基本支出59.99万元。")
        button = gr.Button("核对", variant="primary")
        result = gr.Dataframe(label="核对结果", interactive=False, wrap=True)
        # the limit must be given with the shared id: Gradio lowers a group to its smallest limit,
        # and the default (1) would leave one question at a time for everyone once 核对 is used
        button.click(lambda t: check_draft_frame(settings, t), inputs=draft, outputs=result,
                     concurrency_limit=CHAT_CONCURRENCY, concurrency_id="chat", api_visibility="private")


# ------------------------------------------------------------------ 审校 (publication check)

AUDIT_COLUMNS = ["序号", "级别", "规则", "说明", "印出数", "应为", "差额", "页码"]
_SEVERITY_MARK = {"error": "❌ 错误", "rounding": "≈ 尾差", "warning": "⚠ 提示"}


def audit_findings(settings: Settings, doc_id: str | None) -> list[dict]:
    """The document's findings as plain dicts (the session state of the 审校 tab)."""
    if not doc_id:
        return []
    report = _service(settings).audit_report(str(doc_id))
    return [f.model_dump() for f in report.findings] if report is not None else []


def audit_frame(findings: Sequence[dict]) -> pd.DataFrame:
    from ingest.audit import RULES

    rows = [
        [
            str(i),
            _SEVERITY_MARK.get(f["severity"], f["severity"]),
            RULES.get(f["rule"], f["rule"]),
            f["message"],
            f.get("value") or "",
            f.get("expected") or "",
            f.get("difference") or "",
            "、".join(str(p) for p in sorted({int(c.get("page") or 0) for c in f["citations"]})),
        ]
        for i, f in enumerate(findings, 1)
    ]
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def finding_choices(findings: Sequence[dict]) -> list[tuple[str, int]]:
    from ingest.audit import RULES

    out = []
    for i, f in enumerate(findings):
        label = f"[{i + 1}] {_SEVERITY_MARK.get(f['severity'], '')} {RULES.get(f['rule'], f['rule'])}：{f['message']}"
        out.append((label[:90] + ("……" if len(label) > 90 else ""), i))
    return out


def audit_document(settings: Settings, doc_id: str | None) -> tuple:
    """A document was picked. Outputs: findings (state), summary, findings table, finding dropdown, image, caption."""
    findings = audit_findings(settings, doc_id)
    if not doc_id:
        summary = "请选择一个文件。"
    elif _service(settings).document(str(doc_id)) is None:
        summary = _GONE
    else:
        n = {k: sum(f["severity"] == k for f in findings) for k in ("error", "rounding", "warning")}
        summary = (f"错误 **{n['error']}** 项，尾差 **{n['rounding']}** 项，提示 **{n['warning']}** 项。"
                   + ("在下方选择一项，查看它在原页上的位置。" if findings else "未发现数字对不上的地方。"))
    return (findings, summary, audit_frame(findings),
            gr.update(choices=finding_choices(findings), value=None), None, "")


def show_finding(settings: Settings, findings: Sequence[dict] | None, choice: Any, page_choice: Any = None) -> tuple:
    """A finding was chosen: the page of its first (or the chosen) citation, every cited row or
    sentence of the finding on that page highlighted. Outputs: image, caption, page dropdown update."""
    f = _pick(findings, choice)
    if f is None:
        return None, "请选择一项审校结果。", gr.update(choices=[], value=None)
    cits = [c for c in f.get("citations") or [] if isinstance(c, dict)]
    page_list = sorted({int(c.get("page") or 0) for c in cits})
    try:
        page = int(page_choice) if page_choice is not None and int(page_choice) in page_list else page_list[0]
    except (TypeError, ValueError, IndexError):
        page = page_list[0] if page_list else 0
    pages_update = gr.update(choices=[(f"第{p}页", p) for p in page_list], value=page)
    content = "\n\n".join(citation_markdown(c) for c in cits if int(c.get("page") or 0) == page)
    head = f"**{_SEVERITY_MARK.get(f['severity'], '')}** {_md_text(f['message'])}"
    svc = _service(settings)
    doc_id = str(cits[0].get("doc") or "") if cits else ""
    rec, path = svc.document(doc_id), svc.source_path(doc_id)
    if rec is None or path is None:
        return None, f"{head}\n\n{_GONE}", pages_update
    name = rec.name
    if rec.format != "pdf":
        return None, f"{head}\n\n**{NOT_PDF}**（{_md(name)}，{rec.format.upper()}）。\n\n{content}", pages_update
    try:
        boxes = _finding_boxes(path, page, cits)
        png = render_page(path, page, boxes)
    except (RenderError, TypeError, ValueError) as e:
        reason = str(e).replace(path.name, name)
        return None, f"{head}\n\n无法显示原页：{_md(reason)}\n\n{content}", pages_update
    where = "黄色框为涉及的单元格、行或句子" if boxes else "未记录它们在页面上的位置"
    caption = f"{head}\n\n{_md(name)} 第 {page} 页（{where}）\n\n{content}"
    return Image.open(io.BytesIO(png)), caption, pages_update


def _finding_boxes(path: Path, page: int, cits: Sequence[dict]) -> list[dict]:
    """Boxes to highlight: for a cited row the cells of the columns the finding is about (the whole
    row when they cannot be found), for a sentence its paragraph."""
    boxes: list[dict] = []
    for c in cits:
        if int(c.get("page") or 0) != page or not isinstance(c.get("bbox"), dict):
            continue
        cells: list[dict] = []
        if c.get("kind") == "row" and c.get("columns"):
            values = [str((c.get("values") or {}).get(k) or "") for k in c["columns"]]
            cells = cell_boxes(path, page, c["bbox"], values)
        boxes += cells or [c["bbox"]]
    return boxes


def export_audit(settings: Settings, doc_id: str | None, fmt: str) -> str | None:
    """The document's findings as a CSV or Markdown file; returns its path."""
    from ingest.audit import to_csv, to_markdown

    svc = _service(settings)
    rec = svc.document(str(doc_id or ""))
    report = svc.audit_report(rec.doc_id) if rec is not None else None
    if rec is None or report is None:
        return None
    name = _safe_part(f"审校_{rec.department}{rec.year or ''}_{rec.name}")
    dest = _csv_dir(rec.doc_id) / f"{name}.{'csv' if fmt == 'csv' else 'md'}"
    if fmt == "csv":
        dest.write_text(to_csv(report), encoding="utf-8")
    else:
        dest.write_text(to_markdown(report, document_label(rec, settings)), encoding="utf-8")
    return str(dest)


def audit_tab(settings: Settings) -> gr.Dropdown:
    """审校: pick a document, see its findings, open a finding's page with its cells highlighted."""
    with gr.Tab("审校", id="audit"):
        gr.Markdown("检查一份公开文件自身是否一致：收支平衡、表内合计、表间总数、科目层级、“三公”经费、说明文字与表格、"
                    "增减额与百分比、未填完的模板句。尾差 = 差额在印出数字的四舍五入范围内。")
        with gr.Row():
            doc = gr.Dropdown(choices=document_choices(settings), value=None, label="文件", scale=4)
            csv_btn = gr.Button("导出 CSV", scale=1)
            md_btn = gr.Button("导出 Markdown", scale=1)
        download = gr.File(label="导出的审校报告", visible=True, interactive=False)
        summary = gr.Markdown()
        table = gr.Dataframe(value=pd.DataFrame(columns=AUDIT_COLUMNS), label="审校结果", interactive=False, wrap=True)
        findings = gr.State([])
        with gr.Row():
            with gr.Column(scale=1):
                pick = gr.Dropdown(choices=[], value=None, label="查看原页：选择一项")
                page = gr.Dropdown(choices=[], value=None, label="页码（涉及多页时）")
                caption = gr.Markdown()
            with gr.Column(scale=1):
                image = gr.Image(label="原页", type="pil", interactive=False)
        doc.change(lambda d: audit_document(settings, d), inputs=doc,
                   outputs=[findings, summary, table, pick, image, caption], api_visibility="private")
        pick.change(lambda fs, c: show_finding(settings, fs, c), inputs=[findings, pick],
                    outputs=[image, caption, page], api_visibility="private")
        page.input(lambda fs, c, p: show_finding(settings, fs, c, p), inputs=[findings, pick, page],
                   outputs=[image, caption, page], api_visibility="private")
        csv_btn.click(lambda d: export_audit(settings, d, "csv"), inputs=doc, outputs=download, api_visibility="private")
        md_btn.click(lambda d: export_audit(settings, d, "md"), inputs=doc, outputs=download, api_visibility="private")
    return doc


def build_app(settings: Settings, *, embed: bool = True) -> gr.Blocks:
    """The whole web app. ``embed=False`` ingests uploads into the SQL store only (tests)."""
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.Markdown(
            "## 预算公开文件问答\n"
            "提问并查看带出处的回答；在“文件”页上传部门预算/决算公开文件（PDF、XLSX、Markdown），在“表格”页查看表格并下载 CSV。"
        )
        with gr.Tabs(elem_id="main-tabs", selected="chat") as tabs:
            chat_ui = chat_tab(settings)  # first, so it opens by default
            docs_ui = document_tabs(settings, embed=embed)
            check_tab(settings)
            audit_doc = audit_tab(settings)

        def _open_cited(citations, choice):
            return open_cited_table(settings, citations, choice)

        # a row citation opens its table in the 表格 tab
        chat_ui.open_button.click(
            _open_cited,
            inputs=[chat_ui.citations, chat_ui.source],
            outputs=docs_ui.table_outputs,
            api_visibility="private",
        ).then(lambda: gr.Tabs(selected=docs_ui.tables_tab_id), outputs=tabs, api_visibility="private")

        def _on_load(departments, years):
            docs_frame, doc_update = refresh(settings)
            return (docs_frame, doc_update, *refresh_filters(settings, departments, years), doc_update)

        demo.load(
            _on_load,
            inputs=[chat_ui.departments, chat_ui.years],
            outputs=[docs_ui.documents, docs_ui.doc_dropdown, *chat_ui.filter_outputs, audit_doc],
            api_visibility="private",
        )
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
    # load the assistant (catalog, models) in the background so the first question is quick;
    # registered before the thread starts, so questions asked meanwhile wait for it
    _warmed.setdefault(settings.model_dump_json(), threading.Event())
    threading.Thread(target=warm_up, args=(settings,), name="budgetqa-warm-up", daemon=True).start()
    build_app(settings).launch(**launch_options(host, port, auth))
