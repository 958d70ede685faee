"""Ingest service: files in, documents in the store and the index. The public surface of ingest/.

Outside ingest/ (ui/, the CLI, eval/) code uses only these modules of the package:

* ``ingest.service`` — ``IngestService`` (one per store): ingest files (several in parallel worker
  processes) and web uploads (bytes or a temporary file, under the name they were uploaded as),
  list documents (``DocumentInfo``), load one (``Document``), its table rows (``StoredRow``), find
  one by id / path / file name, its source file (for page rendering), its audit report, delete it;
  ``Ingestor`` (the all-or-nothing writer underneath), ``read_document`` (parse only),
  ``expand``, ``SUFFIXES``.
* ``ingest.model`` — the data model every stage passes along (plain pydantic objects).
* ``ingest.settings`` — ``Settings`` / ``get_settings``.
* ``ingest.render`` — page images with highlighted boxes.
* ``ingest.audit`` — the publication-check rules' names and report formats (``RULES``, ``to_csv``,
  ``to_markdown``, ``SEVERITY_NAMES``, ``pages``).

Nothing outside ingest/ sees the SQL rows (``ingest.store``) or the store folder's layout (where
uploads are kept, their ``.name`` notes); tests/test_surface.py checks this for ui/.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import queue
import re
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.disclosure import NotDisclosure
from ingest.disclosure import check as check_disclosure
from ingest.model import PARSER_VERSION, Document, DocumentInfo, IngestError, StoredRow
from ingest.settings import Settings
from ingest.store import DocRec, Store, meta_of

if TYPE_CHECKING:
    from ingest.audit import Report

SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx", ".md": "md", ".markdown": "md"}
Progress = Callable[[int, int], None]
UPLOAD_DIR = "uploads"  # under settings.home
_EXT = {"pdf": ".pdf", "xlsx": ".xlsx", "md": ".md"}  # a saved upload's extension, by format


@dataclass
class IngestResult:
    path: Path
    status: str  # ingested / replaced / unchanged / failed
    doc: Document | None = None  # the document as parsed (new readings only)
    info: DocumentInfo | None = None  # the stored document (every result that is ok)
    error: str = ""
    warning: str = ""  # stale index entries that could not be deleted (the document itself is stored)
    name: str = ""  # the name to show (an upload's original name; else the file name)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def doc_id(self) -> str | None:
        return self.info.doc_id if self.info is not None else None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder means every PDF / XLSX / Markdown file in it (and its subfolders).

    In a folder, hidden files and Office lock files (``~$报表.xlsx``) are skipped; a file named
    twice (or given and also inside a given folder) is ingested once.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not f.name.startswith((".", "~$"))
                and not any(part.startswith(".") for part in f.relative_to(p).parts[:-1])
            )
        else:
            found = [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_document(path: Path, progress: Progress | None = None) -> Document:
    """Parse one file into the data model (no store involved)."""
    if not path.exists():
        raise IngestError("文件不存在")
    if not path.is_file():
        raise IngestError("不是文件")
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(f"不支持的文件类型“{path.suffix or '无扩展名'}”（支持 PDF、XLSX、Markdown）")
    if path.stat().st_size == 0:
        raise IngestError("空文件（0 字节）")
    if fmt == "pdf":
        from ingest.read_pdf import read_pdf

        doc = read_pdf(path, progress)
    elif fmt == "xlsx":
        from ingest.read_xlsx import read_xlsx

        doc = read_xlsx(path, progress)
    else:
        from ingest.read_md import read_md

        doc = read_md(path, progress)
    doc.sha256 = sha256_of(path)
    doc.doc_id = doc.sha256[:12]
    doc.source = path.name
    doc.path = str(path.resolve())
    doc.warnings.extend(_warnings(doc))
    if not doc.tables and not doc.paragraphs:
        raise IngestError("文件中没有找到任何表格或文字")
    # circulars, forms and reports saved in budget folders: refused with the reason, never stored
    check_disclosure(doc)
    return doc


def _warnings(doc: Document) -> list[str]:
    w: list[str] = []
    if not doc.department:
        w.append("未识别出部门名称")
    if not doc.year:
        w.append("未识别出年度")
    if not any(t.kind not in ("other", "performance", "org") for t in doc.tables):
        w.append("未识别出标准预算表")
    no_unit = [t.title for t in doc.tables if not t.unit and not t.empty and t.kind not in ("performance", "org", "other")]
    if no_unit:
        w.append(f"{len(no_unit)} 张表未找到金额单位：{'、'.join(no_unit[:3])}")
    return w


# ---------------------------------------------------------------- uploads: where they are kept


def upload_dir(settings: Settings) -> Path:
    """The store's folder of saved web uploads (``<sha256[:16]><ext>`` and a ``.name`` note each)."""
    return Path(settings.home) / UPLOAD_DIR


