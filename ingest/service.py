"""Ingest service: files in, documents in the store and the index. The public surface of ingest/."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.disclosure import NotDisclosure
from ingest.disclosure import check as check_disclosure
from ingest.model import PARSER_VERSION, Document, IngestError
from ingest.settings import Settings
from ingest.store import Store

SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx", ".md": "md", ".markdown": "md"}
Progress = Callable[[int, int], None]


@dataclass
class IngestResult:
    path: Path
    status: str  # ingested / replaced / unchanged / failed
    doc: Document | None = None
    error: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


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


class Ingestor:
    """Writes documents to the structured store and the vector index, all or nothing.

    The SQL store is the record: a document is in the store when its SQL transaction committed.
    Order of a write: (1) the new chunks are added to the index (new ids: ``doc_id`` is the
    content hash, so they never overwrite another version's chunks); (2) one SQL transaction
    deletes the old versions (same path, or same content) and inserts the new one; (3) only then
    are the old versions' chunks deleted from the index. A failure in (1) or (2) deletes the
    chunks added in (1) and leaves SQL as it was (the transaction rolls back), so the store and
    the index hold exactly what they held before. A failure in (3) leaves stale chunks of a
    document no longer in SQL; the result carries a warning (``extra["warning"]``), and readers
    should resolve index hits through SQL, dropping those whose document is gone.

    With ``embed=False`` nothing is embedded, but old versions replaced in SQL are still removed
    from an existing index, so the index never holds chunks of a replaced version.
    """

    def __init__(self, settings: Settings, embed: bool = True):
        self.settings = settings
        self.store = Store(settings.db_path)
        self.embed = embed
        self._index = None

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
        try:
            return self._ingest(path, progress)
        except IngestError as e:
            return IngestResult(path, "failed", error=str(e))
        except Exception as e:  # a parser or store crash must not stop the other files
            return IngestResult(path, "failed", error=f"导入失败（{type(e).__name__}: {e}）")

    def _drop_earlier(self, path: Path) -> bool:
        """Remove this very file (same content) if an older parser stored it; True if it did."""
        same = self.store.find_by_sha(sha256_of(path))
        if same is None:
            return False
        self.store.delete(same.doc_id)
        if self.embed or self._has_index():
            self.index.delete_doc(same.doc_id)
        return True

    def _ingest(self, path: Path, progress: Progress | None) -> IngestResult:
        if path.exists() and path.is_file() and path.stat().st_size > 0:
            sha = sha256_of(path)
            same = self.store.find_by_sha(sha)
            if same is not None and same.parser == PARSER_VERSION and (not self.embed or self.index.count(same.doc_id) > 0):
                return IngestResult(path, "unchanged", extra={"doc_id": same.doc_id, "rec": same})
        try:
            doc = read_document(path, progress)
        except NotDisclosure as e:
            if self._drop_earlier(path):
                raise NotDisclosure(f"{e}；此前用旧版程序导入的这个文件已从存储中删除") from e
            raise
        except IngestError:
            raise
        except Exception as e:
            raise IngestError(f"解析失败（{type(e).__name__}: {e}）") from e
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
        result = IngestResult(path, "replaced" if old and doc.doc_id not in old else "ingested", doc=doc)
        stale = [o for o in dict.fromkeys(old) if o != doc.doc_id]
        if doc.doc_id in old and ids:
            try:  # read again by a newer parser: drop this document's chunks the new reading no longer has
                self.index.prune(doc.doc_id, ids)
            except Exception as e:
                result.extra["warning"] = f"旧版本的索引条目未能删除（{type(e).__name__}: {e}）"
        if stale and (self.embed or self._has_index()):
            try:
                for o in stale:
                    self.index.delete_doc(o)
            except Exception as e:
                result.extra["warning"] = f"旧版本的索引条目未能删除（{type(e).__name__}: {e}）"
        return result
