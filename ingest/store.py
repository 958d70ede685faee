"""The structured store: SQLite through SQLAlchemy (any SQLAlchemy URL works).

Every row keeps its document, table, page, row, code and printed values.
A document is written in one transaction; replacing one is delete + insert in that same
transaction, so a failure leaves the store as it was.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    inspect,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ingest.model import BBox, Document, Paragraph, Row, Table


class Base(DeclarativeBase):
    pass


class DocRec(Base):
    __tablename__ = "documents"
    doc_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(512))
    path: Mapped[str] = mapped_column(String(2048), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    parser: Mapped[str] = mapped_column(String(16), default="")
    format: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(512), default="")
    department: Mapped[str] = mapped_column(String(256), default="", index=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="")
    scope: Mapped[str] = mapped_column(String(16), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    n_tables: Mapped[int] = mapped_column(Integer, default=0)
    n_rows: Mapped[int] = mapped_column(Integer, default=0)
    n_sections: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    ingested_at: Mapped[str] = mapped_column(String(40), default="")


class TableRec(Base):
    __tablename__ = "tables"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(512))
    kind: Mapped[str] = mapped_column(String(64), index=True)
    unit: Mapped[str | None] = mapped_column(String(8), nullable=True)
    columns: Mapped[list] = mapped_column(JSON, default=list)
    pages: Mapped[list] = mapped_column(JSON, default=list)
    empty: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[list] = mapped_column(JSON, default=list)
    bbox: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class RowRec(Base):
    __tablename__ = "rows"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, index=True)
    code: Mapped[str] = mapped_column(String(64), default="", index=True)
    side: Mapped[str] = mapped_column(String(16), default="")
    unit_name: Mapped[str] = mapped_column(String(256), default="")
    level: Mapped[int] = mapped_column(Integer, default=0)
    values: Mapped[dict] = mapped_column(JSON, default=dict)
    page: Mapped[int] = mapped_column(Integer)
    bbox: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="")


class ParaRec(Base):
    __tablename__ = "paragraphs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    heading_path: Mapped[list] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    bbox: Mapped[dict | None] = mapped_column(JSON, nullable=True)


def _bbox(b: BBox | None) -> dict | None:
    return b.model_dump() if b is not None else None


def _unbox(d: dict | None) -> BBox | None:
    return BBox(**d) if d else None


def meta_of(rec: DocRec) -> dict:
    """A stored document's record as the fields of ``DocumentMeta`` (what both the parsed document and
    the listing carry)."""
    return {
        "doc_id": rec.doc_id, "source": rec.source, "sha256": rec.sha256, "parser": rec.parser or "",
        "format": rec.format, "title": rec.title, "department": rec.department, "year": rec.year,
        "kind": rec.kind, "scope": rec.scope, "pages": rec.pages, "warnings": list(rec.warnings or []),
    }


class Store:
    def __init__(self, url_or_path: str | Path):
        url = str(url_or_path)
        if "://" not in url:
            Path(url).parent.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{url}"
        self.engine: Engine = create_engine(url)
        if url.startswith("sqlite"):

            @event.listens_for(self.engine, "connect")
            def _fk(dbapi_conn: Any, _rec: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.close()

        Base.metadata.create_all(self.engine)
        self._migrate()

    def _migrate(self) -> None:
        """Columns added after a store was created (SQLite keeps old files as they are)."""
        cols = {c["name"] for c in inspect(self.engine).get_columns("documents")}
        if "parser" not in cols:
            with self.engine.begin() as conn:
                conn.execute(sql_text("ALTER TABLE documents ADD COLUMN parser VARCHAR(16) NOT NULL DEFAULT ''"))

    # ---------------------------------------------------------------- writes

    def find_by_sha(self, sha256: str) -> DocRec | None:
        with Session(self.engine) as s:
            return s.scalars(select(DocRec).where(DocRec.sha256 == sha256)).first()

    def find_by_path(self, path: str) -> list[DocRec]:
        with Session(self.engine) as s:
            return list(s.scalars(select(DocRec).where(DocRec.path == path)))

    def replace(self, doc: Document, old_ids: list[str]) -> None:
        """Insert doc and delete old versions, in one transaction."""
        with Session(self.engine) as s, s.begin():
            for old in old_ids:
                self._delete(s, old)
            s.add(
                DocRec(
                    doc_id=doc.doc_id,
                    source=doc.source,
                    path=doc.path,
                    sha256=doc.sha256,
                    parser=doc.parser,
                    format=doc.format,
                    title=doc.title,
                    department=doc.department,
                    year=doc.year,
                    kind=doc.kind,
                    scope=doc.scope,
                    pages=doc.pages,
                    n_tables=len(doc.tables),
                    n_rows=doc.n_rows,
                    n_sections=len(doc.sections),
                    warnings=list(doc.warnings),
                    ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
            s.flush()
            for ti, t in enumerate(doc.tables):
                trec = TableRec(
                    doc_id=doc.doc_id,
                    idx=ti,
                    title=t.title,
                    kind=t.kind,
                    unit=t.unit,
                    columns=t.columns,
                    pages=t.pages,
                    empty=t.empty,
                    notes=t.notes,
                    bbox=_bbox(t.bbox),
                )
                s.add(trec)
                s.flush()
                s.add_all(
                    RowRec(
                        doc_id=doc.doc_id,
                        table_id=trec.id,
                        idx=r.index,
                        label=r.label,
                        code=r.code,
                        side=r.side,
                        unit_name=r.unit_name,
                        level=r.level,
                        values=r.values,
                        page=r.page,
                        bbox=_bbox(r.bbox),
                        kind=r.kind,
                    )
                    for r in t.rows
                )
            s.add_all(
                ParaRec(
                    doc_id=doc.doc_id,
                    idx=p.index,
                    heading_path=p.heading_path,
                    text=p.text,
                    page=p.page,
                    bbox=_bbox(p.bbox),
                )
                for p in doc.paragraphs
            )

    @staticmethod
    def _delete(s: Session, doc_id: str) -> None:
        s.execute(delete(RowRec).where(RowRec.doc_id == doc_id))
        s.execute(delete(TableRec).where(TableRec.doc_id == doc_id))
        s.execute(delete(ParaRec).where(ParaRec.doc_id == doc_id))
        s.execute(delete(DocRec).where(DocRec.doc_id == doc_id))

    def delete(self, doc_id: str) -> None:
        with Session(self.engine) as s, s.begin():
            self._delete(s, doc_id)

    # ---------------------------------------------------------------- reads

    def documents(self) -> list[DocRec]:
        with Session(self.engine) as s:
            return list(s.scalars(select(DocRec).order_by(DocRec.department, DocRec.year, DocRec.source)))

    def document(self, doc_id: str) -> DocRec | None:
        with Session(self.engine) as s:
            return s.get(DocRec, doc_id)

    def load(self, doc_id: str) -> Document | None:
        """The whole document back as the data model."""
        with Session(self.engine) as s:
            d = s.get(DocRec, doc_id)
            if d is None:
                return None
            doc = Document(**meta_of(d), path=d.path)
            trecs = list(s.scalars(select(TableRec).where(TableRec.doc_id == doc_id).order_by(TableRec.idx)))
            rows_by_table: dict[int, list[RowRec]] = {}
            for r in s.scalars(select(RowRec).where(RowRec.doc_id == doc_id).order_by(RowRec.table_id, RowRec.idx)):
                rows_by_table.setdefault(r.table_id, []).append(r)
            for t in trecs:
                doc.tables.append(
                    Table(
                        title=t.title,
                        kind=t.kind,
                        unit=t.unit,
                        columns=list(t.columns or []),
                        pages=list(t.pages or []),
                        empty=t.empty,
                        notes=list(t.notes or []),
                        bbox=_unbox(t.bbox),
                        rows=[
                            Row(
                                index=r.idx,
                                label=r.label,
                                code=r.code,
                                side=r.side,
                                unit_name=r.unit_name,
                                level=r.level,
                                values=dict(r.values or {}),
                                page=r.page,
                                bbox=_unbox(r.bbox),
                                kind=r.kind,
                            )
                            for r in rows_by_table.get(t.id, [])
                        ],
                    )
                )
            for p in s.scalars(select(ParaRec).where(ParaRec.doc_id == doc_id).order_by(ParaRec.idx)):
                doc.paragraphs.append(
                    Paragraph(heading_path=list(p.heading_path or []), text=p.text, page=p.page, bbox=_unbox(p.bbox), index=p.idx)
                )
            return doc

    def table_rows(self, doc_id: str | None = None) -> list[tuple[DocRec, TableRec, RowRec]]:
        with Session(self.engine) as s:
            q = (
                select(DocRec, TableRec, RowRec)
                .join(TableRec, TableRec.doc_id == DocRec.doc_id)
                .join(RowRec, RowRec.table_id == TableRec.id)
                .order_by(DocRec.department, DocRec.doc_id, TableRec.idx, RowRec.idx)
            )
            if doc_id:
                q = q.where(DocRec.doc_id == doc_id)
            return [tuple(r) for r in s.execute(q)]  # type: ignore[misc]
