"""An XLSX disclosure into the data model, through the same grid builders as the PDF reader.

Layout expected (what budget systems export): one worksheet per table; above the table a title
row and meta rows (``711 工会部门`` / ``预算年度：2026`` / ``单位：万元``); the table itself with
merged header cells; ``注：`` rows under it. A sheet may hold several tables one under another
(each starting at its own title row). Worksheets without any table row are read as narrative.

Values are the texts Excel would display: numbers are formatted with the cell's number format
(``#,##0.00`` gives ``93.80``), so amounts stay "as printed" like in the PDF reader.

Pages. A workbook has no printed page numbers, and exports usually carry no print layout (the
sample has no row breaks, print areas or page setup). The page of a row is therefore its
*print page in the workbook's own pagination*: every worksheet starts a new page and every
manual row break (``ws.row_breaks``) starts another; Excel's automatic breaks are ignored since
they depend on the printer and paper. Without manual breaks this is simply the 1-based index of
the worksheet among the visible sheets, so a citation reads "page n" = "the n-th sheet". It is
not the page of the same table in a PDF rendering of the disclosure. Hidden sheets are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from ingest import meta as meta_mod
from ingest.builders import finish_all, start_builder
from ingest.grid import Grid, GridCell, GridRow
from ingest.model import Document, IngestError, Table
from ingest.narrative import NarrativeBuilder, TextLine
from ingest.text import NOTE_RE, TITLE_PREFIX_ONLY, clean, find_unit, is_meta, is_title_line

Progress = Callable[[int, int], None]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---------------------------------------------------------------- opening

def _open_workbook(path: Path):
    import openpyxl

    with path.open("rb") as f:
        head = f.read(8)
    if not head:
        raise IngestError("空文件（0 字节）")
    if head.startswith(_OLE_MAGIC):
        raise IngestError("这是旧版 Excel（.xls）或加密的工作簿，请在 Excel 中另存为 .xlsx 后再导入")
    if not head.startswith(b"PK"):
        raise IngestError("不是 XLSX 文件（文件头不是 ZIP 格式）")
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as e:
        raise IngestError("XLSX 文件已损坏，无法读取") from e
    except Exception as e:  # openpyxl raises many kinds for broken parts
        raise IngestError(f"XLSX 文件已损坏，无法读取（{type(e).__name__}）") from e


# ---------------------------------------------------------------- cell text

_DECIMALS = re.compile(r"0\.(0+)")


def cell_text(value: object, number_format: str = "General") -> str:
    """The text Excel displays for a cell value (common number formats only)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        fmt = (number_format or "General").split(";")[0]
        if fmt == "@":
            return str(value)
        if fmt == "General" or not re.search(r"[0#]", fmt):
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            if isinstance(value, float):
                # Excel shows General numbers without binary noise (0.1 + 0.2 -> 0.3)
                return f"{round(value, 10):.10f}".rstrip("0").rstrip(".")
            return str(value)
        pct = "%" in fmt
        v = value * 100 if pct else value
        m = _DECIMALS.search(fmt)
        places = len(m.group(1)) if m else 0
        text = f"{v:,.{places}f}" if "," in fmt else f"{v:.{places}f}"
        return text + ("%" if pct else "")
    return str(value)


# ---------------------------------------------------------------- sheet into blocks

