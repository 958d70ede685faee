"""Table understanding: grids from any reader become model Tables.

Header rows become column paths, columns get roles (sequence, code, label, value),
codes are normalised, two-sided tables split into sides, continued tables merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.grid import Grid, GridRow
from ingest.meta import ORG_END
from ingest.model import BBox, Row, Table, code_level, is_amount
from ingest.text import clean, clean_value, is_number

_SEQ_HEAD = {"序号", "行次", "栏次", "档次", "编号", "项次"}
_SEQ_ROW = {"栏次", "档次", "行次", "栏号"}
_CODE_HEAD = re.compile(r"编码|代码|编号")
_CODE_PART = {"类", "款", "项"}
_UNIT_HEAD = re.compile(r"^(预算单位|单位名称|单位|部门名称|部门（单位）名称|单位（部门）名称)$")
_ROW_KEY_HEAD = re.compile(r"年度|年份|项目|类别|内容|名称|指标|科目|分类")
_UNIT_CODE = re.compile(r"\d{6}")
_ATTR_HEAD = re.compile(r"类别$|类型$|性质$|属性$|目标$|说明$|用途$|概述$|描述$|依据$")  # a row's attribute, not its name
_LABEL_HEAD = re.compile(r"名称|^项目$|^科目$|^项目\(?按功能分类\)?|^收入项目$|^支出项目$|^指标$|^内容$|^项目名称")
_CODE_CELL = re.compile(r"^\d{3,7}$")
_PROJECT_CODE = re.compile(r"^(\d{6,}[A-Z][0-9A-Z]{6,})\s*[-－—–:：]?\s*(\D.*)$")
_JOINED_CODE = re.compile(r"^[\[【［(（]?(\d{3,7})[\]】］)）]?\s*[-－—–_:：.、\s]?\s*(?!年|月|日|万|元|%|\d)(\S.*)$")
_TOTAL = re.compile(r"^(合计|总计|本年收入合计|本年支出合计|收入总计|支出总计)$")
_EMPTY_TABLE = re.compile(r"空表|无数据|无发生额|无此项|无相关|没有.*(收支|支出|收入)|未安排|无.*(预算|支出|收入)")


# ---------------------------------------------------------------- classification

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("sanggong", re.compile(r"三公")),
    ("performance", re.compile(r"绩效")),
    ("fiscal_income_expense_total", re.compile(r"财政拨款收支|财政拨款收入支出")),
    ("income_expense_total", re.compile(r"收支(总|预算总|决算总|预算表|决算表)|收入支出(预算|决算)?总|收支总体情况表")),
    ("income_total", re.compile(r"收入(总表|预算表|决算表|预算总表|总体情况表)")),
    ("general_public_basic", re.compile(r"一般公共预算.*基本支出")),
    ("basic_expense", re.compile(r"基本支出")),
    ("general_public_expense", re.compile(r"一般公共预算.*支出")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("project_expense", re.compile(r"项目支出|专项业务经费")),  # 陕西: 专项业务经费支出表 is the 项目支出表
    ("procurement", re.compile(r"政府采购")),
    ("assets", re.compile(r"国有资产|固定资产|资产占用|资产情况")),
    ("org", re.compile(r"机构设置|机构情况")),
    ("special_fund", re.compile(r"专项资金")),
    ("expense_total", re.compile(r"^(?!.*财政拨款).*支出(总表|预算表|决算表|预算总表|总体情况表)")),
    ("fiscal_expense", re.compile(r"财政拨款.*支出")),
]

KIND_NAMES = {
    "income_expense_total": "收支总表",
    "income_total": "收入总表",
    "expense_total": "支出总表",
    "fiscal_income_expense_total": "财政拨款收支总表",
    "general_public_expense": "一般公共预算财政拨款支出表",
    "general_public_basic": "一般公共预算财政拨款基本支出表",
    "basic_expense": "基本支出表",
    "gov_fund": "政府性基金预算财政拨款支出表",
    "state_capital": "国有资本经营预算财政拨款支出表",
    "sanggong": "“三公”经费支出表",
    "procurement": "政府采购预算表",
    "assets": "国有资产占用情况表",
    "project_expense": "项目支出表",
    "performance": "绩效目标表",
    "org": "机构设置情况",
    "special_fund": "专项资金表",
    "fiscal_expense": "财政拨款支出表",
    "other": "其他表",
}


def classify(title: str) -> str:
    t = clean(title)
    for kind, pat in _KINDS:
        if pat.search(t):
            return kind
    return "other"


# ---------------------------------------------------------------- header

def is_seq_row(texts: list[str]) -> bool:
    """The 栏次 row: '栏次 1 2 3 …' or a run of small consecutive integers / letters."""
    vals = [clean(t) for t in texts if clean(t) and not re.fullmatch(r"\*+|—+|-+", clean(t))]
    if not vals:
        return any(clean(t) for t in texts)
    if vals[0] in _SEQ_ROW:
        return True
    if len(vals) >= 3 and all(v.isdigit() and len(v) <= 2 for v in vals):
        nums = [int(v) for v in vals]
        return nums == list(range(nums[0], nums[0] + len(nums)))
    if len(vals) >= 3 and all(re.fullmatch(r"[A-Z甲乙丙丁]", v) for v in vals[: len(vals) // 2 + 1]):
        return True
    return False


def header_depth(grid: Grid) -> int:
    """Number of header rows at the top of the grid (including a 栏次 row)."""
    depth = 0
    for i in range(min(len(grid.rows), 8)):
        texts = grid.texts(i)
        if is_seq_row(texts):
            return i + 1
        vals = [clean(t) for t in texts if clean(t)]
        if not vals:
            # an empty row inside the header band (merged cells); keep going
            depth = i + 1 if i == depth else depth
            continue
        if any(is_number(v) or _CODE_CELL.match(v) for v in vals):
            break
        depth = i + 1
    if depth >= len(grid.rows) >= 2 and all(c is not None for r in grid.rows[:2] for c in r.cells):
        # a simple one-line header over text rows (机构设置)
        return 1
    return depth


@dataclass
class Column:
    path: str
    role: str  # seq / code / label / unit / value / alt (another classification of the row)
    side: str = ""


def column_paths(grid: Grid, depth: int) -> list[str]:
    ncols = grid.ncols
    parts: list[list[str]] = [[] for _ in range(ncols)]
    for i in range(depth):
        row = grid.rows[i]
        texts = grid.texts(i)
        if is_seq_row(texts):
            continue
        for j in range(ncols):
            cell = row.cells[j] if j < len(row.cells) else None
            text = ""
            if cell is not None:
                text = cell.text
            else:
                # covered: from the left (colspan) or from above (rowspan)?
                for k in range(j - 1, -1, -1):
                    left = row.cells[k] if k < len(row.cells) else None
                    if left is not None:
                        if k + left.colspan > j:
                            text = left.text
                        break
            t = re.sub(r"[（(][）)]", "", clean(text))  # "因公出国 境 费 / ( )": brackets set on a line of their own
            if t and (not parts[j] or parts[j][-1] != t):
                parts[j].append(t)
    return ["/".join(p) for p in parts]


def column_roles(paths: list[str], grid: Grid, depth: int) -> list[Column]:
    cols: list[Column] = []
    for path in paths:
        last = path.split("/")[-1] if path else ""
        if last in _SEQ_HEAD or (path and path.split("/")[0] in _SEQ_HEAD and len(path.split("/")) == 1):
            role = "seq"
        elif _CODE_HEAD.search(last) or last in _CODE_PART:
            role = "code"
        elif _UNIT_HEAD.match(last):
            role = "unit"
        elif _LABEL_HEAD.search(last):
            role = "label"
        else:
            role = "value"
        cols.append(Column(path=path, role=role))
    units = [c for c in cols if c.role == "unit"]
    # 'X/项目' under 收入 / 支出 groups and the like
    if not any(c.role == "label" for c in cols):
        # the first non-seq, non-code column whose body cells are mostly text
        for j, c in enumerate(cols):
            if c.role in ("seq", "code", "unit"):
                continue
            if units and not _ROW_KEY_HEAD.search(c.path):
                continue
            body = [clean(grid.texts(i)[j]) for i in range(depth, len(grid.rows)) if j < grid.ncols]
            body = [b for b in body if b]
            if body and sum(not is_number(b) for b in body) >= len(body) / 2:
                c.role = "label"
                break
    if units and not any(c.role == "label" for c in cols):
        units[0].role = "label"  # the unit name is the row label (机构设置, unit lists)
    # an unlabeled first column of numbers is a sequence column
    if cols and cols[0].role == "value" and not cols[0].path:
        body = [clean(grid.texts(i)[0]) for i in range(depth, len(grid.rows))]
        if all(b.isdigit() and len(b) <= 3 for b in body if b):
            cols[0].role = "seq"
    # more label columns: value columns whose body is mostly text (收支总表 with several 支出 views)
    if any(c.role == "label" for c in cols):
        for j, c in enumerate(cols):
            if c.role != "value":
                continue
            body = [clean(grid.texts(i)[j]) for i in range(depth, len(grid.rows)) if j < len(grid.rows[i].cells)]
            body = [b for b in body if b]
            if _ATTR_HEAD.search(c.path.split("/")[-1]):
                continue  # 项目类别 / 项目性质: an attribute of the row, printed as a value
            if len(body) >= 3 and sum(not is_number(b) for b in body) >= 0.8 * len(body) and _ROW_KEY_HEAD.search(c.path):
                c.role = "label"
    # sides: value/code columns belong to the nearest label column on their left
    labels = [j for j, c in enumerate(cols) if c.role == "label"]
    if len(labels) >= 2:
        for n, j in enumerate(labels):
            top = cols[j].path.split("/")[0]
            side = top if "/" in cols[j].path else f"{n + 1}"
            if ("收入" in top) != ("支出" in top):
                side = "收入" if "收入" in top else "支出"
            if any(cols[k].side == side for k in labels[:n]):
                side = f"{side}·{cols[j].path.split('/')[-1]}"
            end = labels[n + 1] if n + 1 < len(labels) else len(cols)
            start = j
            # a code column just before the label belongs to it
            while start - 1 >= 0 and cols[start - 1].role == "code" and (n == 0 or start - 1 > labels[n - 1]):
                start -= 1
            for k in range(start, end):
                cols[k].side = side
    _one_row_of_sides(cols, grid, depth)
    _one_code_group(cols)
    return cols


_UNIT_NAME_HEAD = re.compile(r"单位(名称)?$|^部门名称$")
_GOV_ECON_HEAD = re.compile(r"政府.{0,4}经济")


def _numeric(grid: Grid, j: int, depth: int) -> bool:
    body = [clean(grid.texts(i)[j]) for i in range(depth, len(grid.rows)) if j < len(grid.rows[i].cells)]
    body = [b for b in body if b]
    return bool(body) and sum(is_number(b) for b in body) >= len(body) / 2


def _one_row_of_sides(cols: list[Column], grid: Grid, depth: int) -> None:
    """Several classifications printed side by side for one amount (部门经济科目 | 政府经济科目 | 合计 …;
    预算单位 | 项目 | 金额 | 功能科目 | 经济科目): one row, not one per classification. Its key is the first
    classification that is not a unit; a unit's name is the row's unit; the other classifications are values
    of the row ("alt" columns, printed as code and name together). Sides of a 收支总表, each with its own
    amounts, stay apart."""
    sides = list(dict.fromkeys(c.side for c in cols if c.side))
    if len(sides) < 2:
        return
    amounts = {c.side for j, c in enumerate(cols) if c.role == "value" and _numeric(grid, j, depth)}
    if len(amounts) != 1:
        return
    labels = {s: next((c for c in cols if c.side == s and c.role == "label"), None) for s in sides}
    heads = {s: c.path.split("/")[-1] for s, c in labels.items() if c is not None}
    # the key: the classification printed with the amounts, but the 部门 经济分类 (30x) before the 政府 one (50x),
    # and a project before the unit it belongs to
    key = next(iter(amounts))
    if _GOV_ECON_HEAD.search(heads.get(key, "")) or _UNIT_NAME_HEAD.search(heads.get(key, "")):
        key = next((s for s in sides if s in heads and s != key and not _UNIT_NAME_HEAD.search(heads[s])
                    and not _GOV_ECON_HEAD.search(heads[s])), key)
    for s in sides:
        if s == key or s not in heads:
            continue
        unit = _UNIT_NAME_HEAD.search(heads[s])
        for c in cols:
            if c.side == s and c.role in ("code", "label"):
                c.role = ("unit" if c is labels[s] else "seq") if unit else "alt"  # (a unit's code is not the row's)
    for c in cols:
        c.side = ""


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def _one_code_group(cols: list[Column]) -> None:
    """A row's code is its first group of code columns (科目编码 类/款/项); later code columns
    (单位编码, 经济科目编码 类/款 in a 政府采购 table) are values of the row, printed as they are."""
    for side in dict.fromkeys(c.side for c in cols):
        js = [j for j, c in enumerate(cols) if c.side == side and c.role == "code"]
        if len(js) < 2:
            continue
        first = cols[js[0]]
        split = first.path.split("/")[-1] in _CODE_PART
        group = [js[0]]
        for j in js[1:]:
            last = cols[j].path.split("/")[-1]
            # one header over all of them ("科目编码" spanning three columns), or 类 / 款 / 项 under one parent
            same = cols[j].path == first.path or (split and last in _CODE_PART and _parent(cols[j].path) == _parent(first.path))
            if j == group[-1] + 1 and same:
                group.append(j)
            else:
                break
        for j in js:
            if j not in group:
                cols[j].role = "value"


# ---------------------------------------------------------------- rows

def normalise_code(parts: list[str]) -> str:
    code = "".join(clean(p) for p in parts)
    return code


def _covered_from_left(row: GridRow, j: int) -> bool:
    for k in range(j - 1, -1, -1):
        c = row.cells[k] if k < len(row.cells) else None
        if c is not None:
            return k + c.colspan > j
    return False


def _bbox_of(row: GridRow, idx: list[int]) -> BBox | None:
    box: BBox | None = None
    for j in idx:
        c = row.cells[j] if j < len(row.cells) else None
        if c is not None and c.bbox is not None:
            box = c.bbox.union(box)
    return box or row.bbox


class TableBuilder:
    """Accumulates the grids of one table (a first page and its continuations)."""

    def __init__(self, grid: Grid, kind: str | None = None):
        self.table = Table(
            title=clean(grid.title),
            kind=kind or classify(grid.title),
            unit=grid.unit,
            pages=[grid.page],
            notes=list(grid.notes),
            bbox=grid.title_bbox,
        )
        self.depth = header_depth(grid)
        self.header_texts = [tuple(clean(t) for t in grid.texts(i)) for i in range(self.depth)]
        paths = column_paths(grid, self.depth)
        self.cols = column_roles(paths, grid, self.depth)
        self.ncols = grid.ncols
        # (a blank first column, a margin the next pages leave out: their grids are one column narrower)
        self.blank_lead = all(not clean(grid.texts(i)[0]) for i in range(len(grid.rows)) if grid.rows[i].cells)
        self._last: dict[str, Row] = {}
        self._code_parts: dict[str, list[str]] = {}
        self.table.columns = [c.path for c in self.cols if c.role == "value"]
        self._add_rows(grid, self.depth)

    # a continuation grid fits when it has the same width
    def accepts(self, grid: Grid) -> bool:
        return grid.ncols == self.ncols or self.blank_lead and grid.ncols == self.ncols - 1

    def extend(self, grid: Grid) -> None:
        if grid.ncols == self.ncols - 1:  # the blank margin column left out: put back
            grid = replace(grid, rows=[replace(r, cells=[None, *r.cells]) for r in grid.rows])
        if grid.page not in self.table.pages:
            self.table.pages.append(grid.page)
        self.table.notes.extend(grid.notes)
        start = 0
        # repeated header rows
        for i in range(min(len(grid.rows), len(self.header_texts) + 1)):
            texts = tuple(clean(t) for t in grid.texts(i))
            if texts in self.header_texts or is_seq_row(list(texts)):
                start = i + 1
            elif i < len(self.header_texts) and header_depth(grid) > i and not any(
                is_number(t) for t in texts if t
            ) and all(len(t) <= 16 for t in texts):  # (a row of text carried over from the page before is no header)
                start = i + 1
            else:
                break
        self._add_rows(grid, self._carried_over(grid, start))

    def _carried_over(self, grid: Grid, start: int) -> int:
        """A row cut by the page break: the next page's first rows, text only, continue the sentence cells of the
        table's last row ("完成政府公报编辑管理工" + "作，本年度计划…"). They are joined to it; returns the first row
        that is a row of its own."""
        prev = next((r for r in reversed(self.table.rows) if r.values), None)
        i = start
        while prev is not None and i < len(grid.rows):
            texts = grid.texts(i)
            full = [j for j, t in enumerate(texts) if clean(t) and j < len(self.cols)]
            if any(is_number(texts[j]) for j in full):
                break
            roles = {self.cols[j].role for j in full}
            vals = {self.cols[j].path or f"列{j + 1}": clean_value(texts[j]) for j in full if self.cols[j].role == "value"}
            if not full or roles == {"unit"}:  # the unit's name wrapping on ("厅（本级）")
                i += 1
                continue
            if not vals or roles - {"value", "label", "unit"} or any(
                len(prev.values.get(k, "")) < 10 or prev.values[k].endswith(("。", "；", ";", "！")) for k in vals
            ):
                break
            for k, v in vals.items():
                prev.values[k] += v
            labels = [j for j in full if self.cols[j].role == "label"]
            prev.label += clean(texts[labels[-1]]) if labels else ""  # (the item's own name: the last label column)
            i += 1
        return i

    def _add_rows(self, grid: Grid, start: int) -> None:
        cols = self.cols
        sides = sorted({c.side for c in cols}, key=lambda s: [c.side for c in cols].index(s))
        alt_groups: list[list[int]] = []  # (a code column and the name after it are one group)
        for j, c in enumerate(cols):
            if c.role == "alt":
                if alt_groups and alt_groups[-1][-1] == j - 1 and _CODE_HEAD.search(cols[j - 1].path):
                    alt_groups[-1].append(j)
                else:
                    alt_groups.append([j])
        for i in range(start, len(grid.rows)):
            texts = grid.texts(i)
            if not any(clean(t) for t in texts):
                continue
            if is_seq_row(texts):
                continue
            grow = grid.rows[i]
            # a wrapped-code fragment on its own line: '1' continuing '210110'
            nonblank = [j for j, t in enumerate(texts) if clean(t)]
            code_cols = [j for j, c in enumerate(cols) if c.role == "code"]
            if (
                nonblank
                and all(j in code_cols for j in nonblank)
                and self.table.rows
                and all(clean(texts[j]).isdigit() and len(clean(texts[j])) <= 2 for j in nonblank)
            ):
                prev = self.table.rows[-1]
                frag = "".join(clean(texts[j]) for j in nonblank)
                if len(prev.code) in (2, 4, 6) and len(prev.code + frag) <= 7:
                    prev.code = prev.code + frag
                    prev.level = code_level(prev.code)
                    continue
            # covered from above (rowspan), not from the left (a 合计 spanning code and name columns)
            covered = [j < len(grow.cells) and grow.cells[j] is None and not _covered_from_left(grow, j)
                       for j in range(len(texts))]
            for side in sides:
                idx = [j for j, c in enumerate(cols) if c.side == side and j < len(texts)]
                label = "".join(clean(texts[j]) for j in idx if cols[j].role == "label")
                code_js = [j for j in idx if cols[j].role == "code"]
                parts = [clean(texts[j]) for j in code_js]
                if len(code_js) >= 2 and any(parts):
                    # 类 / 款 / 项 columns print the 类 only once: carry higher levels down
                    first = next(k for k, p in enumerate(parts) if p)
                    prev_parts = self._code_parts.get(side, [])
                    if first > 0 and len(prev_parts) == len(parts) and all(prev_parts[:first]):
                        parts = prev_parts[:first] + parts[first:]
                    self._code_parts[side] = parts
                code = normalise_code(parts)
                unit_name = "".join(clean(texts[j]) for j in idx if cols[j].role == "unit")
                prev = self._last.get(side)
                if prev is not None:
                    # a label / code / unit cell merged down from the row above belongs to this row too
                    lab_j = [j for j in idx if cols[j].role == "label"]
                    if not label and lab_j and all(covered[j] for j in lab_j):
                        label, code = prev.label, code or prev.code
                    if not unit_name:
                        unit_name = prev.unit_name
                values: dict[str, str] = {}
                for j in idx:
                    if cols[j].role == "value":
                        v = clean_value(texts[j])
                        if v:
                            values[cols[j].path or f"列{j + 1}"] = v
                lab_js = [j for j in idx if cols[j].role == "label"]
                if label and lab_js and (k := lab_js[-1] + 1) in idx and cols[k].role == "value":
                    # a long name run over into the amount beside it ("…服务保" | "障中1心839311.66"): its characters
                    # are the name's end, its digits the amount
                    v = values.get(key := cols[k].path or f"列{k + 1}", "")
                    tail, rest = "".join(re.findall(r"[\u4e00-\u9fa5]", v)), re.sub(r"[\u4e00-\u9fa5]", "", v)
                    if tail and len(tail) <= 6 and re.fullmatch(r"\s*-?[\d,]*\.\d{1,2}\s*", rest):  # (not a date's digits)
                        label, values[key] = label + tail, rest.strip()
                for g in alt_groups:  # another classification of the row: code and name as one value
                    if g[0] in idx and (v := " ".join(clean(texts[k]) for k in g if clean(texts[k]))):
                        if not label and not code and not _CODE_CELL.match(v.split(" ")[0]):
                            label = v  # "合计" printed under another classification's name
                        else:
                            values[cols[g[-1]].path] = v
                if not code:
                    m = _PROJECT_CODE.match(label) or _JOINED_CODE.match(label)
                    if m:
                        code, label = m.group(1), m.group(2)
                if code and not code.isdigit():
                    # a code column holding a name ('合计'), or code+name in one cell
                    m = _JOINED_CODE.match(code)
                    if m:
                        code, label = m.group(1), (m.group(2) + label)
                    elif not label:
                        code, label = "", code
                if not label and not code and not values:
                    continue
                if not label and not code and unit_name:
                    label = unit_name  # the unit's own row ("深圳市信访局" above its 科目 rows): its total
                row = Row(
                        index=len(self.table.rows),
                        label=label,
                        code=code,
                        unit_name=unit_name,
                        side=side if len(sides) > 1 else "",
                        level=code_level(code),
                        values=values,
                        page=grow.page,
                        bbox=_bbox_of(grow, idx),
                    )
                self.table.rows.append(row)
                self._last[side] = row

    def finish(self) -> Table:
        t = self.table
        if not any(r.unit_name for r in t.rows):
            # one block of 科目 rows per unit, each under its unit's row ("125004 西安市安全生产应急救援中心"):
            # a unit code has 6 digits (科目 codes have 3, 5 or 7)
            unit = ""
            for r in t.rows:
                if _UNIT_CODE.fullmatch(r.code):
                    unit = r.label
                elif unit and r.code:
                    r.unit_name = unit
        if not any(r.unit_name for r in t.rows):
            _body_blocks(t)
        if not any(r.unit_name for r in t.rows):
            _class_blocks(t)
        has_values = any(r.values for r in t.rows)
        if not has_values:
            t.empty = True
        if any(_EMPTY_TABLE.search(n) for n in t.notes) and not any(
            is_amount(v) for r in t.rows for v in r.values.values()
        ):
            t.empty = True
        return t


def _body_named(r: Row) -> str:
    """The body a nameless row names in its one text cell ("某市某某中心 | 12.34"), or ""."""
    texts = [v for v in r.values.values() if not is_number(v)]
    return texts[0] if len(texts) == 1 and len(texts[0]) >= 5 and ORG_END.search(texts[0]) else ""


def _body_blocks(t: Table) -> None:
    """Bodies named on rows of their own above the rows they buy or spend (a 政府采购 table listing each unit's items):
    each row below is its body's, up to the next such row, or a nameless row of another kind ("货物", "合计")."""
    heads = {id(r): name for r in t.rows if not r.label and not r.code and (name := _body_named(r))}
    if len(heads) < 2:
        return
    unit = ""
    for r in t.rows:
        if id(r) in heads:
            unit = r.label = r.unit_name = heads[id(r)]
        elif not r.label:
            unit = ""
        elif unit:
            r.unit_name = unit


def _class_blocks(t: Table) -> None:
    """Bodies named on rows of their own, each over the same run of class rows ("某局（本级）", "工资福利支出", …,
    "某中心", "工资福利支出", …): each row below is its body's, up to the next body row. A list of bodies with
    nothing under them, or rows under them that no other body repeats, are no blocks."""
    heads = [i for i, r in enumerate(t.rows) if not r.code and len(r.label) >= 5 and ORG_END.search(r.label) and r.values]
    if len(heads) < 2:
        return
    spans = list(zip(heads, [*heads[1:], len(t.rows)], strict=True))
    labels = [{r.label for r in t.rows[a + 1 : b]} for a, b in spans]
    if sum(1 for x in labels if x) < 2 or not any(x & y for i, x in enumerate(labels) for y in labels[i + 1 :]):
        return
    for a, b in spans:
        for r in t.rows[a + 1 : b]:
            r.unit_name = t.rows[a].label
