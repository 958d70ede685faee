"""A PDF disclosure into the data model: grids get their titles, units and continuations;
text outside tables becomes narrative."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ingest import meta as meta_mod
from ingest.builders import finish_all, start_builder
from ingest.grid import Grid
from ingest.model import Document, IngestError, Table
from ingest.narrative import PART_TITLE, NarrativeBuilder, TextLine, heading_level, is_heading
from ingest.pdf import Line, PageContent, iter_pages, open_pdf
from ingest.text import (
    NOTE_RE,
    PAGE_NO_RE,
    TITLE_PREFIX_ONLY,
    TOC_RE,
    clean,
    find_unit,
    is_meta,
    is_short_title,
    is_title_line,
)

_META_KEY = re.compile(r"^(部门名称|预算单位|单位名称|部门（单位）名称|主管部门|预算部门)$")
_BARE_YEAR = re.compile(r"^20\d\d$")
_HEAD_WORD = re.compile(r"[一二三]级指标|指标(?:内容|名称|值)|(?:年度)?指标值|绩效指标|分值|得分")  # a form's column names
_YEAR_NOTE = re.compile(r"^[（(]20\d\d年度?[）)]$")  # "（2026年度）" under a form's title
_YEAR_LINE = re.compile(r"^[（(]?(20\d\d)年度?[）)]?$")

Progress = Callable[[int, int], None]


def _is_cover(lines: list[Line]) -> bool:
    """A first page of a few short lines and no sentence: the cover (title, unit, date), not the text's start."""
    texts = [clean(ln.text) for ln in lines if clean(ln.text)]
    return 0 < len(texts) <= 15 and not any("。" in t or len(t) > 40 for t in texts)


def _title_from_grid(grid: Grid) -> bool:
    """A whole-page grid may hold the title and unit line in its first rows. True if it did."""
    found = False
    while grid.rows:
        texts = [t for t in grid.texts(0) if clean(t)]
        if not texts and len(grid.rows) > 1:
            grid.rows.pop(0)
            continue
        if len(texts) == 1 and TITLE_PREFIX_ONLY.match(clean(texts[0])) and not found and len(grid.rows) > 1:
            grid.rows.pop(0)  # "表11" in a row of its own above the title row
            continue
        if len(texts) == 1 and is_title_line(texts[0]) and not found:
            found = True
            grid.title = clean(texts[0])
            grid.rows.pop(0)
            continue
        if texts and all(is_meta(t) for t in texts) and len(texts) <= 3:
            grid.meta.extend(texts)
            grid.unit = grid.unit or find_unit(texts)
            grid.rows.pop(0)
            continue
        break
    return found


_COLUMN_UNIT = re.compile(r"[（(](万元|元)[）)]$")


def _running_lines(pages: list[PageContent]) -> set[str]:
    """Page headers / footers repeated on many pages (not page numbers)."""
    seen: Counter[str] = Counter()
    for pc in pages:
        out = [ln for ln in pc.lines if not ln.in_table]
        for ln in {clean(x.text) for x in out[:2] + out[-2:]}:
            if ln and not PAGE_NO_RE.match(ln) and not is_meta(ln) and not is_title_line(ln):
                seen[ln] += 1
    limit = max(3, int(0.3 * len(pages)))
    return {t for t, n in seen.items() if n >= limit}


def _years_in_titles(tables: list[Table]) -> list[str]:
    return [m.group(1) for t in tables for m in [re.search(r"(20\d\d)年", t.title)] if m]


# an entry's leader dots and page number (a number only after dots or a space: "附件1" keeps its 1)
_ENTRY_TAIL = re.compile(r"(?:\s*(?:\.{3,}|…{2,}|·{3,}|-{3,})\s*\d{0,4}|\s+\d{1,4})\s*$")


def _entry(text: str) -> bool:
    """A line a 目录 lists: short, no sentence in it."""
    flat = clean(_ENTRY_TAIL.sub("", text))
    return 1 <= len(flat) <= 40 and not re.search(r"[。；;，,]", flat)