class _Sheet:
    """A worksheet as a text matrix plus merged ranges and print pages per row."""

    def __init__(self, ws, first_page: int):
        self.title = ws.title
        self.nrows = ws.max_row
        self.ncols = ws.max_column
        self.text: list[list[str]] = []
        for row in ws.iter_rows(min_row=1, max_row=self.nrows, max_col=self.ncols):
            self.text.append([cell_text(c.value, c.number_format).strip() for c in row])
        # merged ranges by top-left (0-based row, col) -> (rowspan, colspan)
        self.merges: dict[tuple[int, int], tuple[int, int]] = {}
        self.covered: set[tuple[int, int]] = set()
        for rng in ws.merged_cells.ranges:
            r0, c0 = rng.min_row - 1, rng.min_col - 1
            self.merges[(r0, c0)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row - 1, rng.max_row):
                for c in range(rng.min_col - 1, rng.max_col):
                    if (r, c) != (r0, c0):
                        self.covered.add((r, c))
        breaks = sorted(b.id for b in ws.row_breaks.brk if b.id)
        self.pages: list[int] = []
        page = first_page
        for r in range(self.nrows):
            # a break "id" is the 1-based row after which the new page starts
            while breaks and breaks[0] <= r:
                breaks.pop(0)
                page += 1
            self.pages.append(page)
        self.last_page = page

    def values(self, r: int) -> list[str]:
        return [t for t in self.text[r] if t]

    def row_width(self, r: int) -> int:
        """Columns used by row r, merged cells included."""
        last = 0
        for c in range(self.ncols):
            if self.text[r][c] or (r, c) in self.merges or (r, c) in self.covered:
                last = c + 1
                if (r, c) in self.merges:
                    last = max(last, c + self.merges[(r, c)][1])
        return last


def _is_title_row(sheet: _Sheet, r: int) -> bool:
    vals = sheet.values(r)
    if len(vals) != 1:
        return False
    t = vals[0]
    if NOTE_RE.match(t) or is_meta(t):
        return False
    wide = sheet.merges.get((r, sheet.text[r].index(t)), (1, 1))[1] >= 2
    return is_title_line(t) or (wide and len(clean(t)) <= 60 and not any(p in t for p in "。；"))


def _is_meta_row(sheet: _Sheet, r: int) -> bool:
    vals = sheet.values(r)
    if not vals or len(vals) > 4:
        return False
    return all(is_meta(t) for t in vals)


def _is_note_row(sheet: _Sheet, r: int) -> bool:
    vals = sheet.values(r)
    return len(vals) == 1 and bool(NOTE_RE.match(vals[0]))


def _grid(sheet: _Sheet, rows: list[int]) -> Grid:
    """The table rows of a sheet as a grid; merged cells clipped to these rows."""
    ncols = max((sheet.row_width(r) for r in rows), default=0)
    inside = set(rows)
    grows: list[GridRow] = []
    for r in rows:
        cells: list[GridCell | None] = []
        for c in range(ncols):
            if (r, c) in sheet.covered and _owner_inside(sheet, r, c, inside):
                cells.append(None)
                continue
            rowspan, colspan = sheet.merges.get((r, c), (1, 1))
            rowspan = sum(1 for k in range(r, r + rowspan) if k in inside)
            colspan = min(colspan, ncols - c)
            cells.append(GridCell(text=sheet.text[r][c], colspan=colspan, rowspan=max(rowspan, 1)))
        grows.append(GridRow(cells=cells, page=sheet.pages[r]))
    return Grid(rows=grows, page=sheet.pages[rows[0]] if rows else 1)


def _owner_inside(sheet: _Sheet, r: int, c: int, inside: set[int]) -> bool:
    for (r0, c0), (rs, cs) in sheet.merges.items():
        if r0 <= r < r0 + rs and c0 <= c < c0 + cs:
            return r0 in inside
    return False


def _is_text_row(sheet: _Sheet, r: int) -> bool:
    """A sentence on its own row: narrative, not a table row."""
    vals = sheet.values(r)
    return len(vals) == 1 and len(clean(vals[0])) > 30 and any(p in vals[0] for p in "。；，")


