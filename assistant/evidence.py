"""Evidence: a cited table row or passage. It flows from retrieval to the answer, so a
citation is never matched back after the fact."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import BBox, Citation, RowCitation, TextCitation

__all__ = ["Citation", "DocInfo", "Evidence", "RowCitation", "RowEvidence", "TextCitation", "TextEvidence"]




@dataclass(frozen=True)
class DocInfo:
    doc_id: str
    department: str
    year: int | None
    kind: str  # 预算 / 决算
    scope: str  # 部门 / 单位
    source: str
    title: str = ""
    context: str = ""  # department, title, unit names and opening text: what the document says it is about
    units: tuple[str, ...] = ()  # the units (bodies inside the department) its tables and headings list
    unit_aliases: tuple[tuple[str, str], ...] = ()  # one unit printed under two names ("X学院（Y学院）")

    @property
    def label(self) -> str:
        return f"{self.department}{self.year or ''}年{self.scope}{self.kind}"

    @property
    def release(self) -> str:
        """One release, however many files print it (北京: 报表 and 说明)."""
        return self.label


@dataclass
class RowEvidence:
    doc: DocInfo
    table: str
    table_kind: str
    unit: str | None
    label: str
    code: str
    page: int
    values: dict[str, str]
    side: str = ""
    unit_name: str = ""
    kind: str = ""  # indicator / text / ""
    bbox: BBox | None = None
    row_idx: int = 0
    table_idx: int = 0
    score: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.doc.doc_id}:r:{self.table_idx}:{self.row_idx}"

    def citation(self, n: int) -> RowCitation:
        return RowCitation(
            n=n, doc=self.doc.doc_id, department=self.doc.department, year=self.doc.year, page=self.page,
            source=self.doc.source, bbox=self.bbox, table=self.table, table_idx=self.table_idx, row=self.label,
            code=self.code, values=dict(self.values), unit=self.unit, side=self.side,
        )


@dataclass
class TextEvidence:
    doc: DocInfo
    section: str  # heading path joined with " > "
    page: int
    text: str
    bbox: BBox | None = None
    para_idx: int = 0
    score: float = 0.0
    sentences: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.doc.doc_id}:p:{self.para_idx}"

    def citation(self, n: int) -> TextCitation:
        return TextCitation(
            n=n, doc=self.doc.doc_id, department=self.doc.department, year=self.doc.year, page=self.page,
            source=self.doc.source, bbox=self.bbox, section=self.section, text=self.text,
        )


Evidence = RowEvidence | TextEvidence