def _name_note(saved: Path) -> Path:
    return saved.with_name(saved.name + ".name")


def clean_name(name: str) -> str:
    """A file name fit for display only (never used in a path): no folders, no control chars."""
    name = re.split(r"[\\/]", str(name))[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[:120] or "未命名文件"


def _info(rec: DocRec, uploads: Path) -> DocumentInfo:
    name = rec.source
    try:
        p = Path(rec.path)
        if p.parent == uploads:
            note = _name_note(p)
            if note.is_file():
                name = note.read_text(encoding="utf-8").strip() or rec.source
    except OSError:
        pass
    return DocumentInfo(**meta_of(rec), name=name, n_tables=rec.n_tables, n_rows=rec.n_rows,
                        n_sections=rec.n_sections, ingested_at=rec.ingested_at or "")


# ---------------------------------------------------------------- parsing in worker processes

_progress_queue: mp.Queue | None = None


def _worker_init(q: mp.Queue) -> None:
    global _progress_queue
    _progress_queue = q


def _parse_in_worker(i: int, path: Path) -> Document:
    """Runs in a worker process: parse one file, reporting its pages through the shared queue."""
    q = _progress_queue

    def progress(done: int, total: int) -> None:
        if q is not None:
            q.put((i, done, total))

    return read_document(path, progress)


class _Pages:
    """Pages done and to do over a batch of files, for a progress bar with a rate and an ETA.

    A file's page count is known once its reader reports it (or from the store for an unchanged
    file); until then it is estimated from its size at the bytes per page of the files known so far.
    Nothing is opened up front, so parsing starts at once."""

    def __init__(self, sizes: list[int], on_pages: Progress | None):
        self.sizes = sizes
        self.known: list[int | None] = [None] * len(sizes)
        self.done = [0] * len(sizes)
        self.on_pages = on_pages

    def total_of(self, i: int) -> int:
        if self.known[i] is not None:
            return self.known[i]
        pairs = [(k, s) for k, s in zip(self.known, self.sizes, strict=True) if k and s]
        if not pairs or not self.sizes[i]:
            return 1
        return max(1, round(self.sizes[i] * sum(k for k, _ in pairs) / sum(s for _, s in pairs)))

    def set_total(self, i: int, total: int) -> None:
        if total:
            self.known[i] = total

    def update(self, i: int, done: int, total: int) -> None:
        self.set_total(i, total)
        self.done[i] = done
        self.emit()

    def finish(self, i: int) -> None:
        self.done[i] = self.total_of(i)
        self.emit()

    def emit(self) -> None:
        if self.on_pages is not None:
            totals = [self.total_of(i) for i in range(len(self.sizes))]
            self.on_pages(sum(min(d, t) for d, t in zip(self.done, totals, strict=True)), sum(totals))


class Ingestor:
    """Writes documents to the structured store and the vector index, all or nothing.

    The SQL store is the record: a document is in the store when its SQL transaction committed.
    Order of a write: (1) the new chunks are added to the index (new ids: ``doc_id`` is the
    content hash, so they never overwrite another version's chunks); (2) one SQL transaction
    deletes the old versions (same path, or same content) and inserts the new one; (3) only then
    are the old versions' chunks deleted from the index. A failure in (1) or (2) deletes the
    chunks added in (1) and leaves SQL as it was (the transaction rolls back), so the store and
    the index hold exactly what they held before. A failure in (3) leaves stale chunks of a
    document no longer in SQL; the result carries a warning (``warning``), and readers
    should resolve index hits through SQL, dropping those whose document is gone.

    With ``embed=False`` nothing is embedded, but old versions replaced in SQL are still removed
    from an existing index, so the index never holds chunks of a replaced version.

    ``ingest_many`` parses several files at once in worker processes (``settings.ingest_workers``,
    default the number of CPUs) and embeds and writes each in this process as soon as it is parsed;
    results come in the order given, the same for each file as ``ingest`` would give.
    """

    def __init__(self, settings: Settings, embed: bool = True, store: Store | None = None):
        self.settings = settings
        self.store = store if store is not None else Store(settings.db_path)
        self.embed = embed
        self._index = None
        self._uploads = upload_dir(settings).resolve()

    @property
    def index(self):
        if self._index is None:
            from ingest.index import Index

            self._index = Index(self.settings)
        return self._index

    def _has_index(self) -> bool:
        return self._index is not None or Path(self.settings.chroma_path).is_dir()

    def ingest(self, path: Path, progress: Progress | None = None) -> IngestResult:
        """Ingest one file; never raises for a bad file or a failed write (status "failed")."""
        return self._guard(path, lambda: self._unchanged(path) or self._finish(path, self._parse(path, progress)))

    def ingest_many(
        self, paths: Sequence[Path], on_pages: Progress | None = None, workers: int | None = None
    ) -> Iterator[IngestResult]:
        """Ingest several files, yielding each result (in the order given) as soon as it is stored.

        Files are parsed in up to ``workers`` processes (default ``settings.ingest_workers`` or the
        number of CPUs); one file, or one worker, is parsed here. ``on_pages(done, total)`` follows
        the pages of the whole batch."""
        paths = list(paths)
        n = workers or self.settings.ingest_workers or os.cpu_count() or 1
        pages = _Pages([p.stat().st_size if p.is_file() else 0 for p in paths], on_pages)
        todo = []
        for i, p in enumerate(paths):
            known = self._guard(p, lambda p=p: self._unchanged(p))
            if known is None:
                todo.append(i)
            elif known.info is not None:
                pages.set_total(i, known.info.pages)
        if len(todo) <= 1 or n <= 1:
            for i, p in enumerate(paths):
                res = self.ingest(p, lambda done, total, i=i: pages.update(i, done, total))
                pages.finish(i)
                yield res
            return
        yield from self._ingest_parallel(paths, set(todo), min(n, len(todo)), pages)

    def _ingest_parallel(self, paths: list[Path], todo: set[int], workers: int, pages: _Pages) -> Iterator[IngestResult]:
        """Parse in worker processes, largest file first; store each parsed file as soon as it is ready
        (not in input order, so one long file does not hold the others); yield in input order.

        A file whose content repeats an earlier one in the batch is not parsed: it is handled in
        its turn, after the earlier one is stored, exactly as one-by-one ingest would."""
        first: dict[str, int] = {}
        for i in sorted(todo):
            key = _content_key(paths[i])
            first.setdefault(key, i)
        parse = sorted(first.values(), key=lambda i: -pages.sizes[i])  # longest first: the tail stays short
        ctx = mp.get_context("spawn")  # never fork a process that holds model and database threads
        q: mp.Queue = ctx.Queue()
        running: dict[Future, int] = {}
        results: dict[int, IngestResult | None] = {}  # stored, waiting for their turn to be yielded
        window = workers + 1  # a parsed file waits for the embedder at most briefly

        def drain(timeout: float) -> None:
            try:
                while True:
                    i, done, total = q.get(timeout=timeout)
                    pages.update(i, done, total)
                    timeout = 0
            except queue.Empty:
                pass

        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init, initargs=(q,)) as pool:

            def top_up() -> None:
                while parse and len(running) < window:
                    i = parse.pop(0)
                    running[pool.submit(_parse_in_worker, i, paths[i])] = i

            def store_ready(timeout: float) -> None:
                top_up()
                ready, _ = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
                drain(0)
                for fut in ready:
                    i = running.pop(fut)
                    if self.embed:  # while files are still parsed, the workers have the cores
                        _embed_threads(1 if (parse or running) else None)
                    path = paths[i]
                    results[i] = self._guard(path, lambda fut=fut, path=path: self._unchanged(path) or self._finish(path, _outcome(fut)))
                    pages.finish(i)
                top_up()

            try:
                for i, path in enumerate(paths):
                    while i in running.values() or i in parse:
                        store_ready(0.1)
                    res = results.pop(i) if i in results else self.ingest(path)  # unchanged, or a repeat
                    pages.finish(i)
                    yield res
            finally:
                for fut in running:
                    fut.cancel()
                q.close()
                if self.embed and self._index is not None:
                    _embed_threads(None)

    def _guard(self, path: Path, step: Callable[[], IngestResult | None]) -> IngestResult | None:
        try:
            return step()
        except IngestError as e:
            return IngestResult(path, "failed", error=str(e), name=path.name)
        except Exception as e:  # a parser or store crash must not stop the other files
            return IngestResult(path, "failed", error=f"导入失败（{type(e).__name__}: {e}）", name=path.name)

    def _drop_earlier(self, path: Path) -> bool:
        """Remove this very file (same content) if an older parser stored it; True if it did."""
        same = self.store.find_by_sha(sha256_of(path))
        if same is None:
            return False
        self.store.delete(same.doc_id)
        if self.embed or self._has_index():
            self.index.delete_doc(same.doc_id)
        return True

    def _unchanged(self, path: Path) -> IngestResult | None:
        """The result for a file already stored as it is (same content, parser, and index when embedding)."""
        if path.exists() and path.is_file() and path.stat().st_size > 0:
            same = self.store.find_by_sha(sha256_of(path))
            if same is not None and same.parser == PARSER_VERSION and (not self.embed or self.index.count(same.doc_id) > 0):
                return IngestResult(path, "unchanged", info=_info(same, self._uploads), name=path.name)
        return None

    @staticmethod
    def _parse(path: Path, progress: Progress | None) -> Document | BaseException:
        try:
            return read_document(path, progress)
        except Exception as e:
            return e

    def _finish(self, path: Path, parsed: Document | BaseException) -> IngestResult:
        """Store a parsed document (or report why it was not parsed)."""
        if isinstance(parsed, NotDisclosure):
            if self._drop_earlier(path):
                raise NotDisclosure(f"{parsed}；此前用旧版程序导入的这个文件已从存储中删除") from parsed
            raise parsed
        if isinstance(parsed, IngestError):
            raise parsed
        if isinstance(parsed, BaseException):
            raise IngestError(f"解析失败（{type(parsed).__name__}: {parsed}）") from parsed
        doc = parsed
        old = [d.doc_id for d in self.store.find_by_path(doc.path) if d.doc_id != doc.doc_id]
        same = self.store.find_by_sha(doc.sha256)
        if same is not None:
            old.append(same.doc_id)  # same content elsewhere, or indexed without embeddings before
        ids: list[str] = []
        try:
            if self.embed:
                ids, texts, metas, vecs = self.index.embed(doc)
                self.index.add(ids, texts, metas, vecs)
            self.store.replace(doc, old)
        except BaseException as e:
            if ids:
                try:
                    self.index.delete_ids(ids)
                except Exception:
                    pass  # the SQL store never got the document; its stray chunks are overwritten on retry
            if not isinstance(e, Exception):
                raise
            raise IngestError(f"写入存储失败，存储保持原样（{type(e).__name__}: {e}）") from e
        rec = self.store.document(doc.doc_id)
        result = IngestResult(
            path,
            "replaced" if old and doc.doc_id not in old else "ingested",
            doc=doc,
            info=_info(rec, self._uploads) if rec is not None else None,
            name=path.name,
        )
        stale = [o for o in dict.fromkeys(old) if o != doc.doc_id]
        if doc.doc_id in old and ids:
            try:  # read again by a newer parser: drop this document's chunks the new reading no longer has
                self.index.prune(doc.doc_id, ids)
            except Exception as e:
                result.warning = f"旧版本的索引条目未能删除（{type(e).__name__}: {e}）"
        if stale and (self.embed or self._has_index()):
            try:
                for o in stale:
                    self.index.delete_doc(o)
            except Exception as e:
                result.warning = f"旧版本的索引条目未能删除（{type(e).__name__}: {e}）"
        return result


