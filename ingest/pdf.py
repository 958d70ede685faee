"""PDF reader: pdfplumber tables (ruled, with a text-alignment fallback) and page text.

Produces grids (for ingest.tables) and positioned text lines (for ingest.narrative).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
from pdfplumber.table import Table

from ingest.grid import Grid, GridCell, GridRow
from ingest.model import BBox, IngestError
from ingest.text import UNIT_RE, clean, is_number, is_title_line


@dataclass
class Line:
    text: str
    page: int
    bbox: BBox
    size: float  # font size of the first char
    x0: float
    in_table: bool = False


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    grids: list[Grid] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # text outside tables, top to bottom
    left_margin: float = 0.0


def check_pdf(path: Path) -> None:
    """Raise IngestError with a Chinese reason for files that are not readable PDFs.

    Looks at the bytes only (cheap): an empty file, a file that is not a PDF at all (an HTML
    error page, an Office document or an image saved as .pdf: the reason says what it looks
    like), a PDF cut short (no ``%%EOF`` / ``startxref`` at its end).
    """
    size = path.stat().st_size
    if size == 0:
        raise IngestError("空文件（0 字节）")
    with path.open("rb") as f:
        head = f.read(1024)
        f.seek(max(0, size - 2048))
        tail = f.read()
    if b"%PDF-" not in head:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").lower()
        looks = ""
        if start.startswith(b"<") and any(t in start for t in (b"<html", b"<!doctype html", b"<head", b"<body")):
            looks = "，看起来是 HTML 网页，可能是下载失败时保存下来的错误页面"
        elif start.startswith(b"<?xml") or start.startswith(b"<"):
            looks = "，看起来是 XML/HTML 文本"
        elif start.startswith(b"pk\x03\x04"):
            looks = "，看起来是 ZIP 压缩包或 Office 文档（.docx / .xlsx）"
        elif start.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            looks = "，看起来是旧版 Office 文档（.doc / .xls）"
        elif start.startswith(b"\x89png") or start.startswith(b"\xff\xd8\xff"):
            looks = "，看起来是图片"
        raise IngestError(f"不是 PDF 文件（文件头不是 %PDF{looks}）")
    if b"%%EOF" not in tail and b"startxref" not in tail:
        raise IngestError("PDF 文件不完整（文件末尾缺少 %%EOF，可能下载或复制时被截断）")


def open_pdf(path: Path) -> pdfplumber.PDF:
    """Open a PDF for reading, or raise IngestError with a Chinese reason naming what is wrong.

    Reasons: those of check_pdf; encrypted (a PDF that needs a password to open: pdfminer raises
    PDFPasswordIncorrect for the empty password; or an encryption scheme pdfminer cannot read);
    incomplete (the parser ran into the end of the file); damaged (anything else the parser
    rejects); no pages; no text layer (a scanned PDF: no page uses a font, and no page yields a
    character).

    A PDF with only an owner (permissions) password opens without a password in every viewer;
    its restrictions on copying or printing do not stop reading the figures it discloses, so it
    is read like any other PDF.
    """
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psexceptions import PSEOF

    check_pdf(path)
    pdf = None
    try:
        pdf = pdfplumber.open(path)
        pages = pdf.pages  # forces the page tree
    except Exception as e:  # pdfminer raises many kinds; pdfplumber wraps them in PdfminerException
        if pdf is not None:
            pdf.close()
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        name = type(cause).__name__
        if isinstance(cause, PDFEncryptionError) or "Password" in name or "Encrypt" in name:
            if "Password" in name:
                raise IngestError("PDF 已加密，需要密码才能打开；请先解除密码（另存为不加密的 PDF）再导入") from e
            raise IngestError(f"PDF 已加密，加密方式无法读取（{cause}）") from e
        if isinstance(cause, PSEOF):
            raise IngestError("PDF 文件不完整（解析时文件提前结束，可能下载或复制时被截断）") from e
        raise IngestError(f"PDF 文件已损坏，无法解析（{name}）") from e
    if not pages:
        pdf.close()
        raise IngestError("PDF 没有任何页面")

    def uses_font(resources: object, depth: int = 0) -> bool:
        res = resolve1(resources)
        if not isinstance(res, dict) or depth > 5:
            return False
        if resolve1(res.get("Font")):
            return True
        for key in ("XObject", "Pattern"):
            objs = resolve1(res.get(key))
            if isinstance(objs, dict):
                for obj in objs.values():
                    obj = resolve1(obj)
                    if isinstance(obj, PDFStream) and uses_font(obj.attrs.get("Resources"), depth + 1):
                        return True
        return False

    try:
        has_text = any(uses_font(p.page_obj.resources) for p in pages) or any(p.chars for p in pages)
    except Exception:
        has_text = True  # let the reader report what is wrong with the pages
    if not has_text:
        pdf.close()
        raise IngestError("PDF 没有文字层（可能是扫描件），无法提取表格和文字")
    return pdf


def _spans(table, rows) -> tuple[list[float], list[float]]:
    """Left edges of grid columns and tops of grid rows."""
    xs: dict[int, float] = {}
    ncols = max(len(r.cells) for r in rows)
    for j in range(ncols):
        lefts = [r.cells[j][0] for r in rows if j < len(r.cells) and r.cells[j] is not None]
        xs[j] = min(lefts) if lefts else (xs[j - 1] + 1 if j else 0)
    tops = [r.bbox[1] for r in rows]
    return [xs[j] for j in range(ncols)], tops


def _on_rules(table) -> list[dict] | None:
    """The page's chars with text set across the table's row rules moved half a line up, or None.

    Some generators (重庆 部门预算 tables) draw each row's rule through the middle of its codes and amounts
    while the row's name sits in the upper half: read by their centres, the amounts land one row too low and
    the last row falls out of the table. When a good share of the table's chars straddle a rule, each such
    char is read by its upper half (the row it belongs to)."""
    rules = sorted({r.bbox[1] for r in table.rows} | {table.bbox[3]})
    x0, top, x1, bottom = table.bbox
    chars = table.page.chars
    inside = [c for c in chars if c["text"].strip() and x0 <= (c["x0"] + c["x1"]) / 2 <= x1
              and top <= (c["top"] + c["bottom"]) / 2 <= bottom + 1.5]
    if len(table.rows) < 3 or not inside:
        return None

    def straddles(c: dict) -> bool:
        mid = (c["top"] + c["bottom"]) / 2
        return any(c["top"] + 1 < y < c["bottom"] - 1 and abs(mid - y) < 1.5 for y in rules)

    moved = {id(c) for c in inside if straddles(c)}
    if len(moved) < _STRADDLE_SHARE * len(inside):
        return None
    out = []
    for c in chars:
        if id(c) in moved:
            half = (c["bottom"] - c["top"]) / 2
            c = {**c, "top": c["top"] - half, "bottom": c["bottom"] - half}
        out.append(c)
    return out


_STRADDLE_SHARE = 0.2


_LOW_MARK = re.compile(r"^[、，。：；]$")


def _low_marks(table, chars: list[dict]) -> list[dict] | None:
    """Punctuation set a few points lower than the text it belongs to, moved into that text's line, or None.

    Some generators (重庆 部门预算) set "、" in another font 7.7 pt below the characters around it: read by
    its own height it forms a line of its own and the cell reads "一一般公共预算资金、". A line of such marks
    that sits between two characters of a line starting higher and overlapping it in height joins that line."""
    x0, top, x1, bottom = table.bbox
    inside = sorted((c for c in chars if c["text"].strip() and x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                     and top <= (c["top"] + c["bottom"]) / 2 <= bottom), key=lambda c: c["top"])
    lines: list[list[dict]] = []
    for c in inside:
        if lines and c["top"] - lines[-1][0]["top"] <= 1.0:
            lines[-1].append(c)
        else:
            lines.append([c])
    moved: dict[int, tuple[float, float]] = {}
    for c in inside:
        if not _LOW_MARK.match(c["text"]):
            continue
        for line in lines:  # a line starting higher, overlapping the mark in height, with characters on both sides
            if line[0]["top"] >= c["top"] - 1 or min(max(p["bottom"] for p in line), c["bottom"]) <= line[0]["top"] \
                    or min(p["bottom"] for p in line) <= c["top"]:
                continue
            near = [p for p in line if abs(p["x1"] - c["x0"]) < 2 or abs(p["x0"] - c["x1"]) < 2]
            if _fills_gaps(line, [c]) and any(p["x1"] <= c["x0"] + 0.5 for p in near) \
                    and any(p["x0"] >= c["x1"] - 0.5 for p in near):
                moved[id(c)] = (line[0]["top"], line[0]["bottom"])
                break
    if not moved:
        return None
    return [{**c, "top": moved[id(c)][0], "bottom": moved[id(c)][1]} if id(c) in moved else c for c in chars]


def table_to_grid(table, page_number: int) -> Grid:
    rows = table.rows
    chars = _on_rules(table)
    low = _low_marks(table, chars if chars is not None else table.page.chars)
    if low is not None or chars is not None:
        table = Table(SimpleNamespace(chars=low if low is not None else chars), table.cells)
    texts = table.extract(x_tolerance=1.5)
    lefts, tops = _spans(table, rows)
    grows: list[GridRow] = []
    for i, r in enumerate(rows):
        cells: list[GridCell | None] = []
        for j, bb in enumerate(r.cells):
            if bb is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = bb
            colspan = 1 + sum(1 for k in range(j + 1, len(lefts)) if lefts[k] < x1 - 1 and r.cells[k] is None)
            rowspan = 1 + sum(1 for k in range(i + 1, len(tops)) if tops[k] < bottom - 1)
            text = texts[i][j] if i < len(texts) and j < len(texts[i]) else ""
            cells.append(
                GridCell(text=text or "", colspan=colspan, rowspan=rowspan, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom))
            )
        x0, top, x1, bottom = r.bbox
        grows.append(GridRow(cells=cells, page=page_number, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom)))
    _fill_holes(grows, lefts, tops, table.bbox, table.page.chars)
    x0, top, x1, bottom = table.bbox
    return Grid(rows=grows, page=page_number, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom))


def _fill_holes(grows: list[GridRow], lefts: list[float], tops: list[float], bbox, chars: list[dict]) -> None:
    """Text printed in a part of the grid no cell covers (a label cell whose rules are not drawn: a 2019
    whole-department goal form's 年度总体目标 printed down its left edge) becomes a cell of the rows it spans."""
    ncols = len(lefts)
    boxes = [c.bbox for r in grows for c in r.cells if c is not None and c.bbox is not None]

    def covered(x: float, y: float) -> bool:
        return any(b.x0 - 0.5 <= x <= b.x1 + 0.5 and b.top - 0.5 <= y <= b.bottom + 0.5 for b in boxes)

    for j in range(ncols):
        x0, x1 = lefts[j], lefts[j + 1] if j + 1 < ncols else bbox[2]
        i = 0
        while i < len(grows):
            y = tops[i] + 1
            if j >= len(grows[i].cells) or grows[i].cells[j] is not None or covered(x0 + 1, y):
                i += 1
                continue
            k = i + 1  # the run of rows with the same hole
            while k < len(grows) and j < len(grows[k].cells) and grows[k].cells[j] is None \
                    and not covered(x0 + 1, tops[k] + 1):
                k += 1
            y0, y1 = tops[i], tops[k] if k < len(tops) else bbox[3]
            inside = [c for c in chars if c["text"].strip() and x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                      and y0 <= (c["top"] + c["bottom"]) / 2 <= y1]
            if inside and not covered((x0 + x1) / 2, (y0 + y1) / 2):
                lines: list[list[dict]] = []
                for c in sorted(inside, key=lambda c: c["top"]):
                    if lines and c["top"] - lines[-1][0]["top"] <= 1.0:
                        lines[-1].append(c)
                    else:
                        lines.append([c])
                grows[i].cells[j] = GridCell(text="\n".join(_chars_text(ln) for ln in lines), rowspan=k - i,
                                             bbox=BBox(x0=x0, top=y0, x1=x1, bottom=y1))
            i = k


_NUMERIC_LINE = re.compile(r"^[\d.,%\s\-]+$")


_NO_CJK = re.compile(r"^[^\u4e00-\u9fa5]+$")


def _fills_gaps(above: list[dict], chars: list[dict]) -> bool:
    """Whether every char sits in a horizontal gap between the chars of the line above."""
    return all(not any(p["x0"] + 0.5 < (c["x0"] + c["x1"]) / 2 < p["x1"] - 0.5 for p in above) for c in chars)


def _chars_text(chars: list[dict]) -> str:
    """Text of chars left to right, a space where a gap is wider than a third of the font size."""
    out, prev = [], None
    for c in sorted(chars, key=lambda c: c["x0"]):
        if prev is not None and c["x0"] - prev["x1"] > 0.33 * (c.get("size") or 10):
            out.append(" ")
        out.append(c["text"])
        prev = c
    return "".join(out).strip()


def _text_lines(page) -> list[dict]:
    """pdfplumber's text lines, with numbers set in another font a few points lower (上海 决算 pages:
    "机关运行经费支出 万元" over "184.65") put back into the line they belong to."""
    lines = page.extract_text_lines(layout=False, strip=True, return_chars=True)
    merged: list[dict] = []
    for tl in lines:
        prev = merged[-1] if merged else None
        if prev is not None and _NO_CJK.match(tl["text"]) and tl.get("chars") and prev.get("chars"):
            overlap = min(prev["bottom"], tl["bottom"]) - max(prev["top"], tl["top"])
            height = min(prev["bottom"] - prev["top"], tl["bottom"] - tl["top"])
            # numbers a few points lower; or numbers and punctuation set lower still, filling the gaps
            # the line above leaves for them (重庆: "年 三公 经费预算 万元" over "2026 “ ” 890.97 ,")
            if height > 0 and ((_NUMERIC_LINE.match(tl["text"]) and overlap >= 0.25 * height)
                               or (overlap > 0 and _fills_gaps(prev["chars"], tl["chars"]))):
                chars = prev["chars"] + tl["chars"]
                merged[-1] = {**prev, "text": _chars_text(chars), "chars": chars, "x0": min(prev["x0"], tl["x0"]),
                              "x1": max(prev["x1"], tl["x1"]), "bottom": max(prev["bottom"], tl["bottom"])}
                continue
        merged.append(tl)
    return merged


def _lines(page, boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    out: list[Line] = []
    for tl in _text_lines(page):
        text = tl["text"]
        if not text.strip():
            continue
        cx = (tl["x0"] + tl["x1"]) / 2
        cy = (tl["top"] + tl["bottom"]) / 2
        inside = any(b[0] - 2 <= cx <= b[2] + 2 and b[1] - 2 <= cy <= b[3] + 2 for b in boxes)
        size = tl["chars"][0]["size"] if tl.get("chars") else 0.0
        out.append(
            Line(
                text=text,
                page=page.page_number,
                bbox=BBox(x0=tl["x0"], top=tl["top"], x1=tl["x1"], bottom=tl["bottom"]),
                size=round(size, 1),
                x0=tl["x0"],
                in_table=inside,
            )
        )
    return out


_FRAGMENT = re.compile(r"^(元|万元|，|。|、)|[，。、；]$|^\d+\.$|^年$")
_PROSE = re.compile(r"^[，。、；：,.;:]$|[，。；]$")


def _plausible(table, page_width: float) -> bool:
    """Drop boxes around words (highlights, underlines) that find_tables reads as tables."""
    nrows = len(table.rows)
    ncols = max(len(r.cells) for r in table.rows)
    width = table.bbox[2] - table.bbox[0]
    if ncols < 2 or (nrows < 2 and ncols < 3):
        return False
    if width < 0.3 * page_width and nrows < 3:
        return False
    grid = table.extract()
    cells = [clean(c) for row in grid for c in row if c and clean(c)]
    # (rows that each print an amount beside their text are a table whose last column is sentences: goals, uses)
    amounts = sum(1 for row in grid if any(c and is_number(clean(c)) for c in row))
    if cells and sum(1 for c in cells if _PROSE.search(c)) > 0.3 * len(cells) and not (ncols >= 3 and amounts >= 2):
        return False
    if nrows == 1 and any(_FRAGMENT.search(c) for c in cells):
        return False  # a highlighted run of words inside a sentence
    return True


_TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text", "snap_tolerance": 3, "min_words_vertical": 3}


def read_page(page) -> PageContent:
    found = page.find_tables()
    # drop degenerate tables: a single cell or a single row (boxes around headings)
    tables = [t for t in found if _plausible(t, page.width)]
    pc = PageContent(number=page.page_number, width=page.width, height=page.height)
    boxes = [t.bbox for t in tables]
    pc.lines = _lines(page, boxes)
    for t in tables:
        pc.grids.append(table_to_grid(t, page.page_number))
    outside = [ln for ln in pc.lines if not ln.in_table]
    if outside:
        pc.left_margin = min(ln.x0 for ln in outside)
    return pc


def iter_pages(pdf: pdfplumber.PDF, progress: Callable[[int, int], None] | None = None) -> Iterator[PageContent]:
    n = len(pdf.pages)
    for i, page in enumerate(pdf.pages):
        pc = read_page(page)
        if not pc.grids and _looks_tabular(pc.lines):
            pc = _text_fallback(page, pc)
        yield pc
        page.flush_cache()
        if progress:
            progress(i + 1, n)


def _looks_tabular(lines: list[Line]) -> bool:
    """A page with a table title and several lines of amounts but no ruled table."""
    has_title = any(is_title_line(ln.text) for ln in lines)
    # table rows printed as text carry no sentence punctuation ("比上年增加 0.00 万元，增长 0.00%" is prose)
    numeric = sum(1 for ln in lines if len(re.findall(r"\d[\d,]*\.\d{2}", ln.text)) >= 2
                  and not re.search(r"[，。；：]|万元", ln.text))
    return has_title and numeric >= 3


def _text_fallback(page, pc: PageContent) -> PageContent:
    titles = [ln for ln in pc.lines if is_title_line(ln.text)]
    top = max((ln.bbox.bottom for ln in pc.lines if UNIT_RE.search(clean(ln.text))), default=None)
    if top is None:
        top = titles[-1].bbox.bottom if titles else 0
    crop = page.crop((0, min(top + 1, page.height - 1), page.width, page.height))
    tables = [t for t in crop.find_tables(_TEXT_SETTINGS) if len(t.rows) >= 2]
    if not tables:
        return pc
    boxes = [t.bbox for t in tables]
    pc.lines = _lines(page, boxes)
    pc.grids = [table_to_grid(t, page.page_number) for t in tables]
    return pc
