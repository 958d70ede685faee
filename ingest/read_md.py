"""A Markdown disclosure (a text conversion of the PDF) into the data model, through the same
grid, table, performance-table and narrative builders as the PDF reader.

Shape read: ``#`` headings (their levels are conversion artefacts: numbering decides the narrative
level), a table is a title heading, meta lines (``711 工会部门`` / ``预算年度：2026`` /
``单位：万元``) and a block of tab-separated rows; ``注：`` lines under it are its notes. A page
break inside a table shows as the meta lines and the header rows printed again (or, for
performance tables, just a new tab block after a blank line): such a block continues the table
on the next page. ``<b>``, ``**`` and ``- `` bullet markers are dropped; GitHub pipe tables are
read like tab rows. Lines of the 目录 (TOC) are not narrative; their printed page numbers are used
for pages. Narrative: numbered headings become headings at the level their numbering gives, an
unnumbered ``#`` heading is a part title, other unnumbered headings ("部门职责：") are lines as in
the PDF reader; a paragraph that a page break cut (no sentence-ending punctuation, the rest in the
next paragraph) is joined again.

Markdown has no merged cells. Header spans are inferred from empty cells: in a header row an
empty cell right of a group label, with text in the row below, continues the group (colspan); an
empty cell under a label continues that label downwards (rowspan). A known conversion slip is
repaired first: a row-spanning last header (上年结转, 预留中小微企业份额) printed one column early,
with the group's last child (其他收入, 非财政拨款结余) one column late.

Pages (1-based pages of the PDF rendering the text was converted from):
  * The 目录 gives printed page numbers. The front matter (a cover, if any text precedes the TOC,
    and the TOC itself, one page each) is unnumbered, so page = printed page + offset, where the
    offset is fixed by the first item after the TOC (it starts the page after the front matter).
  * A table title or a narrative heading named in the TOC is on page printed + offset.
  * Otherwise pages are counted: each continuation block of a table is one more page; a table
    title or a part title (unnumbered ``#`` heading) directly after a table starts a new page
    (one table per page, as disclosures print them); everything else stays on the current page.
  Narrative paragraphs therefore get the page where their TOC section (or the table before them)
  starts, not the page a long section has run on to: the text has no page marks beyond that.
  Without a TOC, counting starts at page 1.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest import meta as meta_mod
from ingest.builders import finish_all, start_builder
from ingest.grid import Grid, GridCell, GridRow
from ingest.model import Document, IngestError, Table
from ingest.narrative import NarrativeBuilder, TextLine, heading_level, is_heading
from ingest.tables import is_seq_row
from ingest.text import NOTE_RE, clean, find_unit, is_meta, is_number, is_title_line

Progress = Callable[[int, int], None]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TOC_ENTRY = re.compile(r"^(?P<text>.+?)\s*(?:\.{3,}|…{2,}|·{3,})\s*(?P<page>\d{1,4})\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\))\s+")
_TAGS = re.compile(r"</?(?:b|strong|i|em|u|span|font|br)\b[^>]*>", re.I)
_PIPE_RULE = re.compile(r"^:?-{2,}:?$")
_END = "。；！？!?;：:"


def _plain(text: str) -> str:
    """Markdown inline markup off: <b>, **, __, HTML entities."""
    t = _TAGS.sub("", text)
    t = t.replace("**", "").replace("__", "")
    return html.unescape(t)


# ---------------------------------------------------------------- tokens

@dataclass
class _Item:
    kind: str  # heading / text / rows / toc / blank
    text: str = ""
    level: int = 0  # markdown heading level
    rows: list[list[str]] = field(default_factory=list)
    page: int = 0  # printed page (toc entries)
    bullet: bool = False


def _tokens(lines: list[str]) -> list[_Item]:
    items: list[_Item] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            items.append(_Item("blank"))
            continue
        m = _HEADING.match(line)
        if m:
            items.append(_Item("heading", _plain(m.group(2)).strip(), level=len(m.group(1))))
            continue
        t = _TOC_ENTRY.match(line.strip())
        if t:
            items.append(_Item("toc", _plain(t.group("text")).strip(), page=int(t.group("page"))))
            continue
        pipe = line.strip().startswith("|") and line.count("|") >= 2
        if pipe and all(_PIPE_RULE.match(c.strip()) for c in line.strip().strip("|").split("|")):
            continue  # the |---|---| line under a pipe-table header
        if "\t" in line or pipe:
            parts = line.strip().strip("|").split("|") if pipe else line.split("\t")
            cells = [_plain(c).strip() for c in parts]
            if items and items[-1].kind == "rows":
                items[-1].rows.append(cells)
            else:
                items.append(_Item("rows", rows=[cells]))
            continue
        bullet = bool(_BULLET.match(line))
        text = _plain(_BULLET.sub("", line)).strip()
        items.append(_Item("text", text, bullet=bullet))
    return items


# ---------------------------------------------------------------- header spans

def _header_band(rows: list[list[str]]) -> int:
    """Header rows above the 栏次 row or the first row of amounts / codes."""
    for i in range(min(len(rows), 8)):
        vals = [clean(t) for t in rows[i] if clean(t)]
        if is_seq_row(rows[i]) or any(is_number(v) for v in vals):
            return i
    # text only: a header-only (empty) table, or a list whose first row is the header
    return len(rows) if len(rows) <= 3 else 1


def _repair_shift(t: list[list[str]], depth: int) -> None:
    """[A, ''] over ['', B] right of a group: A spans both rows one column later, B ends the group."""
    for r in range(depth - 1):
        top, low = t[r], t[r + 1]
        for j in range(1, len(top) - 1):
            if (
                top[j] and not top[j + 1] and not low[j] and low[j + 1]
                and not top[j - 1] and low[j - 1]
            ):
                top[j], top[j + 1] = "", top[j]
                low[j], low[j + 1] = low[j + 1], ""


def _spanned_header(rows: list[list[str]], depth: int, ncols: int) -> list[list[GridCell | None]]:
    """Header rows as grid cells with colspan / rowspan inferred from empty cells."""
    t = [(list(r) + [""] * ncols)[:ncols] for r in rows[:depth]]
    _repair_shift(t, depth)
    owner: list[list[tuple[int, int] | None]] = [[None] * ncols for _ in range(depth)]
    cells: list[list[GridCell | None]] = [[None] * ncols for _ in range(depth)]
    for r in range(depth):
        for j in range(ncols):
            if t[r][j]:
                cells[r][j] = GridCell(text=t[r][j])
                owner[r][j] = (r, j)
                continue
            left = owner[r][j - 1] if j > 0 else None
            above = owner[r - 1][j] if r > 0 else None
            below = r + 1 < depth and bool(t[r + 1][j])
            if left is not None and below and left[0] == r and t[r + 1][left[1]]:
                # a group label over several columns
                lc = cells[left[0]][left[1]]
                assert lc is not None
                lc.colspan += 1
                owner[r][j] = left
            elif above is not None and not below:
                ac = cells[above[0]][above[1]]
                assert ac is not None
                if above[1] == j and above[0] + ac.rowspan == r:
                    # all columns of that cell are empty here: it reaches down
                    span = range(j, j + ac.colspan)
                    if all(k < ncols and not t[r][k] for k in span):
                        ac.rowspan += 1
                owner[r][j] = above if above[0] + ac.rowspan > r else None
                if owner[r][j] is None:
                    cells[r][j] = GridCell(text="")
            else:
                cells[r][j] = GridCell(text="")
    return cells


def _grid(rows: list[list[str]], page: int) -> Grid:
    ncols = max((len(r) for r in rows), default=0)
    # trailing empty columns everywhere are tab noise
    while ncols > 1 and all(len(r) < ncols or not r[ncols - 1] for r in rows):
        ncols -= 1
    depth = _header_band(rows)
    head: list[list[GridCell | None]] = []
    if depth >= 2:
        head = _spanned_header(rows, depth, ncols)
    grows: list[GridRow] = [GridRow(cells=c, page=page) for c in head]
    for r in rows[len(head):]:
        texts = (list(r) + [""] * ncols)[:ncols]
        grows.append(GridRow(cells=[GridCell(text=x) for x in texts], page=page))
    return Grid(rows=grows, page=page)


# ---------------------------------------------------------------- events

@dataclass
class _TableEvent:
    grids: list[Grid]


@dataclass
class _LineEvent:
    line: TextLine
    level: int = 0  # explicit heading level (numbered markdown heading)


def _events(items: list[_Item]) -> tuple[list[_TableEvent | _LineEvent], list[str], list[str], int]:
    """Tables and narrative in order, with pages; also title lines and meta lines for meta.detect."""
    toc: dict[str, int] = {}
    for it in items:
        if it.kind == "toc":
            toc.setdefault(clean(it.text), it.page)
    events: list[_TableEvent | _LineEvent] = []
    heads: list[tuple[int, str]] = []  # (page, text) of headings: the "big" lines for meta.detect
    meta_lines: list[str] = []
    page = 1
    offset: int | None = None
    seen_content = False
    in_toc = False
    toc_done = False
    table: _TableEvent | None = None  # open table: takes continuation blocks and notes
    after_table = False  # nothing but blanks / meta / notes since the last table block
    pending_meta: list[str] = []
    prev_para: _LineEvent | None = None
    n = len(items)

    def next_kind(k: int, skip_meta: bool = True) -> _Item | None:
        while k < n:
            it = items[k]
            if it.kind == "blank" or (skip_meta and it.kind == "text" and is_meta(it.text)):
                k += 1
                continue
            return it
        return None

    def anchor(text: str) -> int | None:
        if offset is None:
            return None
        p = toc.get(clean(text))
        return p + offset if p is not None else None

    def flush_meta() -> None:
        nonlocal prev_para
        if pending_meta:
            for m in pending_meta:
                events.append(_LineEvent(TextLine(text=m, page=page, indent=True)))
            pending_meta.clear()
            prev_para = None

    i = 0
    while i < n:
        it = items[i]
        i += 1
        if it.kind == "blank":
            continue
        # the 目录: its title, section headings and entries
        toc_title = it.kind == "heading" and "目录" in clean(it.text)
        if (toc_title or it.kind == "toc") and not toc_done:
            if not in_toc and seen_content:
                page += 1  # the TOC starts after a cover page
            in_toc = True
            if toc_title:
                heads.append((page, it.text))
            continue
        if in_toc:
            nxt = next_kind(i, skip_meta=False)
            if it.kind == "heading" and nxt is not None and nxt.kind == "toc":
                continue  # a TOC section heading
            in_toc, toc_done = False, True
            page += 1
            p = toc.get(clean(it.text))
            offset = page - p if p is not None else page - 1
        if toc and not toc_done and it.kind == "text":
            heads.append((page, it.text))  # a cover before the TOC: every line counts
        seen_content = True

        if it.kind == "text" and NOTE_RE.match(it.text) and table is not None and after_table:
            table.grids[-1].notes.append(it.text)
            continue
        if it.kind == "text" and is_meta(it.text):
            nxt = next_kind(i)
            if nxt is not None and nxt.kind == "rows":
                pending_meta.append(it.text)
                continue
        if it.kind == "rows":
            continued = table is not None and after_table
            if continued:
                page += 1  # the table goes on over a page break
            grid = _grid(it.rows, page)
            if table is not None and continued:
                table.grids.append(grid)
            else:
                table = _TableEvent([grid])
                events.append(table)
            grid.meta = list(pending_meta)
            meta_lines.extend(pending_meta)
            pending_meta.clear()
            _unit(grid)
            after_table = True
            prev_para = None
            continue
        # a title: a heading (or a title-like line) right above meta lines and rows
        nxt = next_kind(i)
        is_title = (
            nxt is not None and nxt.kind == "rows" and (it.kind == "heading" or is_title_line(it.text))
        ) or (
            it.kind == "heading" and is_title_line(it.text) and _empty_table_follows(items, i)
        )
        if is_title:
            flush_meta()
            p = anchor(it.text)
            if p is not None:
                page = p
            elif after_table:
                page += 1  # one table per page
            grid = Grid(rows=[], page=page, title=clean(it.text))
            if nxt is not None and nxt.kind == "rows":
                # the rows come with the next items; open the table now
                j = i
                metas: list[str] = []
                while items[j].kind != "rows":
                    if items[j].kind == "text":
                        metas.append(items[j].text)
                    j += 1
                grid = _grid(items[j].rows, page)
                grid.title = clean(it.text)
                grid.meta = metas
                i = j + 1
            else:
                while i < n and (items[i].kind == "blank" or (items[i].kind == "text" and is_meta(items[i].text))):
                    if items[i].kind == "text":
                        grid.meta.append(items[i].text)
                    i += 1
            meta_lines.extend(grid.meta)
            heads.append((page, it.text))
            _unit(grid)
            table = _TableEvent([grid])
            events.append(table)
            after_table = True
            prev_para = None
            continue

        # narrative
        flush_meta()
        if it.kind == "heading":
            p = anchor(it.text)
            lvl = heading_level(it.text)
            if p is not None:
                page = p
            elif after_table and it.level == 1 and not lvl:
                page += 1  # a part title after the tables
            heads.append((page, it.text))
            if lvl:
                events.append(_LineEvent(TextLine(text=it.text, page=page, indent=True), level=lvl))
            else:
                big = it.level == 1
                events.append(_LineEvent(TextLine(text=it.text, page=page, indent=True, big=big)))
            prev_para = None
        else:
            # a paragraph cut by a page break goes on without sentence-ending punctuation
            joined = prev_para is not None and not it.bullet and prev_para.line.text[-1:] not in _END
            ev = _LineEvent(TextLine(text=it.text, page=page, indent=not joined))
            events.append(ev)
            prev_para = ev
        table = None
        after_table = False
    flush_meta()
    # the first pages' headings, page by page, as the PDF reader passes its big-font lines
    title_lines: list[str] = []
    for p in range(1, 4):
        title_lines.extend([t for q, t in heads if q == p] + [""])
    return events, title_lines, meta_lines, page


def _empty_table_follows(items: list[_Item], k: int) -> bool:
    """A title followed only by meta lines and a 注 (an empty table printed without rows)."""
    saw_meta = False
    while k < len(items):
        it = items[k]
        if it.kind == "blank":
            k += 1
            continue
        if it.kind == "text" and is_meta(it.text):
            saw_meta = True
            k += 1
            continue
        return saw_meta and it.kind == "text" and bool(NOTE_RE.match(it.text))
    return False


def _unit(grid: Grid) -> None:
    grid.unit = find_unit(grid.meta)
    if grid.unit is None and grid.rows:
        # 金额单位 printed inside a header cell
        head = [t for i in range(min(3, len(grid.rows))) for t in grid.texts(i)]
        grid.unit = find_unit([t for t in head if "单位" in t])


# ---------------------------------------------------------------- document

def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise IngestError("Markdown 文件编码无法识别（既不是 UTF-8 也不是 GBK）")


def read_md(path: Path, progress: Progress | None = None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError("Markdown 文件无法读取") from e
    if not data:
        raise IngestError("空文件（0 字节）")
    if b"\x00" in data[:4096]:
        raise IngestError("不是文本文件，无法作为 Markdown 读取")
    items = _tokens(_decode(data).splitlines())
    events, title_lines, meta_lines, last_page = _events(items)
    doc = Document(source=path.name, path=str(path.resolve()), format="md")
    tables: list[Table] = []
    narrative = NarrativeBuilder()
    for k, ev in enumerate(events):
        if isinstance(ev, _TableEvent):
            first = ev.grids[0]
            if not first.title:
                # untitled: name it by the nearest heading, as the PDF reader does
                first.title = narrative.path[-1][1] if narrative.path else "未命名表格"
            builder = start_builder(first)
            for g in ev.grids[1:]:
                if not builder.accepts(g):
                    # not the same table after all: a new, untitled one
                    tables.extend(finish_all(builder))
                    g.title = first.title
                    builder = start_builder(g)
                    continue
                builder.extend(g)
                if builder.table.unit is None and g.unit:
                    builder.table.unit = g.unit
            tables.extend(finish_all(builder))
        else:
            ln = ev.line
            if ev.level and not is_heading(ln.text):
                # a numbered markdown heading too long for the line rule is still a heading
                narrative.heading(ev.level, ln.text.strip())
            else:
                narrative.line(ln)
        if progress and (k % 20 == 0 or k == len(events) - 1):
            progress(k + 1, len(events))
    doc.pages = max([last_page] + [p for t in tables for p in t.pages])
    doc.tables = [t for t in tables if t.rows or t.empty]
    doc.paragraphs = narrative.finish()
    meta_mod.apply(doc, title_lines, meta_lines)
    return doc