_torch_threads: list[int] = []


def _embed_threads(n: int | None) -> None:
    """Threads the embedding model may use in this process (None: torch's own default). Two parse
    workers and a two-thread model on two cores spin against each other: ingest took 1.6x as long."""
    import torch

    if not _torch_threads:
        _torch_threads.append(torch.get_num_threads())
    torch.set_num_threads(n or _torch_threads[0])


def _content_key(path: Path) -> str:
    """The file's content hash, or its path when it cannot be read (it then fails in its turn)."""
    try:
        return sha256_of(path)
    except OSError:
        return str(path.resolve())


def _outcome(fut: Future) -> Document | BaseException:
    try:
        return fut.result()
    except Exception as e:  # raised in the worker (a bad file), or the worker died
        return e


# ---------------------------------------------------------------- the service


class IngestService:
    """Everything the web app and the CLI do with the store, on plain model objects.

    One per store (``settings.home``) and embedding mode; safe to share between threads."""

    LOADED_MAX = 16

    def __init__(self, settings: Settings, embed: bool = True):
        self.settings = settings
        self.embed = embed
        self.store = Store(settings.db_path)
        self.uploads = upload_dir(settings)
        self._ingestor: Ingestor | None = None
        self._lock = threading.Lock()
        self._loaded: OrderedDict[tuple[str, str], Document] = OrderedDict()

    @property
    def ingestor(self) -> Ingestor:
        with self._lock:
            if self._ingestor is None:
                self._ingestor = Ingestor(self.settings, embed=self.embed, store=self.store)
            return self._ingestor

    # ------------------------------------------------------------ reading

    def documents(self) -> list[DocumentInfo]:
        """Every stored document, by department, year and file name."""
        uploads = self.uploads.resolve()
        return [_info(r, uploads) for r in self.store.documents()]

    def document(self, doc_id: str) -> DocumentInfo | None:
        rec = self.store.document(doc_id) if doc_id else None
        return _info(rec, self.uploads.resolve()) if rec is not None else None

    def find(self, ref: str) -> DocumentInfo | None:
        """A stored document by id, or by the path (or file name) of its source file; None if none or several."""
        info = self.document(ref)
        if info is not None:
            return info
        p = Path(ref)
        recs = self.store.find_by_path(str(p.resolve())) if p.exists() else []
        if not recs:
            recs = [d for d in self.store.documents() if d.path == ref or d.source == ref or Path(d.path).name == p.name]
            if len(recs) != 1:
                return None
        return _info(recs[0], self.uploads.resolve())

    def load(self, doc_id: str | None) -> Document | None:
        """The whole document (tables, rows, text) from the store; cached while its record is unchanged."""
        rec = self.store.document(doc_id) if doc_id else None
        if rec is None:
            return None
        key = (rec.doc_id, rec.ingested_at or "")
        with self._lock:
            doc = self._loaded.get(key)
        if doc is None:
            doc = self.store.load(rec.doc_id)
            if doc is None:
                return None
            with self._lock:
                self._loaded[key] = doc
                while len(self._loaded) > self.LOADED_MAX:
                    self._loaded.popitem(last=False)
        return doc

    def table_rows(self, doc_id: str | None = None) -> Iterator[StoredRow]:
        """Every stored table row (of one document, or of all), with its document and table."""
        uploads = self.uploads.resolve()
        infos: dict[str, DocumentInfo] = {}
        for d, t, r in self.store.table_rows(doc_id):
            info = infos.get(d.doc_id)
            if info is None:
                info = infos[d.doc_id] = _info(d, uploads)
            yield StoredRow(
                doc=info,
                table_idx=t.idx,
                table=t.title,
                table_kind=t.kind,
                unit=t.unit,
                row={
                    "index": r.idx,
                    "label": r.label,
                    "code": r.code,
                    "side": r.side,
                    "unit_name": r.unit_name,
                    "level": r.level,
                    "values": dict(r.values or {}),
                    "page": r.page,
                    "bbox": r.bbox,
                    "kind": r.kind,
                },
            )

    def source_path(self, doc_id: str) -> Path | None:
        """The document's source file (what page images are rendered from); None if not stored."""
        rec = self.store.document(doc_id) if doc_id else None
        return Path(rec.path) if rec is not None else None

    def audit_report(self, doc_id: str) -> Report | None:
        """The document's publication-check report (stored with it; recomputed when out of date)."""
        from ingest.audit_store import report_for

        return report_for(self.store, doc_id)

    # ------------------------------------------------------------ writing

    def ingest(self, paths: Sequence[Path], on_pages: Progress | None = None) -> Iterator[IngestResult]:
        """Ingest files (several parsed in parallel); results in the order given."""
        yield from self.ingestor.ingest_many(paths, on_pages)

    def ingest_upload(self, upload: Path | bytes, name: str, on_pages: Progress | None = None) -> IngestResult:
        """Save an upload (a temporary file, or its bytes) in the store under a generated name, and ingest it.

        ``name`` is the name it was uploaded under: it decides the format and is what lists show. The
        saved copy is kept only while a stored document points at it."""
        return next(iter(self.ingest_uploads([(upload, name)], on_pages)))

    def ingest_uploads(
        self, uploads: Sequence[tuple[Path | bytes, str]], on_pages: Progress | None = None
    ) -> list[IngestResult]:
        """``ingest_upload`` for several uploads, parsed in parallel; results in the order given."""
        results: list[IngestResult | None] = [None] * len(uploads)
        saved: list[tuple[int, Path, bool]] = []
        for k, (upload, name) in enumerate(uploads):
            shown = clean_name(name)
            fmt = SUFFIXES.get(Path(shown).suffix.lower())
            if fmt is None:
                suffix = Path(shown).suffix or "无扩展名"
                results[k] = IngestResult(Path(shown), "failed", error=f"不支持的文件类型“{suffix}”（支持 PDF、XLSX、Markdown）", name=shown)
                continue
            try:
                path, created = self._save_upload(upload, fmt, shown)
            except FileNotFoundError:
                results[k] = IngestResult(Path(shown), "failed", error="上传的文件已不存在，请重新上传", name=shown)
                continue
            except OSError as e:
                results[k] = IngestResult(Path(shown), "failed", error=f"无法保存上传的文件（{type(e).__name__}）", name=shown)
                continue
            saved.append((k, path, created))
        done = self.ingestor.ingest_many([p for _, p, _ in saved], on_pages) if saved else iter(())
        for (k, path, created), res in zip(saved, done, strict=True):
            shown = clean_name(uploads[k][1])
            res.name = shown
            if not res.ok:  # never show where uploads live on the server
                for p in (str(path.resolve()), str(path)):
                    res.error = res.error.replace(p, shown)
            # keep the saved copy only if a document in the store points at it
            elsewhere = res.status == "unchanged" and self.source_path(res.doc_id or "") != path.resolve()
            if created and (not res.ok or elsewhere):
                self._remove_upload(path)
            results[k] = res
        return [r for r in results if r is not None]

    def _save_upload(self, upload: Path | bytes, fmt: str, name: str) -> tuple[Path, bool]:
        """Copy into the upload folder as ``<sha256[:16]><ext>``, with the shown name beside it.

        The saved name comes from the content hash and the format only. Returns the path and whether it is new."""
        self.uploads.mkdir(parents=True, exist_ok=True)
        tag = threading.get_ident()
        if isinstance(upload, bytes):
            digest = hashlib.sha256(upload).hexdigest()
        else:
            digest = sha256_of(Path(upload))
        dest = self.uploads / f"{digest[:16]}{_EXT[fmt]}"
        created = not dest.exists()
        if created:
            tmp = self.uploads / f".{dest.name}.{tag}.part"
            if isinstance(upload, bytes):
                tmp.write_bytes(upload)
            else:
                shutil.copyfile(upload, tmp)
            os.replace(tmp, dest)
        _name_note(dest).write_text(name, encoding="utf-8")
        return dest.resolve(), created

    def _remove_upload(self, path: Path) -> None:
        if path.parent == self.uploads.resolve():
            path.unlink(missing_ok=True)
            _name_note(path).unlink(missing_ok=True)

    def delete(self, doc_id: str) -> bool:
        """Remove a document from the store and the index (and its saved upload copy). False if not stored."""
        rec = self.store.document(doc_id) if doc_id else None
        if rec is None:
            return False
        self.store.delete(rec.doc_id)
        if self.embed or Path(self.settings.chroma_path).is_dir():
            self.ingestor.index.delete_doc(rec.doc_id)
        path = Path(rec.path)
        if not self.store.find_by_path(rec.path):
            self._remove_upload(path)
        return True


_services: dict[tuple[str, bool], IngestService] = {}
_services_lock = threading.Lock()


def service_for(settings: Settings, embed: bool = True) -> IngestService:
    """One ``IngestService`` per settings and embedding mode in this process (the model loads once)."""
    key = (settings.model_dump_json(), embed)
    with _services_lock:
        if key not in _services:
            _services[key] = IngestService(settings, embed=embed)
        return _services[key]