def _contents(pc: PageContent, outside: list[Line], listing: bool) -> tuple[list[Line], bool]:
    """The 目录 entries a page prints (after a "目录" line, or all its lines when the 目录 runs on from the page
    before), and whether the 目录 may run on to the next page."""
    lines = [ln for ln in outside if clean(ln.text) and not PAGE_NO_RE.match(ln.text.strip())]
    at = next((k for k, ln in enumerate(lines) if clean(ln.text) == "目录"), None)
    if at is not None:
        after = lines[at + 1:]
        n = next((k for k, ln in enumerate(after) if not _entry(ln.text)), len(after))
        if n == 0:
            return [], False
        return lines[at: at + 1 + n], n == len(after) and not pc.grids and not any(ln.in_table for ln in pc.lines)
    if listing and lines and not pc.grids and not any(ln.in_table for ln in pc.lines) and all(_entry(ln.text) for ln in lines) \
            and any(heading_level(clean(ln.text)) or PART_TITLE.match(clean(ln.text)) for ln in lines):
        return lines, True
    return [], False


def read_pdf(path: Path, progress: Progress | None = None) -> Document:
    pdf = open_pdf(path)
    try:
        pages: list[PageContent] = list(iter_pages(pdf, progress))
        n_pages = len(pdf.pages)
    finally:
        pdf.close()
    if not any(pc.lines for pc in pages):
        raise IngestError("PDF 没有文字层（可能是扫描件），无法提取表格和文字")
    return assemble(path, pages, n_pages)


