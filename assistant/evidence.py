"""Evidence: a cited table row or passage. It flows from retrieval to the answer, so a
citation is never matched back after the fact."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ingest.model import BBox


class _CitationBase(BaseModel):
    """What every citation says: which document, which page, where on it."""

    n: int
    doc: str
    department: str
    year: int | None = None
    page: int
    source: str = ""
    bbox: BBox | None = None

    @property
    def where(self) -> str:
        return f"{self.department} {self.year or ''}".strip()


class RowCitation(_CitationBase):
    """A table row as printed: its table (title and index in the document), label, code, values, unit."""

    kind: Literal["row"] = "row"
    table: str
    table_idx: int | None = None
    row: str
    code: str = ""
    values: dict[str, str] = Field(default_factory=dict)
    unit: str | None = None
    side: str = ""

    def line(self) -> str:
        """One line of plain text (CLI, LLM evidence block)."""
        vals = "，".join(f"{k}={v}" for k, v in self.values.items()) or "（空白）"
        code = f" {self.code}" if self.code else ""
        return (f"[{self.n}] {self.where} 《{self.table}》 第{self.page}页 “{self.row}”{code}：{vals}"
                f"（单位：{self.unit or '未注明'}）")


class TextCitation(_CitationBase):
    """A narrative passage: its heading path and text."""

    kind: Literal["text"] = "text"
    section: str = ""
    text: str

    def line(self) -> str:
        return f"[{self.n}] {self.where} {self.section} 第{self.page}页：{self.text}"


Citation = Annotated[RowCitation | TextCitation, Field(discriminator="kind")]


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

    @property
    def label(self) -> str:
        return f"{self.department}{self.year or ''}年{self.scope}{self.kind}"


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
