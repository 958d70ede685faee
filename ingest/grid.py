"""The reader-neutral table grid: what every reader (PDF, XLSX, Markdown) hands to
`ingest.tables`, which turns it into model `Table`s.

A grid cell is None where a merged cell from the left or from above covers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import BBox


@dataclass
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    bbox: BBox | None = None


@dataclass
class GridRow:
    cells: list[GridCell | None]
    page: int
    bbox: BBox | None = None


@dataclass
class Grid:
    """One table as printed on one page (or a whole sheet)."""

    rows: list[GridRow]
    page: int
    title: str = ""  # empty: no title found above it (a continuation, or an untitled table)
    title_bbox: BBox | None = None
    unit: str | None = None
    meta: list[str] = field(default_factory=list)  # lines between title and table (dept, year, unit)
    notes: list[str] = field(default_factory=list)  # 注：… lines under the table
    head_line: list[str] = field(default_factory=list)  # column names printed as a line above it, not in the grid
    bbox: BBox | None = None

    @property
    def ncols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    def texts(self, i: int) -> list[str]:
        """Row i as strings ('' for covered or blank cells)."""
        return [c.text if c is not None else "" for c in self.rows[i].cells]
