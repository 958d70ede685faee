"""The one data model every stage passes along.

A disclosure becomes a `Document` holding `Table`s of `Row`s and `Paragraph`s.
Amounts stay as the printed strings; `parse_amount` turns one into a Decimal on demand.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, Field, TypeAdapter

Unit = Literal["元", "万元", "千元", "亿元"]


class BBox(BaseModel):
    """A box on a page in PDF points, origin top-left (pdfplumber's x0, top, x1, bottom)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: BBox | None) -> BBox:
        if other is None:
            return self
        return BBox(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class Row(BaseModel):
    """One data row of a table, as printed."""

    index: int  # 0-based order within the table
    label: str  # row name (科目名称 / 项目 / 指标), cleaned of spacing
    code: str = ""  # normalised subject code (2012901, 30201) or a perf-table key
    side: str = ""  # for two-sided tables: 收入 / 支出
    unit_name: str = ""  # the body a row belongs to, for tables broken down by unit
    level: int = 0  # 1 类 / 2 款 / 3 项 from the code, 0 unknown
    values: dict[str, str] = Field(default_factory=dict)  # column path -> printed value (blanks omitted)
    page: int  # 1-based page in the source file
    bbox: BBox | None = None
    kind: str = ""  # "indicator" for performance indicators; "" otherwise


class Table(BaseModel):
    title: str  # as printed, whitespace removed
    kind: str = "other"  # standard-table key from ingest.tables.classify
    unit: str | None = None  # 元 / 万元 as printed in the unit line
    columns: list[str] = Field(default_factory=list)  # column paths, "本年收入/财政拨款收入"
    rows: list[Row] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)
    empty: bool = False  # printed with no data (空表 / 本表无数据)
    notes: list[str] = Field(default_factory=list)
    bbox: BBox | None = None  # of the title line, on pages[0]


CONTENTS = "目录"  # the heading of a release's contents entries (each entry a paragraph under it)
COVER = "封面"  # the heading of a release's cover lines (one paragraph: title, unit, date)
SCORE_TOTAL = re.compile(r"总分|总得分|综合得分|合计得分|得分合计")  # a self-evaluation form's total score row (fullmatch)


class Paragraph(BaseModel):
    heading_path: list[str] = Field(default_factory=list)  # "一、…" > "（一）…" > "1、…"
    text: str
    page: int
    bbox: BBox | None = None
    index: int = 0

    @property
    def in_contents(self) -> bool:
        """An entry of the release's 目录: what it says it holds, not narrative."""
        return bool(self.heading_path) and self.heading_path[0] == CONTENTS


# bump when parsing changes what is stored: files read by an older parser are read again on ingest
PARSER_VERSION = "38"


class DocumentMeta(BaseModel):
    """What a document is: shared by the parsed document and the stored document's listing."""

    doc_id: str = ""
    source: str  # file name as given
    sha256: str = ""
    parser: str = ""
    format: Literal["pdf", "xlsx", "md"]
    title: str = ""
    department: str = ""
    year: int | None = None
    kind: str = ""  # 预算 / 决算
    scope: str = ""  # 部门 / 单位
    pages: int = 0
    warnings: list[str] = Field(default_factory=list)


class Document(DocumentMeta):
    parser: str = PARSER_VERSION
    path: str = ""  # resolved path at ingest
    tables: list[Table] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return sum(len(t.rows) for t in self.tables)

    @property
    def sections(self) -> list[str]:
        seen: dict[str, None] = {}
        for p in self.paragraphs:
            numbered = [h for h in p.heading_path if re.match(r"^[一二三四五六七八九十]+、", h)]
            head = numbered[0] if numbered else (p.heading_path[0] if p.heading_path else "")
            if head:
                seen.setdefault(head, None)
        return list(seen)


class DocumentInfo(DocumentMeta):
    """A stored document as lists show it: what it is and how much it holds, without its tables and text.

    ``name`` is the file name to show: the name a web upload was uploaded under, else ``source``."""

    doc_id: str
    name: str
    n_tables: int = 0
    n_rows: int = 0
    n_sections: int = 0
    ingested_at: str = ""


class StoredRow(BaseModel):
    """One stored table row with its document and table (what `budgetqa tables` prints)."""

    doc: DocumentInfo
    table_idx: int
    table: str
    table_kind: str = "other"
    unit: str | None = None
    row: Row


class IngestError(Exception):
    """A file that cannot be ingested; the message names the reason in Chinese."""


_AMOUNT = re.compile(r"^[-−]?\(?[-−]?\d{1,3}(,\d{3})+(\.\d+)?\)?$|^[-−]?\d+(\.\d+)?$")


def is_amount(text: str) -> bool:
    t = text.strip().replace(" ", "")
    return bool(t) and bool(_AMOUNT.match(t))


def parse_amount(text: str) -> Decimal | None:
    """'32,365.090089' -> Decimal('32365.090089'); blank or non-numeric -> None."""
    t = text.strip().replace(" ", "").replace(",", "").replace("−", "-")
    if not t or t in {"-", "—", "--"}:
        return None
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    try:
        d = Decimal(t)
    except InvalidOperation:
        return None
    return -d if neg else d


def code_level(code: str) -> int:
    """Functional-class codes: 3 digits 类, 5 款, 7 项. Economic: 3 类, 5 款."""
    if not code.isdigit():
        return 0
    return {3: 1, 5: 2, 7: 3}.get(len(code), 0)


# ---------------------------------------------------------------- citations

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
    columns: list[str] = Field(default_factory=list)  # the columns a finding is about (publication check)

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

_CITATION_LIST = TypeAdapter(list[Citation])


def as_citations(items: list) -> list[Citation]:
    """Citations from their JSON form (session state, merged findings); typed ones pass through."""
    return _CITATION_LIST.validate_python([c if isinstance(c, dict) else c.model_dump() for c in items])