def assemble(path: Path, pages: list[PageContent], n_pages: int) -> Document:
    doc = Document(source=path.name, path=str(path.resolve()), format="pdf", pages=n_pages)
    # body font size: the most common size of lines outside tables
    sizes = Counter(ln.size for pc in pages for ln in pc.lines if not ln.in_table and len(clean(ln.text)) > 15)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    left = Counter(round(pc.left_margin) for pc in pages if pc.left_margin)
    running = _running_lines(pages)
    for pc in pages:
        pc.lines = [ln for ln in pc.lines if ln.in_table or clean(ln.text) not in running]
        # the text's left edge, without running headers and page numbers (indents are measured from it)
        body_x = [ln.x0 for ln in pc.lines if not ln.in_table and len(clean(ln.text)) >= 6 and not PAGE_NO_RE.match(ln.text.strip())]
        if body_x:
            pc.left_margin = min(body_x)
    tables: list[Table] = []
    builder = None
    narrative = NarrativeBuilder()
    pending_title: Line | None = None
    meta_lines: list[str] = []
    title_lines: list[str] = []

    listing = False  # inside the 目录, which may run onto the next page
    for pc in pages:
        outside = [ln for ln in pc.lines if not ln.in_table]
        entries, listing = _contents(pc, outside, listing)
        if entries:
            narrative.contents([TextLine(text=_ENTRY_TAIL.sub("", ln.text), page=ln.page, bbox=ln.bbox, size=ln.size)
                                for ln in entries])
            taken = {id(ln) for ln in entries}
            outside = [ln for ln in outside if id(ln) not in taken]
            pc.lines = [ln for ln in pc.lines if id(ln) not in taken]
        if pc.number <= 3 and pc.lines:
            # a cover may sit inside a ruled box: use every line of a sparse page
            cand = pc.lines if len(pc.lines) < 20 else outside
            if cand:
                top_size = max(ln.size for ln in cand)
                title_lines.extend(
                    ln.text
                    for ln in cand
                    if (ln.size >= 0.75 * top_size or meta_mod.is_labelled(ln.text)) and not TOC_RE.search(ln.text)
                )
            title_lines.append("")
        if sum(1 for ln in outside if TOC_RE.search(ln.text)) >= 3:
            # a table of contents: neither narrative nor titles
            continue
        for ln in pc.lines:
            m = _YEAR_LINE.match(clean(ln.text))
            if m:
                meta_lines.append(f"年度：{m.group(1)}")
        if pc.number == 1 and not pc.grids and not entries and _is_cover(outside):
            narrative.cover([TextLine(text=ln.text, page=ln.page, bbox=ln.bbox, size=ln.size) for ln in outside
                             if not PAGE_NO_RE.match(ln.text.strip())])
            # (its lines go on to the text too: a title on it heads what follows)
        used: set[int] = set()
        grids = sorted(pc.grids, key=lambda g: g.bbox.top if g.bbox else 0)
        if pending_title is not None:
            # a title at a page's foot whose page goes on with text (or holds no table): a heading, not a table's
            first_top = grids[0].bbox.top if grids and grids[0].bbox else None
            if first_top is None or any(len(clean(ln.text)) > 12 and not is_meta(ln.text) and ln.bbox.bottom <= first_top + 2
                                        for ln in outside):
                narrative.line(TextLine(text=pending_title.text.strip(), page=pending_title.page, bbox=pending_title.bbox,
                                        size=pending_title.size, big=bool(body) and pending_title.size >= body + 2.5))
                pending_title = None
        prev_bottom = 0.0
        for gi, grid in enumerate(grids):
            gtop = grid.bbox.top if grid.bbox else 0
            above = [(k, ln) for k, ln in enumerate(outside) if prev_bottom - 1 <= ln.bbox.top and ln.bbox.bottom <= gtop + 2]
            title_k = None
            year_k = None  # "2026" printed on its own line below "年部门支出总体情况表"
            in_grid = _title_from_grid(grid)
            for k, ln in reversed(above if not in_grid else []):
                t = clean(ln.text)
                if is_meta(ln.text) or TITLE_PREFIX_ONLY.match(t) or _YEAR_NOTE.match(t) or not re.search(r"\w", t):
                    continue  # "(: :" the colons of a meta line, set on a line of their own)
                if _BARE_YEAR.match(t) and year_k is None:
                    year_k = k
                    continue
                if len(words := ln.text.split()) >= 2 and all(_HEAD_WORD.fullmatch(w) for w in words):
                    # "一级指标 二级指标 指标内容 指标值" over a form's next page: its columns, not a title
                    grid.head_line = words
                    used.add(k)
                    break
                if is_title_line(ln.text) or is_short_title(ln.text):
                    title_k = k
                break
            if title_k is not None:
                tl = outside[title_k]
                title = clean(tl.text)
                if year_k is not None and title.startswith("年"):
                    title = clean(outside[year_k].text) + title
                    used.add(year_k)
                # a "表1" / "预算01表" line just before it
                if title_k - 1 >= 0 and TITLE_PREFIX_ONLY.match(clean(outside[title_k - 1].text)):
                    used.add(title_k - 1)
                grid.title = title
                grid.title_bbox = tl.bbox
                used.add(title_k)
                metas = [(k, ln) for k, ln in above if k > title_k]
            else:
                metas = [(k, ln) for k, ln in above if is_meta(ln.text) or len(clean(ln.text)) <= 12]
                if pending_title is not None and gi == 0 and not in_grid:
                    grid.title = clean(pending_title.text)
                    grid.title_bbox = pending_title.bbox
            pending_title = None
            for k, ln in metas:
                if is_meta(ln.text):
                    used.add(k)
                    grid.meta.append(ln.text)
            grid.unit = find_unit(grid.meta)
            if grid.unit is None:
                # 金额单位 printed inside a header cell
                head = [t for i in range(min(3, len(grid.rows))) for t in grid.texts(i)]
                grid.unit = find_unit([t for t in head if "单位" in t])
            if grid.unit is None:
                # "预算数（万元）": the unit in an amount column's own name, when the header's amount columns agree
                units = {m.group(1) for i in range(min(3, len(grid.rows))) for t in grid.texts(i)
                         if (m := _COLUMN_UNIT.search(clean(t)))}
                grid.unit = units.pop() if len(units) == 1 else None
            meta_lines.extend(grid.meta)
            for i in range(min(4, len(grid.rows))):
                texts = [clean(t) for t in grid.texts(i)]
                for j, t in enumerate(texts[:-1]):
                    nxt = next((x for x in texts[j + 1 :] if x), "")
                    if _META_KEY.match(t) and nxt and not _META_KEY.match(nxt):
                        meta_lines.append(f"{t}：{nxt}")
            # notes under the table, before the next one
            next_top = grids[gi + 1].bbox.top if gi + 1 < len(grids) and grids[gi + 1].bbox else 1e9
            gbottom = grid.bbox.bottom if grid.bbox else 0
            for k, ln in enumerate(outside):
                if gbottom - 2 <= ln.bbox.top < next_top and NOTE_RE.match(ln.text.strip()):
                    grid.notes.append(ln.text.strip())
                    used.add(k)
                    # wrapped note lines right under it
                    for k2 in range(k + 1, len(outside)):
                        nxt = outside[k2]
                        if nxt.bbox.top < next_top and not NOTE_RE.match(nxt.text) and nxt.bbox.top - outside[k2 - 1].bbox.bottom < 6 and not heading_level(nxt.text) and not PAGE_NO_RE.match(nxt.text.strip()):
                            grid.notes[-1] += nxt.text.strip()
                            used.add(k2)
                        else:
                            break
            prev_bottom = gbottom

            repeated = bool(grid.title) and builder is not None and clean(grid.title) == builder.table.title
            if (grid.title and not repeated) or builder is None or not builder.accepts(grid):
                if builder is not None:
                    tables.extend(finish_all(builder))
                if not grid.title:
                    # untitled and not a continuation: name it by the nearest heading (above it on its page, or before)
                    heads = [clean(ln.text) for _, ln in above if PART_TITLE.match(clean(ln.text)) or is_heading(ln.text)]
                    grid.title = heads[-1] if heads else narrative.path[-1][1] if narrative.path else "未命名表格"
                builder = start_builder(grid)
                if grid.unit is None and tables and builder.table.kind == "performance" \
                        and not getattr(builder, "unit_in_form", False):
                    builder.table.unit = None
            else:
                builder.extend(grid)
                if builder.table.unit is None and grid.unit:
                    builder.table.unit = grid.unit

        # text after the last table (or on a page without one): narrative, or a title for the next page
        tail_start = prev_bottom
        long_x1 = [ln.bbox.x1 for ln in outside if len(clean(ln.text)) >= 15]
        right = max(long_x1) if len(long_x1) >= 3 else 0.0  # the text's right edge: a line reaching it wraps
        for k, ln in enumerate(outside):
            if k in used:
                continue
            t = ln.text.strip()
            if PAGE_NO_RE.match(t) or TOC_RE.search(t) or not clean(t):
                continue
            if is_title_line(t) and not heading_level(t) and ln.bbox.top >= tail_start - 1:
                # a table title at the foot of a page, its table on the next
                later = [x for x in outside[k + 1 :] if clean(x.text) and not PAGE_NO_RE.match(x.text.strip())]
                if not later or all(is_meta(x.text) for x in later):
                    pending_title = ln
                    continue
            if is_title_line(t) and k + 1 < len(outside) and False:
                continue
            indent = bool(left) and ln.x0 > pc.left_margin + 0.8 * max(ln.size, 8)
            full = right > 0 and ln.bbox.x1 >= right - 1.5 * max(ln.size, 8)
            narrative.line(TextLine(text=t, page=ln.page, bbox=ln.bbox, size=ln.size, indent=indent,
                                    big=bool(body) and ln.size >= body + 2.5, full=full))
        if builder is not None and not pc.grids and any(
            k not in used and clean(ln.text) and not PAGE_NO_RE.match(ln.text.strip()) for k, ln in enumerate(outside)
        ):
            # narrative text between tables ends a table
            tables.extend(finish_all(builder))
            builder = None
    if builder is not None:
        tables.extend(finish_all(builder))

    doc.tables = [t for t in tables if t.rows or t.empty]
    doc.paragraphs = narrative.finish()
    meta_mod.apply(doc, title_lines, meta_lines + [f"年度：{y}" for y in _years_in_titles(tables)])
    return doc