def _segments(sheet: _Sheet) -> list[Grid | tuple[int, str]]:
    """A sheet top to bottom: tables (title, meta, grid, notes) and narrative rows (row, text)."""
    out: list[Grid | tuple[int, str]] = []
    r = 0
    n = sheet.nrows
    while r < n:
        if not sheet.values(r):
            r += 1
            continue
        start = r
        title = ""
        meta: list[str] = []
        # title and meta rows above a table; the title is the one nearest the table
        while r < n and (not sheet.values(r) or _is_title_row(sheet, r) or _is_meta_row(sheet, r)):
            if _is_meta_row(sheet, r):
                meta.extend(sheet.values(r))
            elif sheet.values(r) and not TITLE_PREFIX_ONLY.match(clean(sheet.values(r)[0])):
                title = clean(sheet.values(r)[0])
            r += 1
        body: list[int] = []
        while r < n and not _is_note_row(sheet, r):
            if body:
                tabular = any(len(sheet.values(k)) >= 2 for k in body)
                if _is_title_row(sheet, r) or (tabular and _is_text_row(sheet, r)):
                    break
                if not tabular and len(sheet.values(r)) >= 2:
                    break
            if sheet.values(r) or any((r, c) in sheet.covered for c in range(sheet.ncols)):
                body.append(r)
            r += 1
        notes: list[str] = []
        while r < n and (_is_note_row(sheet, r) or not sheet.values(r)):
            if sheet.values(r):
                notes.append(sheet.values(r)[0])
            r += 1
        if body and not any(len(sheet.values(k)) >= 2 for k in body):
            # no table here: single-cell rows are narrative text
            out.extend((k, sheet.values(k)[0]) for k in range(start, r) if sheet.values(k))
            continue
        if not body and not title:
            out.extend((k, sheet.values(k)[0]) for k in range(start, r) if sheet.values(k))
            continue
        grid = _grid(sheet, body) if body else Grid(rows=[], page=sheet.pages[start])
        grid.title = title
        grid.meta = meta
        grid.unit = find_unit(meta)
        grid.notes = notes
        if grid.unit is None:
            # 金额单位 printed inside a header cell
            head = [t for i in range(min(3, len(grid.rows))) for t in grid.texts(i)]
            grid.unit = find_unit([t for t in head if "单位" in t])
        out.append(grid)
    return out


# ---------------------------------------------------------------- document

def read_xlsx(path: Path, progress: Progress | None = None) -> Document:
    wb = _open_workbook(path)
    try:
        sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
        doc = Document(source=path.name, path=str(path.resolve()), format="xlsx")
        tables: list[Table] = []
        narrative = NarrativeBuilder()
        heads: list[tuple[int, str]] = []  # (page, title) for meta.detect
        meta_lines: list[str] = []
        page = 1
        builder = None
        for i, ws in enumerate(sheets):
            sheet = _Sheet(ws, page)
            page = sheet.last_page + 1
            tables_here = 0
            text_here = False
            for seg in _segments(sheet):
                if not isinstance(seg, Grid):
                    k, text = seg
                    if len(clean(text)) <= 60:
                        heads.append((sheet.pages[k], text))
                    if builder is not None:
                        # narrative text between tables ends a table
                        tables.extend(finish_all(builder))
                        builder = None
                    narrative.line(TextLine(text=text, page=sheet.pages[k], indent=True))
                    text_here = True
                    continue
                grid = seg
                meta_lines.extend(grid.meta)
                if grid.title:
                    heads.append((grid.page, grid.title))
                # an untitled table further down the same sheet continues the one above it
                if tables_here and not grid.title and builder is not None and builder.accepts(grid):
                    builder.extend(grid)
                    if builder.table.unit is None and grid.unit:
                        builder.table.unit = grid.unit
                    continue
                if builder is not None:
                    tables.extend(finish_all(builder))
                if not grid.title:
                    # untitled: the heading above it on this sheet, else the sheet name
                    grid.title = narrative.path[-1][1] if narrative.path and text_here else clean(sheet.title)
                builder = start_builder(grid)
                tables_here += 1
            if builder is not None:
                # a new sheet is a new table
                tables.extend(finish_all(builder))
                builder = None
            if progress:
                progress(i + 1, len(sheets))
    finally:
        wb.close()
    doc.pages = page - 1
    doc.tables = [t for t in tables if t.rows or t.empty]
    doc.paragraphs = narrative.finish()
    # the first pages' titles, page by page, as the PDF reader passes its big-font lines
    title_lines: list[str] = []
    for p in range(1, 4):
        title_lines.extend([t for q, t in heads if q == p] + [""])
    meta_mod.apply(doc, title_lines, meta_lines)
    return doc
