"""Audit findings kept with their document in the structured store.

A report is stored once per document and recomputed when the document was read by another parser
version, the rules changed (AUDIT_VERSION, a fingerprint of ingest/audit.py's source) or the file's
content changed (a new sha256).
The table lives in the store's database beside the documents; it is created on first use.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import JSON, String, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

import ingest.audit as audit_module
from ingest.audit import Report, audit
from ingest.store import Store


def _rules_version() -> str:
    """A fingerprint of the rules' source: any change to ingest/audit.py recomputes stored reports."""
    src = Path(audit_module.__file__).read_bytes()
    return hashlib.sha256(src).hexdigest()[:12]


AUDIT_VERSION = _rules_version()


class _Base(DeclarativeBase):
    pass


class AuditRec(_Base):
    __tablename__ = "audits"
    doc_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    parser: Mapped[str] = mapped_column(String(16), default="")
    version: Mapped[str] = mapped_column(String(16), default="")
    report: Mapped[dict] = mapped_column(JSON, default=dict)
    computed_at: Mapped[str] = mapped_column(String(40), default="")


def _ensure(store: Store) -> None:
    _Base.metadata.create_all(store.engine)


def report_for(store: Store, doc_id: str) -> Report | None:
    """The document's audit report: stored if current, else computed and stored. None if no such document."""
    rec = store.document(doc_id)
    if rec is None:
        return None
    _ensure(store)
    with Session(store.engine) as s:
        a = s.get(AuditRec, doc_id)
        if a is not None and (a.sha256, a.parser, a.version) == (rec.sha256, rec.parser or "", AUDIT_VERSION):
            return Report.model_validate(a.report)
    doc = store.load(doc_id)
    if doc is None:
        return None
    report = audit(doc)
    with Session(store.engine) as s, s.begin():
        s.execute(delete(AuditRec).where(AuditRec.doc_id == doc_id))
        s.add(
            AuditRec(
                doc_id=doc_id,
                sha256=rec.sha256,
                parser=rec.parser or "",
                version=AUDIT_VERSION,
                report=report.model_dump(mode="json"),
                computed_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        # reports of documents no longer in the store
        known = {d.doc_id for d in store.documents()}
        for old in s.scalars(select(AuditRec.doc_id)).all():
            if old not in known:
                s.execute(delete(AuditRec).where(AuditRec.doc_id == old))
    return report


def counts_for(store: Store, doc_id: str) -> dict[str, int] | None:
    r = report_for(store, doc_id)
    return r.counts() if r is not None else None
